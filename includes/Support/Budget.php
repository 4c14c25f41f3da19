<?php
/**
 * The seconds a piece of work may still spend talking to Amazon.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Support;

use Creators_Connect\Model\Amazon_Error;

/**
 * A time budget handed down explicitly, from the page's read path through the router and the
 * client to the HTTP transport: each call's timeout and its retry waits are capped at what is
 * left, so a slow Amazon cannot hold a page past the budget. Work without a page to protect
 * (the refresh job, WP-CLI) passes no budget and the clients' own limits apply.
 *
 * Mutable on purpose: the owner charges what each call took, and every later call sees less.
 *
 * It also carries who is asking (Request_Purpose) to the one place an Amazon call happens, the
 * number of uncached ASINs the request may still fetch (its fetch cap: 50 for a page view, 20
 * for an editor path) and, when a spending limit held a call back, the reason an editor is told.
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
	 * Who is asking (null: not told; the spending limits then ask Request_Purpose::current()).
	 *
	 * @var Request_Purpose|null
	 */
	private ?Request_Purpose $purpose;

	/**
	 * Uncached ASINs the request may still fetch (null: no cap).
	 *
	 * @var int|null
	 */
	private ?int $asins_left;

	/**
	 * ASINs the cap sent to the refresh queue.
	 *
	 * @var int
	 */
	private int $deferred = 0;

	/**
	 * Why a spending limit held a call back (the first reason), or null.
	 *
	 * @var Amazon_Error|null
	 */
	private ?Amazon_Error $refusal = null;

	/**
	 * Builds a budget.
	 *
	 * @param float                $seconds The whole budget.
	 * @param float                $spent   Seconds already spent (a budget carried over).
	 * @param Request_Purpose|null $purpose Who is asking.
	 * @param int|null             $cap     Uncached ASINs the request may fetch (null: no cap).
	 */
	public function __construct( float $seconds, float $spent = 0.0, ?Request_Purpose $purpose = null, ?int $cap = null ) {
		$this->seconds    = max( 0.0, $seconds );
		$this->spent      = max( 0.0, $spent );
		$this->purpose    = $purpose;
		$this->asins_left = null === $cap ? null : max( 0, $cap );
	}

	/**
	 * Who is asking (null when not told).
	 */
	public function purpose(): ?Request_Purpose {
		return $this->purpose;
	}

	/**
	 * Takes up to $wanted ASINs from the fetch cap; answers how many may be fetched (the rest are
	 * counted as deferred).
	 *
	 * @param int $wanted Uncached ASINs the caller would fetch.
	 */
	public function take_asins( int $wanted ): int {
		if ( null === $this->asins_left ) {
			return $wanted;
		}
		$allowed           = min( $wanted, $this->asins_left );
		$this->asins_left -= $allowed;
		$this->deferred   += $wanted - $allowed;
		return $allowed;
	}

	/**
	 * ASINs the fetch cap sent to the refresh queue so far.
	 */
	public function deferred(): int {
		return $this->deferred;
	}

	/**
	 * Notes why a spending limit held a call back (the first reason is kept).
	 *
	 * @param Amazon_Error $error The refusal.
	 */
	public function refuse( Amazon_Error $error ): void {
		$this->refusal = $this->refusal ?? $error;
	}

	/**
	 * Why a spending limit held a call back, or null.
	 */
	public function refusal(): ?Amazon_Error {
		return $this->refusal;
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
