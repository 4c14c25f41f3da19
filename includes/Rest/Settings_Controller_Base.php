<?php
/**
 * What every settings route shares: the namespace, the capability check, the repository.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Rest;

use Creators_Connect\Settings\Settings_Repository;

/**
 * Base of the settings controllers. Every route needs `manage_options`; the REST cookie
 * authentication (with its nonce) is WordPress's own.
 */
abstract class Settings_Controller_Base extends Rest_Controller {

	/**
	 * The settings.
	 *
	 * @var Settings_Repository
	 */
	protected Settings_Repository $settings;

	/**
	 * Builds the controller.
	 *
	 * @param Settings_Repository $settings The settings.
	 * @param string              $rest_base Route base (`marketplaces`).
	 */
	public function __construct( Settings_Repository $settings, string $rest_base ) {
		parent::__construct( $rest_base );
		$this->settings = $settings;
	}

	/**
	 * Only administrators (manage_options) may read or change these settings.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request Request.
	 * @return true|\WP_Error
	 */
	public function permissions_check( $request ): bool|\WP_Error {
		unset( $request );
		if ( current_user_can( 'manage_options' ) ) {
			return true;
		}
		return new \WP_Error( 'rest_forbidden', __( 'Sorry, you are not allowed to manage the Amazon settings.', 'creators-connect-for-amazon' ), array( 'status' => rest_authorization_required_code() ) );
	}

	/**
	 * Endpoint args from the schema without the checks the repository makes itself, so that every
	 * invalid field gets its own plain-language message in one answer (`data.params`).
	 *
	 * @param string $method WP_REST_Server method constant.
	 * @return array<string, array<string, mixed>>
	 */
	protected function lenient_args( string $method ): array {
		$args = $this->get_endpoint_args_for_item_schema( $method );
		foreach ( $args as $name => $arg ) {
			unset( $arg['enum'], $arg['pattern'], $arg['minLength'], $arg['maxLength'], $arg['required'] );
			$args[ $name ] = $arg;
		}
		return $args;
	}

	/**
	 * Registers one settings resource at the base: GET reads it, PUT/PATCH saves the keys sent.
	 * Controllers with more routes override this.
	 */
	public function register_routes(): void {
		register_rest_route(
			self::REST_NAMESPACE,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'permissions_check' ),
					'args'                => array(),
				),
				array(
					'methods'             => \WP_REST_Server::EDITABLE,
					'callback'            => array( $this, 'update_item' ),
					'permission_callback' => array( $this, 'permissions_check' ),
					'args'                => $this->update_args(),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * The PUT/PATCH arguments: the item schema's.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	protected function update_args(): array {
		return $this->get_endpoint_args_for_item_schema( \WP_REST_Server::EDITABLE );
	}
}
