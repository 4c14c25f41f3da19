<?php
/**
 * GET /routing: the routing summary for the settings screen.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Rest;

use Creators_Connect\Rest\Routing_Controller;
use Creators_Connect\Tests\Integration\Catalog\Catalog_Test_Case;

require_once dirname( __DIR__ ) . '/Catalog/Catalog_Test_Case.php';

/**
 * The summary over the test's routing table, with a settings status callback.
 */
final class Routing_Rest_Test extends Catalog_Test_Case {

	/**
	 * Registers the controller after the plugin's own.
	 */
	protected function setUp(): void {
		parent::setUp();
		add_action( 'rest_api_init', array( $this, 'register_controller' ), 99 );
	}

	/**
	 * Unregisters.
	 */
	protected function tearDown(): void {
		remove_action( 'rest_api_init', array( $this, 'register_controller' ), 99 );
		parent::tearDown();
	}

	/**
	 * Action: the controller. DE and US enabled, UK disabled, IT disabled without any keys.
	 */
	public function register_controller(): void {
		$status = static function ( string $country ): string {
			$table = array(
				'de' => 'enabled',
				'us' => 'enabled',
				'uk' => 'disabled',
				'it' => 'disabled',
			);
			return $table[ $country ] ?? 'not_configured';
		};
		( new Routing_Controller( $this->summary(), $status ) )->register_routes();
	}

	/**
	 * The exact table.
	 */
	public function test_summary(): void {
		$this->act_as( 'administrator' );
		$response = $this->rest( 'GET', '/creators-connect-for-amazon/v1/routing' );
		$this->assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		$this->assertSame( 'de', $data['default_country'] );
		$routes = array();
		foreach ( $data['routes'] as $route ) {
			$routes[ $route['country'] ] = $route;
		}
		$this->assertSame( array( 'us', 'uk', 'de', 'fr', 'it' ), array_keys( $routes ) );
		$expect = array(
			'de' => array( 'enabled', 'cognito', 'creators', '2.2', false ),
			'us' => array( 'enabled', 'lwa', 'creators', '3.1', false ),
			'uk' => array( 'disabled', null, 'paapi', '5.0', true ),
			'fr' => array( 'not_configured', null, 'paapi', '5.0', true ),
			'it' => array( 'disabled', null, 'none', null, false ),
		);
		foreach ( $expect as $country => $row ) {
			$route = $routes[ $country ];
			$this->assertSame( $row, array( $route['status'], $route['credential_type'], $route['api'], $route['api_version'], $route['paapi_retired_warning'] ), $country );
			$this->assertSame( 'closed', $route['circuit'] );
			$this->assertNotSame( '', $route['reason'] );
		}
		$this->assertSame( 'Germany', $routes['de']['name'] );
	}

	/**
	 * Administrators only.
	 */
	public function test_permissions(): void {
		$this->act_as( 'editor' );
		$this->assertSame( 403, $this->rest( 'GET', '/creators-connect-for-amazon/v1/routing' )->get_status() );
		$this->act_as( null );
		$this->assertSame( 401, $this->rest( 'GET', '/creators-connect-for-amazon/v1/routing' )->get_status() );
	}
}
