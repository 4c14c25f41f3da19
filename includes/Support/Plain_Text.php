<?php
/**
 * Text from Amazon made safe to carry into HTML, feeds, REST and e-mail.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Support;

/**
 * Removes what no product text needs and what breaks the places it goes: C0 control characters
 * but tab and newline (NUL or a form feed make an RSS feed invalid XML), DEL, and the bidi
 * embedding, override and isolate characters U+202A–U+202E and U+2066–U+2069 (a right-to-left
 * override turns a title around, and with it the text after it). Invalid UTF-8 bytes become a substitute character.
 * Escaping stays the job of the output.
 */
final class Plain_Text {

	/**
	 * The characters removed.
	 */
	private const UNWANTED = '/[\x00-\x08\x0B-\x1F\x7F\x{202A}-\x{202E}\x{2066}-\x{2069}]/u';

	/**
	 * The text without the unwanted characters.
	 *
	 * @param string $text Text as Amazon sent it.
	 */
	public static function clean( string $text ): string {
		if ( 1 === preg_match( '/^[\x09\x0A\x20-\x7E]*$/', $text ) ) {
			return $text; // Printable ASCII: the common case costs one scan.
		}
		if ( function_exists( 'mb_scrub' ) ) {
			$text = mb_scrub( $text, 'UTF-8' );
		}
		$clean = preg_replace( self::UNWANTED, '', $text );
		return is_string( $clean ) ? $clean : '';
	}
}
