<?php
/**
 * Unit tests of the Creators API client against a scripted fake Amazon.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Unit\Amazon;

use Creators_Connect\Model\Amazon_Error;
use Creators_Connect\Amazon\Amazon_Exception;
use Creators_Connect\Amazon\Circuit_Breaker;
use Creators_Connect\Amazon\Creators_Client;
use Creators_Connect\Amazon\Creators_Credentials;
use Creators_Connect\Amazon\Http_Response;
use Creators_Connect\Amazon\Rate_Limiter;
use Creators_Connect\Amazon\Token_Provider;
use PHPUnit\Framework\TestCase;

require_once __DIR__ . '/Fake_Http.php';

/**
 * Creators_Client.
 */
final class Creators_Client_Test extends TestCase {

	/**
	 * The fake of the current test.
	 *
	 * @var Fake_Http
	 */
	private Fake_Http $fake;

	/**
	 * Breaker of the current test.
	 *
	 * @var Circuit_Breaker
	 */
	private Circuit_Breaker $breaker;

	/**
	 * A client on a fake Amazon whose catalog calls are answered by $catalog.
	 *
	 * @param callable $catalog  fn( array $request, int $n ): Http_Response|Amazon_Error ($n = 1-based catalog call).
	 * @param string   $override Endpoint override.
	 */
	private function client( callable $catalog, string $override = '' ): Creators_Client {
		$n             = 0;
		$this->fake    = new Fake_Http(
			static function ( array $request ) use ( $catalog, &$n ) {
				if ( str_contains( $request['url'], '/token' ) || str_contains( $request['url'], '/auth/o2/' ) ) {
					return Fake_Http::token( str_contains( $request['url'], 'amazon.co' ) || str_contains( $request['url'], 'api.amazon.com' ) ? 'Atc|t' : 'eyJt' );
				}
				++$n;
				return $catalog( $request, $n );
			}
		);
		$store         = $this->fake->store();
		$this->breaker = new Circuit_Breaker( $store, $this->fake->clock() );
		return new Creators_Client( $this->fake->transport( $override ), new Token_Provider( $this->fake->transport( $override ), $store, $this->fake->sleeper() ), $this->fake->limiter( $store ), $this->breaker, $this->fake->sleeper() );
	}

	/**
	 * US Cognito credentials.
	 */
	private static function cognito(): Creators_Credentials {
		return new Creators_Credentials( 'cognito-id', 'cognito-secret', 'cognito', '2.1', 'mysite-20', 'us' );
	}

	/**
	 * 25 ASINs: 3 GetItems calls of 10, 10 and 5, one token, 1 request per second, every product matched by ASIN.
	 */
	public function test_25_asins_make_3_calls(): void {
		$client = $this->client( static fn( array $request ) => Fake_Http::items( $request['json']['itemIds'] ) );
		$asins  = array();
		for ( $i = 1; $i <= 25; $i++ ) {
			$asins[] = sprintf( 'B%09d', $i );
		}
		$result = $client->get_items( self::cognito(), $asins );

		$calls = $this->fake->to( '/catalog/v1/getItems' );
		$this->assertCount( 3, $calls );
		$this->assertSame( array( 10, 10, 5 ), array_map( static fn( $r ) => count( $r['json']['itemIds'] ), $calls ) );
		$this->assertCount( 1, $this->fake->to( '/oauth2/token' ) );
		$this->assertSame( 3, $result->calls );
		$this->assertEqualsCanonicalizing( $asins, array_keys( $result->products ) );
		$this->assertCount( 25, $result->products );
		$this->assertSame( array(), $result->errors );
		$this->assertSame( 'Item B000000007', $result->product( 'B000000007' )?->title );
		$this->assertEqualsWithDelta( 2 * ( 1 + Rate_Limiter::MARGIN ), $this->fake->slept, 0.001, 'three calls at 1 request/s (plus a safety margin) wait about 2 s in total' );

		$first = $calls[0];
		$this->assertSame( 'https://creatorsapi.amazon/catalog/v1/getItems', $first['url'] );
		$this->assertSame( 'Bearer eyJt, Version 2.1', $first['headers']['Authorization'] );
		$this->assertSame( 'www.amazon.com', $first['headers']['x-marketplace'] );
		$this->assertSame( 'mysite-20', $first['json']['partnerTag'] );
		$this->assertContains( 'offersV2.listings.price', $first['json']['resources'] );
		$this->assertContains( 'images.primary.highRes', $first['json']['resources'] );
		$this->assertArrayNotHasKey( 'languagesOfPreference', $first['json'], 'no null members are sent' );
	}

	/**
	 * ASINs are cleaned: trimmed, upper-cased, de-duplicated; malformed ones never leave the site.
	 */
	public function test_asin_cleanup(): void {
		$client = $this->client( static fn( array $request ) => Fake_Http::items( $request['json']['itemIds'] ) );
		$result = $client->get_items( self::cognito(), array( ' b000000001 ', 'B000000001', 'not-an-asin', '' ) );
		$this->assertSame( array( 'B000000001' ), $this->fake->to( '/getItems' )[0]['json']['itemIds'] );
		$this->assertSame( array( 'B000000001' ), array_keys( $result->products ) );
		$this->assertSame( Amazon_Error::INVALID_ASIN, $result->error( 'NOT-AN-ASIN' )?->kind );
	}

	/**
	 * LWA: plain Bearer, the LWA token endpoint, and the endpoint override for every URL.
	 */
	public function test_lwa_and_override(): void {
		$client = $this->client( static fn( array $request ) => Fake_Http::items( $request['json']['itemIds'] ), 'http://127.0.0.1:9411/' );
		$client->get_items( new Creators_Credentials( 'amzn1.application-oa2-client.x', 'amzn1.oa2-cs.v1.y', 'lwa', '3.2', 'mysite-21', 'de' ), array( 'B000000001' ), array( 'language' => 'en_GB' ) );
		$this->assertSame( 'http://127.0.0.1:9411/api.amazon.co.uk/auth/o2/token', $this->fake->requests[0]['url'] );
		$call = $this->fake->requests[1];
		$this->assertSame( 'http://127.0.0.1:9411/creatorsapi.amazon/catalog/v1/getItems', $call['url'] );
		$this->assertSame( 'Bearer Atc|t', $call['headers']['Authorization'] );
		$this->assertSame( 'www.amazon.de', $call['headers']['x-marketplace'] );
		$this->assertSame( array( 'en_GB' ), $call['json']['languagesOfPreference'] );
	}

	/**
	 * 401 TokenExpired: the token is dropped and the call retried once, with a new token.
	 */
	public function test_401_refresh_and_retry_once(): void {
		$client = $this->client(
			static function ( array $request, int $n ) {
				return 1 === $n
					? Fake_Http::json(
						401,
						array(
							'type'    => 'UnauthorizedException',
							'reason'  => 'TokenExpired',
							'message' => 'Authentication token has expired.',
						)
					)
					: Fake_Http::items( $request['json']['itemIds'] );
			}
		);
		$result = $client->get_items( self::cognito(), array( 'B000000001' ) );
		$this->assertTrue( $result->has_products() );
		$this->assertCount( 2, $this->fake->to( '/oauth2/token' ) );
		$this->assertCount( 2, $this->fake->to( '/getItems' ) );
	}

	/**
	 * A second 401 is not retried again: the credentials error is thrown.
	 */
	public function test_401_twice_gives_up(): void {
		$client = $this->client(
			static fn() => Fake_Http::json(
				401,
				array(
					'type'    => 'UnauthorizedException',
					'reason'  => 'InvalidToken',
					'message' => 'The authentication token is invalid or malformed',
				)
			)
		);
		try {
			$client->get_items( self::cognito(), array( 'B000000001' ) );
			$this->fail( 'expected an exception' );
		} catch ( Amazon_Exception $e ) {
			$this->assertSame( Amazon_Error::INVALID_CREDENTIALS, $e->error()->kind );
		}
		$this->assertCount( 2, $this->fake->to( '/getItems' ) );
	}

	/**
	 * 429: waits retry-after and retries; a persistent 429 gives up within the wait budget.
	 */
	public function test_throttling(): void {
		$client = $this->client(
			static function ( array $request, int $n ) {
				return 1 === $n
					? Fake_Http::json(
						429,
						array(
							'type'              => 'ThrottleException',
							'message'           => 'x',
							'retryAfterSeconds' => 1,
						)
					)
					: Fake_Http::items( $request['json']['itemIds'] );
			}
		);
		$result = $client->get_items( self::cognito(), array( 'B000000001' ) );
		$this->assertTrue( $result->has_products() );
		$this->assertCount( 2, $this->fake->to( '/getItems' ) );
		$this->assertGreaterThanOrEqual( 1.0, $this->fake->slept );

		$client = $this->client(
			static fn() => Fake_Http::json(
				429,
				array(
					'type'    => 'ThrottleException',
					'message' => 'x',
				),
				array( 'retry-after' => '1' )
			)
		);
		$result = $client->get_items( self::cognito(), array( 'B000000001', 'B000000002' ) );
		$this->assertSame( Amazon_Error::THROTTLED, $result->error( 'B000000002' )?->kind );
		$this->assertSame( 1, $result->error( 'B000000002' )?->retry_after );
		$attempts = count( $this->fake->to( '/getItems' ) );
		$this->assertGreaterThanOrEqual( 2, $attempts );
		$this->assertLessThanOrEqual( 4, $attempts, 'at most 4 attempts' );
		$this->assertLessThanOrEqual( 3.0 + 0.001, $this->fake->slept, 'bounded total wait' );
	}

	/**
	 * A 5xx is retried once; a failing batch keeps the other batches' products.
	 */
	public function test_server_errors_and_partial_batches(): void {
		$client = $this->client(
			static function ( array $request ) {
				return in_array( 'B000000011', $request['json']['itemIds'], true )
					? Fake_Http::json(
						500,
						array(
							'type'    => 'InternalServerException',
							'message' => 'An unexpected error occurred while processing your request.',
						)
					)
					: Fake_Http::items( $request['json']['itemIds'] );
			}
		);
		$asins  = array();
		for ( $i = 1; $i <= 12; $i++ ) {
			$asins[] = sprintf( 'B%09d', $i );
		}
		$result = $client->get_items( self::cognito(), $asins );
		$this->assertCount( 10, $result->products );
		$this->assertSame( array( 'B000000011', 'B000000012' ), array_keys( $result->errors ) );
		$this->assertSame( Amazon_Error::SERVER_ERROR, $result->error( 'B000000012' )?->kind );
		$this->assertCount( 3, $this->fake->to( '/getItems' ), 'first batch once, second batch twice' );
		$this->assertFalse( $result->failed_entirely() );
	}

	/**
	 * A timeout stops the remaining batches: they get the same error without being sent.
	 */
	public function test_timeout_stops_remaining_batches(): void {
		$client = $this->client( static fn() => new Amazon_Error( Amazon_Error::TIMEOUT, 'creators', 0, 'http_request_failed', 'cURL error 28: Operation timed out' ) );
		$asins  = array();
		for ( $i = 1; $i <= 25; $i++ ) {
			$asins[] = sprintf( 'B%09d', $i );
		}
		$result = $client->get_items( self::cognito(), $asins );
		$this->assertCount( 1, $this->fake->to( '/getItems' ) );
		$this->assertCount( 25, $result->errors );
		$this->assertSame( Amazon_Error::TIMEOUT, $result->error( 'B000000025' )?->kind );
		$this->assertSame( 'B000000025', $result->error( 'B000000025' )?->asin );
		$this->assertTrue( $result->failed_entirely() );
	}

	/**
	 * Partial answers: unknown and inaccessible items become per-item errors, the rest is kept.
	 */
	public function test_partial_item_errors(): void {
		$client = $this->client(
			static fn() => Fake_Http::json(
				200,
				array(
					'itemsResult' => array( 'items' => array( array( 'asin' => 'B000000001' ) ) ),
					'errors'      => array(
						array(
							'code'    => 'InvalidParameterValue',
							'message' => 'The ItemIds B000000002 provided in the request is invalid.',
						),
						array(
							'code'    => 'ItemNotAccessible',
							'message' => 'The ItemId B00EXCLUDE is not accessible through the Creators API.',
						),
					),
				)
			)
		);
		$result = $client->get_items( self::cognito(), array( 'B000000001', 'B000000002', 'B00EXCLUDE' ) );
		$this->assertSame( array( 'B000000001' ), array_keys( $result->products ) );
		$this->assertSame( Amazon_Error::INVALID_ASIN, $result->error( 'B000000002' )?->kind );
		$this->assertSame( Amazon_Error::ITEM_NOT_ACCESSIBLE, $result->error( 'B00EXCLUDE' )?->kind );
	}

	/**
	 * All ASINs unknown (404) → an item error per ASIN, not an exception.
	 */
	public function test_all_unknown(): void {
		$client = $this->client(
			static fn() => Fake_Http::json(
				404,
				array(
					'type'         => 'ResourceNotFoundException',
					'message'      => 'No items found for the requested item IDs.',
					'resourceType' => 'Item',
				)
			)
		);
		$result = $client->get_items( self::cognito(), array( 'B000000001', 'B000000002' ) );
		$this->assertSame( Amazon_Error::INVALID_ASIN, $result->error( 'B000000001' )?->kind );
		$this->assertSame( Amazon_Error::INVALID_ASIN, $result->error( 'B000000002' )?->kind );
	}

	/**
	 * Configuration errors (eligibility) are thrown; unreadable answers are per-item errors.
	 */
	public function test_not_eligible_and_malformed(): void {
		$client = $this->client(
			static fn() => Fake_Http::json(
				403,
				array(
					'message' => 'Your account does not currently meet the eligibility requirements.',
					'reason'  => 'AssociateNotEligible',
					'type'    => 'AccessDeniedException',
				)
			)
		);
		try {
			$client->get_items( self::cognito(), array( 'B000000001' ) );
			$this->fail( 'expected an exception' );
		} catch ( Amazon_Exception $e ) {
			$this->assertSame( Amazon_Error::NOT_ELIGIBLE, $e->error()->kind );
		}

		$client = $this->client( static fn() => new Http_Response( 200, array(), '{"itemsResult": {"items": [' ) );
		$result = $client->get_items( self::cognito(), array( 'B000000001' ) );
		$this->assertSame( Amazon_Error::MALFORMED_RESPONSE, $result->error( 'B000000001' )?->kind );
		$this->assertTrue( $result->failed_entirely() );
	}

	/**
	 * Timeouts are not retried and count against the breaker; 5 failures open it, no call goes out
	 * while open, a successful probe after the cooldown closes it.
	 */
	public function test_circuit_breaker(): void {
		$down   = true;
		$client = $this->client(
			static function ( array $request ) use ( &$down ) {
				return $down ? new Amazon_Error( Amazon_Error::TIMEOUT, 'creators', 0, 'http_request_failed', 'cURL error 28: Operation timed out' ) : Fake_Http::items( $request['json']['itemIds'] );
			}
		);
		for ( $i = 0; $i < 5; $i++ ) {
			$this->assertSame( Amazon_Error::TIMEOUT, $client->get_items( self::cognito(), array( 'B000000001' ) )->error( 'B000000001' )?->kind );
		}
		$this->assertCount( 5, $this->fake->to( '/getItems' ) );
		$this->assertSame( Circuit_Breaker::OPEN, $this->breaker->current_state( 'creators', 'us' ) );

		$open = $client->get_items( self::cognito(), array( 'B000000001' ) )->error( 'B000000001' );
		$this->assertSame( Amazon_Error::CIRCUIT_OPEN, $open?->kind );
		$this->assertGreaterThan( 0, $open?->retry_after );
		$this->assertCount( 5, $this->fake->to( '/getItems' ), 'no call while open' );
		$this->assertSame( Circuit_Breaker::CLOSED, $this->breaker->current_state( 'creators', 'de' ), 'per marketplace' );

		$this->fake->now += 61;
		$this->assertSame( Circuit_Breaker::HALF_OPEN, $this->breaker->current_state( 'creators', 'us' ) );
		$down = false;
		$this->assertTrue( $client->get_items( self::cognito(), array( 'B000000001' ) )->has_products() );
		$this->assertSame( Circuit_Breaker::CLOSED, $this->breaker->current_state( 'creators', 'us' ) );
	}

	/**
	 * SearchItems: snake_case parameters to camelCase, counts clamped, 404 = no results.
	 */
	public function test_search_items(): void {
		$client = $this->client( static fn() => Fake_Http::json( 200, json_decode( (string) file_get_contents( dirname( __DIR__, 3 ) . '/fixtures/amazon/creators-search-items.json' ), true ) ) );
		$result = $client->search_items(
			new Creators_Credentials( 'id', 's', 'cognito', '2.2', 'mysite-21', 'uk' ),
			array(
				'keywords'     => 'leather wallet',
				'search_index' => 'Fashion',
				'item_count'   => 50,
				'item_page'    => 0,
				'min_price'    => '1000',
			)
		);
		$this->assertSame( 312, $result->total );
		$body = $this->fake->to( '/searchItems' )[0]['json'];
		$this->assertSame( 'leather wallet', $body['keywords'] );
		$this->assertSame( 'Fashion', $body['searchIndex'] );
		$this->assertSame( 10, $body['itemCount'] );
		$this->assertSame( 1, $body['itemPage'] );
		$this->assertSame( 1000, $body['minPrice'] );

		$client = $this->client(
			static fn() => Fake_Http::json(
				404,
				array(
					'type'         => 'ResourceNotFoundException',
					'message'      => 'No results found for your search request',
					'resourceType' => 'SearchResult',
				)
			)
		);
		$this->assertTrue( $client->search_items( self::cognito(), array( 'keywords' => 'zzzz' ) )->is_empty() );
	}

	/**
	 * GetVariations and GetBrowseNodes bodies and results.
	 */
	public function test_variations_and_browse_nodes(): void {
		$client     = $this->client(
			static function ( array $request ) {
				$file = str_ends_with( $request['url'], 'getVariations' ) ? 'creators-get-variations.json' : 'creators-get-browse-nodes.json';
				return Fake_Http::json( 200, json_decode( (string) file_get_contents( dirname( __DIR__, 3 ) . '/fixtures/amazon/' . $file ), true ) );
			}
		);
		$creds      = new Creators_Credentials( 'id', 's', 'cognito', '2.2', 'mysite-21', 'uk' );
		$variations = $client->get_variations( $creds, 'b00422mcw6', array( 'count' => 20 ) );
		$this->assertSame( 13, $variations->total );
		$body = $this->fake->to( '/getVariations' )[0]['json'];
		$this->assertSame( 'B00422MCW6', $body['asin'] );
		$this->assertSame( 10, $body['variationCount'] );
		$this->assertContains( 'variationSummary.variationDimension', $body['resources'] );

		$nodes = $client->get_browse_nodes( $creds, array( '283155', '3060', '0' ) );
		$this->assertNotNull( $nodes->node( '3060' ) );
		$this->assertSame( array( 'browseNodes.ancestor', 'browseNodes.children' ), $this->fake->to( '/getBrowseNodes' )[0]['json']['resources'] );
	}

	/**
	 * Unknown marketplace or missing values: not configured, nothing sent.
	 */
	public function test_not_configured(): void {
		$client = $this->client( static fn() => Fake_Http::items( array() ) );
		foreach ( array( new Creators_Credentials( 'id', 's', 'cognito', '2.1', 't', 'zz' ), new Creators_Credentials( 'id', 's', 'cognito', '2.1', '', 'us' ) ) as $creds ) {
			try {
				$client->get_items( $creds, array( 'B000000001' ) );
				$this->fail( 'expected an exception' );
			} catch ( Amazon_Exception $e ) {
				$this->assertSame( Amazon_Error::NOT_CONFIGURED, $e->error()->kind );
			}
		}
		$this->assertCount( 0, $this->fake->requests );
	}
}
