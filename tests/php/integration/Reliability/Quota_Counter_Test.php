<?php
/**
 * The quota counters across PHP processes: four processes counting at once lose no count, on
 * transients (SQLite, MariaDB) as in a persistent object cache (the Redis suite).
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Reliability;

use Creators_Connect\Amazon\Call_Guard;
use Creators_Connect\Support\Shared_Store;
use Creators_Connect\Tests\Child_Process;
use Creators_Connect\Tests\Integration_Test_Case;

/**
 * The children must see each other's rows, so this test leaves its transaction and cleans up.
 */
final class Quota_Counter_Test extends Integration_Test_Case {

	/**
	 * Leaves the transaction.
	 */
	protected function setUp(): void {
		parent::setUp();
		global $wpdb;
		$wpdb->query( 'ROLLBACK' );
	}

	/**
	 * Removes the counters, then opens the transaction tearDown() rolls back.
	 */
	protected function tearDown(): void {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- The test's own transient rows.
		$wpdb->query( "DELETE FROM `$wpdb->options` WHERE option_name LIKE '%acapi_quota_qtest%' OR option_name LIKE '%acapi_spd_987654%' OR option_name LIKE '%acapi_spm_987654%'" );
		wp_cache_flush();
		$wpdb->query( 'START TRANSACTION' );
		parent::tearDown();
	}

	/**
	 * 4 processes × 40 calls: 160 on the credential's day and on the editor's day.
	 */
	public function test_concurrent_processes_lose_no_count(): void {
		$credential = 'qtest' . wp_generate_password( 8, false );
		$children   = array();
		for ( $i = 0; $i < 4; $i++ ) {
			$children[] = new Child_Process( __DIR__ . '/quota-child.php', array( $credential, '987654', '40' ) );
		}
		foreach ( $children as $child ) {
			$done = $child->finish();
			$this->assertSame( 'ok', $done['out'], $done['err'] );
		}
		$guard = new Call_Guard( new Shared_Store(), static fn(): array => array() );
		$this->assertSame( 160, $guard->calls_today( $credential ) );
		$this->assertSame( 160, $guard->user_calls( 987654 )['day'] );
	}
}
