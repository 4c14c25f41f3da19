<?php
/**
 * A batch the plugin's own request spacing holds back is treated as out of time: queued and shown
 * as the fallback product, not kept as an error.
 *
 * @package Amazon_Creators_API
 */

declare( strict_types = 1 );

namespace Amazon_Creators_API\Tests\Integration\Catalog;

use Amazon_Creators_API\Catalog\Product_Store;
use Amazon_Creators_API\Tests\Emulator;

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
}
