<?php
/**
 * Integration tests of the PA-API 5.0 client against the emulator.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Amazon;

use Creators_Connect\Amazon\Error_Response;
use Creators_Connect\Model\Amazon_Error;
use Creators_Connect\Amazon\Amazon_Exception;
use Creators_Connect\Amazon\Http_Transport;
use Creators_Connect\Amazon\Paapi_Client;
use Creators_Connect\Amazon\Paapi_Credentials;
use Creators_Connect\Amazon\Sigv4_Signer;
use Creators_Connect\Marketplace\Marketplace_Registry;
use Creators_Connect\Tests\Emulator;

require_once __DIR__ . '/Amazon_Test_Case.php';

/**
 * Paapi_Client + Sigv4_Signer over real HTTP.
 */
final class Paapi_Client_Integration_Test extends Amazon_Test_Case {

	/**
	 * Signed requests are accepted in each SigV4 region.
	 *
	 * @return array<string, array{string}>
	 */
	public static function marketplaces(): array {
		return array(
			'us-east-1' => array( 'us' ),
			'eu-west-1' => array( 'de' ),
			'us-west-2' => array( 'jp' ),
		);
	}

	/**
	 * The emulator verifies our signature and answers with mapped items.
	 *
	 * @dataProvider marketplaces
	 *
	 * @param string $country Marketplace.
	 */
	public function test_signed_request_is_accepted( string $country ): void {
		$asins  = array_slice( Emulator::catalog_asins( $country ), 0, 3 );
		$result = $this->paapi()->get_items( Emulator::paapi_credentials( $country ), $asins );
		$this->assertCount( 3, $result->products, print_r( array_map( static fn( $e ) => $e->summary(), $result->errors ), true ) ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions -- Failure detail.
		$product = $result->product( $asins[0] );
		$this->assertNotNull( $product );
		$this->assertSame( 'paapi', $product->source );
		$this->assertSame( '5.0', $product->api_version );
		$this->assertStringContainsString( 'tag=' . Emulator::partner_tag( $country ), $product->detail_page_url );
		$this->assertSame( array( 200 ), array_column( $this->emulator->requests( 'getItems', 'paapi' ), 'status' ) );
	}

	/**
	 * A tampered signature, and a wrong secret key, are rejected (InvalidSignature → invalid credentials).
	 */
	public function test_tampered_signature_is_rejected(): void {
		$marketplace = Marketplace_Registry::get( 'us' );
		$this->assertNotNull( $marketplace );
		$credentials = Emulator::paapi_credentials( 'us' );
		$transport   = new Http_Transport();
		$url         = $transport->resolve_url( 'https://webservices.amazon.com/paapi5/getitems' );
		$body        = (string) wp_json_encode(
			array(
				'ItemIds'     => array( Emulator::catalog_asins( 'us' )[0] ),
				'PartnerTag'  => $credentials->partner_tag,
				'PartnerType' => 'Associates',
				'Marketplace' => 'www.amazon.com',
			)
		);
		$headers     = ( new Sigv4_Signer() )->sign(
			'POST',
			$url,
			array(
				'content-encoding' => 'amz-1.0',
				'content-type'     => 'application/json; charset=utf-8',
				'x-amz-target'     => 'com.amazon.paapi5.v1.ProductAdvertisingAPIv1.GetItems',
			),
			$body,
			'us-east-1',
			'ProductAdvertisingAPI',
			$credentials->access_key,
			$credentials->secret(),
			new \DateTimeImmutable( 'now', new \DateTimeZone( 'UTC' ) )
		);

		$good = $transport->send( 'POST', 'https://webservices.amazon.com/paapi5/getitems', $headers, $body, 'paapi' );
		$this->assertSame( 200, $good->status, $good->body );

		$tampered                  = $headers;
		$tampered['Authorization'] = (string) preg_replace_callback( '/Signature=([0-9a-f])/', static fn( $m ) => 'Signature=' . ( '0' === $m[1] ? '1' : '0' ), $headers['Authorization'] );
		$bad                       = $transport->send( 'POST', 'https://webservices.amazon.com/paapi5/getitems', $tampered, $body, 'paapi' );
		$this->assertSame( 401, $bad->status );
		$this->assertSame( 'InvalidSignature', Error_Response::from_paapi_response( $bad->status, $bad->json() )->code );

		$changed_body = $transport->send( 'POST', 'https://webservices.amazon.com/paapi5/getitems', $headers, $body . ' ', 'paapi' );
		$this->assertSame( 401, $changed_body->status, 'the body is signed too' );

		try {
			$this->paapi()->get_items( new Paapi_Credentials( $credentials->access_key, 'not-the-secret', $credentials->partner_tag, 'us' ), array( Emulator::catalog_asins( 'us' )[0] ) );
			$this->fail( 'expected an Amazon_Exception' );
		} catch ( Amazon_Exception $e ) {
			$this->assertSame( Amazon_Error::INVALID_CREDENTIALS, $e->error()->kind );
			$this->assertSame( 'InvalidSignature', $e->error()->code );
			$this->assertStringNotContainsString( 'not-the-secret', $e->getMessage() . $e->error()->message() );
		}
	}

	/**
	 * Retirement: the error says plainly that PA-API is gone and what to do.
	 */
	public function test_retired(): void {
		$this->emulator->config( array( 'paapi_retired' => true ) );
		try {
			$this->paapi()->get_items( Emulator::paapi_credentials( 'us' ), array( Emulator::catalog_asins( 'us' )[0] ) );
			$this->fail( 'expected an Amazon_Exception' );
		} catch ( Amazon_Exception $e ) {
			$this->assertSame( Amazon_Error::PAAPI_RETIRED, $e->error()->kind );
			$this->assertStringContainsString( 'retired the Product Advertising API', $e->error()->message() );
			$this->assertStringContainsString( 'Creators API', $e->error()->message() );
			$this->assertSame( 'acapi_paapi_retired', $e->error()->to_wp_error()->get_error_code() );
		}

		$this->emulator->config( array( 'paapi_retired' => false ) );
		$this->emulator->fault(
			array(
				'fault' => 'paapi_retired',
				'api'   => 'paapi',
			)
		);
		$this->expectException( Amazon_Exception::class );
		$this->paapi()->get_items( Emulator::paapi_credentials( 'us' ), array( Emulator::catalog_asins( 'us' )[0] ) );
	}

	/**
	 * Partial errors, batching and the search/variations/browse-node operations.
	 */
	public function test_operations(): void {
		$credentials = Emulator::paapi_credentials( 'us' );
		$client      = $this->paapi();

		$asins  = array_merge( Emulator::catalog_asins( 'us' ), array( 'B0NOTREAL1' ) );
		$result = $client->get_items( $credentials, $asins );
		$this->assertSame( 3, $this->emulator->count( 'paapi:getItems:us' ) );
		$this->assertSame( Amazon_Error::INVALID_ASIN, $result->error( 'B0NOTREAL1' )?->kind );
		$this->assertEqualsCanonicalizing( $asins, array_merge( array_keys( $result->products ), array_keys( $result->errors ) ) );

		$search = $client->search_items(
			$credentials,
			array(
				'keywords'   => 'Kestrel',
				'item_count' => 2,
			)
		);
		$this->assertNotEmpty( $search->products );
		$this->assertTrue( $client->search_items( $credentials, array( 'keywords' => 'zzqxnothingmatches' ) )->is_empty() );

		$variations = $client->get_variations( $credentials, 'B0CJ4TSH1R' );
		$this->assertGreaterThanOrEqual( 2, count( $variations->products ) );

		$nodes = $client->get_browse_nodes( $credentials, array( '172541' ) );
		$this->assertNotNull( $nodes->node( '172541' ) );
	}

	/**
	 * Server errors and throttling behave as on the Creators API; not-eligible keys are a configuration error.
	 */
	public function test_faults(): void {
		$credentials = Emulator::paapi_credentials( 'us' );
		$result      = $this->paapi()->get_items( $credentials, array( 'B00SRVERR5' ) );
		$this->assertSame( Amazon_Error::SERVER_ERROR, $result->error( 'B00SRVERR5' )?->kind );

		$this->emulator->fault(
			array(
				'fault'       => 'throttle',
				'api'         => 'paapi',
				'retry_after' => 1,
			)
		);
		$this->assertTrue( $this->paapi()->get_items( $credentials, array( Emulator::catalog_asins( 'us' )[0] ) )->has_products() );

		$set = Emulator::credentials()['ineligible']['paapi'];
		try {
			$this->paapi()->get_items( new Paapi_Credentials( $set['access_key'], $set['secret_key'], Emulator::partner_tag( 'us' ), 'us' ), array( Emulator::catalog_asins( 'us' )[0] ) );
			$this->fail( 'expected an Amazon_Exception' );
		} catch ( Amazon_Exception $e ) {
			$this->assertSame( Amazon_Error::NOT_ELIGIBLE, $e->error()->kind );
		}
	}
}
