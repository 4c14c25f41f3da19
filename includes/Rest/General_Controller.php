<?php
/**
 * REST route of the general settings.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Rest;

use Creators_Connect\Settings\General_Settings;

/**
 * `GET|PUT|POST|PATCH /general`: template, button text, link target, disclaimer, cache freshness,
 * PA-API fallback, data removal on uninstall. The arguments are the option's schema
 * (General_Settings), so WordPress validates them (core's rest_invalid_param, a message per field).
 */
final class General_Controller extends Settings_Controller_Base {

	/**
	 * Builds the controller.
	 */
	public function __construct() {
		parent::__construct( 'general' );
	}

	/**
	 * The general settings.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request Request.
	 */
	public function get_item( $request ): \WP_REST_Response {
		unset( $request );
		return new \WP_REST_Response( General_Settings::read() );
	}

	/**
	 * Saves the keys sent.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request Request.
	 */
	public function update_item( $request ): \WP_REST_Response {
		$params = $request->get_json_params();
		$params = is_array( $params ) && array() !== $params ? $params : $request->get_body_params();
		$keys   = array_keys( General_Settings::schema()['properties'] );
		return new \WP_REST_Response( General_Settings::save( array_intersect_key( $params, array_flip( $keys ) ) ) );
	}

	/**
	 * The option's one schema (General_Settings), shown in every context.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		if ( is_array( $this->schema ) ) {
			return $this->schema;
		}
		$schema = General_Settings::schema();
		foreach ( $schema['properties'] as $key => $property ) {
			$schema['properties'][ $key ]['context'] = array( 'view', 'edit' );
		}
		$this->schema = array(
			'$schema' => 'http://json-schema.org/draft-04/schema#',
			'title'   => 'acapi-general',
		) + $schema;
		return $this->schema;
	}
}
