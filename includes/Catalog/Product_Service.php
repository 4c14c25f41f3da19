<?php
/**
 * The read path: products for display, from the store, fetched from Amazon when needed.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Catalog;

use Creators_Connect\Model\Amazon_Error;
use Creators_Connect\Model\Get_Items_Result;
use Creators_Connect\Model\Product;
use Creators_Connect\Model\Search_Result;
use Creators_Connect\Marketplace\Marketplace_Registry;
use Creators_Connect\Reference\Asin;
use Creators_Connect\Support\Budget;
use Creators_Connect\Support\Request_Purpose;

/**
 * The read path. get_products(): one store query for all ASINs; fresh products are served; stale ones (under 24
 * hours) are served and queued for the refresh job; missing ones (and ones past 24 hours) are
 * fetched now by the Batch_Fetcher within a time budget per request (default 3 s, filter
 * `acapi_fetch_budget`, handed down as a Budget); what does not fit the budget comes back as a
 * title-and-link product (or a bare link when never fetched) and is queued. Concurrent requests
 * for the same missing ASINs make one API call (Fetch_Lock). Searches go through the Search_Cache.
 *
 * Results are kept for the rest of the request (the prefetcher warms this memo, so the renderer's
 * later calls cost no query).
 *
 * The Budget also carries who is asking (Request_Purpose, told when the budget is made) and the
 * request's fetch cap: at most 50 uncached ASINs for a page view and 20 for an editor path
 * (filter `acapi_fetch_cap`), the rest queued for the refresh job; a result whose ASINs were
 * queued carries the reason as its notice (the renderer shows it to editors).
 */
final class Product_Service implements Product_Source {

	/**
	 * Default seconds a request may spend fetching from Amazon.
	 */
	public const DEFAULT_BUDGET = 3.0;

	/**
	 * Uncached ASINs one request may fetch, by purpose (none for the refresh job and WP-CLI).
	 */
	public const FETCH_CAPS = array(
		Request_Purpose::VISITOR => 50,
		Request_Purpose::EDITOR  => 20,
	);

	/**
	 * Router (to resolve the marketplace a request names).
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
	 * Fetches what the store cannot serve.
	 *
	 * @var Batch_Fetcher
	 */
	private Batch_Fetcher $fetcher;

	/**
	 * Searches.
	 *
	 * @var Search_Cache
	 */
	private Search_Cache $searches;

	/**
	 * The refresh job's schedule (stale products ask for a run soon).
	 *
	 * @var Refresh_Schedule
	 */
	private Refresh_Schedule $schedule;

	/**
	 * Clock (Unix time, float).
	 *
	 * @var callable(): float
	 */
	private $clock;

	/**
	 * This request's results: "country|ASIN" => Product or Amazon_Error.
	 *
	 * @var array<string, Product|Amazon_Error>
	 */
	private array $memo = array();

	/**
	 * This request's budget (null until a fetch or search needs it).
	 *
	 * @var Budget|null
	 */
	private ?Budget $budget = null;

	/**
	 * Store queries in this request.
	 *
	 * @var int
	 */
	private int $queries = 0;

	/**
	 * Builds the service.
	 *
	 * @param Router                   $router   Router.
	 * @param Product_Store            $store    Store.
	 * @param Batch_Fetcher            $fetcher  Fetches what the store cannot serve.
	 * @param Search_Cache             $searches Searches.
	 * @param Refresh_Schedule         $schedule The refresh job's schedule (the one the fetcher uses).
	 * @param (callable(): float)|null $clock    Clock (tests).
	 */
	public function __construct( Router $router, Product_Store $store, Batch_Fetcher $fetcher, Search_Cache $searches, Refresh_Schedule $schedule, ?callable $clock = null ) {
		$this->router   = $router;
		$this->store    = $store;
		$this->fetcher  = $fetcher;
		$this->searches = $searches;
		$this->schedule = $schedule;
		$this->clock    = $clock ?? static fn(): float => microtime( true );
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string       $country A marketplace country code, or '' for the default (with `#tag` for a tracking ID).
	 * @param list<string> $asins   ASINs.
	 */
	public function get_products( string $country, array $asins ): Get_Items_Result {
		return $this->load( array( $country => $asins ) )[ $country ];
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string $country A marketplace country code, or '' for the default.
	 * @param string $tag     Partner tag.
	 */
	public function accepts_tag( string $country, string $tag ): bool {
		return $this->router->accepts_tag( $country, $tag );
	}

	/**
	 * The key a marketplace's products are loaded and stored under: its country code, or (for a
	 * tracking ID it lists) the tag's own key; '' when it names no marketplace.
	 *
	 * @param string $country Country code or ''.
	 * @param string $tag     Tracking ID asked for ('' = the marketplace's own tag).
	 */
	public function catalog_key( string $country, string $tag = '' ): string {
		return '' === $tag ? $country : $this->router->country( $country . '#' . $tag );
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
			list( $valid, $errors[ $country ] ) = Batch_Fetcher::split( $asins );
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
			++$this->queries;
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
				foreach ( $this->fetcher->fetch( $fetch, $rows, $this->request_budget() ) as $key => $answer ) {
					$this->memo[ $key ] = $answer;
				}
			}
			if ( $stale ) {
				$this->schedule->soon();
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
			$out[ $country ] = self::ordered( $groups[ $country ], $products, $errors[ $country ], $this->notice_for( $code, $valid ) );
		}
		return $out;
	}

	/**
	 * Fetches products from Amazon now, whatever their state, and stores them (WP-CLI's
	 * `item get --refresh`); this request's memo then holds the new products.
	 *
	 * @param string       $country Country code or ''.
	 * @param list<string> $asins   ASINs.
	 */
	public function refresh( string $country, array $asins ): Get_Items_Result {
		$result = $this->fetcher->refresh( $country, $asins );
		$code   = $this->router->country( $country );
		foreach ( array_keys( $result->products ) as $asin ) {
			unset( $this->memo[ $code . '|' . $asin ] );
		}
		return $result;
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string               $country  A marketplace country code, or '' for the default.
	 * @param string               $keywords The keywords.
	 * @param array<string, mixed> $params   search_index, item_count (1–10), item_page (1–10).
	 */
	public function search( string $country, string $keywords, array $params = array() ): Search_Result {
		return $this->searches->search( $country, $keywords, $params, $this->request_budget() );
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string $country A marketplace country code, or '' for the default (with `#tag` for a tracking ID).
	 * @param string $asin    ASIN.
	 */
	public function link_product( string $country, string $asin ): ?Product {
		$code        = $this->router->country( $country );
		$tag         = $this->router->partner_tag( $code );
		$marketplace = Marketplace_Registry::get( Catalog_Key::split( $code )[0] );
		if ( null === $marketplace || '' === $tag || ! Asin::is_valid( $asin ) ) {
			return null;
		}
		$asin = Asin::normalize( $asin );
		return new Product( asin: $asin, marketplace: $marketplace->country, detail_page_url: $marketplace->product_url( $asin, $tag ), source: 'link' );
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
		return null !== $this->budget ? $this->budget->spent() : 0.0;
	}

	/**
	 * Counters of this request: store queries, ASINs fetched, lock waits.
	 *
	 * @return array{queries: int, fetched: int, waited: int}
	 */
	public function stats(): array {
		return array( 'queries' => $this->queries ) + $this->fetcher->stats();
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
		$this->memo    = array();
		$this->budget  = null;
		$this->queries = 0;
		$this->fetcher->reset();
	}

	/**
	 * Uncached ASINs a request of this purpose may fetch (filter `acapi_fetch_cap`), null: no cap.
	 *
	 * @param Request_Purpose $purpose Who is asking.
	 */
	public static function fetch_cap( Request_Purpose $purpose ): ?int {
		$cap = self::FETCH_CAPS[ $purpose->kind ] ?? null;
		/**
		 * Filters how many uncached ASINs one request may fetch from Amazon (the rest are queued
		 * for the refresh job). Null: no cap.
		 *
		 * @param int|null        $cap     50 for a page view, 20 for an editor path, null otherwise.
		 * @param Request_Purpose $purpose Who is asking.
		 */
		$cap = apply_filters( 'acapi_fetch_cap', $cap, $purpose );
		return is_numeric( $cap ) ? max( 0, (int) $cap ) : null;
	}

	/**
	 * Why products of this request are only links for now (a spending limit, else the fetch
	 * cap), or null when nothing was held back.
	 */
	public function held_back(): ?Amazon_Error {
		if ( null === $this->budget ) {
			return null;
		}
		if ( null !== $this->budget->refusal() ) {
			return $this->budget->refusal();
		}
		if ( $this->budget->deferred() > 0 ) {
			$purpose = $this->budget->purpose() ?? new Request_Purpose( Request_Purpose::VISITOR );
			return new Amazon_Error(
				Amazon_Error::DEFERRED,
				'',
				0,
				'FetchCap',
				'',
				null,
				null,
				null,
				array(
					'limit'    => (int) self::fetch_cap( $purpose ),
					'deferred' => $this->budget->deferred(),
				)
			);
		}
		return null;
	}

	/**
	 * The notice of a result: held_back() when this request queued any of its ASINs.
	 *
	 * @param string       $code  Country code.
	 * @param list<string> $asins ASINs.
	 */
	private function notice_for( string $code, array $asins ): ?Amazon_Error {
		foreach ( '' === $code ? array() : $asins as $asin ) {
			if ( $this->fetcher->was_queued( $code, $asin ) ) {
				return $this->held_back();
			}
		}
		return null;
	}

	/**
	 * This request's budget: its seconds follow the filter, what was spent carries over; who is
	 * asking is told when it is made (and again should that change: a new request in tests).
	 */
	private function request_budget(): Budget {
		$seconds = $this->budget();
		$purpose = Request_Purpose::current();
		if ( null === $this->budget || $this->budget->seconds() !== $seconds || ! $purpose->same_as( $this->budget->purpose() ) ) {
			$this->budget = new Budget( $seconds, $this->spent(), $purpose, self::fetch_cap( $purpose ) );
		}
		return $this->budget;
	}

	/**
	 * Now (float Unix time).
	 */
	private function now(): float {
		return ( $this->clock )();
	}

	/**
	 * A result in the order the ASINs were asked for.
	 *
	 * @param array<mixed>                $asins    ASINs as asked.
	 * @param array<string, Product>      $products Products.
	 * @param array<string, Amazon_Error> $errors   Errors.
	 * @param Amazon_Error|null           $notice   Why some products are only links for now.
	 */
	private static function ordered( array $asins, array $products, array $errors, ?Amazon_Error $notice = null ): Get_Items_Result {
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
		return new Get_Items_Result( $out_products, $out_errors, 0, $notice );
	}
}
