<?php
/**
 * Unit tests of the token provider (Cognito and LWA, cache, single flight).
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Unit\Amazon;

use Creators_Connect\Model\Amazon_Error;
use Creators_Connect\Amazon\Amazon_Exception;
use Creators_Connect\Amazon\Creators_Credentials;
use Creators_Connect\Amazon\Token_Provider;
use PHPUnit\Framework\TestCase;

require_once __DIR__ . '/Fake_Http.php';

/**
 * Token_Provider.
 */
final class Token_Provider_Test extends TestCase {

	/**
	 * Cognito: form body with `creatorsapi/default` to the version's pool; cached afterwards.
	 */
	public function test_cognito_request_and_cache(): void {
		$fake     = new Fake_Http( static fn() => Fake_Http::token( 'eyJcognito' ) );
		$provider = new Token_Provider( $fake->transport(), $fake->store(), $fake->sleeper() );
		$creds    = new Creators_Credentials( 'cognito-id', 'cognito-secret', 'cognito', '2.2', 'mysite-21', 'de' );

		$this->assertSame( 'eyJcognito', $provider->token( $creds ) );
		$this->assertSame( 'eyJcognito', $provider->token( $creds ) );
		$this->assertCount( 1, $fake->requests );
		$request = $fake->requests[0];
		$this->assertSame( 'https://creatorsapi.auth.eu-south-2.amazoncognito.com/oauth2/token', $request['url'] );
		$this->assertSame( 'application/x-www-form-urlencoded', $request['headers']['Content-Type'] );
		parse_str( $request['body'], $form );
		$this->assertSame(
			array(
				'grant_type'    => 'client_credentials',
				'client_id'     => 'cognito-id',
				'client_secret' => 'cognito-secret',
				'scope'         => 'creatorsapi/default',
			),
			$form
		);
		$this->assertSame( 'Bearer eyJcognito, Version 2.2', Token_Provider::authorization( $creds, 'eyJcognito' ) );
	}

	/**
	 * An exception thrown below the token request (a tracker reads its trace with PHP's default
	 * `zend.exception_ignore_args=Off`) shows no secret in any of the plugin's own frames.
	 */
	public function test_a_trace_through_the_token_request_holds_no_secret(): void {
		$previous = ini_set( 'zend.exception_ignore_args', '0' ); // phpcs:ignore WordPress.PHP.IniSet.Risky -- The point of the test.
		$fake     = new Fake_Http(
			static function (): never {
				throw new \RuntimeException( 'the HTTP layer failed' );
			}
		);
		$provider = new Token_Provider( $fake->transport(), $fake->store(), $fake->sleeper() );
		$trace    = array();
		try {
			$provider->token( new Creators_Credentials( 'lwa-id', 'lwa-very-secret-value', 'lwa', '3.1', 'mysite-20', 'us' ) );
			$this->fail( 'the fake HTTP layer throws' );
		} catch ( \RuntimeException $e ) {
			$trace = $e->getTrace();
		} finally {
			ini_set( 'zend.exception_ignore_args', (string) $previous ); // phpcs:ignore WordPress.PHP.IniSet.Risky -- Restores the setting.
		}
		$frames = 0;
		foreach ( $trace as $frame ) {
			$class = $frame['class'] ?? '';
			if ( ! str_starts_with( $class, 'Creators_Connect\\' ) || str_starts_with( $class, 'Creators_Connect\\Tests\\' ) ) {
				continue;
			}
			++$frames;
			$this->assertArrayHasKey( 'args', $frame, 'arguments are in the trace' );
			$this->assertStringNotContainsString( 'lwa-very-secret-value', print_r( $frame['args'], true ), $class . '::' . $frame['function'] ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions -- Reading the trace as a tracker would.
		}
		$this->assertGreaterThanOrEqual( 2, $frames, 'the trace passes through the plugin' );
	}

	/**
	 * LWA: JSON body with `creatorsapi::default`; plain Bearer header.
	 */
	public function test_lwa_request(): void {
		$fake     = new Fake_Http( static fn() => Fake_Http::token( 'Atc|lwa' ) );
		$provider = new Token_Provider( $fake->transport(), $fake->store(), $fake->sleeper() );
		$creds    = new Creators_Credentials( 'amzn1.application-oa2-client.x', 'amzn1.oa2-cs.v1.y', 'lwa', '3.3', 'mysite-22', 'jp' );

		$this->assertSame( 'Atc|lwa', $provider->token( $creds ) );
		$request = $fake->requests[0];
		$this->assertSame( 'https://api.amazon.co.jp/auth/o2/token', $request['url'] );
		$this->assertSame( 'application/json', $request['headers']['Content-Type'] );
		$this->assertSame(
			array(
				'grant_type'    => 'client_credentials',
				'client_id'     => 'amzn1.application-oa2-client.x',
				'client_secret' => 'amzn1.oa2-cs.v1.y',
				'scope'         => 'creatorsapi::default',
			),
			$request['json']
		);
		$this->assertSame( 'Bearer Atc|lwa', Token_Provider::authorization( $creds, 'Atc|lwa' ) );
	}

	/**
	 * The cache lives `expires_in − 60` s, then a new token is fetched; refresh() replaces a rejected one.
	 */
	public function test_expiry_and_refresh(): void {
		$count    = 0;
		$fake     = new Fake_Http(
			static function () use ( &$count ) {
				++$count;
				return Fake_Http::token( 'eyJ' . $count, 3600 );
			}
		);
		$provider = new Token_Provider( $fake->transport(), $fake->store(), $fake->sleeper() );
		$creds    = new Creators_Credentials( 'id', 'secret', 'cognito', '2.1', 'mysite-20', 'us' );

		$this->assertSame( 'eyJ1', $provider->token( $creds ) );
		$fake->now += 3539;
		$this->assertSame( 'eyJ1', $provider->token( $creds ) );
		$fake->now += 2;
		$this->assertSame( 'eyJ2', $provider->token( $creds ) );
		$this->assertSame( 'eyJ3', $provider->refresh( $creds, 'eyJ2' ) );
		$this->assertSame( 'eyJ3', $provider->refresh( $creds, 'eyJ2' ), 'another process already replaced the stale token' );
		$this->assertSame( 3, $provider->fetch_count() );
	}

	/**
	 * Single flight: while another process holds the lock, wait and use the token it stores.
	 */
	public function test_single_flight_waits_for_other_process(): void {
		$fake     = new Fake_Http( static fn() => Fake_Http::token( 'eyJmine' ) );
		$store    = $fake->store();
		$creds    = new Creators_Credentials( 'id', 'secret', 'cognito', '2.1', 'mysite-20', 'us' );
		$sleeps   = 0;
		$sleeper  = static function ( float $seconds ) use ( &$sleeps, $store, $creds ): void {
			++$sleeps;
			if ( 3 === $sleeps ) {
				$store->set(
					'tok_' . $creds->token_cache_id(),
					array(
						'token'      => 'eyJtheirs',
						'expires_at' => microtime( true ) + 100,
					),
					100
				);
			}
		};
		$provider = new Token_Provider( $fake->transport(), $store, $sleeper );
		$this->assertTrue( $store->lock( 'tokl_' . $creds->token_cache_id(), 15 ) );

		$this->assertSame( 'eyJtheirs', $provider->token( $creds ) );
		$this->assertCount( 0, $fake->requests );
		$this->assertSame( 3, $sleeps );
	}

	/**
	 * When the lock holder never delivers, the waiter fetches itself after a bounded wait.
	 */
	public function test_single_flight_gives_up_waiting(): void {
		$fake     = new Fake_Http( static fn() => Fake_Http::token( 'eyJmine' ) );
		$store    = $fake->store();
		$creds    = new Creators_Credentials( 'id', 'secret', 'cognito', '2.1', 'mysite-20', 'us' );
		$provider = new Token_Provider( $fake->transport(), $store, $fake->sleeper() );
		$store->lock( 'tokl_' . $creds->token_cache_id(), 15 );

		$this->assertSame( 'eyJmine', $provider->token( $creds ) );
		$this->assertEqualsWithDelta( Token_Provider::LOCK_WAIT, $fake->slept, 0.11 );
	}

	/**
	 * Refusals: incomplete credentials, type/version mismatch (no request), bad secret from Amazon.
	 */
	public function test_errors(): void {
		$fake     = new Fake_Http( static fn() => Fake_Http::json( 400, array( 'error' => 'invalid_client' ) ) );
		$provider = new Token_Provider( $fake->transport(), $fake->store(), $fake->sleeper() );

		$cases = array(
			array( new Creators_Credentials( 'id', '', 'cognito', '2.1', 't', 'us' ), Amazon_Error::NOT_CONFIGURED, null ),
			array( new Creators_Credentials( 'id', 's', 'lwa', '2.1', 't', 'us' ), Amazon_Error::INVALID_CREDENTIALS, Amazon_Error::HINT_TYPE_MISMATCH ),
			array( new Creators_Credentials( 'id', 's', 'cognito', '9.9', 't', 'us' ), Amazon_Error::INVALID_CREDENTIALS, Amazon_Error::HINT_CHECK_CREDENTIALS ),
		);
		foreach ( $cases as list( $creds, $kind, $hint ) ) {
			try {
				$provider->token( $creds );
				$this->fail( 'expected an exception' );
			} catch ( Amazon_Exception $e ) {
				$this->assertSame( $kind, $e->error()->kind );
				$this->assertSame( $hint, $e->error()->hint );
			}
		}
		$this->assertCount( 0, $fake->requests );

		try {
			$provider->token( new Creators_Credentials( 'id', 'wrong-secret', 'cognito', '2.1', 't', 'de' ) );
			$this->fail( 'expected an exception' );
		} catch ( Amazon_Exception $e ) {
			$this->assertSame( Amazon_Error::INVALID_CREDENTIALS, $e->error()->kind );
			$this->assertSame( Amazon_Error::HINT_REGION_MISMATCH, $e->error()->hint, '2.1 is NA, the marketplace is DE' );
			$this->assertStringNotContainsString( 'wrong-secret', $e->getMessage() );
			$this->assertStringNotContainsString( 'wrong-secret', print_r( $e->error()->to_array(), true ) ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions -- The point of the test.
		}
	}

	/**
	 * A 200 without an access token is a malformed answer.
	 */
	public function test_malformed_token_answer(): void {
		$fake     = new Fake_Http( static fn() => Fake_Http::json( 200, array( 'token_type' => 'Bearer' ) ) );
		$provider = new Token_Provider( $fake->transport(), $fake->store(), $fake->sleeper() );
		$this->expectException( Amazon_Exception::class );
		$provider->token( new Creators_Credentials( 'id', 's', 'cognito', '2.1', 't', 'us' ) );
	}
}
