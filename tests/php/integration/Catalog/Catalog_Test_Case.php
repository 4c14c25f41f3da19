<?php
/**
 * Shared setup of the catalog's integration tests: the emulator, a fixed routing table, a
 * product service built the way the plugin builds it.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Catalog;

use Creators_Connect\Amazon\Circuit_Breaker;
use Creators_Connect\Amazon\Creators_Client;
use Creators_Connect\Amazon\Http_Transport;
use Creators_Connect\Amazon\Paapi_Client;
use Creators_Connect\Amazon\Rate_Limiter;
use Creators_Connect\Support\Shared_Store;
use Creators_Connect\Amazon\Sigv4_Signer;
use Creators_Connect\Amazon\Token_Provider;
use Creators_Connect\Model\Product;
use Creators_Connect\Catalog\Product_Service;
use Creators_Connect\Catalog\Product_Store;
use Creators_Connect\Catalog\Fallback_Memory;
use Creators_Connect\Catalog\Routing_Summary;
use Creators_Connect\Catalog\Router;
use Creators_Connect\Tests\Emulator;
use Creators_Connect\Tests\Fixed_Credentials_Source;
use Creators_Connect\Tests\Integration_Test_Case;
use Creators_Connect\Tests\Read_Path;

/**
 * Resets the emulator, switches request spacing off (filter `acapi_rate_limit_per_second` = 0)
 * and builds fresh services per "request".
 */
abstract class Catalog_Test_Case extends Integration_Test_Case {

	/**
	 * The emulator.
	 *
	 * @var Emulator
	 */
	protected Emulator $emulator;

	/**
	 * The routing table of this test.
	 *
	 * @var Fixed_Credentials_Source
	 */
	protected Fixed_Credentials_Source $source;

	/**
	 * Resets the emulator and the filters.
	 */
	protected function setUp(): void {
		parent::setUp();
		if ( ! defined( 'ACAPI_ENDPOINT_OVERRIDE' ) ) {
			$this->markTestSkipped( 'ACAPI_ENDPOINT_OVERRIDE is not defined: these tests need the Amazon emulator.' );
		}
		$this->emulator = $this->clean_emulator();
		$this->source   = Fixed_Credentials_Source::demo();
		add_filter( 'acapi_rate_limit_per_second', '__return_zero' );
	}

	/**
	 * Removes the filters and faults.
	 */
	protected function tearDown(): void {
		foreach ( array( 'acapi_rate_limit_per_second', 'acapi_http_timeout', 'acapi_fetch_budget', 'acapi_circuit_breaker_cooldown', 'acapi_circuit_breaker_threshold', 'acapi_retry_budget', 'acapi_lock_wait', 'acapi_offer_ttl', 'acapi_rest_rate_limit' ) as $hook ) {
			remove_all_filters( $hook );
		}
		$this->emulator->clear_faults();
		$this->emulator->default_config();
		parent::tearDown();
	}

	/**
	 * A router as the plugin builds it, on this test's routing table.
	 */
	protected function router(): Router {
		$store     = new Shared_Store();
		$transport = new Http_Transport();
		$creators  = new Creators_Client( $transport, new Token_Provider( $transport, $store ), new Rate_Limiter( $store ), new Circuit_Breaker( $store ) );
		$paapi     = new Paapi_Client( $transport, new Sigv4_Signer(), new Rate_Limiter( $store ), new Circuit_Breaker( $store ) );
		return new Router( $this->source, $creators, $paapi, new Fallback_Memory( $store ) );
	}

	/**
	 * The routing summary as the plugin builds it, of a router on this test's routing table.
	 *
	 * @param Router|null $router The router (default: a new one).
	 */
	protected function summary( ?Router $router = null ): Routing_Summary {
		return Read_Path::summary( $router ?? $this->router(), $this->source );
	}

	/**
	 * A product service as one request of the plugin has it (fresh memo and budget).
	 *
	 * @param bool|null $use_cache Whether the store uses the object cache.
	 */
	protected function service( ?bool $use_cache = null ): Product_Service {
		return Read_Path::service( $this->router(), new Product_Store( $use_cache ), new Shared_Store() );
	}

	/**
	 * The getItems calls the emulator logged (both APIs), optionally of one marketplace.
	 *
	 * @param string $country Country code, or '' for all.
	 */
	protected function get_items_calls( string $country = '' ): int {
		return $this->emulator->count( '' === $country ? 'getItems' : 'getItems:' . $country );
	}

	/**
	 * Stores a product as if fetched some seconds ago (and expired, when older than the TTL).
	 *
	 * @param string $country Country code.
	 * @param string $asin    ASIN.
	 * @param int    $age     Seconds since the fetch.
	 * @param string $title   Title.
	 */
	protected function store_product( string $country, string $asin, int $age, string $title = 'Stored title' ): Product {
		$fetched = time() - $age;
		$product = new Product(
			asin: $asin,
			marketplace: $country,
			title: $title,
			detail_page_url: 'https://www.amazon.' . ( 'de' === $country ? 'de' : 'com' ) . '/dp/' . $asin . '?tag=stored-21',
			images: array(
				'large' => array(
					'url'    => 'https://m.media-amazon.com/images/I/stored.jpg',
					'width'  => 500,
					'height' => 500,
				),
			),
			price: array(
				'amount'   => 9.99,
				'currency' => 'EUR',
				'display'  => '9,99 €',
			),
			availability: array(
				'message' => 'In stock',
				'type'    => 'IN_STOCK',
			),
			fetched_at: $fetched,
			source: 'creators',
			api_version: '2.2'
		);
		( new Product_Store() )->save( $country, array( $asin => $product ), array( $asin => 'creators_configured' ), time() - 10, $fetched );
		return $product;
	}
}
