<?php
/**
 * The formatter where PHP has no intl extension (many shared hosts).
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Unit\Render;

use PHPUnit\Framework\TestCase;

/**
 * Runs the Formatter in a PHP process started without any extension from php.ini (`php -n`).
 */
final class Formatter_Without_Intl_Test extends TestCase {

	/**
	 * Numbers, percentages and money fall back to plain formats instead of failing on the
	 * missing NumberFormatter class.
	 */
	public function test_numbers_fall_back_without_the_intl_extension(): void {
		$autoload = dirname( __DIR__, 4 ) . '/includes/autoload.php';
		$script   = 'define( "ABSPATH", "/" );'
			. 'function determine_locale() { return "en_US"; }'
			. 'function __( $text ) { return $text; }'
			. 'function apply_filters( $hook, $value ) { return $value; }'
			. 'require ' . var_export( $autoload, true ) . ';'
			. '$f = new Creators_Connect\Render\Formatter();'
			. 'echo json_encode( array( extension_loaded( "intl" ), $f->number( 4.5 ), $f->percent( 33 ), $f->money( 12.5, "EUR" ), $f->number( 4.25, 2 ) ) );';
		$output   = shell_exec( escapeshellarg( PHP_BINARY ) . ' -n -r ' . escapeshellarg( $script ) . ' 2>&1' );
		$result   = json_decode( (string) $output, true );
		$this->assertIsArray( $result, 'the child process printed: ' . (string) $output );
		if ( true === $result[0] ) {
			$this->markTestSkipped( 'This PHP has intl built in; php -n cannot leave it out.' );
		}
		$this->assertSame( array( false, '4.5', '33%', '12.50 EUR', '4.25' ), $result );
	}
}
