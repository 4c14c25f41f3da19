<?php
/**
 * The stampede lock: one request fetches a set of ASINs, the others wait for what it stores.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Catalog;

use Creators_Connect\Model\Amazon_Error;
use Creators_Connect\Model\Product;
use Creators_Connect\Support\Budget;
use Creators_Connect\Support\Shared_Store;

/**
 * Concurrent requests for the same missing ASINs make one API call: one takes the lock for its
 * marketplace and ASIN set, the others poll the product table (within their budget, filter
 * `acapi_lock_wait`, default 2 s) until the fetch they wait for has stored a product or an error.
 */
final class Fetch_Lock {

	/**
	 * Default seconds a request waits for another request's fetch of the same ASINs.
	 */
	public const DEFAULT_WAIT = 2.0;

	/**
	 * Seconds between two looks at the table while waiting.
	 */
	private const POLL = 0.1;

	/**
	 * Where the locks live.
	 *
	 * @var Shared_Store
	 */
	private Shared_Store $shared;

	/**
	 * The product table, polled while waiting.
	 *
	 * @var Product_Store
	 */
	private Product_Store $store;

	/**
	 * Clock (float Unix time).
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
	 * Builds the lock.
	 *
	 * @param Shared_Store                 $shared Where the locks live.
	 * @param Product_Store                $store  The product table.
	 * @param (callable(): float)|null     $clock  Clock (tests).
	 * @param (callable(float): void)|null $sleep  Sleeper (tests).
	 */
	public function __construct( Shared_Store $shared, Product_Store $store, ?callable $clock = null, ?callable $sleep = null ) {
		$this->shared = $shared;
		$this->store  = $store;
		$this->clock  = $clock ?? static fn(): float => microtime( true );
		$this->sleep  = $sleep ?? static function ( float $seconds ): void {
			if ( $seconds > 0 ) {
				usleep( (int) round( $seconds * 1000000 ) );
			}
		};
	}

	/**
	 * Takes the lock of a marketplace's ASIN set; its name, or null when another request holds it.
	 * The lock outlives the budget by 10 s, so a crashed request frees it soon.
	 *
	 * @param string       $code   Country code.
	 * @param list<string> $asins  ASINs.
	 * @param Budget       $budget The request's budget.
	 */
	public function acquire( string $code, array $asins, Budget $budget ): ?string {
		sort( $asins );
		$name = 'fetch_' . substr( md5( $code . '|' . implode( ',', $asins ) ), 0, 24 );
		return $this->shared->lock( $name, (int) ceil( $budget->seconds() ) + 10 ) ? $name : null;
	}

	/**
	 * Releases a lock acquire() returned.
	 *
	 * @param string $name Lock name.
	 */
	public function release( string $name ): void {
		$this->shared->unlock( $name );
	}

	/**
	 * Waits (within the budget, which it charges) for another request that is fetching the same
	 * ASINs: what that request stored since $rows were read, and the ASINs still open.
	 *
	 * @param string                        $code   Country code.
	 * @param list<string>                  $asins  ASINs.
	 * @param array<string, Stored_Product> $rows   Rows as read before.
	 * @param Budget                        $budget The request's budget.
	 * @return array{0: array<string, Product|Amazon_Error>, 1: list<string>} Answers by ASIN, ASINs still open.
	 */
	public function wait( string $code, array $asins, array $rows, Budget $budget ): array {
		$wait  = apply_filters( 'acapi_lock_wait', self::DEFAULT_WAIT );
		$wait  = min( is_numeric( $wait ) ? max( 0.0, (float) $wait ) : self::DEFAULT_WAIT, $budget->left() );
		$start = $this->now();
		$out   = array();
		$open  = $asins;
		do {
			( $this->sleep )( self::POLL );
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
		$budget->charge( $this->now() - $start );
		return array( $out, array_values( $open ) );
	}

	/**
	 * Now (float Unix time).
	 */
	private function now(): float {
		return ( $this->clock )();
	}
}
