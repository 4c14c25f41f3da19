<?php
/**
 * REST route that tests a marketplace's Creators API credentials against Amazon.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Rest;

use Creators_Connect\Model\Amazon_Error;
use Creators_Connect\Settings\Connection_Tester;
use Creators_Connect\Settings\Credential_Rules;

/**
 * `POST /marketplaces/<country>/test`: Connection_Tester's verdict
 * `{ok, message, hint, kind, api_version, credential_type}` with status 200 either way (the test
 * ran; its verdict is in `ok`); 400 for an unknown country, 404 when it is not configured.
 */
final class Test_Connection_Controller extends Settings_Controller_Base {

	/**
	 * The connection tester (shared with `wp acapi marketplace test`).
	 *
	 * @var Connection_Tester
	 */
	private Connection_Tester $tester;

	/**
	 * Builds the controller.
	 *
	 * @param Connection_Tester $tester Runs the test.
	 */
	public function __construct( Connection_Tester $tester ) {
		parent::__construct( 'marketplaces' );
		$this->tester = $tester;
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		register_rest_route(
			self::REST_NAMESPACE,
			'/' . $this->rest_base . '/' . Marketplaces_Controller::COUNTRY_PATTERN . '/test',
			array(
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'test' ),
					'permission_callback' => array( $this, 'permissions_check' ),
					'args'                => array(
						'country' => array(
							'description' => __( 'Country code of the marketplace.', 'creators-connect-for-amazon' ),
							'type'        => 'string',
						),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * Runs the test.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function test( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		$answer = $this->tester->test( is_string( $request['country'] ) ? $request['country'] : '' );
		return is_wp_error( $answer ) ? $answer : new \WP_REST_Response( $answer );
	}

	/**
	 * The answer's schema.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		if ( is_array( $this->schema ) ) {
			return $this->schema;
		}
		$view         = array( 'view', 'edit' );
		$this->schema = array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'acapi-connection-test',
			'type'       => 'object',
			'properties' => array(
				'ok'              => array(
					'description' => __( 'Whether Amazon accepted the credentials.', 'creators-connect-for-amazon' ),
					'type'        => 'boolean',
					'context'     => $view,
					'readonly'    => true,
				),
				'country'         => array(
					'description' => __( 'Country code of the marketplace.', 'creators-connect-for-amazon' ),
					'type'        => 'string',
					'context'     => $view,
					'readonly'    => true,
				),
				'api_version'     => array(
					'description' => __( 'The Creators API version used.', 'creators-connect-for-amazon' ),
					'type'        => 'string',
					'context'     => $view,
					'readonly'    => true,
				),
				'credential_type' => array(
					'description' => __( 'The credential type used.', 'creators-connect-for-amazon' ),
					'type'        => 'string',
					'enum'        => Credential_Rules::TYPES,
					'context'     => $view,
					'readonly'    => true,
				),
				'kind'            => array(
					'description' => __( 'The error kind (Amazon_Error) when the test failed, or secret_unreadable.', 'creators-connect-for-amazon' ),
					'type'        => array( 'string', 'null' ),
					'enum'        => array_merge( Amazon_Error::KINDS, array( 'secret_unreadable', null ) ),
					'context'     => $view,
					'readonly'    => true,
				),
				'message'         => array(
					'description' => __( 'The verdict in plain language.', 'creators-connect-for-amazon' ),
					'type'        => 'string',
					'context'     => $view,
					'readonly'    => true,
				),
				'hint'            => array(
					'description' => __( 'What to change, when something looks wrong.', 'creators-connect-for-amazon' ),
					'type'        => array( 'string', 'null' ),
					'context'     => $view,
					'readonly'    => true,
				),
			),
		);
		return $this->schema;
	}
}
