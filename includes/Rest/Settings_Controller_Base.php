<?php
/**
 * What every settings route shares: the namespace, the capability check, the argument checks.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Rest;

/**
 * Base of the settings controllers. Every route needs `manage_options`; the REST cookie
 * authentication (with its nonce) is WordPress's own.
 */
abstract class Settings_Controller_Base extends Rest_Controller {

	/**
	 * Only administrators (manage_options) may read or change these settings.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request Request.
	 * @return true|\WP_Error
	 */
	public function permissions_check( $request ): bool|\WP_Error {
		unset( $request );
		return self::allow( 'manage_options', __( 'Sorry, you are not allowed to manage the Amazon settings.', 'creators-connect-for-amazon' ) );
	}

	/**
	 * Endpoint args from the item schema, each checked by WordPress (rest_validate_value_from_schema(),
	 * on the trimmed value: the store trims before it writes). A field the schema refuses gets
	 * its plain-language message from field_error() (core's message when there is none), and every
	 * invalid field is named in one answer (`data.params`). `required` is left to the store,
	 * which names a missing field with its own message and may infer it (the credential type). An
	 * argument with a validate_callback of its own (`arg_options`) keeps it.
	 *
	 * @param string $method WP_REST_Server method constant.
	 * @return array<string, array<string, mixed>>
	 */
	protected function schema_args( string $method ): array {
		$args = $this->get_endpoint_args_for_item_schema( $method );
		foreach ( $args as $name => $arg ) {
			unset( $arg['required'] );
			if ( 'rest_validate_request_arg' === $arg['validate_callback'] ) {
				$schema                   = $arg;
				$arg['validate_callback'] = fn( $value, $request, $param ) => $this->validate_field( $value, $schema, (string) $param );
			}
			$args[ $name ] = $arg;
		}
		return $args;
	}

	/**
	 * Checks one argument against its schema.
	 *
	 * @param mixed                $value  The value sent.
	 * @param array<string, mixed> $schema The argument's schema.
	 * @param string               $param  The argument's name.
	 * @return true|\WP_Error
	 */
	private function validate_field( $value, array $schema, string $param ): bool|\WP_Error {
		$valid = rest_validate_value_from_schema( is_string( $value ) ? trim( $value ) : $value, $schema, $param );
		if ( ! $valid instanceof \WP_Error ) {
			return true;
		}
		$message = is_string( $value ) ? $this->field_error( $param, $value ) : null;
		return null === $message ? $valid : new \WP_Error( 'rest_invalid_param', $message );
	}

	/**
	 * The plain-language message of a field the schema refused, or null for core's.
	 *
	 * @param string $field Field name.
	 * @param string $value The value sent.
	 */
	protected function field_error( string $field, string $value ): ?string {
		unset( $field, $value );
		return null;
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
