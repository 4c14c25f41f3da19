<?php
/**
 * Request_Budget: what one request may spend on Amazon.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Catalog;

use Creators_Connect\Catalog\Request_Budget;
use Creators_Connect\Model\Amazon_Error;
use Creators_Connect\Support\Request_Purpose;
use Creators_Connect\Tests\Integration_Test_Case;

/**
 * The seconds and fetch cap filters, one Budget per request, and the notice of what was held back.
 */
final class Request_Budget_Test extends Integration_Test_Case {

	/**
	 * Three seconds by default; the filter's number when it is one and not negative.
	 */
	public function test_seconds_follow_the_filter(): void {
		$budget = new Request_Budget();
		$this->assertSame( Request_Budget::DEFAULT_SECONDS, $budget->seconds() );
		$this->assertSame( 3.0, $budget->seconds() );
		add_filter( 'acapi_fetch_budget', static fn(): string => '1.5' );
		$this->assertSame( 1.5, $budget->seconds() );
		add_filter( 'acapi_fetch_budget', static fn(): float => -1.0, 20 );
		$this->assertSame( 3.0, $budget->seconds(), 'a negative budget falls back to the default' );
		add_filter( 'acapi_fetch_budget', static fn(): string => 'lots', 30 );
		$this->assertSame( 3.0, $budget->seconds(), 'a non-number falls back to the default' );
		add_filter( 'acapi_fetch_budget', '__return_zero', 40 );
		$this->assertSame( 0.0, $budget->seconds(), 'zero fetches nothing' );
	}

	/**
	 * 50 for a page view, 20 for an editor path, no cap for the refresh job and WP-CLI; the filter decides.
	 */
	public function test_fetch_cap_by_purpose(): void {
		$this->assertSame( 50, Request_Budget::fetch_cap( new Request_Purpose( Request_Purpose::VISITOR ) ) );
		$this->assertSame( 20, Request_Budget::fetch_cap( new Request_Purpose( Request_Purpose::EDITOR, 1, 'author' ) ) );
		$this->assertNull( Request_Budget::fetch_cap( new Request_Purpose( Request_Purpose::REFRESH ) ) );
		$this->assertNull( Request_Budget::fetch_cap( new Request_Purpose( Request_Purpose::CLI ) ) );
		$seen = array();
		add_filter(
			'acapi_fetch_cap',
			static function ( $cap, Request_Purpose $purpose ) use ( &$seen ) {
				$seen[] = $purpose->kind;
				return Request_Purpose::CLI === $purpose->kind ? 5 : -3;
			},
			10,
			2
		);
		$this->assertSame( 5, Request_Budget::fetch_cap( new Request_Purpose( Request_Purpose::CLI ) ) );
		$this->assertSame( 0, Request_Budget::fetch_cap( new Request_Purpose( Request_Purpose::VISITOR ) ), 'never below zero' );
		$this->assertSame( array( Request_Purpose::CLI, Request_Purpose::VISITOR ), $seen );
	}

	/**
	 * One Budget per request, told who is asking; remade when the seconds change, what was spent
	 * carried over; forgotten on reset().
	 */
	public function test_one_budget_per_request(): void {
		$budget = new Request_Budget();
		$this->assertSame( 0.0, $budget->spent() );
		$first = $budget->current();
		$this->assertSame( $first, $budget->current() );
		$this->assertSame( 3.0, $first->seconds() );
		$this->assertTrue( ( new Request_Purpose( Request_Purpose::VISITOR ) )->same_as( $first->purpose() ) );
		$this->assertSame( 50, $first->take_asins( 60 ), 'a page view may fetch 50' );
		$first->charge( 1.25 );
		$this->assertSame( 1.25, $budget->spent() );

		add_filter( 'acapi_fetch_budget', static fn(): float => 5.0 );
		$second = $budget->current();
		$this->assertNotSame( $first, $second );
		$this->assertSame( 5.0, $second->seconds() );
		$this->assertSame( 1.25, $second->spent(), 'what was spent carries over' );

		$budget->reset();
		$this->assertSame( 0.0, $budget->spent() );
		$this->assertNull( $budget->held_back() );
		$this->assertNotSame( $second, $budget->current() );
	}

	/**
	 * Nothing held back, then the fetch cap's deferred notice, and a spending refusal first of all.
	 */
	public function test_held_back(): void {
		$budget = new Request_Budget();
		$this->assertNull( $budget->held_back(), 'no budget made yet' );
		$current = $budget->current();
		$this->assertNull( $budget->held_back() );

		$current->take_asins( 53 );
		$notice = $budget->held_back();
		$this->assertNotNull( $notice );
		$this->assertSame( Amazon_Error::DEFERRED, $notice->kind );
		$this->assertSame( 'FetchCap', $notice->code );
		$this->assertSame(
			array(
				'limit'    => 50,
				'deferred' => 3,
			),
			$notice->context
		);

		$refusal = new Amazon_Error( Amazon_Error::USER_LIMIT, '', 429, 'UserMinuteLimit' );
		$current->refuse( $refusal );
		$this->assertSame( $refusal, $budget->held_back(), 'a spending limit is the reason first' );
	}
}
