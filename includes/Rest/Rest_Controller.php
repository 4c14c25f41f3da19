<?php
/**
 * Base of every REST controller of the plugin: its namespace and how its routes get registered.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Rest;

/**
 * One route base in the `creators-connect-for-amazon/v1` namespace.
 */
abstract class Rest_Controller extends \WP_REST_Controller {

	public const REST_NAMESPACE = 'creators-connect-for-amazon/v1';

	/**
	 * Largest request body (bytes) the plugin's routes take; none of them needs more.
	 */
	public const MAX_BODY = 1048576;

	/**
	 * Builds the controller.
	 *
	 * @param string $rest_base Route base (`marketplaces`, `products`, …).
	 */
	public function __construct( string $rest_base ) {
		$this->namespace = self::REST_NAMESPACE;
		$this->rest_base = $rest_base;
	}

	/**
	 * Registers the routes when the REST API starts.
	 */
	public function register_hooks(): void {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
		add_filter( 'rest_pre_dispatch', array( self::class, 'limit_body' ), 10, 3 );
	}

	/**
	 * Refuses oversized bodies on the plugin's routes before anything parses them further
	 * (routes that ignore a body would otherwise accept megabytes of it).
	 *
	 * @param mixed            $result  Response so far (null: not handled yet).
	 * @param \WP_REST_Server  $server  Server.
	 * @param \WP_REST_Request $request Request.
	 * @return mixed
	 */
	public static function limit_body( $result, $server, $request ) {
		unset( $server );
		if ( null !== $result || ! $request instanceof \WP_REST_Request || ! str_starts_with( $request->get_route(), '/' . self::REST_NAMESPACE . '/' ) ) {
			return $result;
		}
		if ( strlen( (string) $request->get_body() ) > self::MAX_BODY ) {
			return new \WP_Error( 'acapi_body_too_large', __( 'The request body is too large.', 'creators-connect-for-amazon' ), array( 'status' => 400 ) );
		}
		return $result;
	}

	/**
	 * True when the current user has a capability; otherwise core's 401 (logged out) or 403.
	 *
	 * @param string $capability Capability.
	 * @param string $message    What the user may not do.
	 * @return true|\WP_Error
	 */
	protected static function allow( string $capability, string $message ): bool|\WP_Error {
		if ( current_user_can( $capability ) ) {
			return true;
		}
		return new \WP_Error( 'rest_forbidden', $message, array( 'status' => rest_authorization_required_code() ) );
	}

	/**
	 * Registers one read-only collection route at the base; controllers with more routes
	 * override this.
	 */
	public function register_routes(): void {
		register_rest_route(
			self::REST_NAMESPACE,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => array( $this, 'get_items_permissions_check' ),
					'args'                => $this->get_collection_params(),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			),
			true // Our own route: the last registration wins (tests register theirs with other collaborators).
		);
	}
}
