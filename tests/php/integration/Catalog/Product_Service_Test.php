<?php
/**
 * The read path against the emulator: batching, the 24-hour rule, budgets, failures.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Catalog;

use Creators_Connect\Model\Amazon_Error;
use Creators_Connect\Amazon\Circuit_Breaker;
use Creators_Connect\Catalog\Product_Store;
use Creators_Connect\Catalog\Refresh_Job;
use Creators_Connect\Tests\Emulator;
use Creators_Connect\Tests\Read_Path;
use Creators_Connect\Support\Shared_Store;

require_once __DIR__ . '/Catalog_Test_Case.php';

/**
 * Product_Service + Router + Product_Store over real HTTP and a real database.
 */
final class Product_Service_Test extends Catalog_Test_Case {

	/**
	 * Missing products are fetched once and stored; the next request serves them from the store.
	 */
	public function test_cold_then_warm(): void {
		$asins  = array_slice( Emulator::catalog_asins( 'de' ), 0, 3 );
		$result = $this->service()->get_products( 'de', $asins );
		$this->assertSame( $asins, array_map( 'strval', array_keys( $result->products ) ) );
		$this->assertSame( 1, $this->get_items_calls( 'de' ) );
		$this->assertTrue( $result->product( $asins[0] )->has_price() );

		$row = ( new Product_Store() )->get( 'de', $asins[0] );
		$this->assertNotNull( $row );
		$this->assertSame( 'creators', $row->api );
		$this->assertSame( 'creators_configured', $row->route );
		$this->assertEquals( $result->product( $asins[0] )->to_array(), $row->product->to_array() );
		$this->assertGreaterThan( time() + 3000, $row->expires_at, 'offer data lives about an hour' );
		$this->assertLessThan( time() + 4000, $row->expires_at );

		$again = $this->service()->get_products( 'de', $asins );
		$this->assertCount( 3, $again->products );
		$this->assertSame( 1, $this->get_items_calls( 'de' ), 'a warm store makes no call' );
	}

	/**
	 * The per-request memo: a second call for the same ASINs costs no query at all.
	 */
	public function test_memo_costs_no_query(): void {
		global $wpdb;
		$asins   = array_slice( Emulator::catalog_asins( 'de' ), 0, 4 );
		$service = $this->service();
		$service->get_products( 'de', $asins );
		$queries = $wpdb->num_queries;
		$result  = $service->get_products( 'de', array( $asins[2], $asins[0] ) );
		$this->assertSame( $queries, $wpdb->num_queries );
		$this->assertSame( array( $asins[2], $asins[0] ), array_map( 'strval', array_keys( $result->products ) ) );
		$this->assertSame( 1, $service->stats()['queries'] );
	}

	/**
	 * '' means the default marketplace; malformed ASINs are per-item errors.
	 */
	public function test_default_country_and_malformed_asins(): void {
		$asin   = Emulator::catalog_asins( 'de' )[0];
		$result = $this->service()->get_products( '', array( strtolower( $asin ), 'nope' ) );
		$this->assertSame( 'de', $result->product( $asin )->marketplace );
		$this->assertSame( Amazon_Error::INVALID_ASIN, $result->error( 'NOPE' )->kind );

		$this->source->paapi_countries = array();
		$result                        = $this->service()->get_products( 'it', array( $asin ) );
		$this->assertSame( Amazon_Error::NOT_CONFIGURED, $result->error( $asin )->kind );
	}

	/**
	 * Errors are never stored as products: an unknown ASIN keeps no product, its error is counted
	 * and not asked again before its retry time.
	 */
	public function test_errors_are_not_cached_as_products(): void {
		$known  = Emulator::catalog_asins( 'de' )[0];
		$result = $this->service()->get_products( 'de', array( $known, 'B0ZZZZZZZ1' ) );
		$this->assertNotNull( $result->product( $known ) );
		$this->assertSame( Amazon_Error::INVALID_ASIN, $result->error( 'B0ZZZZZZZ1' )->kind );

		$row = ( new Product_Store() )->get( 'de', 'B0ZZZZZZZ1' );
		$this->assertNull( $row->product );
		$this->assertSame( 1, $row->error_count );
		$this->assertSame( Amazon_Error::INVALID_ASIN, $row->last_error->kind );

		$again = $this->service()->get_products( 'de', array( 'B0ZZZZZZZ1' ) );
		$this->assertSame( Amazon_Error::INVALID_ASIN, $again->error( 'B0ZZZZZZZ1' )->kind );
		$this->assertSame( 1, $this->get_items_calls(), 'the error is not asked again before its retry time' );
	}

	/**
	 * A failed refresh keeps the stored product and counts the error.
	 */
	public function test_failed_fetch_keeps_the_product(): void {
		$asin = Emulator::catalog_asins( 'de' )[0];
		$this->store_product( 'de', $asin, 7200 );
		$this->emulator->fault(
			array(
				'fault' => 'server_error',
				'times' => -1,
			)
		);
		$result = $this->service()->refresh( 'de', array( $asin ) );
		$this->assertSame( Amazon_Error::SERVER_ERROR, $result->error( $asin )->kind );
		$row = ( new Product_Store() )->get( 'de', $asin );
		$this->assertSame( 'Stored title', $row->product->title );
		$this->assertSame( 1, $row->error_count );
		$this->assertSame( Amazon_Error::SERVER_ERROR, $row->last_error->kind );
		$this->assertGreaterThan( time(), $row->expires_at, 'the retry waits' );

		// Still served (under 24 hours), with its price.
		$served = $this->service()->get_products( 'de', array( $asin ) )->product( $asin );
		$this->assertTrue( $served->has_price() );
	}

	/**
	 * 24-hour cap: a product fetched 25 hours ago has no price, availability or image even when
	 * every refresh fails, in the read path and after the cron job.
	 */
	public function test_product_older_than_24_hours_has_no_price_when_refreshes_fail(): void {
		$asin = Emulator::catalog_asins( 'de' )[0];
		$this->store_product( 'de', $asin, 25 * 3600 );
		$this->emulator->fault(
			array(
				'fault' => 'server_error',
				'times' => -1,
			)
		);
		add_filter( 'acapi_retry_budget', '__return_zero' );

		$product = $this->service()->get_products( 'de', array( $asin ) )->product( $asin );
		$this->assertNotNull( $product );
		$this->assertSame( 'Stored title', $product->title );
		$this->assertStringContainsString( '/dp/' . $asin, $product->detail_page_url );
		$this->assertNull( $product->price );
		$this->assertFalse( $product->has_price() );
		$this->assertNull( $product->availability );
		$this->assertSame( array(), $product->images );
		$this->assertGreaterThanOrEqual( 1, $this->get_items_calls(), 'a refresh was tried' );

		// The cron job fails too: still no price.
		$this->make_due( 'de', $asin );
		$report = $this->job()->run();
		$this->assertSame( 1, $report['failed'] );
		$again = $this->service()->get_products( 'de', array( $asin ) )->product( $asin );
		$this->assertNull( $again->price );
		$this->assertSame( array(), $again->images );
		$this->assertSame( 'Stored title', $again->title );
	}

	/**
	 * A stale product (under 24 hours) is served at once, a refresh is queued, and the cron job
	 * refreshes it.
	 */
	public function test_stale_product_is_served_and_refreshed_by_cron(): void {
		$asin = Emulator::catalog_asins( 'de' )[0];
		$this->store_product( 'de', $asin, 2 * 3600 );
		wp_clear_scheduled_hook( Refresh_Job::HOOK, array( 'soon' ) );

		$product = $this->service()->get_products( 'de', array( $asin ) )->product( $asin );
		$this->assertSame( 'Stored title', $product->title );
		$this->assertTrue( $product->has_price() );
		$this->assertSame( 0, $this->get_items_calls(), 'stale data is served without waiting for Amazon' );
		$this->assertNotFalse( wp_next_scheduled( Refresh_Job::HOOK, array( 'soon' ) ), 'a refresh is queued' );

		$report = $this->job()->run();
		$this->assertSame( 1, $report['refreshed'] );
		$this->assertSame( 1, $this->get_items_calls( 'de' ) );
		$fresh = $this->service()->get_products( 'de', array( $asin ) )->product( $asin );
		$this->assertNotSame( 'Stored title', $fresh->title );
		$this->assertGreaterThan( time() - 60, $fresh->fetched_at );
		$this->assertSame( 1, $this->get_items_calls( 'de' ) );
		$this->assertIsArray( Refresh_Job::last_run() );
		$this->assertFalse( Refresh_Job::is_overdue() );
		$this->assertTrue( Refresh_Job::is_overdue( time() + 2 * 3600 ) );
	}

	/**
	 * The circuit breaker opens after repeated 500s; the service then serves stored data and
	 * makes no call, and the refresh job skips the marketplace.
	 */
	public function test_open_circuit_serves_stored_data(): void {
		$this->source->paapi_countries = array( 'us' ); // No PA-API fallback for DE.
		add_filter( 'acapi_circuit_breaker_threshold', static fn(): int => 2 );
		add_filter( 'acapi_retry_budget', '__return_zero' );
		$asins = array_slice( Emulator::catalog_asins( 'de' ), 0, 3 );
		foreach ( $asins as $asin ) {
			$this->store_product( 'de', $asin, 2 * 3600 );
		}
		$this->emulator->fault(
			array(
				'fault'       => 'server_error',
				'times'       => -1,
				'marketplace' => 'de',
			)
		);
		$this->service()->refresh( 'de', $asins );
		$this->service()->refresh( 'de', $asins );
		$this->assertSame( Circuit_Breaker::OPEN, Circuit_Breaker::state( 'creators', 'de' ) );
		$calls = $this->get_items_calls();

		$result = $this->service()->get_products( 'de', $asins );
		$this->assertCount( 3, $result->products );
		$this->assertTrue( $result->product( $asins[0] )->has_price() );

		$missing = $this->service()->get_products( 'de', array( Emulator::catalog_asins( 'de' )[5] ) );
		$this->assertSame( Amazon_Error::CIRCUIT_OPEN, $missing->error( Emulator::catalog_asins( 'de' )[5] )->kind );
		$this->assertSame( $calls, $this->get_items_calls(), 'no call while the circuit is open' );

		foreach ( $asins as $asin ) {
			$this->make_due( 'de', $asin );
		}
		$report = $this->job()->run();
		$this->assertContains( 'de', $report['skipped'] );
		$this->assertSame( $calls, $this->get_items_calls() );
		$this->assertSame( 'open', $this->summary()->describe( 'de' )['circuit'] );
	}

	/**
	 * A hung connection does not hang the page: the short timeout ends it, and other marketplaces
	 * are not affected.
	 */
	public function test_hung_connection_with_short_timeout(): void {
		add_filter( 'acapi_http_timeout', static fn(): float => 1.0 );
		add_filter( 'acapi_retry_budget', '__return_zero' );
		$start  = microtime( true );
		$result = $this->service()->get_products( 'de', array( 'B00HANGING' ) );
		$this->assertLessThan( 2.5, microtime( true ) - $start );
		$this->assertSame( Amazon_Error::TIMEOUT, $result->error( 'B00HANGING' )->kind );
	}

	/**
	 * Even with long HTTP timeouts, the fetch budget bounds a hung request.
	 */
	public function test_hung_connection_is_bounded_by_the_budget(): void {
		add_filter( 'acapi_http_timeout', static fn(): float => 30.0 );
		add_filter( 'acapi_fetch_budget', static fn(): float => 1.0 );
		$start  = microtime( true );
		$result = $this->service()->get_products( 'de', array( 'B00HANGING' ) );
		$this->assertLessThan( 2.5, microtime( true ) - $start );
		$this->assertNotNull( $result->error( 'B00HANGING' ) );
	}

	/**
	 * What does not fit the budget comes back as a no-price link and is queued for the job.
	 */
	public function test_over_budget_products_are_queued(): void {
		add_filter( 'acapi_fetch_budget', '__return_zero' );
		wp_clear_scheduled_hook( Refresh_Job::HOOK, array( 'soon' ) );
		$asins  = array_slice( Emulator::catalog_asins( 'us' ), 0, 12 );
		$result = $this->service()->get_products( 'us', $asins );
		$this->assertSame( 0, $this->get_items_calls() );
		$this->assertCount( 12, $result->products );
		$product = $result->product( $asins[0] );
		$this->assertSame( 0, $product->fetched_at );
		$this->assertFalse( $product->has_price() );
		$this->assertSame( 'https://www.amazon.com/dp/' . $asins[0] . '?tag=' . Emulator::partner_tag( 'us' ), $product->detail_page_url );
		$this->assertNotFalse( wp_next_scheduled( Refresh_Job::HOOK, array( 'soon' ) ) );

		remove_all_filters( 'acapi_fetch_budget' );
		$report = $this->job()->run();
		$this->assertSame( 12, $report['refreshed'] );
		$this->assertSame( 2, $this->get_items_calls( 'us' ), 'the job fetches in batches of 10' );
		$refreshed = $this->service()->get_products( 'us', $asins )->product( $asins[11] );
		$this->assertGreaterThan( 0, $refreshed->fetched_at );
		$this->assertNotSame( '', $refreshed->title );
		$this->assertSame( 2, $this->get_items_calls( 'us' ) );
	}

	/**
	 * The budget is shared by the batches of a request: the ones past it are queued.
	 */
	public function test_budget_stops_later_batches(): void {
		add_filter( 'acapi_fetch_budget', static fn(): float => 0.8 );
		$this->emulator->fault(
			array(
				'fault'      => 'latency',
				'latency_ms' => 600,
				'times'      => -1,
				'operation'  => 'getItems',
			)
		);
		$asins  = array_slice( Emulator::catalog_asins( 'us' ), 0, 24 );
		$start  = microtime( true );
		$result = $this->service()->get_products( 'us', $asins );
		$this->assertLessThan( 1.8, microtime( true ) - $start );
		$this->assertTrue( $result->product( $asins[0] )->has_price(), 'the first batch fits' );
		$last = $result->product( $asins[23] );
		$this->assertNotNull( $last, 'the last batch is a fallback product' );
		$this->assertSame( 0, $last->fetched_at );
		$this->assertLessThanOrEqual( 2, $this->get_items_calls() );
		$this->assertSame( 0, ( new Product_Store() )->get( 'us', $asins[23] )->expires_at, 'queued' );
	}

	/**
	 * The object cache in front of the table: a warm row costs no query.
	 */
	public function test_object_cache_in_front_of_the_table(): void {
		global $wpdb;
		$asins = array_slice( Emulator::catalog_asins( 'de' ), 0, 2 );
		$this->service( true )->get_products( 'de', $asins );
		$store = new Product_Store( true );
		$store->get_many( 'de', $asins );
		$queries = $wpdb->num_queries;
		$rows    = $store->get_many( 'de', $asins );
		$this->assertSame( $queries, $wpdb->num_queries );
		$this->assertCount( 2, $rows );
	}

	/**
	 * Search results are cached briefly and warm the store.
	 */
	public function test_search_is_cached_and_warms_the_store(): void {
		$service = $this->service();
		$first   = $service->search( 'us', 'wireless headphones' );
		$this->assertFalse( $first->is_empty() );
		$second = $this->service()->search( 'us', 'wireless headphones' );
		$this->assertSame( $first->asins(), $second->asins() );
		$this->assertSame( 1, $this->emulator->count( 'searchItems' ) );

		$this->service()->get_products( 'us', array( $first->asins()[0] ) );
		$this->assertSame( 0, $this->get_items_calls() );
	}

	/**
	 * A refresh job without a configured route for a marketplace skips it.
	 */
	private function job(): Refresh_Job {
		$router = $this->router();
		return new Refresh_Job( Read_Path::fetcher( $router, new Product_Store(), new Shared_Store() ), $this->summary( $router ), new Product_Store() );
	}

	/**
	 * Makes a row due now.
	 *
	 * @param string $country Country code.
	 * @param string $asin    ASIN.
	 */
	private function make_due( string $country, string $asin ): void {
		global $wpdb;
		$wpdb->update(
			Product_Store::table(),
			array( 'expires_at' => 0 ),
			array(
				'marketplace' => $country,
				'asin'        => $asin,
			)
		); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- Test setup.
		// The cached rows only: a persistent cache also holds the circuit breakers' state.
		wp_cache_flush_group( Product_Store::CACHE_GROUP );
	}
}
