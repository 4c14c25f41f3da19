<?php
/**
 * The seconds a piece of work may still spend talking to Amazon.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Support;

/**
 * A time budget handed down explicitly, from the page's read path through the router and the
 * client to the HTTP transport: each call's timeout and its retry waits are capped at what is
 * left, so a slow Amazon cannot hold a page past the budget. Work without a page to protect
 * (the refresh job, WP-CLI) passes no budget and the clients' own limits apply.
 *
 * Mutable on purpose: the owner charges what each call took, and every later call sees less.
 */
final class Budget {

	/**
	 * The least a started call is given, in seconds (a call cut shorter could not finish at all).
	 */
	public const MIN_CALL = 0.5;

	/**
	 * The seconds of the whole budget.
	 *
	 * @var float
	 */
	private float $seconds;

	/**
	 * The seconds spent so far.
	 *
	 * @var float
	 */
	private float $spent;

	/**
	 * Builds a budget.
	 *
	 * @param float $seconds The whole budget.
	 * @param float $spent   Seconds already spent (a budget carried over).
	 */
	public function __construct( float $seconds, float $spent = 0.0 ) {
		$this->seconds = max( 0.0, $seconds );
		$this->spent   = max( 0.0, $spent );
	}

	/**
	 * The whole budget, in seconds.
	 */
	public function seconds(): float {
		return $this->seconds;
	}

	/**
	 * Seconds spent so far.
	 */
	public function spent(): float {
		return $this->spent;
	}

	/**
	 * Seconds left (never negative).
	 */
	public function left(): float {
		return max( 0.0, $this->seconds - $this->spent );
	}

	/**
	 * Whether at least $seconds are left.
	 *
	 * @param float $seconds Seconds.
	 */
	public function has( float $seconds ): bool {
		return $this->seconds - $this->spent >= $seconds;
	}

	/**
	 * Records time spent.
	 *
	 * @param float $seconds Seconds.
	 */
	public function charge( float $seconds ): void {
		$this->spent += max( 0.0, $seconds );
	}

	/**
	 * An HTTP timeout capped at what is left (but at least MIN_CALL).
	 *
	 * @param float $timeout The transport's own timeout.
	 */
	public function http_timeout( float $timeout ): float {
		return min( $timeout, $this->for_a_call() );
	}

	/**
	 * A retry-wait budget capped at what is left once the call itself had MIN_CALL.
	 *
	 * @param float $wait The client's own retry budget.
	 */
	public function retry_wait( float $wait ): float {
		return min( $wait, max( 0.0, $this->for_a_call() - self::MIN_CALL ) );
	}

	/**
	 * What one more call may take.
	 */
	private function for_a_call(): float {
		return max( self::MIN_CALL, $this->seconds - $this->spent );
	}
}
