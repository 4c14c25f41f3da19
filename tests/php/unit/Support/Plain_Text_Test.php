<?php
/**
 * Unit tests of the product-text cleaner.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Unit\Support;

use Creators_Connect\Support\Plain_Text;
use PHPUnit\Framework\TestCase;

/**
 * Plain_Text.
 */
final class Plain_Text_Test extends TestCase {

	/**
	 * Controls and bidi overrides go; tab, newline, accents, CJK and emoji stay.
	 *
	 * @return array<string, array{string, string}>
	 */
	public static function texts(): array {
		return array(
			'plain ASCII'              => array( "Men's 10-17\" Shoes", "Men's 10-17\" Shoes" ),
			'NUL and bell'             => array( "Cable\x00 3m\x07", 'Cable 3m' ),
			'right-to-left override'   => array( "Phone \u{202E}gnp.exe\u{202C} case", 'Phone gnp.exe case' ),
			'isolates'                 => array( "\u{2066}Title\u{2069} \u{2067}x\u{2068}", 'Title x' ),
			'DEL, form feed, CR'       => array( "A\x7FB\x0CC\r\nD", "ABC\nD" ),
			'tab and newline kept'     => array( "a\tb\nc", "a\tb\nc" ),
			'other scripts kept'       => array( 'Kopfhörer – 東京 🎧 עברית', 'Kopfhörer – 東京 🎧 עברית' ),
			'invalid UTF-8 substitute' => array( "Bad \xC3\x28 byte", 'Bad ?( byte' ),
		);
	}

	/**
	 * Each text comes out as expected.
	 *
	 * @dataProvider texts
	 *
	 * @param string $in  Input.
	 * @param string $out Expected.
	 */
	public function test_clean( string $in, string $out ): void {
		$this->assertSame( $out, Plain_Text::clean( $in ) );
	}
}
