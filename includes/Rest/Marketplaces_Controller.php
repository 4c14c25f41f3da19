<?php
/**
 * REST routes of the per-marketplace Creators API credentials.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Rest;

use Creators_Connect\Marketplace\Marketplace_Registry;
use Creators_Connect\Settings\Credential_Rules;
use Creators_Connect\Settings\Marketplace_Rows;
use Creators_Connect\Settings\Public_Marketplace;

/**
 * `GET|POST /marketplaces`, `GET|PUT|PATCH|DELETE /marketplaces/<country>`,
 * `POST /marketplaces/<country>/default`. Answers never hold a secret: only its state and a mask.
 *
 * Over 350 lines because a third of it is the resource's schema and route arguments, which
 * WordPress itself validates; the handlers are short.
 *
 * @phpstan-import-type Row from \Creators_Connect\Settings\Marketplace_Rows
 */
final class Marketplaces_Controller extends Settings_Controller_Base {

	/**
	 * The country part of item routes.
	 */
	public const COUNTRY_PATTERN = '(?P<country>[a-zA-Z]{2})';

	/**
	 * Builds the controller.
	 *
	 * @param Marketplace_Rows   $rows   The marketplace entries.
	 * @param Public_Marketplace $public The entries as answered (no secret).
	 */
	public function __construct( private readonly Marketplace_Rows $rows, private readonly Public_Marketplace $public ) {
		parent::__construct( 'marketplaces' );
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		$country_arg = array(
			'country' => array(
				'description' => __( 'Country code of the marketplace (de, us, uk…).', 'creators-connect-for-amazon' ),
				'type'        => 'string',
			),
		);
		register_rest_route(
			self::REST_NAMESPACE,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => array( $this, 'permissions_check' ),
					'args'                => array(),
				),
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( $this, 'permissions_check' ),
					'args'                => $this->schema_args( \WP_REST_Server::CREATABLE ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			self::REST_NAMESPACE,
			'/' . $this->rest_base . '/' . self::COUNTRY_PATTERN,
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'permissions_check' ),
					'args'                => $country_arg,
				),
				array(
					'methods'             => \WP_REST_Server::EDITABLE,
					'callback'            => array( $this, 'update_item' ),
					'permission_callback' => array( $this, 'permissions_check' ),
					'args'                => $country_arg + $this->schema_args( \WP_REST_Server::EDITABLE ),
				),
				array(
					'methods'             => \WP_REST_Server::DELETABLE,
					'callback'            => array( $this, 'delete_item' ),
					'permission_callback' => array( $this, 'permissions_check' ),
					'args'                => $country_arg,
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			self::REST_NAMESPACE,
			'/' . $this->rest_base . '/' . self::COUNTRY_PATTERN . '/default',
			array(
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'set_default' ),
					'permission_callback' => array( $this, 'permissions_check' ),
					'args'                => $country_arg,
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string $field Field name.
	 * @param string $value The value sent.
	 */
	protected function field_error( string $field, string $value ): ?string {
		return match ( $field ) {
			'credential_type'   => Credential_Rules::type_error( trim( $value ) ),
			'credential_id'     => Credential_Rules::credential_id_error( $value ),
			'credential_secret' => Credential_Rules::secret_error( $value, false ),
			'partner_tag'       => Credential_Rules::partner_tag_error( $value ),
			default             => null,
		};
	}

	/**
	 * Checks the route's permission (every route: manage_options).
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request Request.
	 * @return true|\WP_Error
	 */
	public function get_items_permissions_check( $request ): bool|\WP_Error {
		return $this->permissions_check( $request );
	}

	/**
	 * Every configured marketplace.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request Request.
	 */
	public function get_items( $request ): \WP_REST_Response {
		$items = array();
		foreach ( $this->rows->rows() as $row ) {
			$items[] = $this->prepare_response_for_collection( $this->prepare_item_for_response( $row, $request ) );
		}
		return new \WP_REST_Response( $items );
	}

	/**
	 * One marketplace.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function get_item( $request ): \WP_REST_Response|\WP_Error {
		$row = $this->find( $request );
		return $row instanceof \WP_Error ? $row : $this->prepare_item_for_response( $row, $request );
	}

	/**
	 * Adds a marketplace (201). The first marketplace becomes the default.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function create_item( $request ): \WP_REST_Response|\WP_Error {
		$params = $request->get_params();
		$row    = $this->rows->add( $params );
		if ( $row instanceof \WP_Error ) {
			return $row;
		}
		if ( ! empty( $params['is_default'] ) || null === $this->rows->default_country() ) {
			$this->rows->set_default( $row['country'] );
		}
		$response = $this->prepare_item_for_response( $row, $request );
		$response->set_status( 201 );
		$response->header( 'Location', rest_url( $this->namespace . '/' . $this->rest_base . '/' . $row['country'] ) );
		return $response;
	}

	/**
	 * Changes a marketplace: fields, enabled, default. Needs the revision it was read at (409 when stale).
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function update_item( $request ): \WP_REST_Response|\WP_Error {
		$row = $this->find( $request );
		if ( $row instanceof \WP_Error ) {
			return $row;
		}
		$params = $request->get_json_params();
		$params = is_array( $params ) && array() !== $params ? $params : $request->get_body_params();
		if ( ! isset( $params['revision'] ) || ! is_numeric( $params['revision'] ) ) {
			return \Creators_Connect\Settings\Settings_Errors::invalid( array( 'revision' => __( 'The revision of the copy you edited is missing: reload the page.', 'creators-connect-for-amazon' ) ) );
		}
		$changes = array_intersect_key( $params, array_flip( array( 'enabled', 'credential_type', 'credential_id', 'credential_secret', 'partner_tag', 'api_version' ) ) );
		$updated = $this->rows->update( $row['country'], $changes, (int) $params['revision'] );
		if ( $updated instanceof \WP_Error ) {
			return $updated;
		}
		if ( array_key_exists( 'is_default', $params ) ) {
			if ( ! empty( $params['is_default'] ) ) {
				$this->rows->set_default( $updated['country'] );
			} else {
				$this->rows->clear_default( $updated['country'] );
			}
		}
		return $this->prepare_item_for_response( $updated, $request );
	}

	/**
	 * Removes a marketplace.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function delete_item( $request ): \WP_REST_Response|\WP_Error {
		$row = $this->find( $request );
		if ( $row instanceof \WP_Error ) {
			return $row;
		}
		$previous = $this->prepare_item_for_response( $row, $request )->get_data();
		$deleted  = $this->rows->delete( $row['country'] );
		if ( $deleted instanceof \WP_Error ) {
			return $deleted;
		}
		return new \WP_REST_Response(
			array(
				'deleted'  => true,
				'previous' => $previous,
			)
		);
	}

	/**
	 * Makes a marketplace the default (the previous default stops being one).
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function set_default( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		$row = $this->find( $request );
		if ( $row instanceof \WP_Error ) {
			return $row;
		}
		$result = $this->rows->set_default( $row['country'] );
		return $result instanceof \WP_Error ? $result : $this->prepare_item_for_response( $row, $request );
	}

	/**
	 * A row as the REST answer.
	 *
	 * @param mixed                                  $item    Stored row.
	 * @param \WP_REST_Request<array<string, mixed>> $request Request.
	 */
	public function prepare_item_for_response( $item, $request ): \WP_REST_Response {
		/**
		 * The stored row.
		 *
		 * @var Row $item
		 */
		$data    = $this->public->of( $item );
		$context = is_string( $request['context'] ?? null ) ? (string) $request['context'] : 'view';
		return new \WP_REST_Response( $this->filter_response_by_context( $data, $context ) );
	}

	/**
	 * The row of the request's country: 400 for an unknown country, 404 when not configured.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request Request.
	 * @return Row|\WP_Error
	 */
	private function find( \WP_REST_Request $request ): array|\WP_Error {
		$country = is_string( $request['country'] ) ? $request['country'] : '';
		$message = Credential_Rules::country_error( $country );
		if ( null !== $message ) {
			return \Creators_Connect\Settings\Settings_Errors::invalid( array( 'country' => $message ) );
		}
		$row = $this->rows->row( $country );
		if ( null === $row ) {
			return new \WP_Error( 'acapi_marketplace_not_found', __( 'This marketplace is not configured.', 'creators-connect-for-amazon' ), array( 'status' => 404 ) );
		}
		return $row;
	}

	/**
	 * The marketplace schema (draft-04). `credential_secret` is write-only: no context shows it.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		if ( is_array( $this->schema ) ) {
			return $this->add_additional_fields_schema( $this->schema );
		}
		$view         = array( 'view', 'edit' );
		$this->schema = array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'acapi-marketplace',
			'type'       => 'object',
			'properties' => array(
				'country'              => array(
					'description' => __( 'Country code of the marketplace (any case; gb is uk).', 'creators-connect-for-amazon' ),
					'type'        => 'string',
					'enum'        => array_keys( Marketplace_Registry::all() ),
					'context'     => $view,
					'required'    => true,
					// The registry also knows aliases and any case: it decides.
					'arg_options' => array(
						'validate_callback' => static function ( $value ): bool|\WP_Error {
							$message = Credential_Rules::country_error( is_string( $value ) ? $value : '' );
							return null === $message ? true : new \WP_Error( 'rest_invalid_param', $message );
						},
					),
				),
				'name'                 => array(
					'description' => __( 'Name of the marketplace.', 'creators-connect-for-amazon' ),
					'type'        => 'string',
					'context'     => $view,
					'readonly'    => true,
				),
				'region'               => array(
					'description' => __( 'Region group (NA, EU, FE).', 'creators-connect-for-amazon' ),
					'type'        => 'string',
					'enum'        => array( 'NA', 'EU', 'FE' ),
					'context'     => $view,
					'readonly'    => true,
				),
				'enabled'              => array(
					'description' => __( 'Whether the Creators API serves this marketplace.', 'creators-connect-for-amazon' ),
					'type'        => 'boolean',
					'context'     => $view,
					'default'     => true,
				),
				'credential_type'      => array(
					'description' => __( 'Cognito (v2.x versions), Login with Amazon (v3.x versions), or links_only (a partner tag and no API: plain tagged links).', 'creators-connect-for-amazon' ),
					'type'        => 'string',
					'enum'        => array_merge( Credential_Rules::TYPES, array( Credential_Rules::LINKS_ONLY ) ),
					'context'     => $view,
					'required'    => true,
				),
				'credential_id'        => array(
					'description' => __( 'Credential ID from Associates Central: a Login with Amazon (v3) client id or a Cognito (v2) app client id (empty for links only).', 'creators-connect-for-amazon' ),
					'type'        => 'string',
					// Empty for a links-only marketplace (Marketplace_Rows asks for it otherwise).
					'anyOf'       => array(
						array( 'pattern' => Credential_Rules::LWA_ID_PATTERN ),
						array( 'pattern' => Credential_Rules::COGNITO_ID_PATTERN ),
						array( 'maxLength' => 0 ),
					),
					'context'     => $view,
					'required'    => true,
				),
				'credential_secret'    => array(
					'description' => __( 'Credential Secret. Write-only; blank keeps the stored one.', 'creators-connect-for-amazon' ),
					'type'        => 'string',
					'maxLength'   => Credential_Rules::SECRET_MAX_LENGTH,
					'pattern'     => Credential_Rules::SECRET_PATTERN,
					'context'     => array(),
				),
				'suggested_type'       => array(
					'description' => __( 'The type the Credential ID\'s shape suggests.', 'creators-connect-for-amazon' ),
					'type'        => array( 'string', 'null' ),
					'enum'        => array( 'cognito', 'lwa', null ),
					'context'     => $view,
					'readonly'    => true,
				),
				'partner_tag'          => array(
					'description' => __( 'Partner tag (Associates tracking ID) of this marketplace.', 'creators-connect-for-amazon' ),
					'type'        => 'string',
					'pattern'     => Credential_Rules::PARTNER_TAG_PATTERN,
					'context'     => $view,
					'required'    => true,
				),
				'api_version'          => array(
					'description' => __( 'Creators API version. On write: an override where sources disagree (\'\' follows type and region).', 'creators-connect-for-amazon' ),
					'type'        => 'string',
					'context'     => $view,
				),
				'api_version_override' => array(
					'description' => __( 'The stored version override, \'\' when none.', 'creators-connect-for-amazon' ),
					'type'        => 'string',
					'context'     => $view,
					'readonly'    => true,
				),
				'secret_state'         => array(
					'description' => __( 'ok, unreadable (the encryption key changed: re-enter the secret) or missing.', 'creators-connect-for-amazon' ),
					'type'        => 'string',
					'enum'        => array( 'ok', 'unreadable', 'missing' ),
					'context'     => $view,
					'readonly'    => true,
				),
				'secret_mask'          => array(
					'description' => __( 'The secret\'s last characters behind bullets.', 'creators-connect-for-amazon' ),
					'type'        => 'string',
					'context'     => $view,
					'readonly'    => true,
				),
				'is_default'           => array(
					'description' => __( 'Whether this is the default marketplace.', 'creators-connect-for-amazon' ),
					'type'        => 'boolean',
					'context'     => $view,
				),
				'status'               => array(
					'description' => __( 'enabled, links_only (no API), disabled or not_configured.', 'creators-connect-for-amazon' ),
					'type'        => 'string',
					'enum'        => array( 'enabled', 'links_only', 'disabled', 'not_configured' ),
					'context'     => $view,
					'readonly'    => true,
				),
				'revision'             => array(
					'description' => __( 'Revision of the stored row; send it back with a change (409 when it is stale).', 'creators-connect-for-amazon' ),
					'type'        => 'integer',
					'context'     => $view,
				),
				'updated_at'           => array(
					'description' => __( 'Last change (ISO 8601, UTC).', 'creators-connect-for-amazon' ),
					'type'        => 'string',
					'format'      => 'date-time',
					'context'     => $view,
					'readonly'    => true,
				),
			),
		);
		return $this->add_additional_fields_schema( $this->schema );
	}
}
