<?php
/**
 * GET|PUT /getting-started: the settings screen's first-run checklist, and hiding it.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Rest;

use Creators_Connect\Settings\Getting_Started;

/**
 * `GET /creators-connect-for-amazon/v1/getting-started` (manage_options) →
 * `{"marketplace_added","connection_tested","product_on_page","product_url","dismissed"}`;
 * `PUT` with `{"dismissed": bool}` hides the panel for the current user or brings it back.
 */
final class Getting_Started_Controller extends Rest_Controller {

	/**
	 * The checklist.
	 *
	 * @var Getting_Started
	 */
	private Getting_Started $checklist;

	/**
	 * Builds the controller.
	 *
	 * @param Getting_Started $checklist The checklist.
	 */
	public function __construct( Getting_Started $checklist ) {
		parent::__construct( 'getting-started' );
		$this->checklist = $checklist;
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		register_rest_route(
			self::REST_NAMESPACE,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
					'args'                => array(),
				),
				array(
					'methods'             => \WP_REST_Server::EDITABLE,
					'callback'            => array( $this, 'update_item' ),
					'permission_callback' => array( $this, 'update_item_permissions_check' ),
					'args'                => array(
						'dismissed' => array(
							'description' => __( 'Whether the getting-started panel is hidden for the current user.', 'creators-connect-for-amazon' ),
							'type'        => 'boolean',
							'required'    => true,
						),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			),
			true
		);
	}

	/**
	 * Administrators only.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request Request.
	 * @return true|\WP_Error
	 */
	public function get_item_permissions_check( $request ) {
		unset( $request );
		return self::allow( 'manage_options', __( 'Sorry, you are not allowed to manage the Amazon settings.', 'creators-connect-for-amazon' ) );
	}

	/**
	 * Administrators only.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request Request.
	 * @return true|\WP_Error
	 */
	public function update_item_permissions_check( $request ) {
		return $this->get_item_permissions_check( $request );
	}

	/**
	 * The checklist.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request Request.
	 * @return \WP_REST_Response
	 */
	public function get_item( $request ) {
		unset( $request );
		return new \WP_REST_Response( $this->checklist->state() );
	}

	/**
	 * Hides the panel or brings it back; answers with the checklist.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request Request.
	 * @return \WP_REST_Response
	 */
	public function update_item( $request ) {
		$this->checklist->set_dismissed( true === $request['dismissed'] );
		return new \WP_REST_Response( $this->checklist->state() );
	}

	/**
	 * The answer's schema.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		if ( null === $this->schema ) {
			$flag         = static fn( string $description ): array => array(
				'description' => $description,
				'type'        => 'boolean',
				'context'     => array( 'view', 'edit' ),
				'readonly'    => true,
			);
			$this->schema = array(
				'$schema'    => 'http://json-schema.org/draft-04/schema#',
				'title'      => 'acapi-getting-started',
				'type'       => 'object',
				'properties' => array(
					'marketplace_added' => $flag( __( 'A marketplace is configured.', 'creators-connect-for-amazon' ) ),
					'connection_tested' => $flag( __( 'A connection test has passed.', 'creators-connect-for-amazon' ) ),
					'product_on_page'   => $flag( __( 'A published post shows a product.', 'creators-connect-for-amazon' ) ),
					'product_url'       => array(
						'description' => __( 'Such a post\'s address.', 'creators-connect-for-amazon' ),
						'type'        => array( 'string', 'null' ),
						'format'      => 'uri',
						'context'     => array( 'view', 'edit' ),
						'readonly'    => true,
					),
					'dismissed'         => array(
						'description' => __( 'Whether the getting-started panel is hidden for the current user.', 'creators-connect-for-amazon' ),
						'type'        => 'boolean',
						'context'     => array( 'view', 'edit' ),
					),
				),
			);
		}
		return $this->add_additional_fields_schema( $this->schema );
	}
}
