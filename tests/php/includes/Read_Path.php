<?php
/**
 * The read path wired as the plugin wires it, for tests.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests;

use Creators_Connect\Amazon\Circuit_Breaker;
use Creators_Connect\Catalog\Batch_Fetcher;
use Creators_Connect\Catalog\Credentials_Source;
use Creators_Connect\Catalog\Fallback_Memory;
use Creators_Connect\Catalog\Fetch_Lock;
use Creators_Connect\Catalog\Product_Service;
use Creators_Connect\Catalog\Product_Store;
use Creators_Connect\Catalog\Refresh_Schedule;
use Creators_Connect\Catalog\Router;
use Creators_Connect\Catalog\Routing_Summary;
use Creators_Connect\Catalog\Search_Cache;
use Creators_Connect\Support\Shared_Store;

/**
 * Plugin::wire()'s read path on a test's router: fetcher, lock, search cache, product service,
 * routing summary.
 */
final class Read_Path {

	/**
	 * A batch fetcher as the refresh job and WP-CLI get it.
	 *
	 * @param Router        $router Router.
	 * @param Product_Store $store  Store.
	 * @param Shared_Store  $shared Locks.
	 */
	public static function fetcher( Router $router, Product_Store $store, Shared_Store $shared ): Batch_Fetcher {
		return new Batch_Fetcher( $router, $store, new Fetch_Lock( $shared, $store ), new Refresh_Schedule() );
	}

	/**
	 * A product service as one request of the plugin has it (fresh memo and budget).
	 *
	 * @param Router        $router Router.
	 * @param Product_Store $store  Store.
	 * @param Shared_Store  $shared Locks and the search cache.
	 */
	public static function service( Router $router, Product_Store $store, Shared_Store $shared ): Product_Service {
		$schedule = new Refresh_Schedule();
		$fetcher  = new Batch_Fetcher( $router, $store, new Fetch_Lock( $shared, $store ), $schedule );
		return new Product_Service( $router, $store, $fetcher, new Search_Cache( $router, $store, $shared ), $schedule );
	}

	/**
	 * The routing summary of a router, reading the shared circuit breaker and fallback memory.
	 *
	 * @param Router             $router Router.
	 * @param Credentials_Source $source The router's settings.
	 */
	public static function summary( Router $router, Credentials_Source $source ): Routing_Summary {
		$shared = new Shared_Store();
		return new Routing_Summary( $router, $source, new Circuit_Breaker( $shared ), new Fallback_Memory( $shared ) );
	}
}
