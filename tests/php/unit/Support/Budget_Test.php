<?php
/**
 * Unit tests of the time budget handed down to the HTTP layer.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Unit\Support;

use Creators_Connect\Amazon\Http_Response;
use Creators_Connect\Amazon\Http_Transport;
use Creators_Connect\Support\Budget;
use PHPUnit\Framework\TestCase;

/**
 * Budget, and the transport obeying it.
 */
final class Budget_Test extends TestCase {

	/**
	 * Charging spends the budget; what is left never goes below zero.
	 */
	public function test_charge_and_left(): void {
		$budget = new Budget( 3.0 );
		$this->assertSame( 3.0, $budget->left() );
		$budget->charge( 1.25 );
		$this->assertSame( 1.25, $budget->spent() );
		$this->assertSame( 1.75, $budget->left() );
		$this->assertTrue( $budget->has( 1.75 ) );
		$this->assertFalse( $budget->has( 1.8 ) );
		$budget->charge( 5.0 );
		$this->assertSame( 0.0, $budget->left() );
		$budget->charge( -1.0 );
		$this->assertSame( 6.25, $budget->spent(), 'a negative charge is ignored' );
	}

	/**
	 * A call gets what is left, at least half a second; its retry waits leave that half second to the call.
	 */
	public function test_caps(): void {
		$budget = new Budget( 3.0, 1.0 );
		$this->assertSame( 2.0, $budget->http_timeout( 8.0 ) );
		$this->assertSame( 1.5, $budget->retry_wait( 3.0 ) );
		$this->assertSame( 1.0, $budget->http_timeout( 1.0 ), 'a shorter timeout of its own stays' );
		$budget->charge( 1.9 );
		$this->assertSame( Budget::MIN_CALL, $budget->http_timeout( 8.0 ) );
		$this->assertSame( 0.0, $budget->retry_wait( 3.0 ) );
	}

	/**
	 * The transport hands the capped timeout to the sender; without a budget its own applies.
	 */
	public function test_transport_caps_the_timeout(): void {
		$timeouts  = array();
		$transport = new Http_Transport(
			'',
			static function ( string $method, string $url, array $headers, string $body, float $timeout ) use ( &$timeouts ): Http_Response {
				unset( $method, $url, $headers, $body );
				$timeouts[] = $timeout;
				return new Http_Response( 200, array(), '{}' );
			}
		);
		$transport->send( 'POST', 'https://creatorsapi.amazon/catalog/v1/getItems', array(), '{}' );
		$transport->send( 'POST', 'https://creatorsapi.amazon/catalog/v1/getItems', array(), '{}', 'creators', new Budget( 3.0, 2.0 ) );
		$this->assertSame( array( Http_Transport::DEFAULT_TIMEOUT, 1.0 ), $timeouts );
	}
}
