<?php
/**
 * The visitor-country → marketplace table.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Unit\Marketplace;

use Creators_Connect\Marketplace\Marketplace_Registry;
use Creators_Connect\Marketplace\Visitor_Countries;
use PHPUnit\Framework\TestCase;

/**
 * Own store first, then the table; only targets; a site's rows on top of the defaults.
 */
final class Visitor_Countries_Test extends TestCase {

	/**
	 * The issue's examples, against the targets.
	 */
	public function test_countries_go_to_their_own_store_then_to_the_table(): void {
		$table   = Visitor_Countries::table();
		$targets = array( 'de', 'uk', 'fr', 'au', 'us' );
		$this->assertSame( 'de', Visitor_Countries::marketplace_for( 'AT', $table, $targets ) );
		$this->assertSame( 'de', Visitor_Countries::marketplace_for( 'ch', $table, $targets ) );
		$this->assertSame( 'uk', Visitor_Countries::marketplace_for( 'IE', $table, $targets ) );
		$this->assertSame( 'uk', Visitor_Countries::marketplace_for( 'GB', $table, $targets ) );
		$this->assertSame( 'fr', Visitor_Countries::marketplace_for( 'BE', $table, $targets ) );
		$this->assertSame( 'au', Visitor_Countries::marketplace_for( 'NZ', $table, $targets ) );
		$this->assertSame( 'us', Visitor_Countries::marketplace_for( 'AR', $table, $targets ) );
		$this->assertSame( 'de', Visitor_Countries::marketplace_for( 'DE', $table, $targets ) );
		$this->assertNull( Visitor_Countries::marketplace_for( 'JP', $table, $targets ), 'no target for Japan' );
		$this->assertNull( Visitor_Countries::marketplace_for( 'NZ', $table, array( 'de' ) ), 'AU is no target' );
		$this->assertNull( Visitor_Countries::marketplace_for( 'xx1', $table, $targets ) );
		$this->assertSame( 'ie', Visitor_Countries::marketplace_for( 'IE', $table, array( 'ie', 'uk' ) ), 'amazon.ie when it is a target' );
	}

	/**
	 * A site's rows: BE → NL, AT removed; unknown marketplaces and malformed countries ignored.
	 */
	public function test_site_rows_override_defaults(): void {
		$table = Visitor_Countries::table(
			array(
				'be'  => 'nl',
				'at'  => '',
				'no'  => 'se',
				'xx1' => 'de',
				'pl'  => 'zz',
			)
		);
		$this->assertSame( 'nl', $table['be'] );
		$this->assertSame( 'se', $table['no'] );
		$this->assertArrayNotHasKey( 'at', $table );
		$this->assertArrayNotHasKey( 'xx1', $table );
		$this->assertArrayNotHasKey( 'pl', $table );
		foreach ( Visitor_Countries::DEFAULTS as $marketplace ) {
			$this->assertNotNull( Marketplace_Registry::get( $marketplace ) );
		}
	}
}
