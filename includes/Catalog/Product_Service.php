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

/**
 * The read path. get_products(): one store query for all ASINs; fresh products are served; stale ones (under 24
 * hours) are served and queued for the refresh job; missing ones (and ones past 24 hours) are
 * fetched now by the Batch_Fetcher within the request's budget (Request_Budget: its seconds, who
 * is asking, its fetch cap); what does not fit comes back as a title-and-link product (or a bare
 * link when never fetched) and is queued. Concurrent requests for the same missing ASINs make one
 * API call (Fetch_Lock). Searches go through the Search_Cache, WP-CLI's refresh through the
 * Product_Refresher.
 *
 * Results are kept for the rest of the request (the prefetcher warms this memo, so the renderer's
 * later calls cost no query). A result whose ASINs were queued carries the reason as its notice
 * (Request_Budget::held_back(); the renderer shows it to editors).
 */
final class Product_Service implements Product_Source {

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
	 * Store queries in this request.
	 *
	 * @var int
	 */
	private int $queries = 0;

	/**
	 * Builds the service.
	 *
	 * @param Router                   $router    Router (to resolve the marketplace a request names).
	 * @param Product_Store            $store     Store.
	 * @param Batch_Fetcher            $fetcher   Fetches what the store cannot serve.
	 * @param Product_Refresher        $refresher Fetches now, whatever the state (`item get --refresh`).
	 * @param Search_Cache             $searches  Searches.
	 * @param Refresh_Schedule         $schedule  The refresh job's schedule (stale products ask for a run soon).
	 * @param Request_Budget           $budget    What this request may spend (the one the products route asks).
	 * @param (callable(): float)|null $clock     Clock (tests).
	 */
	public function __construct(
		private readonly Router $router,
		private readonly Product_Store $store,
		private readonly Batch_Fetcher $fetcher,
		private readonly Product_Refresher $refresher,
		private readonly Search_Cache $searches,
		private readonly Refresh_Schedule $schedule,
		private readonly Request_Budget $budget,
		?callable $clock = null
	) {
		$this->clock = $clock ?? static fn(): float => microtime( true );
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
			$country             = (string) $country;
			$code                = $this->router->country( $country );
			list( $valid, $bad ) = Asin::partition( $asins );
			$errors[ $country ]  = Get_Items_Result::malformed( $bad )->errors;
			$asked[ $country ]   = array( $code, $valid );
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
				foreach ( $this->fetcher->fetch( $fetch, $rows, $this->budget->current() ) as $key => $answer ) {
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
			$out[ $country ] = Get_Items_Result::in_order( $groups[ $country ], $products, $errors[ $country ], $this->notice_for( $code, $valid ) );
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
		$result = $this->refresher->refresh( $country, $asins );
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
		return $this->searches->search( $country, $keywords, $params, $this->budget->current() );
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
		$this->queries = 0;
		$this->budget->reset();
		$this->fetcher->reset();
	}

	/**
	 * The notice of a result: why products were held back, when this request queued any of its ASINs.
	 *
	 * @param string       $code  Country code.
	 * @param list<string> $asins ASINs.
	 */
	private function notice_for( string $code, array $asins ): ?Amazon_Error {
		foreach ( '' === $code ? array() : $asins as $asin ) {
			if ( $this->fetcher->was_queued( $code, $asin ) ) {
				return $this->budget->held_back();
			}
		}
		return null;
	}

	/**
	 * Now (float Unix time).
	 */
	private function now(): float {
		return ( $this->clock )();
	}
}
