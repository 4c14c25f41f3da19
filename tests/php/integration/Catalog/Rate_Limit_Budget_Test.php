<?php
/**
 * A batch the plugin's own request spacing holds back is treated as out of time: queued and shown
 * as the fallback product, not kept as an error.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Catalog;

use Creators_Connect\Catalog\Prefetcher;
use Creators_Connect\Catalog\Product_Store;
use Creators_Connect\Tests\Emulator;

/**
 * Product_Service with the rate limiter on.
 */
final class Rate_Limit_Budget_Test extends Catalog_Test_Case {

	/**
	 * With one call per 5 seconds, the second batch of 12 ASINs cannot go out within the page's
	 * budget: it renders as title-and-link fallback products and waits for the refresh job.
	 */
	public function test_batches_held_back_by_the_rate_limit_are_queued_not_failed(): void {
		remove_all_filters( 'acapi_rate_limit_per_second' );
		add_filter( 'acapi_rate_limit_per_second', static fn(): float => 0.2 );
		$asins = array_slice( Emulator::catalog_asins( 'us' ), 0, 12 );

		$start  = microtime( true );
		$result = $this->service()->get_products( 'us', $asins );
		$this->assertLessThan( 3.0, microtime( true ) - $start, 'no waiting for a slot past the budget' );
		$this->assertSame( 1, $this->get_items_calls( 'us' ), 'only the first batch went to Amazon' );
		$this->assertTrue( $result->product( $asins[0] )->has_price() );

		foreach ( array_slice( $asins, 10 ) as $asin ) {
			$held = $result->product( $asin );
			$this->assertNotNull( $held, "$asin renders as a fallback product" );
			$this->assertNull( $result->error( $asin ), "$asin is not an error" );
			$this->assertSame( 0, $held->fetched_at );
			$this->assertFalse( $held->has_price() );
			$row = ( new Product_Store() )->get( 'us', $asin );
			$this->assertNotNull( $row );
			$this->assertNull( $row->last_error, 'nothing kept for a call Amazon never saw' );
			$this->assertSame( 0, $row->expires_at, 'queued for the refresh job' );
		}
	}

	/**
	 * A page with products of two marketplaces at Amazon's default 1 request/s per credential:
	 * 3 US and 2 German batches. Taken marketplace after marketplace, the fifth call would wait
	 * ≈ 3.15 s for its slot, past the page's 3 s budget; taking turns, the waits overlap and the
	 * last call goes out at ≈ 2.1 s, so every product is fetched on the first view, in one store
	 * query.
	 */
	public function test_two_marketplaces_take_turns_so_their_spacing_overlaps(): void {
		remove_all_filters( 'acapi_rate_limit_per_second' );
		$us = array_slice( Emulator::catalog_asins( 'us' ), 0, 21 );
		$de = array_slice( Emulator::catalog_asins( 'de' ), 0, 12 );
		$this->assertCount( 21, $us );
		$this->assertCount( 12, $de );

		$service = $this->service();
		( new Prefetcher( $service ) )->prefetch(
			array(
				'us' => $us,
				'de' => $de,
			)
		);
		$order = array_map( static fn( array $request ): string => (string) $request['marketplace'], $this->emulator->requests( 'getItems' ) );
		$this->assertSame( array( 'us', 'de', 'us', 'de', 'us' ), $order, 'the marketplaces take turns' );
		$this->assertSame( 1, $service->stats()['queries'], 'one store query for both marketplaces' );

		foreach ( array(
			'us' => $us,
			'de' => $de,
		) as $country => $asins ) {
			$result = $service->get_products( $country, $asins );
			foreach ( $asins as $asin ) {
				// Amazon's answer: a product, or its error for this item (the catalog has edge cases).
				$error = $result->error( $asin );
				$this->assertTrue( null !== $error ? ! $error->is_local_throttle() : $result->product( $asin )?->fetched_at > 0, "$country $asin was fetched on the first view" );
			}
		}
		$this->assertSame( 1, $service->stats()['queries'], 'the renderer\'s calls use the memo' );
	}
}
