<?php
/**
 * The settings' error answers, shaped for the REST API.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Settings;

/**
 * The errors every settings write answers with: invalid fields (core's `rest_invalid_param`
 * shape, a message per field), a marketplace that is not configured (404) and a write made from a
 * stale copy (409).
 */
final class Settings_Errors {

	/**
	 * The error for invalid fields, shaped like core's `rest_invalid_param`.
	 *
	 * @param array<string, string> $errors Message per field.
	 */
	public static function invalid( array $errors ): \WP_Error {
		$details = array();
		foreach ( $errors as $field => $message ) {
			$details[ $field ] = array(
				'code'    => 'rest_invalid_param',
				'message' => $message,
				'data'    => null,
			);
		}
		return new \WP_Error(
			'rest_invalid_param',
			/* translators: %s: comma-separated list of field names. */
			sprintf( __( 'Invalid parameter(s): %s', 'creators-connect-for-amazon' ), implode( ', ', array_keys( $errors ) ) ),
			array(
				'status'  => 400,
				'params'  => $errors,
				'details' => $details,
			)
		);
	}

	/**
	 * The error for a marketplace that has no settings.
	 */
	public static function not_configured(): \WP_Error {
		return new \WP_Error( 'acapi_marketplace_not_found', __( 'This marketplace is not configured.', 'creators-connect-for-amazon' ), array( 'status' => 404 ) );
	}

	/**
	 * The error for a write made from a stale copy.
	 */
	public static function stale(): \WP_Error {
		return new \WP_Error( 'acapi_marketplace_stale', __( 'Someone else changed this marketplace since you opened it. Reload the page to see their changes, then make yours again.', 'creators-connect-for-amazon' ), array( 'status' => 409 ) );
	}
}
