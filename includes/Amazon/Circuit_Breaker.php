<?php
/**
 * Stops calling an Amazon API in a marketplace after repeated failures.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Amazon;

use Creators_Connect\Support\Shared_Store;

/**
 * Per (API, marketplace) breaker, shared across processes: after `threshold` consecutive failures
 * (default 5, filter `acapi_circuit_breaker_threshold`) it opens for `cooldown` seconds (default 60,
 * filter `acapi_circuit_breaker_cooldown`), then lets one probe through (half-open): success closes
 * it, failure opens it again. Failures are throttling after retries, 5xx, timeouts, network errors
 * and unreadable answers, not configuration errors.
 */
final class Circuit_Breaker {

	public const CLOSED    = 'closed';
	public const OPEN      = 'open';
	public const HALF_OPEN = 'half_open';

	/**
	 * Store.
	 *
	 * @var Shared_Store
	 */
	private Shared_Store $store;

	/**
	 * Clock.
	 *
	 * @var callable(): float
	 */
	private $clock;

	/**
	 * Builds the breaker.
	 *
	 * @param Shared_Store|null        $store Store (default: the WordPress-backed one).
	 * @param (callable(): float)|null $clock Clock (tests).
	 */
	public function __construct( ?Shared_Store $store = null, ?callable $clock = null ) {
		$this->store = $store ?? new Shared_Store();
		$this->clock = $clock ?? static fn(): float => microtime( true );
	}

	/**
	 * The state of a breaker, read from the shared store (for the settings screen and Site Health).
	 *
	 * @param string $api         `creators` or `paapi`.
	 * @param string $marketplace Country code.
	 */
	public static function state( string $api, string $marketplace ): string {
		return ( new self() )->current_state( $api, $marketplace );
	}

	/**
	 * The state of a breaker.
	 *
	 * @param string $api         `creators` or `paapi`.
	 * @param string $marketplace Country code.
	 */
	public function current_state( string $api, string $marketplace ): string {
		return $this->status( $api, $marketplace )['state'];
	}

	/**
	 * State with details: consecutive failures, when it opened, seconds until the next probe.
	 *
	 * @param string $api         `creators` or `paapi`.
	 * @param string $marketplace Country code.
	 * @return array{state: string, failures: int, opened_at: float|null, retry_in: int}
	 */
	public function status( string $api, string $marketplace ): array {
		$data = $this->read( $api, $marketplace );
		if ( null === $data['opened_at'] ) {
			return array(
				'state'     => self::CLOSED,
				'failures'  => $data['failures'],
				'opened_at' => null,
				'retry_in'  => 0,
			);
		}
		$left = $data['opened_at'] + $this->cooldown() - ( $this->clock )();
		return array(
			'state'     => $left > 0 ? self::OPEN : self::HALF_OPEN,
			'failures'  => $data['failures'],
			'opened_at' => $data['opened_at'],
			'retry_in'  => max( 0, (int) ceil( $left ) ),
		);
	}

	/**
	 * Whether a call may go out now. In half-open state only one caller (the probe) gets true.
	 *
	 * @param string $api         `creators` or `paapi`.
	 * @param string $marketplace Country code.
	 */
	public function allow( string $api, string $marketplace ): bool {
		$state = $this->current_state( $api, $marketplace );
		if ( self::CLOSED === $state ) {
			return true;
		}
		if ( self::OPEN === $state ) {
			return false;
		}
		return $this->store->lock( 'cbp_' . $this->key( $api, $marketplace ), max( 5, $this->cooldown() ) );
	}

	/**
	 * Records a successful call: the breaker closes.
	 *
	 * @param string $api         `creators` or `paapi`.
	 * @param string $marketplace Country code.
	 */
	public function record_success( string $api, string $marketplace ): void {
		$key = $this->key( $api, $marketplace );
		if ( null !== $this->store->get( 'cb_' . $key ) ) {
			$this->store->delete( 'cb_' . $key );
		}
		$this->store->unlock( 'cbp_' . $key );
	}

	/**
	 * Records a failed call: counts it, opens the breaker at the threshold, re-opens after a failed probe.
	 *
	 * @param string $api         `creators` or `paapi`.
	 * @param string $marketplace Country code.
	 */
	public function record_failure( string $api, string $marketplace ): void {
		$key  = $this->key( $api, $marketplace );
		$data = $this->read( $api, $marketplace );
		$now  = ( $this->clock )();
		++$data['failures'];
		if ( null !== $data['opened_at'] || $data['failures'] >= $this->threshold() ) {
			$data['opened_at'] = $now;
		}
		$this->store->set( 'cb_' . $key, $data, 86400 );
		$this->store->unlock( 'cbp_' . $key );
	}

	/**
	 * Closes a breaker and forgets its failures.
	 *
	 * @param string $api         `creators` or `paapi`.
	 * @param string $marketplace Country code.
	 */
	public function reset( string $api, string $marketplace ): void {
		$key = $this->key( $api, $marketplace );
		$this->store->delete( 'cb_' . $key );
		$this->store->unlock( 'cbp_' . $key );
	}

	/**
	 * Consecutive failures that open the breaker.
	 */
	public function threshold(): int {
		$value = function_exists( 'apply_filters' ) ? apply_filters( 'acapi_circuit_breaker_threshold', 5 ) : 5;
		return is_numeric( $value ) ? max( 1, (int) $value ) : 5;
	}

	/**
	 * Seconds the breaker stays open.
	 */
	public function cooldown(): int {
		$value = function_exists( 'apply_filters' ) ? apply_filters( 'acapi_circuit_breaker_cooldown', 60 ) : 60;
		return is_numeric( $value ) ? max( 1, (int) $value ) : 60;
	}

	/**
	 * The stored data.
	 *
	 * @param string $api         API.
	 * @param string $marketplace Country code.
	 * @return array{failures: int, opened_at: float|null}
	 */
	private function read( string $api, string $marketplace ): array {
		$data = $this->store->get( 'cb_' . $this->key( $api, $marketplace ) );
		return array(
			'failures'  => is_array( $data ) && isset( $data['failures'] ) && is_numeric( $data['failures'] ) ? (int) $data['failures'] : 0,
			'opened_at' => is_array( $data ) && isset( $data['opened_at'] ) && is_numeric( $data['opened_at'] ) ? (float) $data['opened_at'] : null,
		);
	}

	/**
	 * Store key of a breaker.
	 *
	 * @param string $api         API.
	 * @param string $marketplace Country code.
	 */
	private function key( string $api, string $marketplace ): string {
		return preg_replace( '/[^a-z0-9_]/', '', strtolower( $api . '_' . $marketplace ) ) ?? 'x';
	}
}
