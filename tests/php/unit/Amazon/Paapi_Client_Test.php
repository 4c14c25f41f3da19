<?php
/**
 * Unit tests of the PA-API 5.0 client against a scripted fake Amazon.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Unit\Amazon;

use Creators_Connect\Model\Amazon_Error;
use Creators_Connect\Amazon\Amazon_Exception;
use Creators_Connect\Amazon\Circuit_Breaker;
use Creators_Connect\Amazon\Paapi_Client;
use Creators_Connect\Amazon\Paapi_Credentials;
use Creators_Connect\Amazon\Sigv4_Signer;
use PHPUnit\Framework\TestCase;

require_once __DIR__ . '/Fake_Http.php';

/**
 * Paapi_Client.
 */
final class Paapi_Client_Test extends TestCase {

	/**
	 * The fake of the current test.
	 *
	 * @var Fake_Http
	 */
	private Fake_Http $fake;

	/**
	 * A client on a fake Amazon, signing at a fixed time.
	 *
	 * @param callable $handler  fn( array $request ): Http_Response|Amazon_Error.
	 * @param string   $override Endpoint override.
	 */
	private function client( callable $handler, string $override = '' ): Paapi_Client {
		$this->fake = new Fake_Http( $handler );
		$store      = $this->fake->store();
		return new Paapi_Client(
			$this->fake->transport( $override ),
			new Sigv4_Signer(),
			$this->fake->limiter( $store ),
			new Circuit_Breaker( $store, $this->fake->clock() ),
			$this->fake->sleeper(),
			static fn() => new \DateTimeImmutable( '2026-05-01T10:00:00Z' )
		);
	}

	/**
	 * Re-computes the signature of a received request from what was sent (as the emulator does).
	 *
	 * @param array{method: string, url: string, headers: array<string, string>, body: string} $request Request.
	 * @param string                                                                           $region  Region.
	 */
	private static function verify( array $request, string $region ): bool {
		$headers = $request['headers'];
		preg_match( '/SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/', $headers['Authorization'], $m );
		$signed = array();
		foreach ( $headers as $name => $value ) {
			if ( in_array( strtolower( $name ), explode( ';', $m[1] ), true ) && 'x-amz-date' !== strtolower( $name ) ) {
				$signed[ $name ] = $value;
			}
		}
		$again = ( new Sigv4_Signer() )->sign( $request['method'], $request['url'], $signed, $request['body'], $region, 'ProductAdvertisingAPI', 'AKIDEXAMPLE', 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', new \DateTimeImmutable( $headers['x-amz-date'] ) );
		return hash_equals( $again['Authorization'], $headers['Authorization'] );
	}

	/**
	 * Credentials for a marketplace.
	 *
	 * @param string $country Country code.
	 */
	private static function creds( string $country = 'us' ): Paapi_Credentials {
		return new Paapi_Credentials( 'AKIDEXAMPLE', 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', 'xyz-20', $country );
	}

	/**
	 * GetItems: host, path, target, content-encoding, PascalCase body, a verifiable signature.
	 */
	public function test_get_items_request_is_signed(): void {
		$client = $this->client( static fn() => Fake_Http::json( 200, json_decode( (string) file_get_contents( dirname( __DIR__, 3 ) . '/fixtures/amazon/paapi-get-items.json' ), true ) ) );
		$result = $client->get_items( self::creds(), array( 'B0199980K4', 'B000HZD168' ) );
		$this->assertCount( 2, $result->products );

		$request = $this->fake->requests[0];
		$this->assertSame( 'https://webservices.amazon.com/paapi5/getitems', $request['url'] );
		$this->assertSame( 'amz-1.0', $request['headers']['content-encoding'] );
		$this->assertSame( 'com.amazon.paapi5.v1.ProductAdvertisingAPIv1.GetItems', $request['headers']['x-amz-target'] );
		$this->assertSame( 'webservices.amazon.com', $request['headers']['host'] );
		$this->assertSame( '20260501T100000Z', $request['headers']['x-amz-date'] );
		$this->assertStringStartsWith( 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260501/us-east-1/ProductAdvertisingAPI/aws4_request, SignedHeaders=content-encoding;content-type;host;x-amz-date;x-amz-target, Signature=', $request['headers']['Authorization'] );
		$this->assertTrue( self::verify( $request, 'us-east-1' ) );
		$this->assertSame( array( 'B0199980K4', 'B000HZD168' ), $request['json']['ItemIds'] );
		$this->assertSame( 'Associates', $request['json']['PartnerType'] );
		$this->assertSame( 'www.amazon.com', $request['json']['Marketplace'] );
		$this->assertContains( 'OffersV2.Listings.Price', $request['json']['Resources'] );
	}

	/**
	 * With the endpoint override the signature covers the Host and path actually sent; region from the Amazon host.
	 */
	public function test_override_signs_what_is_sent(): void {
		$client = $this->client( static fn( array $r ) => Fake_Http::json( 200, array( 'ItemsResult' => array( 'Items' => array( array( 'ASIN' => 'B000000001' ) ) ) ) ), 'http://127.0.0.1:9411' );
		$client->get_items( self::creds( 'de' ), array( 'B000000001' ) );
		$request = $this->fake->requests[0];
		$this->assertSame( 'http://127.0.0.1:9411/webservices.amazon.de/paapi5/getitems', $request['url'] );
		$this->assertSame( '127.0.0.1:9411', $request['headers']['host'] );
		$this->assertStringContainsString( '/eu-west-1/ProductAdvertisingAPI/', $request['headers']['Authorization'] );
		$this->assertTrue( self::verify( $request, 'eu-west-1' ) );
	}

	/**
	 * Each retry is signed afresh and still verifies.
	 */
	public function test_retry_is_resigned(): void {
		$n      = 0;
		$client = $this->client(
			static function () use ( &$n ) {
				++$n;
				return 1 === $n
					? Fake_Http::json(
						429,
						array(
							'__type' => 'com.amazon.paapi5#TooManyRequestsException',
							'Errors' => array(
								array(
									'Code'    => 'TooManyRequests',
									'Message' => 'x',
								),
							),
						)
					)
					: Fake_Http::json( 200, array( 'ItemsResult' => array( 'Items' => array( array( 'ASIN' => 'B000000001' ) ) ) ) );
			}
		);
		$this->assertTrue( $client->get_items( self::creds(), array( 'B000000001' ) )->has_products() );
		$this->assertCount( 2, $this->fake->requests );
		$this->assertTrue( self::verify( $this->fake->requests[1], 'us-east-1' ) );
	}

	/**
	 * The retirement answer says so plainly.
	 */
	public function test_retired(): void {
		$client = $this->client(
			static fn() => Fake_Http::json(
				403,
				array(
					'__type' => 'com.amazon.paapi5#AccessDeniedException',
					'Errors' => array(
						array(
							'Code'    => 'AccessDenied',
							'Message' => 'Product Advertising API is deprecated. Please migrate to Creators API.',
						),
					),
				)
			)
		);
		try {
			$client->get_items( self::creds(), array( 'B000000001' ) );
			$this->fail( 'expected an exception' );
		} catch ( Amazon_Exception $e ) {
			$this->assertSame( Amazon_Error::PAAPI_RETIRED, $e->error()->kind );
			$this->assertTrue( $e->error()->is_configuration_error() );
		}
	}

	/**
	 * 200 with only Errors: NoResults for a search is empty; all-invalid ASINs are item errors.
	 */
	public function test_errors_only_answers(): void {
		$client = $this->client(
			static fn() => Fake_Http::json(
				200,
				array(
					'Errors' => array(
						array(
							'__type'  => 'com.amazon.paapi5#ErrorData',
							'Code'    => 'NoResults',
							'Message' => 'No results found for your request.',
						),
					),
				)
			)
		);
		$this->assertTrue( $client->search_items( self::creds(), array( 'keywords' => 'zzz' ) )->is_empty() );
		$this->assertSame( 'zzz', $this->fake->requests[0]['json']['Keywords'] );

		$client = $this->client(
			static fn() => Fake_Http::json(
				200,
				array(
					'Errors' => array(
						array(
							'Code'    => 'InvalidParameterValue',
							'Message' => 'The ItemId B000000001 provided in the request is invalid.',
						),
					),
				)
			)
		);
		$result = $client->get_items( self::creds(), array( 'B000000001' ) );
		$this->assertSame( Amazon_Error::INVALID_ASIN, $result->error( 'B000000001' )?->kind );
	}

	/**
	 * Incomplete credentials never reach Amazon.
	 */
	public function test_not_configured(): void {
		$client = $this->client( static fn() => Fake_Http::json( 200, array() ) );
		$this->expectException( Amazon_Exception::class );
		try {
			$client->get_items( new Paapi_Credentials( 'AK', '', 'xyz-20' ), array( 'B000000001' ) );
		} finally {
			$this->assertCount( 0, $this->fake->requests );
		}
	}
}
