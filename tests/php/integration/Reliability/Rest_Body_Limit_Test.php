<?php
/**
 * Oversized request bodies on the plugin's REST routes.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Reliability;

use Creators_Connect\Rest\Rest_Controller;
use Creators_Connect\Tests\Integration_Test_Case;

/**
 * Every route of the namespace refuses a body over 1 MB with 400, also routes that take no body;
 * other namespaces are left alone.
 */
final class Rest_Body_Limit_Test extends Integration_Test_Case {

	/**
	 * Each route and method of the namespace gets 400 for an oversized body, before anything else.
	 */
	public function test_oversized_bodies_are_refused_on_every_route(): void {
		$this->act_as( 'administrator' );
		$body   = (string) wp_json_encode( array( 'junk' => str_repeat( 'x', Rest_Controller::MAX_BODY ) ) );
		$routes = rest_get_server()->get_routes( Rest_Controller::REST_NAMESPACE );
		$this->assertGreaterThan( 5, count( $routes ) );
		foreach ( $routes as $route => $handlers ) {
			if ( '/' . Rest_Controller::REST_NAMESPACE === $route ) {
				continue;
			}
			$path = (string) preg_replace( '/\(\?P<[a-z_]+>[^)]*\)/', 'de', $route );
			foreach ( $handlers as $handler ) {
				foreach ( array_keys( (array) $handler['methods'] ) as $method ) {
					$request = new \WP_REST_Request( (string) $method, $path );
					$request->set_header( 'Content-Type', 'application/json' );
					$request->set_body( $body );
					$response = rest_do_request( $request );
					$this->assertSame( 400, $response->get_status(), "{$method} {$path}" );
					$data = $response->get_data();
					$this->assertIsArray( $data );
					$this->assertSame( 'acapi_body_too_large', $data['code'] ?? null, "{$method} {$path}" );
				}
			}
		}
	}

	/**
	 * A body at the limit passes on to the route; other namespaces are not limited.
	 */
	public function test_limit_is_exact_and_local(): void {
		$this->act_as( 'administrator' );
		$padding = Rest_Controller::MAX_BODY - strlen( (string) wp_json_encode( array( 'junk' => '' ) ) );
		$request = new \WP_REST_Request( 'GET', '/' . Rest_Controller::REST_NAMESPACE . '/marketplaces' );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( (string) wp_json_encode( array( 'junk' => str_repeat( 'x', $padding ) ) ) );
		$this->assertSame( 200, rest_do_request( $request )->get_status() );

		$request = new \WP_REST_Request( 'GET', '/wp/v2/types' );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( (string) wp_json_encode( array( 'junk' => str_repeat( 'x', Rest_Controller::MAX_BODY ) ) ) );
		$this->assertSame( 200, rest_do_request( $request )->get_status() );
	}
}
