<?php
/**
 * The settings screen's getting-started checklist: what a new site has done so far.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Settings;

/**
 * Three steps that tick themselves: a marketplace is added, a connection test passed for a
 * marketplace since it was last saved, a published post shows a product. Whether the panel is
 * dismissed is kept per user.
 */
final class Getting_Started {

	/**
	 * When a connection test last passed, per country (Unix time); set by Connection_Tester.
	 */
	public const TESTED_OPTION = 'acapi_connection_tested_at';

	/**
	 * User meta: the user dismissed the panel.
	 */
	public const DISMISSED_META = 'acapi_getting_started_dismissed';

	/**
	 * The configured marketplaces: country → when each was last saved.
	 *
	 * @var callable(): array<string, int>
	 */
	private $saved_at;

	/**
	 * A published post that shows a product, or null.
	 *
	 * @var callable(): ?int
	 */
	private $product_post;

	/**
	 * Builds the checklist.
	 *
	 * @param callable(): array<string, int> $saved_at     The configured marketplaces: country → when each was last saved.
	 * @param callable(): ?int               $product_post The id of a published post that shows a product, or null.
	 */
	public function __construct( callable $saved_at, callable $product_post ) {
		$this->saved_at     = $saved_at;
		$this->product_post = $product_post;
	}

	/**
	 * Records a passed connection test.
	 *
	 * @param string $country Country code.
	 */
	public static function record_connection_test( string $country ): void {
		$passed             = get_option( self::TESTED_OPTION, array() );
		$passed             = is_array( $passed ) ? $passed : array();
		$passed[ $country ] = time();
		update_option( self::TESTED_OPTION, $passed, false );
	}

	/**
	 * The checklist and the current user's dismissal.
	 *
	 * @return array{marketplace_added: bool, connection_tested: bool, product_on_page: bool, product_url: string|null, dismissed: bool}
	 */
	public function state(): array {
		$post_id = ( $this->product_post )();
		$url     = null !== $post_id ? get_permalink( $post_id ) : false;
		$saved   = ( $this->saved_at )();
		$passed  = get_option( self::TESTED_OPTION, array() );
		$tested  = false;
		foreach ( $saved as $country => $at ) {
			// A test counts for the settings it ran with: a later save asks for another.
			$tested = $tested || ( is_array( $passed ) && isset( $passed[ $country ] ) && (int) $passed[ $country ] >= $at );
		}
		return array(
			'marketplace_added' => array() !== $saved,
			'connection_tested' => $tested,
			'product_on_page'   => null !== $post_id,
			'product_url'       => is_string( $url ) ? $url : null,
			'dismissed'         => (bool) get_user_meta( get_current_user_id(), self::DISMISSED_META, true ),
		);
	}

	/**
	 * Dismisses the panel for the current user, or brings it back.
	 *
	 * @param bool $dismissed Whether it is dismissed.
	 */
	public function set_dismissed( bool $dismissed ): void {
		if ( $dismissed ) {
			update_user_meta( get_current_user_id(), self::DISMISSED_META, 1 );
			return;
		}
		delete_user_meta( get_current_user_id(), self::DISMISSED_META );
	}
}
