<?php
/**
 * REST route that tests a marketplace's Creators API credentials against Amazon.
 *
 * @package Amazon_Creators_API
 */

declare( strict_types = 1 );

namespace Amazon_Creators_API\Rest;

use Amazon_Creators_API\Amazon\Amazon_Error;
use Amazon_Creators_API\Amazon\Amazon_Exception;
use Amazon_Creators_API\Amazon\Creators_Client;
use Amazon_Creators_API\Amazon\Token_Provider;
use Amazon_Creators_API\Settings\Credential_Rules;
use Amazon_Creators_API\Settings\Settings_Repository;

/**
 * `POST /marketplaces/<country>/test`: fetches a fresh token and makes one real search through
 * Creators_Client with the stored credentials (enabled or not), then answers in plain language:
 * `{ok, message, hint, kind, api_version, credential_type}` with status 200 either way (the test
 * ran; its verdict is in `ok`).
 */
final class Test_Connection_Controller extends Settings_Controller_Base {

	/**
	 * The Creators API client.
	 *
	 * @var Creators_Client
	 */
	private Creators_Client $client;

	/**
	 * The client's token provider (its cached token is dropped first, so the test uses the stored secret).
	 *
	 * @var Token_Provider
	 */
	private Token_Provider $tokens;

	/**
	 * Builds the controller.
	 *
	 * @param Settings_Repository $settings The settings.
	 * @param Creators_Client     $client   Client built on $tokens.
	 * @param Token_Provider      $tokens   Token provider.
	 */
	public function __construct( Settings_Repository $settings, Creators_Client $client, Token_Provider $tokens ) {
		parent::__construct( $settings, 'marketplaces' );
		$this->client = $client;
		$this->tokens = $tokens;
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
							'description' => __( 'Country code of the marketplace.', 'amazon-creators-api' ),
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
		$country = is_string( $request['country'] ) ? $request['country'] : '';
		$message = Credential_Rules::country_error( $country );
		if ( null !== $message ) {
			return Settings_Repository::invalid( array( 'country' => $message ) );
		}
		$row = $this->settings->row( $country );
		if ( null === $row ) {
			return new \WP_Error( 'acapi_marketplace_not_found', __( 'This marketplace is not configured.', 'amazon-creators-api' ), array( 'status' => 404 ) );
		}
		$version = $this->settings->effective_version( $row );
		$answer  = array(
			'ok'              => false,
			'country'         => $row['country'],
			'api_version'     => $version,
			'credential_type' => $row['credential_type'],
			'kind'            => null,
			'message'         => '',
			'hint'            => null,
		);

		$credentials = $this->settings->credentials_of( $row );
		if ( null === $credentials ) {
			$answer['kind']    = 'secret_unreadable';
			$answer['message'] = __( 'The stored Credential Secret can no longer be read (the site\'s encryption key changed). Re-enter this secret.', 'amazon-creators-api' );
			return new \WP_REST_Response( $answer );
		}

		$this->tokens->forget( $credentials );
		try {
			$this->client->search_items(
				$credentials,
				array(
					'keywords'   => 'book',
					'item_count' => 1,
				)
			);
		} catch ( Amazon_Exception $exception ) {
			$error             = $exception->error();
			$answer['kind']    = $error->kind;
			$answer['message'] = $error->message();
			$answer['hint']    = $this->shape_hint( $row['credential_id'], $row['credential_type'] );
			return new \WP_REST_Response( $answer );
		}

		$answer['ok']      = true;
		$answer['message'] = sprintf(
			/* translators: 1: API version (3.1), 2: credential type (Cognito (v2) or Login with Amazon (v3)). */
			__( 'Connected. Amazon accepted the credentials: Creators API version %1$s, %2$s.', 'amazon-creators-api' ),
			$version,
			self::type_label( $row['credential_type'] )
		);
		$answer['hint'] = $this->shape_hint( $row['credential_id'], $row['credential_type'] );
		return new \WP_REST_Response( $answer );
	}

	/**
	 * A hint when the Credential ID's shape disagrees with the chosen type.
	 *
	 * @param string $credential_id Credential ID.
	 * @param string $type          Chosen type.
	 */
	private function shape_hint( string $credential_id, string $type ): ?string {
		$suggested = Credential_Rules::suggested_type( $credential_id );
		if ( null === $suggested || $suggested === $type ) {
			return null;
		}
		return sprintf(
			/* translators: 1: the type the ID suggests, 2: the chosen type. */
			__( 'These look like %1$s credentials but the type is set to %2$s. Change the credential type and test again.', 'amazon-creators-api' ),
			self::type_label( $suggested ),
			self::type_label( $type )
		);
	}

	/**
	 * A credential type's name.
	 *
	 * @param string $type `cognito` or `lwa`.
	 */
	private static function type_label( string $type ): string {
		return 'lwa' === $type ? __( 'LWA (v3)', 'amazon-creators-api' ) : __( 'Cognito (v2)', 'amazon-creators-api' );
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
					'description' => __( 'Whether Amazon accepted the credentials.', 'amazon-creators-api' ),
					'type'        => 'boolean',
					'context'     => $view,
					'readonly'    => true,
				),
				'country'         => array(
					'description' => __( 'Country code of the marketplace.', 'amazon-creators-api' ),
					'type'        => 'string',
					'context'     => $view,
					'readonly'    => true,
				),
				'api_version'     => array(
					'description' => __( 'The Creators API version used.', 'amazon-creators-api' ),
					'type'        => 'string',
					'context'     => $view,
					'readonly'    => true,
				),
				'credential_type' => array(
					'description' => __( 'The credential type used.', 'amazon-creators-api' ),
					'type'        => 'string',
					'enum'        => Credential_Rules::TYPES,
					'context'     => $view,
					'readonly'    => true,
				),
				'kind'            => array(
					'description' => __( 'The error kind (Amazon_Error) when the test failed, or secret_unreadable.', 'amazon-creators-api' ),
					'type'        => array( 'string', 'null' ),
					'enum'        => array_merge( Amazon_Error::KINDS, array( 'secret_unreadable', null ) ),
					'context'     => $view,
					'readonly'    => true,
				),
				'message'         => array(
					'description' => __( 'The verdict in plain language.', 'amazon-creators-api' ),
					'type'        => 'string',
					'context'     => $view,
					'readonly'    => true,
				),
				'hint'            => array(
					'description' => __( 'What to change, when something looks wrong.', 'amazon-creators-api' ),
					'type'        => array( 'string', 'null' ),
					'context'     => $view,
					'readonly'    => true,
				),
			),
		);
		return $this->schema;
	}
}
