<?php
/**
 * The read path: products for display, from the store, fetched from Amazon when needed.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Catalog;

use Creators_Connect\Amazon\Amazon_Error;
use Creators_Connect\Amazon\Amazon_Exception;
use Creators_Connect\Amazon\Search_Options;
use Creators_Connect\Amazon\Get_Items_Result;
use Creators_Connect\Amazon\Search_Result;
use Creators_Connect\Amazon\Shared_Store;
use Creators_Connect\Marketplace\Marketplace_Registry;
use Creators_Connect\Reference\Asin;

/**
 * The read path. get_products(): one store query for all ASINs; fresh products are served; stale ones (under 24
 * hours) are served and queued for the refresh job; missing ones (and ones past 24 hours) are
 * fetched now in batches of 10 within a time budget per request (default 3 s, filter
 * `acapi_fetch_budget`); what does not fit the budget comes back as a title-and-link product (or
 * a bare link when never fetched) and is queued. Concurrent requests for the same missing ASINs
 * make one API call: one takes a lock, the others wait briefly for its result.
 *
 * Results are kept for the rest of the request (the prefetcher warms this memo, so the renderer's
 * later calls cost no query).
 */
final class Product_Service implements Product_Source {

	/**
	 * Default seconds a request may spend fetching from Amazon.
	 */
	public const DEFAULT_BUDGET = 3.0;

	/**
	 * Default seconds a request waits for another request's fetch of the same ASINs.
	 */
	public const DEFAULT_LOCK_WAIT = 2.0;

	/**
	 * Default seconds a search result is cached.
	 */
	public const SEARCH_TTL = 300;

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
	 * Locks and the search cache.
	 *
	 * @var Shared_Store
	 */
	private Shared_Store $shared;

	/**
	 * Clock (Unix time, float).
	 *
	 * @var callable(): float
	 */
	private $clock;

	/**
	 * Sleeper (seconds).
	 *
	 * @var callable(float): void
	 */
	private $sleep;

	/**
	 * This request's results: "country|ASIN" => Product or Amazon_Error.
	 *
	 * @var array<string, Product|Amazon_Error>
	 */
	private array $memo = array();

	/**
	 * Seconds this request spent fetching (and waiting for other requests' fetches).
	 *
	 * @var float
	 */
	private float $spent = 0.0;

	/**
	 * Whether a refresh was queued in this request already.
	 *
	 * @var bool
	 */
	private bool $queued = false;

	/**
	 * Counters for this request: store queries, fetches, lock waits.
	 *
	 * @var array{queries: int, fetched: int, waited: int}
	 */
	private array $stats = array(
		'queries' => 0,
		'fetched' => 0,
		'waited'  => 0,
	);

	/**
	 * Builds the service.
	 *
	 * @param Router                       $router Router.
	 * @param Product_Store                $store  Store.
	 * @param Shared_Store|null            $shared Locks and search cache (default: WordPress-backed).
	 * @param (callable(): float)|null     $clock  Clock (tests).
	 * @param (callable(float): void)|null $sleep  Sleeper (tests).
	 */
	public function __construct( Router $router, Product_Store $store, ?Shared_Store $shared = null, ?callable $clock = null, ?callable $sleep = null ) {
		$this->router = $router;
		$this->store  = $store;
		$this->shared = $shared ?? new Shared_Store();
		$this->clock  = $clock ?? static fn(): float => microtime( true );
		$this->sleep  = $sleep ?? static function ( float $seconds ): void {
			if ( $seconds > 0 ) {
				usleep( (int) round( $seconds * 1000000 ) );
			}
		};
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string       $country A marketplace country code, or '' for the default.
	 * @param list<string> $asins   ASINs.
	 */
	public function get_products( string $country, array $asins ): Get_Items_Result {
		return $this->load( array( $country => $asins ) )[ $country ];
	}

	/**
	 * Loads (and fetches) the products of a whole page ahead of rendering: one store query for
	 * every marketplace, and the batches of different marketplaces interleaved so that their
	 * credentials' request spacing overlaps. The renderer's later calls use the memo.
	 *
	 * @param array<string, list<string>> $groups ASINs by country code ('' = the default marketplace).
	 */
	public function prefetch( array $groups ): void {
		$this->load( $groups );
	}

	/**
	 * The read path for several marketplaces at once.
	 *
	 * @param array<string, list<string>> $groups ASINs by country code or ''.
	 * @return array<string, Get_Items_Result> Results by the given keys.
	 */
	private function load( array $groups ): array {
		$asked  = array();
		$todo   = array();
		$errors = array();
		foreach ( $groups as $country => $asins ) {
			$country                            = (string) $country;
			$code                               = $this->router->country( $country );
			list( $valid, $errors[ $country ] ) = self::split( $asins );
			$asked[ $country ]                  = array( $code, $valid );
			if ( '' === $code ) {
				$error = $this->router->decide( $country )->error();
				foreach ( $valid as $asin ) {
					$errors[ $country ][ $asin ] = $error->for_asin( $asin );
				}
				continue;
			}
			foreach ( $valid as $asin ) {
				if ( ! isset( $this->memo[ $code . '|' . $asin ] ) ) {
					$todo[ $code ][ $asin ] = $asin;
				}
			}
		}
		$todo = array_map( 'array_values', $todo );

		if ( array() !== $todo ) {
			$now = (int) $this->now();
			++$this->stats['queries'];
			$rows  = $this->store->get_grouped( $todo );
			$fetch = array();
			$stale = false;
			foreach ( $todo as $code => $asins ) {
				$touch = array();
				foreach ( $asins as $asin ) {
					$row = $rows[ $code ][ $asin ] ?? null;
					if ( null !== $row && $row->last_requested_at < $now - Product_Store::TOUCH_INTERVAL ) {
						$touch[] = $asin;
					}
					if ( null !== $row && null !== $row->product && $row->is_servable( $now ) ) {
						$this->memo[ $code . '|' . $asin ] = $row->product;
						$stale                             = $stale || $row->is_due( $now );
					} elseif ( null !== $row && $row->is_backing_off( $now ) ) {
						// The last attempt failed and its retry is not due: do not call Amazon again yet.
						$this->memo[ $code . '|' . $asin ] = null !== $row->product
							? Compliance::title_and_link( $row->product )
							: ( $row->last_error ?? new Amazon_Error( Amazon_Error::SERVER_ERROR ) )->for_asin( $asin );
					} else {
						$fetch[ $code ][] = $asin;
					}
				}
				// A fetch writes last_requested_at itself.
				$touch = array_values( array_diff( $touch, $fetch[ $code ] ?? array() ) );
				if ( array() !== $touch ) {
					$this->store->touch( (string) $code, $touch, $now );
				}
			}
			if ( array() !== $fetch ) {
				foreach ( $this->fetch_now( $fetch, $rows ) as $key => $answer ) {
					$this->memo[ $key ] = $answer;
				}
			}
			if ( $stale ) {
				$this->schedule_refresh();
			}
		}

		$out = array();
		foreach ( $asked as $country => list( $code, $valid ) ) {
			$products = array();
			foreach ( '' === $code ? array() : $valid as $asin ) {
				$known = $this->memo[ $code . '|' . $asin ] ?? null;
				if ( $known instanceof Product ) {
					$products[ $asin ] = $known;
				} elseif ( $known instanceof Amazon_Error ) {
					$errors[ $country ][ $asin ] = $known;
				}
			}
			$out[ $country ] = self::ordered( $groups[ $country ], $products, $errors[ $country ] );
		}
		return $out;
	}

	/**
	 * Fetches products from Amazon now, whatever their state, and stores them (the refresh job
	 * and WP-CLI). No page budget: the clients' own timeouts apply.
	 *
	 * @param string       $country Country code or ''.
	 * @param list<string> $asins   ASINs.
	 */
	public function refresh( string $country, array $asins ): Get_Items_Result {
		$code                   = $this->router->country( $country );
		list( $valid, $errors ) = self::split( $asins );
		if ( '' === $code ) {
			$error = $this->router->decide( $country )->error();
			foreach ( $valid as $asin ) {
				$errors[ $asin ] = $error->for_asin( $asin );
			}
			return new Get_Items_Result( array(), $errors, 0 );
		}
		$rows     = $this->store->get_many( $code, $valid );
		$products = array();
		$calls    = 0;
		foreach ( array_chunk( $valid, 10 ) as $chunk ) {
			$routed = $this->router->get_items( $code, $chunk );
			$calls += $routed->result->calls;
			$this->keep( $code, $routed, $rows, null );
			/**
			 * Fires after a refresh stored what Amazon answered (the page-cache purge compares).
			 *
			 * @param string                        $code     Country code.
			 * @param array<string, Stored_Product> $rows     The rows before the refresh, by ASIN.
			 * @param array<string, Product>        $products The products Amazon answered, by ASIN.
			 */
			do_action( 'acapi_products_refreshed', $code, $rows, $routed->result->products );
			foreach ( $chunk as $asin ) {
				$product = $routed->result->product( $asin );
				if ( null !== $product ) {
					$products[ $asin ] = $product;
					unset( $this->memo[ $code . '|' . $asin ] );
				} else {
					$errors[ $asin ] = $routed->result->error( $asin ) ?? new Amazon_Error( Amazon_Error::NOT_FOUND, '', 0, '', '', null, $asin );
				}
			}
		}
		return new Get_Items_Result( $products, $errors, $calls );
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string               $country  A marketplace country code, or '' for the default.
	 * @param string               $keywords The keywords.
	 * @param array<string, mixed> $params   search_index, item_count (1–10), item_page (1–10).
	 */
	public function search( string $country, string $keywords, array $params = array() ): Search_Result {
		$code = $this->router->country( $country );
		if ( '' === $code ) {
			return new Search_Result( array(), 0, '', array(), array( $this->router->decide( $country )->error() ) );
		}
		$params = array_intersect_key( $params, Search_Options::FIELDS );
		unset( $params['keywords'] );
		$params = array( 'keywords' => trim( $keywords ) ) + $params;
		ksort( $params );
		$key    = 'search_' . substr( md5( $code . '|' . (string) wp_json_encode( $params ) ), 0, 24 );
		$cached = $this->shared->get( $key );
		if ( is_array( $cached ) && isset( $cached['products'] ) && is_array( $cached['products'] ) ) {
			$products = array();
			foreach ( $cached['products'] as $data ) {
				if ( is_array( $data ) ) {
					$products[] = Compliance::displayable( Product::from_array( $data ), (int) $this->now() );
				}
			}
			return new Search_Result( $products, (int) ( $cached['total'] ?? 0 ), (string) ( $cached['search_url'] ?? '' ) );
		}

		$start = $this->now();
		$caps  = $this->cap_timeouts();
		try {
			$result = $this->router->search( $code, $params );
		} catch ( Amazon_Exception $exception ) {
			return new Search_Result( array(), 0, '', array(), array( $exception->error() ) );
		} finally {
			$this->uncap_timeouts( $caps );
			$this->spent += $this->now() - $start;
		}

		$by_asin = array();
		foreach ( $result->products as $product ) {
			$by_asin[ $product->asin ] = $product;
		}
		// Search answers are fresh product data: keep them for the pages that show these products.
		$decision = $this->router->decide( $code );
		$routes   = array_fill_keys( array_keys( $by_asin ), $decision->reason_code() );
		$this->store->save( $code, $by_asin, $routes );
		$ttl = function_exists( 'apply_filters' ) ? apply_filters( 'acapi_search_cache_ttl', self::SEARCH_TTL ) : self::SEARCH_TTL;
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
	 * Seconds a request may spend fetching (filter `acapi_fetch_budget`).
	 */
	public function budget(): float {
		$budget = apply_filters( 'acapi_fetch_budget', self::DEFAULT_BUDGET );
		return is_numeric( $budget ) && (float) $budget >= 0 ? (float) $budget : self::DEFAULT_BUDGET;
	}

	/**
	 * Seconds this request spent fetching so far.
	 */
	public function spent(): float {
		return $this->spent;
	}

	/**
	 * Counters of this request: store queries, ASINs fetched, lock waits.
	 *
	 * @return array{queries: int, fetched: int, waited: int}
	 */
	public function stats(): array {
		return $this->stats;
	}

	/**
	 * Whether this request loaded any product (or an error for one) so far.
	 */
	public function has_loaded(): bool {
		return array() !== $this->memo;
	}

	/**
	 * Forgets this request's memo and spent budget (a new request, in tests and long CLI runs).
	 */
	public function reset(): void {
		$this->memo   = array();
		$this->spent  = 0.0;
		$this->queued = false;
		$this->stats  = array(
			'queries' => 0,
			'fetched' => 0,
			'waited'  => 0,
		);
	}

	/**
	 * The router.
	 */
	public function router(): Router {
		return $this->router;
	}

	/**
	 * Fetches missing (or expired) products now: under a lock per marketplace and ASIN set, in
	 * batches of 10, within the request's budget. Batches of different marketplaces take turns
	 * (us, de, us, de, us) so that one credential's request spacing is spent on another's call,
	 * not waited out. A marketplace whose ASINs another request is fetching is waited for.
	 *
	 * @param array<string, list<string>>                  $fetch ASINs to fetch by country code.
	 * @param array<string, array<string, Stored_Product>> $rows  Their stored rows.
	 * @return array<string, Product|Amazon_Error> Answers by "country|ASIN".
	 */
	private function fetch_now( array $fetch, array $rows ): array {
		$out       = array();
		$decisions = array();
		$locks     = array();
		$queues    = array();
		$others    = array();
		$budget    = $this->budget();
		foreach ( $fetch as $code => $asins ) {
			$code               = (string) $code;
			$decisions[ $code ] = $this->router->decide( $code );
			if ( ! $decisions[ $code ]->is_configured() ) {
				$error = $decisions[ $code ]->error();
				foreach ( $asins as $asin ) {
					$out[ $code . '|' . $asin ] = $error->for_asin( $asin );
				}
				continue;
			}
			$sorted = $asins;
			sort( $sorted );
			$lock = 'fetch_' . substr( md5( $code . '|' . implode( ',', $sorted ) ), 0, 24 );
			if ( $this->shared->lock( $lock, (int) ceil( $budget ) + 10 ) ) {
				$locks[]         = $lock;
				$queues[ $code ] = array_chunk( $asins, 10 );
			} else {
				$others[ $code ] = $asins;
			}
		}

		$left = array();
		try {
			while ( array() !== $queues ) {
				foreach ( array_keys( $queues ) as $code ) {
					$chunk = (array) array_shift( $queues[ $code ] );
					if ( array() === $queues[ $code ] ) {
						unset( $queues[ $code ] );
					}
					$answers = $this->fetch_batch( $code, $chunk, $rows[ $code ] ?? array(), $budget );
					if ( null === $answers ) {
						$left[ $code ] = array_merge( $left[ $code ] ?? array(), $chunk );
						continue;
					}
					foreach ( $answers as $asin => $answer ) {
						$out[ $code . '|' . $asin ] = $answer;
					}
				}
			}
		} finally {
			foreach ( $locks as $lock ) {
				$this->shared->unlock( $lock );
			}
		}

		foreach ( $left as $code => $asins ) {
			$this->store->queue( $code, $asins, (int) $this->now() );
			$this->schedule_refresh();
			foreach ( $asins as $asin ) {
				$out[ $code . '|' . $asin ] = $this->fallback_product( $code, $asin, $rows[ $code ][ $asin ] ?? null, $decisions[ $code ] );
			}
		}
		foreach ( $others as $code => $asins ) {
			foreach ( $this->wait_for_other( $code, $asins, $rows[ $code ] ?? array(), $decisions[ $code ] ) as $asin => $answer ) {
				$out[ $code . '|' . $asin ] = $answer;
			}
		}
		return $out;
	}

	/**
	 * One GetItems batch of up to 10 ASINs, stored. Null when it did not fit what is left of the
	 * budget (the caller queues it).
	 *
	 * @param string                        $code   Country code.
	 * @param list<string>                  $chunk  ASINs.
	 * @param array<string, Stored_Product> $rows   Their stored rows.
	 * @param float                         $budget The request's budget.
	 * @return array<string, Product|Amazon_Error>|null
	 */
	private function fetch_batch( string $code, array $chunk, array $rows, float $budget ): ?array {
		if ( $budget - $this->spent < 0.05 ) {
			return null;
		}
		$start = $this->now();
		$caps  = $this->cap_timeouts();
		try {
			$routed = $this->router->get_items( $code, $chunk );
		} finally {
			$this->uncap_timeouts( $caps );
			$this->spent += $this->now() - $start;
		}
		if ( self::held_back_locally( $routed->result, $chunk ) ) {
			// The plugin's own request spacing did not fit what is left of the budget, so Amazon
			// was not asked: that is running out of time, not an error to keep.
			return null;
		}
		$this->stats['fetched'] += count( $chunk );
		$this->keep( $code, $routed, $rows, (int) $this->now() );
		$out = array();
		foreach ( $chunk as $asin ) {
			$product = $routed->result->product( $asin );
			if ( null !== $product ) {
				$out[ $asin ] = $product;
				continue;
			}
			$error = $routed->result->error( $asin ) ?? new Amazon_Error( Amazon_Error::NOT_FOUND, '', 0, '', '', null, $asin );
			$old   = $rows[ $asin ]->product ?? null;
			// A failed fetch never replaces a stored product; past 24 hours it shows title and link only.
			$out[ $asin ] = null !== $old ? Compliance::displayable( $old, (int) $this->now() ) : $error;
		}
		return $out;
	}

	/**
	 * Waits (within the budget) for another request that is fetching the same ASINs, then serves
	 * what it stored; the rest comes back as fallback products and is queued.
	 *
	 * @param string                        $code     Country code.
	 * @param list<string>                  $asins    ASINs.
	 * @param array<string, Stored_Product> $rows     Rows as read before.
	 * @param Route_Decision                $decision Route.
	 * @return array<string, Product|Amazon_Error>
	 */
	private function wait_for_other( string $code, array $asins, array $rows, Route_Decision $decision ): array {
		++$this->stats['waited'];
		$wait  = apply_filters( 'acapi_lock_wait', self::DEFAULT_LOCK_WAIT );
		$wait  = min( is_numeric( $wait ) ? max( 0.0, (float) $wait ) : self::DEFAULT_LOCK_WAIT, max( 0.0, $this->budget() - $this->spent ) );
		$start = $this->now();
		$out   = array();
		$open  = $asins;
		do {
			( $this->sleep )( 0.1 );
			$fresh = $this->store->get_many( $code, array_values( $open ) );
			foreach ( $open as $i => $asin ) {
				$row    = $fresh[ $asin ] ?? null;
				$before = $rows[ $asin ] ?? null;
				if ( null === $row ) {
					continue;
				}
				if ( null !== $row->product && $row->fetched_at > ( $before->fetched_at ?? 0 ) && $row->is_servable( (int) $this->now() ) ) {
					$out[ $asin ] = $row->product;
					unset( $open[ $i ] );
				} elseif ( null !== $row->last_error && $row->last_error_at > ( $before->last_error_at ?? 0 ) ) {
					$out[ $asin ] = null !== $row->product ? Compliance::displayable( $row->product, (int) $this->now() ) : $row->last_error->for_asin( $asin );
					unset( $open[ $i ] );
				}
			}
		} while ( array() !== $open && $this->now() - $start < $wait );
		$this->spent += $this->now() - $start;

		if ( array() !== $open ) {
			$open = array_values( $open );
			$this->store->queue( $code, $open, (int) $this->now() );
			$this->schedule_refresh();
			foreach ( $open as $asin ) {
				$out[ $asin ] = $this->fallback_product( $code, $asin, $rows[ $asin ] ?? null, $decision );
			}
		}
		return $out;
	}

	/**
	 * Stores what a fetch brought: products (with their route) and errors (keeping old products).
	 *
	 * @param string                        $code      Country code.
	 * @param Routed_Items                  $routed    Answer.
	 * @param array<string, Stored_Product> $rows      Rows before the fetch.
	 * @param int|null                      $requested Unix time a page asked (null: the refresh job).
	 */
	private function keep( string $code, Routed_Items $routed, array $rows, ?int $requested ): void {
		$routes = array();
		foreach ( $routed->result->products as $asin => $product ) {
			$routes[ $asin ] = $routed->reason_for( $product );
		}
		$this->store->save( $code, $routed->result->products, $routes, $requested );

		$errors   = array();
		$previous = array();
		foreach ( $routed->result->errors as $asin => $error ) {
			if ( Amazon_Error::NOT_CONFIGURED === $error->kind || ! Asin::is_valid( (string) $asin ) ) {
				continue;
			}
			$errors[ $asin ]   = $error;
			$previous[ $asin ] = $rows[ $asin ]->error_count ?? 0;
		}
		$this->store->record_errors( $code, $errors, $previous, $requested );
	}

	/**
	 * What a page shows for an ASIN that could not be fetched in time: the stored product reduced
	 * to title and link, or (never fetched) a bare link with the partner tag, `fetched_at` 0.
	 *
	 * @param string              $code     Country code.
	 * @param string              $asin     ASIN.
	 * @param Stored_Product|null $row      Stored row.
	 * @param Route_Decision      $decision Route.
	 */
	private function fallback_product( string $code, string $asin, ?Stored_Product $row, Route_Decision $decision ): Product {
		if ( null !== $row && null !== $row->product ) {
			return Compliance::displayable( $row->product, (int) $this->now() );
		}
		$tag = null !== $decision->credentials ? $decision->credentials->partner_tag : '';
		return self::tagged_link(
			$code,
			$asin,
			'' !== $tag ? $tag : $this->router->partner_tag( $code ),
			Route_Decision::API_PAAPI === $decision->api ? 'paapi' : 'creators',
			(string) $decision->api_version()
		);
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string $country A marketplace country code, or '' for the default.
	 * @param string $asin    ASIN.
	 */
	public function link_product( string $country, string $asin ): ?Product {
		$code = $this->router->country( $country );
		$tag  = $this->router->partner_tag( $code );
		if ( '' === $code || '' === $tag || ! Asin::is_valid( $asin ) ) {
			return null;
		}
		return self::tagged_link( $code, Asin::normalize( $asin ), $tag, 'link', '' );
	}

	/**
	 * A product that is only the store's `/dp/<ASIN>` link with the partner tag; without a tag
	 * its URL is '' (an untagged link earns the publisher nothing: the renderer shows nothing).
	 *
	 * @param string $code        Country code.
	 * @param string $asin        ASIN.
	 * @param string $tag         Partner tag ('' = none).
	 * @param string $source      `creators`, `paapi` or `link` (no API).
	 * @param string $api_version API version ('' = none).
	 */
	private static function tagged_link( string $code, string $asin, string $tag, string $source, string $api_version ): Product {
		$marketplace = Marketplace_Registry::get( $code );
		$url         = null !== $marketplace && '' !== $tag ? $marketplace->store_url() . '/dp/' . rawurlencode( $asin ) . '?tag=' . rawurlencode( $tag ) : '';
		return new Product(
			asin: $asin,
			marketplace: $code,
			detail_page_url: $url,
			fetched_at: 0,
			source: $source,
			api_version: $api_version
		);
	}

	/**
	 * Whether every ASIN of a batch came back held back by the local rate limiter.
	 *
	 * @param Get_Items_Result $result The batch's result.
	 * @param list<string>     $chunk  The batch's ASINs.
	 */
	private static function held_back_locally( Get_Items_Result $result, array $chunk ): bool {
		foreach ( $chunk as $asin ) {
			$error = $result->error( $asin );
			if ( null !== $result->product( $asin ) || null === $error || ! $error->is_local_throttle() ) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Makes sure the refresh job runs soon (once per request).
	 */
	private function schedule_refresh(): void {
		if ( $this->queued ) {
			return;
		}
		$this->queued = true;
		Refresh_Job::schedule_soon();
	}

	/**
	 * Caps the HTTP timeout and the retry budget at what is left of the request's budget.
	 *
	 * @return array{0: callable, 1: callable}
	 */
	private function cap_timeouts(): array {
		$remaining = max( 0.5, $this->budget() - $this->spent );
		$timeout   = static function ( $value ) use ( $remaining ) {
			return is_numeric( $value ) ? min( (float) $value, $remaining ) : $remaining;
		};
		$retry     = static function ( $value ) use ( $remaining ) {
			return is_numeric( $value ) ? min( (float) $value, max( 0.0, $remaining - 0.5 ) ) : 0.0;
		};
		add_filter( 'acapi_http_timeout', $timeout, PHP_INT_MAX );
		add_filter( 'acapi_retry_budget', $retry, PHP_INT_MAX );
		return array( $timeout, $retry );
	}

	/**
	 * Removes the caps.
	 *
	 * @param array{0: callable, 1: callable} $caps The callbacks cap_timeouts() added.
	 */
	private function uncap_timeouts( array $caps ): void {
		remove_filter( 'acapi_http_timeout', $caps[0], PHP_INT_MAX );
		remove_filter( 'acapi_retry_budget', $caps[1], PHP_INT_MAX );
	}

	/**
	 * Now (float Unix time).
	 */
	private function now(): float {
		return ( $this->clock )();
	}

	/**
	 * Upper-cased, de-duplicated valid ASINs, and errors for malformed values.
	 *
	 * @param array<mixed> $asins ASINs.
	 * @return array{0: list<string>, 1: array<string, Amazon_Error>}
	 */
	private static function split( array $asins ): array {
		$valid  = array();
		$errors = array();
		foreach ( $asins as $asin ) {
			$asin = Asin::normalize( is_scalar( $asin ) ? (string) $asin : '' );
			if ( Asin::is_valid( $asin ) ) {
				$valid[ $asin ] = true;
			} elseif ( '' !== $asin ) {
				$errors[ $asin ] = new Amazon_Error( Amazon_Error::INVALID_ASIN, '', 0, 'InvalidFormat', '', null, $asin );
			}
		}
		return array( array_map( 'strval', array_keys( $valid ) ), $errors );
	}

	/**
	 * A result in the order the ASINs were asked for.
	 *
	 * @param array<mixed>                $asins    ASINs as asked.
	 * @param array<string, Product>      $products Products.
	 * @param array<string, Amazon_Error> $errors   Errors.
	 */
	private static function ordered( array $asins, array $products, array $errors ): Get_Items_Result {
		$out_products = array();
		$out_errors   = array();
		foreach ( $asins as $asin ) {
			$asin = strtoupper( trim( is_scalar( $asin ) ? (string) $asin : '' ) );
			if ( isset( $products[ $asin ] ) ) {
				$out_products[ $asin ] = $products[ $asin ];
			} elseif ( isset( $errors[ $asin ] ) ) {
				$out_errors[ $asin ] = $errors[ $asin ];
			}
		}
		return new Get_Items_Result( $out_products, $out_errors, 0 );
	}
}
