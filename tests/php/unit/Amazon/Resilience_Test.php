<?php
/**
 * Unit tests of the rate limiter, the circuit breaker, the store and the transport's URL handling.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Unit\Amazon;

use Creators_Connect\Model\Amazon_Error;
use Creators_Connect\Amazon\Amazon_Exception;
use Creators_Connect\Amazon\Circuit_Breaker;
use Creators_Connect\Amazon\Http_Response;
use Creators_Connect\Amazon\Http_Transport;
use Creators_Connect\Amazon\Rate_Limiter;
use PHPUnit\Framework\TestCase;

require_once __DIR__ . '/Fake_Http.php';

/**
 * Rate_Limiter, Circuit_Breaker, Shared_Store, Http_Transport.
 */
final class Resilience_Test extends TestCase {

	/**
	 * 1 request/s per key: the second and third callers wait 1 s each; other keys do not wait.
	 */
	public function test_rate_limiter_spacing(): void {
		$fake    = new Fake_Http( static fn() => Fake_Http::json( 200, array() ) );
		$limiter = $fake->limiter( $fake->store() );
		$this->assertTrue( $limiter->acquire( 'a' ) );
		$this->assertSame( 0.0, $fake->slept );
		$this->assertTrue( $limiter->acquire( 'a' ) );
		$this->assertEqualsWithDelta( 1.0 + Rate_Limiter::MARGIN, $fake->slept, 0.001 );
		$this->assertTrue( $limiter->acquire( 'b' ) );
		$this->assertEqualsWithDelta( 1.0 + Rate_Limiter::MARGIN, $fake->slept, 0.001 );
		$fake->now += 5;
		$this->assertTrue( $limiter->acquire( 'a' ) );
		$this->assertEqualsWithDelta( 1.0 + Rate_Limiter::MARGIN, $fake->slept, 0.001 );
	}

	/**
	 * A slot further away than the wait budget is refused without waiting; a 429 pushes slots out.
	 */
	public function test_rate_limiter_budget_and_penalty(): void {
		$fake    = new Fake_Http( static fn() => Fake_Http::json( 200, array() ) );
		$limiter = $fake->limiter( $fake->store() );
		$limiter->penalize( 'a', 10 );
		$this->assertFalse( $limiter->acquire( 'a', 3.0 ) );
		$this->assertSame( 0.0, $fake->slept );
		$this->assertTrue( $limiter->acquire( 'a', 11.0 ) );
		$this->assertEqualsWithDelta( 10.0, $fake->slept, 0.001 );
		$limiter->reset( 'a' );
		$this->assertTrue( $limiter->acquire( 'a', 0.5 ) );
	}

	/**
	 * Breaker: opens at the threshold, refuses while open, lets exactly one probe through when half-open,
	 * re-opens when the probe fails.
	 */
	public function test_circuit_breaker_states(): void {
		$fake    = new Fake_Http( static fn() => Fake_Http::json( 200, array() ) );
		$breaker = new Circuit_Breaker( $fake->store(), $fake->clock() );
		for ( $i = 0; $i < 4; $i++ ) {
			$breaker->record_failure( 'paapi', 'de' );
		}
		$this->assertSame( Circuit_Breaker::CLOSED, $breaker->current_state( 'paapi', 'de' ) );
		$this->assertSame( 4, $breaker->status( 'paapi', 'de' )['failures'] );
		$breaker->record_failure( 'paapi', 'de' );
		$this->assertSame( Circuit_Breaker::OPEN, $breaker->current_state( 'paapi', 'de' ) );
		$this->assertFalse( $breaker->allow( 'paapi', 'de' ) );
		$this->assertSame( 60, $breaker->status( 'paapi', 'de' )['retry_in'] );
		$this->assertTrue( $breaker->allow( 'creators', 'de' ) );

		$fake->now += 60;
		$this->assertSame( Circuit_Breaker::HALF_OPEN, $breaker->current_state( 'paapi', 'de' ) );
		$this->assertTrue( $breaker->allow( 'paapi', 'de' ), 'the probe' );
		$this->assertFalse( $breaker->allow( 'paapi', 'de' ), 'only one probe' );
		$breaker->record_failure( 'paapi', 'de' );
		$this->assertSame( Circuit_Breaker::OPEN, $breaker->current_state( 'paapi', 'de' ) );

		$fake->now += 61;
		$this->assertTrue( $breaker->allow( 'paapi', 'de' ) );
		$breaker->record_success( 'paapi', 'de' );
		$this->assertSame( Circuit_Breaker::CLOSED, $breaker->current_state( 'paapi', 'de' ) );
		$this->assertSame( 0, $breaker->status( 'paapi', 'de' )['failures'] );
		$this->assertSame( Circuit_Breaker::CLOSED, Circuit_Breaker::state( 'paapi', 'de' ), 'static reader works outside WordPress' );
	}

	/**
	 * Store: expiry on its clock; locks are exclusive until released or expired.
	 */
	public function test_store(): void {
		$fake  = new Fake_Http( static fn() => Fake_Http::json( 200, array() ) );
		$store = $fake->store();
		$this->assertSame( 'memory', $store->backend() );
		$store->set( 'k', array( 'v' => 1 ), 10 );
		$this->assertSame( array( 'v' => 1 ), $store->get( 'k' ) );
		$fake->now += 10;
		$this->assertNull( $store->get( 'k' ) );
		$this->assertTrue( $store->lock( 'l', 5 ) );
		$this->assertFalse( $store->lock( 'l', 5 ) );
		$store->unlock( 'l' );
		$this->assertTrue( $store->lock( 'l', 5 ) );
		$fake->now += 6;
		$this->assertTrue( $store->lock( 'l', 5 ), 'a crashed holder\'s lock expires' );
	}

	/**
	 * Endpoint override: `{override}/{amazon-host}{path}`; anything but an http(s) base is ignored.
	 */
	public function test_transport_override(): void {
		$transport = new Http_Transport( 'http://127.0.0.1:9411/' );
		$this->assertTrue( $transport->is_overridden() );
		$this->assertSame( 'http://127.0.0.1:9411/creatorsapi.amazon/catalog/v1/getItems', $transport->resolve_url( 'https://creatorsapi.amazon/catalog/v1/getItems' ) );
		$this->assertSame( 'http://127.0.0.1:9411/api.amazon.com/auth/o2/token?x=1', $transport->resolve_url( 'https://api.amazon.com/auth/o2/token?x=1' ) );

		foreach ( array( '', 'ftp://evil', 'javascript:alert(1)', '127.0.0.1:9411' ) as $bad ) {
			$plain = new Http_Transport( $bad );
			$this->assertFalse( $plain->is_overridden(), $bad );
			$this->assertSame( 'https://creatorsapi.amazon/x', $plain->resolve_url( 'https://creatorsapi.amazon/x' ) );
		}
		$this->assertMatchesRegularExpression( '#^creators-connect-for-amazon/\S+ \(WordPress plugin\)$#', $transport->user_agent() );
		$this->assertSame( 5.0, $transport->timeout() );
		$this->assertSame( 2.0, $transport->connect_timeout() );
	}

	/**
	 * A transport failure becomes an Amazon_Exception; responses expose JSON and Retry-After.
	 */
	public function test_transport_failure_and_response(): void {
		$transport = new Http_Transport( '', static fn() => new Amazon_Error( Amazon_Error::NETWORK, 'creators', 0, 'http_request_failed', 'cURL error 7' ) );
		try {
			$transport->send( 'POST', 'https://creatorsapi.amazon/x', array(), '{}' );
			$this->fail( 'expected an exception' );
		} catch ( Amazon_Exception $e ) {
			$this->assertSame( Amazon_Error::NETWORK, $e->error()->kind );
		}
		$response = new Http_Response( 429, array( 'retry-after' => ' 2 ' ), '{"a":1}' );
		$this->assertSame( 2, $response->retry_after() );
		$this->assertSame( array( 'a' => 1 ), $response->json() );
		$this->assertSame( '2 ', ltrim( (string) $response->header( 'Retry-After' ) ) );
		$this->assertNull( ( new Http_Response( 200, array(), 'null' ) )->json() );
	}
}
