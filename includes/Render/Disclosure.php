<?php
/**
 * Amazon's required identification statement: the `[amazon_disclosure]` shortcode.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Render;

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
	 * The general settings (`disclosure_text`), read when the statement is shown.
	 *
	 * @var callable(): array<string, mixed>
	 */
	private $general;

	/**
	 * Builds the statement.
	 *
	 * @param callable(): array<string, mixed> $general The general settings, defaults filled in.
	 */
	public function __construct( callable $general ) {
		$this->general = $general;
	}

	/**
	 * Adds the hooks.
	 */
	public function register_hooks(): void {
		add_shortcode( self::TAG, array( $this, 'render' ) );
	}

	/**
	 * The statement as plain text.
	 */
	public function text(): string {
		$general = ( $this->general )();
		$text    = trim( is_string( $general['disclosure_text'] ?? null ) ? $general['disclosure_text'] : '' );
		if ( '' !== $text ) {
			return $text;
		}
		return __( 'As an Amazon Associate I earn from qualifying purchases.', 'creators-connect-for-amazon' );
	}

	/**
	 * The statement as a paragraph.
	 */
	public function render(): string {
		return '<p class="acapi-disclosure">' . esc_html( $this->text() ) . '</p>';
	}
}
