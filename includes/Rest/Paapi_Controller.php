<?php
/**
 * REST route of the legacy PA-API 5.0 credentials.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Rest;

use Creators_Connect\Marketplace\Marketplace_Registry;
use Creators_Connect\Settings\Paapi_Keys;

/**
 * `GET|PUT|POST|PATCH /paapi`: access key, secret key (write-only), partner tag per marketplace.
 * WordPress checks the arguments' types and the known countries against the schema; the formats
 * are checked by Paapi_Keys (Credential_Rules' patterns, through WordPress's pattern check),
 * because a bad tag is named `partner_tags.<country>` in the same answer as a bad key, and core's
 * argument validation can only name `partner_tags` as a whole.
 */
final class Paapi_Controller extends Settings_Controller_Base {

	/**
	 * Builds the controller.
	 *
	 * @param Paapi_Keys $keys The PA-API keys' store.
	 */
	public function __construct( private readonly Paapi_Keys $keys ) {
		parent::__construct( 'paapi' );
	}

	/**
	 * The PA-API settings (no secret).
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request Request.
	 */
	public function get_item( $request ): \WP_REST_Response {
		unset( $request );
		return new \WP_REST_Response( $this->keys->for_screen() );
	}

	/**
	 * Saves the PA-API settings (a blank secret keeps the stored one).
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function update_item( $request ): \WP_REST_Response|\WP_Error {
		$params = $request->get_json_params();
		$params = is_array( $params ) && array() !== $params ? $params : $request->get_body_params();
		$saved  = $this->keys->save( array_intersect_key( $params, array_flip( array( 'access_key', 'secret_key', 'partner_tags' ) ) ) );
		return $saved instanceof \WP_Error ? $saved : new \WP_REST_Response( $this->keys->for_screen() );
	}

	/**
	 * The schema.
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
			'title'      => 'acapi-paapi',
			'type'       => 'object',
			'properties' => array(
				'access_key'   => array(
					'description' => __( 'PA-API 5.0 access key (\'\' with an empty secret key clears both).', 'creators-connect-for-amazon' ),
					'type'        => 'string',
					'context'     => $view,
				),
				'secret_key'   => array(
					'description' => __( 'PA-API 5.0 secret key. Write-only; blank keeps the stored one.', 'creators-connect-for-amazon' ),
					'type'        => 'string',
					'context'     => array(),
				),
				'secret_state' => array(
					'description' => __( 'ok, unreadable or missing.', 'creators-connect-for-amazon' ),
					'type'        => 'string',
					'enum'        => array( 'ok', 'unreadable', 'missing' ),
					'context'     => $view,
					'readonly'    => true,
				),
				'secret_mask'  => array(
					'description' => __( 'The secret\'s last characters behind bullets.', 'creators-connect-for-amazon' ),
					'type'        => 'string',
					'context'     => $view,
					'readonly'    => true,
				),
				'partner_tags' => array(
					'description'          => __( 'Partner tag per marketplace (country code => tag; \'\' for none).', 'creators-connect-for-amazon' ),
					'type'                 => 'object',
					'context'              => $view,
					'properties'           => array_fill_keys( array_keys( Marketplace_Registry::all() ), array( 'type' => 'string' ) ),
					'additionalProperties' => false,
				),
				'revision'     => array(
					'description' => __( 'Revision of the stored settings.', 'creators-connect-for-amazon' ),
					'type'        => 'integer',
					'context'     => $view,
					'readonly'    => true,
				),
			),
		);
		return $this->schema;
	}
}
