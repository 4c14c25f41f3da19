<?php
/**
 * Keyword searches, cached for a few minutes, their products kept in the store.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Catalog;

use Creators_Connect\Amazon\Amazon_Exception;
use Creators_Connect\Amazon\Search_Options;
use Creators_Connect\Model\Product;
use Creators_Connect\Model\Search_Result;
use Creators_Connect\Support\Budget;
use Creators_Connect\Support\Shared_Store;

/**
 * A search answer is cached by marketplace and parameters (default 5 minutes, filter
 * `acapi_search_cache_ttl`; 0 turns the cache off) and never an error. Only the filters
 * Search_Options knows are passed on (and split the cache). Its products are fresh
 * product data, so they are saved to the product table for the pages that show them; a cached
 * answer older than 24 hours shows title and link only, like any stored product.
 */
final class Search_Cache {

	/**
	 * Default seconds a search result is cached.
	 */
	public const TTL = 300;

	/**
	 * Router.
	 *
	 * @var Router
	 */
	private Router $router;

	/**
	 * Store.
	 *
	 * @var Product_Store
	 */
	private Product_Store $store;

	/**
	 * Where cached answers live.
	 *
	 * @var Shared_Store
	 */
	private Shared_Store $shared;

	/**
	 * Clock (float Unix time).
	 *
	 * @var callable(): float
	 */
	private $clock;

	/**
	 * Builds the cache.
	 *
	 * @param Router                   $router Router.
	 * @param Product_Store            $store  Store.
	 * @param Shared_Store             $shared Where cached answers live.
	 * @param (callable(): float)|null $clock  Clock (tests).
	 */
	public function __construct( Router $router, Product_Store $store, Shared_Store $shared, ?callable $clock = null ) {
		$this->router = $router;
		$this->store  = $store;
		$this->shared = $shared;
		$this->clock  = $clock ?? static fn(): float => microtime( true );
	}

	/**
	 * A keyword search, from the cache or from Amazon (within the budget, which it charges).
	 *
	 * @param string               $country  A marketplace country code, or '' for the default.
	 * @param string               $keywords The keywords.
	 * @param array<string, mixed> $params   search_index, item_count (1–10), item_page (1–10), ….
	 * @param Budget               $budget   The request's budget.
	 */
	public function search( string $country, string $keywords, array $params, Budget $budget ): Search_Result {
		$code = $this->router->country( $country );
		if ( '' === $code ) {
			return new Search_Result( array(), 0, '', array(), array( $this->router->decide( $country )->error() ) );
		}
		$params = array_intersect_key( $params, Search_Options::FIELDS );
		unset( $params['keywords'] );
		$params = array( 'keywords' => trim( $keywords ) ) + $params;
		ksort( $params );
		$key    = 'search_' . substr( md5( $code . '|' . (string) wp_json_encode( $params ) ), 0, 24 );
		$cached = $this->cached( $key );
		if ( null !== $cached ) {
			return $cached;
		}

		$start = ( $this->clock )();
		try {
			$result = $this->router->search( $code, $params, array(), $budget );
		} catch ( Amazon_Exception $exception ) {
			return new Search_Result( array(), 0, '', array(), array( $exception->error() ) );
		} finally {
			$budget->charge( ( $this->clock )() - $start );
		}

		$by_asin = array();
		foreach ( $result->products as $product ) {
			$by_asin[ $product->asin ] = $product;
		}
		$decision = $this->router->decide( $code );
		$this->store->save( $code, $by_asin, array_fill_keys( array_keys( $by_asin ), $decision->reason_code() ) );
		$ttl = function_exists( 'apply_filters' ) ? apply_filters( 'acapi_search_cache_ttl', self::TTL ) : self::TTL;
		if ( is_numeric( $ttl ) && (int) $ttl > 0 ) {
			$this->shared->set(
				$key,
				array(
					'products'   => array_map( static fn( Product $product ): array => $product->to_array(), $result->products ),
					'total'      => $result->total,
					'search_url' => $result->search_url,
				),
				(int) $ttl
			);
		}
		return $result;
	}

	/**
	 * A cached answer, or null.
	 *
	 * @param string $key Cache key.
	 */
	private function cached( string $key ): ?Search_Result {
		$cached = $this->shared->get( $key );
		if ( ! is_array( $cached ) || ! isset( $cached['products'] ) || ! is_array( $cached['products'] ) ) {
			return null;
		}
		$products = array();
		foreach ( $cached['products'] as $data ) {
			if ( is_array( $data ) ) {
				$products[] = Compliance::displayable( Product::from_array( $data ), (int) ( $this->clock )() );
			}
		}
		return new Search_Result( $products, (int) ( $cached['total'] ?? 0 ), (string) ( $cached['search_url'] ?? '' ) );
	}
}
