<?php
/**
 * Request spacing per credential, shared across PHP processes.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Amazon;

use Creators_Connect\Support\Shared_Store;

/**
 * Reserves time slots per credential so that all processes together stay under Amazon's rate
 * (default 1 request/s, filter `acapi_rate_limit_per_second`; 0 turns spacing off). A caller whose
 * slot is further away than its wait budget gets false instead of hanging the page.
 */
final class Rate_Limiter {

	/**
	 * Default requests per second per credential (Amazon's starting allowance).
	 */
	public const DEFAULT_PER_SECOND = 1.0;

	/**
	 * Seconds added to every interval: requests reach Amazon with a little jitter, and a token
	 * bucket of 1/s rejects one that arrives a few milliseconds early.
	 */
	public const MARGIN = 0.05;

	/**
	 * Store.
	 *
	 * @var Shared_Store
	 */
	private Shared_Store $store;

	/**
	 * Sleeper: fn( float seconds ).
	 *
	 * @var callable(float): void
	 */
	private $sleep;

	/**
	 * Clock: fn(): float.
	 *
	 * @var callable(): float
	 */
	private $clock;

	/**
	 * Builds the limiter.
	 *
	 * @param Shared_Store                 $store Store shared across processes.
	 * @param (callable(float): void)|null $sleep Sleeper (tests).
	 * @param (callable(): float)|null     $clock Clock (tests).
	 */
	public function __construct( Shared_Store $store, ?callable $sleep = null, ?callable $clock = null ) {
		$this->store = $store;
		$this->sleep = $sleep ?? static function ( float $seconds ): void {
			if ( $seconds > 0 ) {
				usleep( (int) round( $seconds * 1000000 ) );
			}
		};
		$this->clock = $clock ?? static fn(): float => microtime( true );
	}

	/**
	 * Requests per second allowed per credential.
	 *
	 * @param string $key Credential key (hashed id).
	 */
	public function per_second( string $key = '' ): float {
		$rate = function_exists( 'apply_filters' ) ? apply_filters( 'acapi_rate_limit_per_second', self::DEFAULT_PER_SECOND, $key ) : self::DEFAULT_PER_SECOND;
		return is_numeric( $rate ) && (float) $rate > 0 ? (float) $rate : 0.0;
	}

	/**
	 * Waits for the credential's next slot. False (without waiting) when that slot is more than
	 * $max_wait seconds away.
	 *
	 * @param string $key      Credential key (hashed id, never a secret).
	 * @param float  $max_wait Longest acceptable wait in seconds.
	 */
	public function acquire( string $key, float $max_wait = 3.0 ): bool {
		$rate = $this->per_second( $key );
		if ( $rate <= 0 ) {
			return true;
		}
		$interval = 1.0 / $rate + self::MARGIN;
		$lock     = 'rlk_' . $key;
		$tries    = 0;
		while ( ! $this->store->lock( $lock, 2 ) && $tries < 25 ) {
			( $this->sleep )( 0.02 );
			++$tries;
		}
		$now  = ( $this->clock )();
		$next = $this->store->get( 'rl_' . $key );
		$slot = max( $now, is_numeric( $next ) ? (float) $next : 0.0 );
		if ( $slot - $now > $max_wait ) {
			$this->store->unlock( $lock );
			return false;
		}
		$this->store->set( 'rl_' . $key, $slot + $interval, (int) ceil( $slot + $interval - $now ) + 1 );
		$this->store->unlock( $lock );
		if ( $slot > $now ) {
			( $this->sleep )( $slot - $now );
		}
		return true;
	}

	/**
	 * Pushes the credential's next slot out (after Amazon answered 429).
	 *
	 * @param string $key     Credential key.
	 * @param float  $seconds Seconds from now.
	 */
	public function penalize( string $key, float $seconds ): void {
		$now  = ( $this->clock )();
		$next = $this->store->get( 'rl_' . $key );
		$slot = max( $now + $seconds, is_numeric( $next ) ? (float) $next : 0.0 );
		$this->store->set( 'rl_' . $key, $slot, (int) ceil( $slot - $now ) + 1 );
	}

	/**
	 * Forgets the credential's slots.
	 *
	 * @param string $key Credential key.
	 */
	public function reset( string $key ): void {
		$this->store->delete( 'rl_' . $key );
	}
}
