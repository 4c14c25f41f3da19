<?php
/**
 * Amazon's required identification statement: the `[amazon_disclosure]` shortcode.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Render;

use Creators_Connect\Settings\Settings_Repository;

/**
 * "As an Amazon Associate I earn from qualifying purchases." (Amazon fixes the wording; a site can
 * replace it through the general setting `disclosure_text`, e.g. with Amazon's translation.)
 */
final class Disclosure {

	/**
	 * The shortcode tag.
	 */
	public const TAG = 'amazon_disclosure';

	/**
	 * Adds the hooks.
	 */
	public function register_hooks(): void {
		add_shortcode( self::TAG, array( $this, 'render' ) );
	}

	/**
	 * The statement as plain text.
	 */
	public static function text(): string {
		$text = trim( Settings_Repository::stored_general()['disclosure_text'] );
		if ( '' !== $text ) {
			return $text;
		}
		return __( 'As an Amazon Associate I earn from qualifying purchases.', 'creators-connect-for-amazon' );
	}

	/**
	 * The statement as a paragraph.
	 */
	public function render(): string {
		return '<p class="acapi-disclosure">' . esc_html( self::text() ) . '</p>';
	}
}
