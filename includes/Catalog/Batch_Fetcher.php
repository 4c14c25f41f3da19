<?php
/**
 * Fetches the products a page is missing from Amazon, within the page's budget.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Catalog;

use Creators_Connect\Amazon\Api_Client;
use Creators_Connect\Model\Amazon_Error;
use Creators_Connect\Model\Product;
use Creators_Connect\Support\Budget;

/**
 * The page's fetch: under the stampede lock, in batches, within the page's budget, the batches of
 * different marketplaces taking turns (us, de, us, de, us) so that one credential's request
 * spacing is spent on another's call, not waited out; what does not fit is queued for the refresh
 * job and shown as title and link (or a bare link). Answers are stored through the Answer_Keeper,
 * as the refresh job's are (Product_Refresher: every batch, no budget).
 */
final class Batch_Fetcher {

	/**
	 * Seconds of budget below which no batch is started.
	 */
	private const LEAST_FOR_A_BATCH = 0.05;

	/**
	 * Router.
	 *
	 * @var Router
	 */
	private Router $router;

	/**
	 * Store (the refresh queue).
	 *
	 * @var Product_Store
	 */
	private Product_Store $store;

	/**
	 * Stores each batch's answer.
	 *
	 * @var Answer_Keeper
	 */
	private Answer_Keeper $keeper;

	/**
	 * The stampede lock.
	 *
	 * @var Fetch_Lock
	 */
	private Fetch_Lock $lock;

	/**
	 * The refresh job's schedule (queued ASINs ask for a run soon).
	 *
	 * @var Refresh_Schedule
	 */
	private Refresh_Schedule $schedule;

	/**
	 * Clock (float Unix time).
	 *
	 * @var callable(): float
	 */
	private $clock;

	/**
	 * ASINs fetched and lock waits in this request.
	 *
	 * @var array{fetched: int, waited: int}
	 */
	private array $stats = array(
		'fetched' => 0,
		'waited'  => 0,
	);

	/**
	 * "country|ASIN" queued for the refresh job in this request.
	 *
	 * @var array<string, true>
	 */
	private array $queued = array();

	/**
	 * Builds the fetcher.
	 *
	 * @param Router                   $router   Router.
	 * @param Product_Store            $store    Store (the refresh queue).
	 * @param Answer_Keeper            $keeper   Stores each batch's answer.
	 * @param Fetch_Lock               $lock     The stampede lock.
	 * @param Refresh_Schedule         $schedule The refresh job's schedule.
	 * @param (callable(): float)|null $clock    Clock (tests).
	 */
	public function __construct( Router $router, Product_Store $store, Answer_Keeper $keeper, Fetch_Lock $lock, Refresh_Schedule $schedule, ?callable $clock = null ) {
		$this->router   = $router;
		$this->store    = $store;
		$this->keeper   = $keeper;
		$this->lock     = $lock;
		$this->schedule = $schedule;
		$this->clock    = $clock ?? static fn(): float => microtime( true );
	}

	/**
	 * Fetches missing (or expired) products for a page: under a lock per marketplace and ASIN
	 * set, in batches, within the budget. A marketplace whose ASINs another request is fetching
	 * is waited for. ASINs past the budget's fetch cap, and batches a spending limit held back
	 * (the budget keeps the reason), are queued for the refresh job like those past its time.
	 *
	 * @param array<string, list<string>>                  $fetch  ASINs to fetch by country code.
	 * @param array<string, array<string, Stored_Product>> $rows   Their stored rows.
	 * @param Budget                                       $budget The request's budget.
	 * @return array<string, Product|Amazon_Error> Answers by "country|ASIN".
	 */
	public function fetch( array $fetch, array $rows, Budget $budget ): array {
		$out       = array();
		$decisions = array();
		$locks     = array();
		$queues    = array();
		$others    = array();
		$left      = array();
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
			$allowed = $budget->take_asins( count( $asins ) );
			if ( $allowed < count( $asins ) ) {
				$left[ $code ] = array_slice( $asins, $allowed );
				$asins         = array_slice( $asins, 0, $allowed );
				if ( array() === $asins ) {
					continue;
				}
			}
			$lock = $this->lock->acquire( $code, $asins, $budget );
			if ( null !== $lock ) {
				$locks[]         = $lock;
				$queues[ $code ] = array_chunk( $asins, Api_Client::MAX_IDS_PER_CALL );
			} else {
				$others[ $code ] = $asins;
			}
		}

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
				$this->lock->release( $lock );
			}
		}

		foreach ( $left as $code => $asins ) {
			foreach ( $this->queue( $code, $asins, $rows[ $code ] ?? array(), $decisions[ $code ] ) as $asin => $answer ) {
				$out[ $code . '|' . $asin ] = $answer;
			}
		}
		foreach ( $others as $code => $asins ) {
			++$this->stats['waited'];
			list( $answers, $open ) = $this->lock->wait( $code, $asins, $rows[ $code ] ?? array(), $budget );
			if ( array() !== $open ) {
				$answers += $this->queue( $code, $open, $rows[ $code ] ?? array(), $decisions[ $code ] );
			}
			foreach ( $answers as $asin => $answer ) {
				$out[ $code . '|' . $asin ] = $answer;
			}
		}
		return $out;
	}

	/**
	 * ASINs fetched and lock waits in this request.
	 *
	 * @return array{fetched: int, waited: int}
	 */
	public function stats(): array {
		return $this->stats;
	}

	/**
	 * Whether this request queued an ASIN for the refresh job (instead of fetching it).
	 *
	 * @param string $code Country code.
	 * @param string $asin ASIN.
	 */
	public function was_queued( string $code, string $asin ): bool {
		return isset( $this->queued[ $code . '|' . $asin ] );
	}

	/**
	 * Forgets this request's counters and its "run soon" request (a new request).
	 */
	public function reset(): void {
		$this->stats  = array(
			'fetched' => 0,
			'waited'  => 0,
		);
		$this->queued = array();
		$this->schedule->reset();
	}

	/**
	 * One GetItems batch, stored. Null when it did not fit what is left of the budget (the
	 * caller queues it).
	 *
	 * @param string                        $code   Country code.
	 * @param list<string>                  $chunk  ASINs.
	 * @param array<string, Stored_Product> $rows   Their stored rows.
	 * @param Budget                        $budget The request's budget.
	 * @return array<string, Product|Amazon_Error>|null
	 */
	private function fetch_batch( string $code, array $chunk, array $rows, Budget $budget ): ?array {
		if ( ! $budget->has( self::LEAST_FOR_A_BATCH ) ) {
			return null;
		}
		$start = $this->now();
		try {
			$routed = $this->router->get_items( $code, $chunk, array(), $budget );
		} finally {
			$budget->charge( $this->now() - $start );
		}
		if ( $routed->result->held_back_locally( $chunk ) ) {
			// The plugin's own request spacing did not fit what is left of the budget, or a
			// spending limit held the call back, so Amazon was not asked: that is running out of
			// time or allowance, not an error to keep.
			$error = $routed->result->error( $chunk[0] );
			if ( null !== $error && ! $error->is_local_throttle() ) {
				$budget->refuse( $error );
			}
			return null;
		}
		$this->stats['fetched'] += count( $chunk );
		$this->keeper->keep( $code, $routed, $rows, (int) $this->now() );
		$out = array();
		foreach ( $chunk as $asin ) {
			$product = $routed->result->product( $asin );
			if ( null !== $product ) {
				$out[ $asin ] = $product;
				continue;
			}
			$error = $routed->result->why_missing( $asin );
			$old   = $rows[ $asin ]->product ?? null;
			// A failed fetch never replaces a stored product; past 24 hours it shows title and link only.
			$out[ $asin ] = null !== $old ? Compliance::displayable( $old, (int) $this->now() ) : $error;
		}
		return $out;
	}

	/**
	 * Queues ASINs for the refresh job and answers with what a page shows meanwhile.
	 *
	 * @param string                        $code     Country code.
	 * @param list<string>                  $asins    ASINs.
	 * @param array<string, Stored_Product> $rows     Their stored rows.
	 * @param Route_Decision                $decision Route.
	 * @return array<string, Product>
	 */
	private function queue( string $code, array $asins, array $rows, Route_Decision $decision ): array {
		$this->store->queue( $code, $asins, (int) $this->now() );
		$this->schedule->soon();
		$out = array();
		foreach ( $asins as $asin ) {
			$this->queued[ $code . '|' . $asin ] = true;
			// The stored product reduced to what may still be shown, or (never fetched) a bare link.
			$stored       = $rows[ $asin ]->product ?? null;
			$out[ $asin ] = null !== $stored ? Compliance::displayable( $stored, (int) $this->now() ) : $decision->bare_product( $asin );
		}
		return $out;
	}

	/**
	 * Now (float Unix time).
	 */
	private function now(): float {
		return ( $this->clock )();
	}
}
