<?php
/**
 * The router against the emulator: the routing table, the fallback, the summary.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Catalog;

use Creators_Connect\Model\Amazon_Error;
use Creators_Connect\Amazon\Circuit_Breaker;
use Creators_Connect\Catalog\Route_Decision;
use Creators_Connect\Tests\Emulator;
use Creators_Connect\Tests\Fixed_Credentials_Source;

require_once __DIR__ . '/Catalog_Test_Case.php';

/**
 * Router + both clients over real HTTP.
 */
final class Router_Test extends Catalog_Test_Case {

	/**
	 * The routing table: who answers for each marketplace, with which version.
	 *
	 * @return array<string, array{string, string, string, string|null}>
	 */
	public static function routing_table(): array {
		return array(
			'DE Cognito enabled → Creators API 2.2' => array( 'de', 'creators', '2.2', 'cognito' ),
			'US LWA enabled → Creators API 3.1'     => array( 'us', 'creators', '3.1', 'lwa' ),
			'UK disabled → PA-API 5.0'              => array( 'uk', 'paapi', '5.0', null ),
			'FR not configured → PA-API 5.0'        => array( 'fr', 'paapi', '5.0', null ),
		);
	}

	/**
	 * Each marketplace gets its route, and the product says which API answered.
	 *
	 * @dataProvider routing_table
	 *
	 * @param string      $country Marketplace.
	 * @param string      $api     Expected API.
	 * @param string      $version Expected API version.
	 * @param string|null $type    Expected credential type.
	 */
	public function test_routing_table( string $country, string $api, string $version, ?string $type ): void {
		$router   = $this->router();
		$decision = $router->decide( $country );
		$this->assertSame( $api, $decision->api );
		$this->assertSame( $version, $decision->api_version() );
		$this->assertSame( $type, $decision->credential_type() );

		$asin   = Emulator::catalog_asins( $country )[0];
		$routed = $router->get_items( $country, array( $asin ) );
		$this->assertNotNull( $routed->result->product( $asin ), print_r( $routed->result->errors, true ) ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions -- Failure detail.
		$product = $routed->result->product( $asin );
		$this->assertSame( $api, $product->source );
		$this->assertSame( $version, $product->api_version );
		$this->assertSame( 1, $this->emulator->count( $api . ':getItems:' . $country ) );
		$this->assertStringContainsString( 'tag=' . Emulator::partner_tag( $country ), $product->detail_page_url );
	}

	/**
	 * Without PA-API credentials for it, a marketplace without Creators API credentials is not configured.
	 */
	public function test_not_configured_without_paapi(): void {
		$this->source->paapi_countries = array( 'us' );
		$router                        = $this->router();
		$decision                      = $router->decide( 'fr' );
		$this->assertSame( Route_Decision::API_NONE, $decision->api );
		$routed = $router->get_items( 'fr', array( 'B000000001' ) );
		$this->assertSame( Amazon_Error::NOT_CONFIGURED, $routed->result->error( 'B000000001' )->kind );
		$this->assertSame( 0, $this->get_items_calls() );
	}

	/**
	 * A request without a country uses the default marketplace; an unknown country is not configured.
	 */
	public function test_default_marketplace(): void {
		$router = $this->router();
		$this->assertSame( 'de', $router->country( '' ) );
		$this->assertSame( 'uk', $router->country( 'GB' ) );
		$asin   = Emulator::catalog_asins( 'de' )[0];
		$routed = $router->get_items( '', array( $asin ) );
		$this->assertSame( 'de', $routed->result->product( $asin )->marketplace );
		$this->assertSame( 1, $this->emulator->count( 'creators:getItems:de' ) );

		$this->assertSame( Amazon_Error::NOT_CONFIGURED, $router->get_items( 'xx', array( $asin ) )->result->error( $asin )->kind );
		$this->source->default_country = null;
		$this->assertSame( Amazon_Error::NOT_CONFIGURED, $this->router()->get_items( '', array( $asin ) )->result->error( $asin )->kind );
	}

	/**
	 * Credentials that are not eligible fall back to PA-API, and the route says why.
	 */
	public function test_fallback_on_not_eligible(): void {
		$this->source->with_credentials( 'us', Emulator::ineligible_credentials( 'lwa' ) );
		$router = $this->router();
		$asins  = array_slice( Emulator::catalog_asins( 'us' ), 0, 3 );
		$routed = $router->get_items( 'us', $asins );

		foreach ( $asins as $asin ) {
			$product = $routed->result->product( $asin );
			$this->assertNotNull( $product, print_r( $routed->result->errors, true ) ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions -- Failure detail.
			$this->assertSame( 'paapi', $product->source );
			$this->assertSame( 'fallback:not_eligible', $routed->reason_for( $product ) );
		}
		$this->assertSame( 1, $this->emulator->count( 'creators:getItems:us' ) );
		$this->assertSame( 1, $this->emulator->count( 'paapi:getItems:us' ) );

		$summary = $this->summary( $router )->describe( 'us' );
		$this->assertSame( 'creators', $summary['api'] );
		$this->assertTrue( $summary['paapi_retired_warning'] );
		$this->assertStringContainsString( 'PA-API 5.0 answered instead', $summary['reason'] );
		// The settings screen's facts: what failed, in a few words, when, and that PA-API answered.
		$this->assertIsArray( $summary['last_failure'] );
		$this->assertSame( 'not_eligible', $summary['last_failure']['kind'] );
		$this->assertSame( 'not eligible', $summary['last_failure']['label'] );
		$this->assertSame( 'answered', $summary['last_failure']['fallback'] );
		$this->assertEqualsWithDelta( time(), strtotime( $summary['last_failure']['at'] ), 60 );
		$this->assertStringStartsWith( 'The Creators API is set up', $summary['reason'] );
	}

	/**
	 * The fallback is a setting: off, the not-eligible error comes through.
	 */
	public function test_no_fallback_when_turned_off(): void {
		$this->source->with_credentials( 'us', Emulator::ineligible_credentials( 'lwa' ) );
		$this->source->fallback = false;
		$asin                   = Emulator::catalog_asins( 'us' )[0];
		$routed                 = $this->router()->get_items( 'us', array( $asin ) );
		$this->assertSame( Amazon_Error::NOT_ELIGIBLE, $routed->result->error( $asin )->kind );
		$this->assertSame( 0, $this->emulator->count( 'paapi:getItems' ) );
		// Without a fallback the failure is remembered too (the settings show the marketplace failing).
		$failure = $this->summary()->describe( 'us' )['last_failure'];
		$this->assertIsArray( $failure );
		$this->assertSame( 'not_eligible', $failure['kind'] );
		$this->assertNull( $failure['fallback'] );
	}

	/**
	 * An open Creators API circuit falls back to PA-API without calling the Creators API.
	 */
	public function test_fallback_on_open_circuit(): void {
		$breaker   = new Circuit_Breaker();
		$threshold = $breaker->threshold();
		for ( $i = 0; $i < $threshold; $i++ ) {
			$breaker->record_failure( 'creators', 'de' );
		}
		$asin   = Emulator::catalog_asins( 'de' )[0];
		$router = $this->router();
		$routed = $router->get_items( 'de', array( $asin ) );
		$this->assertSame( 'paapi', $routed->result->product( $asin )->source );
		$this->assertSame( 'fallback:circuit_open', $routed->reason_for( $routed->result->product( $asin ) ) );
		$this->assertSame( 0, $this->emulator->count( 'creators:getItems' ) );
		$this->assertSame( 'open', $this->summary( $router )->describe( 'de' )['circuit'] );
	}

	/**
	 * Item errors are not a reason to fall back.
	 */
	public function test_item_errors_do_not_fall_back(): void {
		$asin   = Emulator::catalog_asins( 'de' )[0];
		$routed = $this->router()->get_items( 'de', array( $asin, 'B00EXCLUDE' ) );
		$this->assertNotNull( $routed->result->product( $asin ) );
		$this->assertSame( Amazon_Error::ITEM_NOT_ACCESSIBLE, $routed->result->error( 'B00EXCLUDE' )->kind );
		$this->assertSame( 0, $this->emulator->count( 'paapi:getItems' ) );
	}

	/**
	 * The summary's shape for each kind of route.
	 */
	public function test_describe(): void {
		$routes = $this->summary();
		$de     = $routes->describe( 'de' );
		$this->assertSame(
			array( 'country', 'name', 'status', 'credential_type', 'api', 'api_version', 'reason', 'paapi_retired_warning', 'circuit', 'last_failure' ),
			array_keys( $de )
		);
		$this->assertSame( 'Germany', $de['name'] );
		$this->assertSame( 'enabled', $de['status'] );
		$this->assertSame( 'cognito', $de['credential_type'] );
		$this->assertSame( '2.2', $de['api_version'] );
		$this->assertFalse( $de['paapi_retired_warning'] );
		$this->assertSame( 'closed', $de['circuit'] );

		$uk = $routes->describe( 'uk', 'disabled' );
		$this->assertSame( 'disabled', $uk['status'] );
		$this->assertSame( 'paapi', $uk['api'] );
		$this->assertSame( '5.0', $uk['api_version'] );
		$this->assertNull( $uk['credential_type'] );
		$this->assertTrue( $uk['paapi_retired_warning'] );
		$this->assertStringContainsString( 'turned off', $uk['reason'] );

		$it = $routes->describe( 'it' );
		$this->assertSame( 'not_configured', $it['status'] );
		$this->assertSame( 'none', $it['api'] );
		$this->assertNull( $it['api_version'] );

		$this->assertSame( array( 'us', 'uk', 'de', 'fr' ), $routes->configured_countries() );
	}

	/**
	 * Search goes through the same route.
	 */
	public function test_search(): void {
		$result = $this->router()->search( 'us', array( 'keywords' => 'wireless headphones' ) );
		$this->assertFalse( $result->is_empty() );
		$this->assertSame( 1, $this->emulator->count( 'creators:searchItems:us' ) );
	}

	/**
	 * A source with no configuration at all.
	 */
	public function test_empty_source(): void {
		$this->source = new Fixed_Credentials_Source();
		$router       = $this->router();
		$this->assertSame( '', $router->default_country() );
		$this->assertSame( array(), $this->summary( $router )->configured_countries() );
		$this->assertSame( Route_Decision::REASON_UNKNOWN_MARKETPLACE, $router->decide( '' )->reason );
	}
}
