<?php
/**
 * Base of every REST controller of the plugin: its namespace and how its routes get registered.
 *
 * @package Amazon_Creators_API
 */

declare( strict_types = 1 );

namespace Amazon_Creators_API\Rest;

/**
 * One route base in the `amazon-creators-api/v1` namespace.
 */
abstract class Rest_Controller extends \WP_REST_Controller {

	public const REST_NAMESPACE = 'amazon-creators-api/v1';

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
