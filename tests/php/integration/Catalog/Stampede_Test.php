<?php
/**
 * Stampede protection across processes: concurrent requests for the same missing ASINs make one call.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Catalog;

use Creators_Connect\Catalog\Product_Store;
use Creators_Connect\Tests\Child_Process;
use Creators_Connect\Tests\Emulator;

require_once __DIR__ . '/Catalog_Test_Case.php';

/**
 * Two PHP processes (proc_open of stampede-child.php, each loading WordPress on the test database)
 * ask for the same missing ASINs while Amazon answers slowly. The database work has to be visible
 * across processes, so this test leaves its transaction, and cleans up after itself.
 */
final class Stampede_Test extends Catalog_Test_Case {

	/**
	 * The cron option before the test.
	 *
	 * @var mixed
	 */
	private $cron;

	/**
	 * Leaves the transaction: the children must see each other's rows and locks.
	 */
	protected function setUp(): void {
		parent::setUp();
		global $wpdb;
		$wpdb->query( 'ROLLBACK' );
		$this->cron = get_option( 'cron' );
		$this->clean();
	}

	/**
	 * Removes what the children stored, then opens the transaction tearDown() rolls back.
	 */
	protected function tearDown(): void {
		global $wpdb;
		$this->clean();
		update_option( 'cron', $this->cron );
		$wpdb->query( 'START TRANSACTION' );
		parent::tearDown();
	}

	/**
	 * Two concurrent requests for the same three missing ASINs: one getItems call, both served.
	 */
	public function test_concurrent_requests_make_one_call(): void {
		$asins = array_slice( Emulator::catalog_asins( 'de' ), 0, 3 );
		$this->emulator->fault(
			array(
				'fault'      => 'latency',
				'latency_ms' => 1000,
				'times'      => -1,
				'operation'  => 'getItems',
			)
		);

		$children = array();
		for ( $i = 0; $i < 2; $i++ ) {
			$children[] = $this->spawn( 'de', $asins );
		}
		$answers = array();
		foreach ( $children as $child ) {
			$answers[] = $this->finish( $child );
		}

		$this->assertSame( 1, $this->get_items_calls( 'de' ), 'one call for both requests: ' . wp_json_encode( $answers ) );
		foreach ( $answers as $answer ) {
			$this->assertSame( 3, $answer['products'], wp_json_encode( $answer ) );
			$this->assertSame( 3, $answer['fetched'], 'real data, not the fallback: ' . wp_json_encode( $answer ) );
		}
		$this->assertSame( 1, $answers[0]['stats']['waited'] + $answers[1]['stats']['waited'], 'one request waited for the other' );
	}

	/**
	 * Starts a child process.
	 *
	 * @param string       $country Country code.
	 * @param list<string> $asins   ASINs.
	 */
	private function spawn( string $country, array $asins ): Child_Process {
		return new Child_Process( __DIR__ . '/stampede-child.php', array( $country, implode( ',', $asins ) ) );
	}

	/**
	 * Waits for a child and decodes its answer.
	 *
	 * @param Child_Process $child Child.
	 * @return array<string, mixed>
	 */
	private function finish( Child_Process $child ): array {
		$done = $child->finish();
		$out  = $done['out'];
		$err  = $done['err'];
		$this->assertSame( 0, $done['status'], $out . $err );
		$data = json_decode( $out, true );
		$this->assertIsArray( $data, $out . $err );
		return $data;
	}

	/**
	 * Deletes the rows, locks and cached tokens the children committed.
	 */
	private function clean(): void {
		global $wpdb;
		// phpcs:disable WordPress.DB.DirectDatabaseQuery -- Test cleanup of committed rows.
		$wpdb->query( 'DELETE FROM ' . Product_Store::table() ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- A constant table name.
		$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name LIKE %s OR option_name LIKE %s OR option_name LIKE %s", $wpdb->esc_like( 'acapi_lock_' ) . '%', $wpdb->esc_like( '_transient_acapi_' ) . '%', $wpdb->esc_like( '_transient_timeout_acapi_' ) . '%' ) );
		// phpcs:enable
		wp_cache_flush();
	}
}
