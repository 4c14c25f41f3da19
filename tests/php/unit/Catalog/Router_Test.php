<?php
/**
 * Router decisions without WordPress or HTTP.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Unit\Catalog;

use Creators_Connect\Model\Amazon_Error;
use Creators_Connect\Amazon\Creators_Client;
use Creators_Connect\Amazon\Http_Transport;
use Creators_Connect\Amazon\Paapi_Client;
use Creators_Connect\Support\Shared_Store;
use Creators_Connect\Amazon\Token_Provider;
use Creators_Connect\Catalog\Route_Decision;
use Creators_Connect\Catalog\Fallback_Memory;
use Creators_Connect\Catalog\Router;
use Creators_Connect\Tests\Emulator;
use Creators_Connect\Tests\Fixed_Credentials_Source;
use PHPUnit\Framework\TestCase;

/**
 * Router::decide() and Route_Decision.
 */
final class Router_Test extends TestCase {

	/**
	 * A router whose transport must never be used.
	 *
	 * @param Fixed_Credentials_Source $source Settings.
	 */
	private function router( Fixed_Credentials_Source $source ): Router {
		$transport = new Http_Transport(
			'',
			static function (): Amazon_Error {
				throw new \LogicException( 'no HTTP in this test' );
			}
		);
		$store     = new Shared_Store( 'memory' );
		return new Router( $source, new Creators_Client( $transport, new Token_Provider( $transport, $store ) ), new Paapi_Client( $transport ), new Fallback_Memory( $store ) );
	}

	/**
	 * The routing table of the issue.
	 */
	public function test_decisions(): void {
		$router = $this->router( Fixed_Credentials_Source::demo() );

		$de = $router->decide( 'de' );
		$this->assertSame( array( 'creators', '2.2', 'cognito', 'creators_configured' ), array( $de->api, $de->api_version(), $de->credential_type(), $de->reason_code() ) );
		$this->assertNotNull( $de->fallback, 'PA-API can take over for DE' );
		$this->assertSame( 'de', $de->fallback->marketplace );
		$this->assertSame( Emulator::partner_tag( 'de' ), $de->fallback->partner_tag );

		$us = $router->decide( 'US' );
		$this->assertSame( array( 'creators', '3.1', 'lwa' ), array( $us->api, $us->api_version(), $us->credential_type() ) );

		$uk = $router->decide( 'gb' );
		$this->assertSame( array( 'uk', 'paapi', '5.0', null, 'paapi_only' ), array( $uk->country, $uk->api, $uk->api_version(), $uk->credential_type(), $uk->reason_code() ) );

		$it = $router->decide( 'it' );
		$this->assertSame( Route_Decision::API_NONE, $it->api );
		$this->assertFalse( $it->is_configured() );
		$this->assertSame( Amazon_Error::NOT_CONFIGURED, $it->error()->kind );
		$this->assertSame( 'NotConfigured', $it->error()->code );

		$this->assertSame( 'de', $router->decide( '' )->country );
		$this->assertSame( Route_Decision::REASON_UNKNOWN_MARKETPLACE, $router->decide( 'zz' )->reason );
		$this->assertSame( 'UnknownMarketplace', $router->decide( 'zz' )->error()->code );
	}

	/**
	 * The fallback setting and a fallback decision.
	 */
	public function test_fallback(): void {
		$source           = Fixed_Credentials_Source::demo();
		$source->fallback = false;
		$this->assertNull( $this->router( $source )->decide( 'de' )->fallback );

		$decision = $this->router( Fixed_Credentials_Source::demo() )->decide( 'de' );
		$fallback = $decision->as_fallback( new Amazon_Error( Amazon_Error::NOT_ELIGIBLE, 'creators', 403 ) );
		$this->assertSame( 'paapi', $fallback->api );
		$this->assertSame( '5.0', $fallback->api_version() );
		$this->assertSame( 'fallback:not_eligible', $fallback->reason_code() );
	}

	/**
	 * Get_items never throws and never calls Amazon for an unconfigured marketplace.
	 */
	public function test_not_configured_get_items(): void {
		$routed = $this->router( new Fixed_Credentials_Source() )->get_items( 'de', array( 'B000000001', 'B000000002' ) );
		$this->assertSame( array( 'B000000001', 'B000000002' ), array_keys( $routed->result->errors ) );
		$this->assertSame( 'B000000002', $routed->result->error( 'B000000002' )->asin );
	}
}
