<?php
/**
 * What one request may spend on Amazon: its seconds, its fetch cap, and why it held products back.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Catalog;

use Creators_Connect\Model\Amazon_Error;
use Creators_Connect\Support\Budget;
use Creators_Connect\Support\Request_Purpose;

/**
 * The request's budget policy, apart from the read path that spends it. A request may spend
 * `acapi_fetch_budget` seconds (default 3) fetching and at most 50 uncached ASINs for a page view,
 * 20 for an editor path (filter `acapi_fetch_cap`). It makes one Support\Budget per request,
 * told who is asking (Request_Purpose), and makes it again should the seconds or the purpose
 * change (a new request in tests); what was spent carries over.
 *
 * The Product_Service hands current() down to every fetch and search; the products route asks
 * held_back() whether to answer 429. Both get the same instance from Plugin::wire().
 */
final class Request_Budget {

	/**
	 * Default seconds a request may spend fetching from Amazon.
	 */
	public const DEFAULT_SECONDS = 3.0;

	/**
	 * Uncached ASINs one request may fetch, by purpose (none for the refresh job and WP-CLI).
	 */
	public const FETCH_CAPS = array(
		Request_Purpose::VISITOR => 50,
		Request_Purpose::EDITOR  => 20,
	);

	/**
	 * This request's budget (null until a fetch or search needs it).
	 *
	 * @var Budget|null
	 */
	private ?Budget $budget = null;

	/**
	 * Seconds a request may spend fetching (filter `acapi_fetch_budget`).
	 */
	public function seconds(): float {
		$seconds = apply_filters( 'acapi_fetch_budget', self::DEFAULT_SECONDS );
		return is_numeric( $seconds ) && (float) $seconds >= 0 ? (float) $seconds : self::DEFAULT_SECONDS;
	}

	/**
	 * Seconds this request spent fetching so far.
	 */
	public function spent(): float {
		return null !== $this->budget ? $this->budget->spent() : 0.0;
	}

	/**
	 * This request's budget: its seconds follow the filter, what was spent carries over; who is
	 * asking is told when it is made (and again should that change: a new request in tests).
	 */
	public function current(): Budget {
		$seconds = $this->seconds();
		$purpose = Request_Purpose::current();
		if ( null === $this->budget || $this->budget->seconds() !== $seconds || ! $purpose->same_as( $this->budget->purpose() ) ) {
			$this->budget = new Budget( $seconds, $this->spent(), $purpose, self::fetch_cap( $purpose ) );
		}
		return $this->budget;
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
	 * Forgets what this request spent (a new request, in tests and long CLI runs).
	 */
	public function reset(): void {
		$this->budget = null;
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
}
