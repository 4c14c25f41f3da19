<?php
/**
 * GET /settings/export and POST /settings/import: the settings as a JSON file, without secrets.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Rest;

use Creators_Connect\Settings\Settings_Transfer;

/**
 * `GET /creators-connect-for-amazon/v1/settings/export` (manage_options) → the export file;
 * `POST /creators-connect-for-amazon/v1/settings/import` with `{"settings": <file>, "secrets":
 * {"de": "…", "paapi": "…"}, "dry_run": bool}` → what the import does (or did): marketplaces
 * added or updated, which secrets it needs, which general settings change. 400 names every problem.
 */
final class Settings_Transfer_Controller extends Settings_Controller_Base {

	/**
	 * Export and import.
	 *
	 * @var Settings_Transfer
	 */
	private Settings_Transfer $transfer;

	/**
	 * Builds the controller.
	 *
	 * @param Settings_Transfer $transfer Export and import.
	 */
	public function __construct( Settings_Transfer $transfer ) {
		parent::__construct( 'settings' );
		$this->transfer = $transfer;
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		register_rest_route(
			self::REST_NAMESPACE,
			'/' . $this->rest_base . '/export',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'export' ),
					'permission_callback' => array( $this, 'permissions_check' ),
					'args'                => array(),
				),
			),
			true
		);
		register_rest_route(
			self::REST_NAMESPACE,
			'/' . $this->rest_base . '/import',
			array(
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'import' ),
					'permission_callback' => array( $this, 'permissions_check' ),
					'args'                => array(
						'settings' => array(
							'description' => __( 'The exported settings file.', 'creators-connect-for-amazon' ),
							'type'        => 'object',
							'required'    => true,
						),
						'secrets'  => array(
							'description'          => __( 'The secrets the file lacks: Credential Secret by country code, and "paapi" for the PA-API 5.0 secret key.', 'creators-connect-for-amazon' ),
							'type'                 => 'object',
							'default'              => array(),
							'additionalProperties' => array(
								'type'      => 'string',
								'maxLength' => 512,
							),
						),
						'dry_run'  => array(
							'description' => __( 'Only say what the import would do.', 'creators-connect-for-amazon' ),
							'type'        => 'boolean',
							'default'     => false,
						),
					),
				),
			),
			true
		);
	}

	/**
	 * The export file.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request Request.
	 */
	public function export( \WP_REST_Request $request ): \WP_REST_Response {
		unset( $request );
		$response = new \WP_REST_Response( $this->transfer->export() );
		$response->header( 'Cache-Control', 'no-store' );
		return $response;
	}

	/**
	 * The preview, or the import.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request Request.
	 */
	public function import( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		$secrets = array();
		foreach ( is_array( $request['secrets'] ) ? $request['secrets'] : array() as $key => $secret ) {
			$secrets[ strtolower( (string) $key ) ] = is_string( $secret ) ? $secret : '';
		}
		$answer = true === $request['dry_run']
			? $this->transfer->preview( $request['settings'] )
			: $this->transfer->import( $request['settings'], $secrets );
		return is_wp_error( $answer ) ? $answer : new \WP_REST_Response( $answer );
	}
}
