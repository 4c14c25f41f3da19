<?php
/**
 * The plugin's use of the object cache: product rows in their own group, shared state (rate
 * limits, locks, circuit breakers, tokens) in another. Meaningful on every backend, and the reason
 * to run this suite with a persistent cache too (`tools/test-php.sh redis`).
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Catalog;

use Creators_Connect\Amazon\Circuit_Breaker;
use Creators_Connect\Support\Shared_Store;
use Creators_Connect\Catalog\Product_Store;
use Creators_Connect\Tests\Emulator;

require_once __DIR__ . '/Catalog_Test_Case.php';

/**
 * Clearing products keeps shared state; stored rows are read from a persistent cache.
 */
final class Object_Cache_Groups_Test extends Catalog_Test_Case {

	/**
	 * Emptying the product store (a cache clear) must not close an open circuit breaker or forget
	 * the rate limiter's reservations: with a persistent cache they live beside the rows.
	 */
	public function test_clearing_products_keeps_shared_state(): void {
		add_filter( 'acapi_circuit_breaker_threshold', static fn(): int => 1 );
		$breaker = new Circuit_Breaker();
		$breaker->record_failure( 'creators', 'de' );
		( new Shared_Store() )->set( 'field_probe', 'kept', 60 );
		$this->assertSame( Circuit_Breaker::OPEN, Circuit_Breaker::state( 'creators', 'de' ) );

		$this->store_product( 'de', Emulator::catalog_asins( 'de' )[0], 60 );
		( new Product_Store() )->delete();

		$this->assertSame( Circuit_Breaker::OPEN, Circuit_Breaker::state( 'creators', 'de' ), 'the circuit stays open' );
		$this->assertSame( 'kept', ( new Shared_Store() )->get( 'field_probe' ) );
		$this->assertNull( ( new Product_Store() )->get( 'de', Emulator::catalog_asins( 'de' )[0] ) );
	}

	/**
	 * A row saved once is read from the object cache when it is persistent (the table is not
	 * asked again), and from the table otherwise.
	 */
	public function test_rows_come_from_a_persistent_cache(): void {
		global $wpdb;
		$asin = Emulator::catalog_asins( 'de' )[1];
		$this->store_product( 'de', $asin, 60 );
		( new Product_Store() )->get_many( 'de', array( $asin ) );
		$wpdb->delete( // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the row goes behind the store's back.
			Product_Store::table(),
			array(
				'marketplace' => 'de',
				'asin'        => $asin,
			)
		);
		wp_cache_flush_runtime();

		$row = ( new Product_Store() )->get( 'de', $asin );
		$this->assertSame( (bool) wp_using_ext_object_cache(), null !== $row, 'cached exactly when the object cache is persistent' );
	}
}
