<?php
/**
 * Reads Amazon's failed answers into the error vocabulary.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Amazon;

use Creators_Connect\Model\Amazon_Error;

/**
 * The wire side of Amazon_Error: a non-2xx Creators API answer, a non-2xx PA-API 5.0 answer and a
 * failed token answer, each turned into one error kind with Amazon's code and (redacted) message.
 * Knows the envelopes of docs/amazon-protocol.md §C6.1, §P7 and §C2; the kinds and their messages
 * are Amazon_Error's.
 */
final class Error_Response {

	/**
	 * Maps a non-2xx Creators API answer (docs/amazon-protocol.md §C6.1) to an error.
	 *
	 * The body is `{"type","message","reason"}`; the older Coral form `__type`
	 * (`com.amazon.creators#ThrottleException`) is accepted too, as is a `fieldList` of strings or objects.
	 *
	 * @param int                       $status  HTTP status.
	 * @param array<mixed>|null         $body    Decoded JSON body (null when not JSON).
	 * @param array<string, string|int> $context Non-secret context (version, marketplace, partner_tag).
	 * @param int|null                  $retry_after_header Retry-After header value, when sent.
	 */
	public static function from_creators_response( int $status, ?array $body, array $context = array(), ?int $retry_after_header = null ): Amazon_Error {
		$type    = self::exception_type( $body );
		$reason  = self::string_member( $body, 'reason' );
		$message = self::string_member( $body, 'message' );
		$code    = '' !== $reason ? $reason : $type;
		$retry   = isset( $body['retryAfterSeconds'] ) && is_numeric( $body['retryAfterSeconds'] ) ? (int) $body['retryAfterSeconds'] : $retry_after_header;

		if ( 429 === $status || 'ThrottleException' === $type ) {
			return new Amazon_Error( Amazon_Error::THROTTLED, 'creators', $status, '' !== $code ? $code : 'ThrottleException', $message, $retry, null, null, $context );
		}
		if ( $status >= 500 ) {
			return new Amazon_Error( Amazon_Error::SERVER_ERROR, 'creators', $status, $code, $message, $retry, null, null, $context );
		}
		if ( 'AssociateNotEligible' === $reason ) {
			return new Amazon_Error( Amazon_Error::NOT_ELIGIBLE, 'creators', $status, $reason, $message, null, null, null, $context );
		}
		if ( in_array( $reason, array( 'InvalidAssociate', 'InvalidPartnerTag' ), true ) ) {
			// InvalidAssociate is also Amazon's answer to credentials of another region (docs/amazon-protocol.md §C6.1).
			$hint = Amazon_Error::HINT_REGION_MISMATCH === Amazon_Error::credentials_hint( $context ) ? Amazon_Error::HINT_REGION_MISMATCH : null;
			return new Amazon_Error( Amazon_Error::INVALID_PARTNER_TAG, 'creators', $status, $reason, $message, null, null, $hint, $context );
		}
		if ( 401 === $status || 'UnauthorizedException' === $type || 'AuthorizationFailed' === $reason ) {
			$hint = 'InvalidIssuer' === $reason ? Amazon_Error::HINT_REGION_MISMATCH : Amazon_Error::credentials_hint( $context );
			return new Amazon_Error( Amazon_Error::INVALID_CREDENTIALS, 'creators', $status, $code, $message, null, null, $hint, $context );
		}
		if ( 403 === $status ) {
			return new Amazon_Error( Amazon_Error::INVALID_CREDENTIALS, 'creators', $status, $code, $message, null, null, Amazon_Error::credentials_hint( $context ), $context );
		}
		if ( 404 === $status ) {
			return new Amazon_Error( Amazon_Error::NOT_FOUND, 'creators', $status, '' !== $code ? $code : 'ResourceNotFoundException', $message, null, null, null, $context );
		}
		if ( null === $body && $status >= 200 && $status < 300 ) {
			return new Amazon_Error( Amazon_Error::MALFORMED_RESPONSE, 'creators', $status, '', '', null, null, null, $context );
		}
		return new Amazon_Error( Amazon_Error::INVALID_REQUEST, 'creators', $status, $code, self::with_fields( $message, $body ), null, null, null, $context );
	}

	/**
	 * Maps a non-2xx PA-API 5.0 answer (docs/amazon-protocol.md §P7) to an error, recognising the retirement answer.
	 *
	 * The body is `{"__type":"com.amazon.paapi5#XException","Errors":[{"Code","Message"}]}`; after the
	 * 2026-05-15 shutdown Amazon answers `AccessDenied` with "Product Advertising API is deprecated…"
	 * or a bare `{"__type":"AccessDeniedException","message":"…"}` (docs/amazon-protocol.md §P1): both are PAAPI_RETIRED.
	 *
	 * @param int                       $status  HTTP status.
	 * @param array<mixed>|null         $body    Decoded JSON body (null when not JSON).
	 * @param array<string, string|int> $context Non-secret context.
	 * @param int|null                  $retry_after_header Retry-After header value, when sent.
	 */
	public static function from_paapi_response( int $status, ?array $body, array $context = array(), ?int $retry_after_header = null ): Amazon_Error {
		$type    = self::exception_type( $body );
		$code    = '';
		$message = self::string_member( $body, 'message' );
		if ( isset( $body['Errors'] ) && is_array( $body['Errors'] ) && isset( $body['Errors'][0] ) && is_array( $body['Errors'][0] ) ) {
			$code    = self::string_member( $body['Errors'][0], 'Code' );
			$message = self::string_member( $body['Errors'][0], 'Message' );
		}
		if ( '' === $code ) {
			$code = self::string_member( $body, 'reason' );
		}
		$code = '' !== $code ? $code : $type;

		if ( self::is_retirement( $status, $code, $type, $message ) ) {
			return new Amazon_Error( Amazon_Error::PAAPI_RETIRED, 'paapi', $status, '' !== $code ? $code : 'AccessDenied', $message, null, null, null, $context );
		}
		if ( 429 === $status || 'TooManyRequests' === $code ) {
			return new Amazon_Error( Amazon_Error::THROTTLED, 'paapi', $status, '' !== $code ? $code : 'TooManyRequests', $message, $retry_after_header, null, null, $context );
		}
		if ( $status >= 500 ) {
			return new Amazon_Error( Amazon_Error::SERVER_ERROR, 'paapi', $status, $code, $message, $retry_after_header, null, null, $context );
		}
		if ( 'AssociateNotEligible' === $code || 'AssociateEligibilityException' === $type ) {
			return new Amazon_Error( Amazon_Error::NOT_ELIGIBLE, 'paapi', $status, '' !== $code ? $code : 'AssociateNotEligible', $message, null, null, null, $context );
		}
		if ( in_array( $code, array( 'InvalidAssociate', 'InvalidPartnerTag' ), true ) ) {
			return new Amazon_Error( Amazon_Error::INVALID_PARTNER_TAG, 'paapi', $status, $code, $message, null, null, null, $context );
		}
		if ( in_array( $code, array( 'InvalidSignature', 'IncompleteSignature', 'UnrecognizedClient', 'RequestExpired', 'AccessDenied', 'AccessDeniedAwsUsers' ), true ) || 401 === $status || 403 === $status ) {
			return new Amazon_Error( Amazon_Error::INVALID_CREDENTIALS, 'paapi', $status, $code, $message, null, null, Amazon_Error::HINT_CHECK_CREDENTIALS, $context );
		}
		if ( 404 === $status && 'UnknownOperation' !== $code ) {
			return new Amazon_Error( Amazon_Error::NOT_FOUND, 'paapi', $status, $code, $message, null, null, null, $context );
		}
		return new Amazon_Error( Amazon_Error::INVALID_REQUEST, 'paapi', $status, $code, $message, null, null, null, $context );
	}

	/**
	 * Maps a failed OAuth token answer (Cognito or Login with Amazon, docs/amazon-protocol.md §C2) to an error.
	 *
	 * @param int                       $status  HTTP status.
	 * @param array<mixed>|null         $body    Decoded JSON body (`{"error","error_description"}`).
	 * @param array<string, string|int> $context Non-secret context (version, marketplace, type).
	 * @param int|null                  $retry_after_header Retry-After header value, when sent.
	 */
	public static function from_token_response( int $status, ?array $body, array $context = array(), ?int $retry_after_header = null ): Amazon_Error {
		$code    = self::string_member( $body, 'error' );
		$message = self::string_member( $body, 'error_description' );
		if ( 429 === $status ) {
			return new Amazon_Error( Amazon_Error::THROTTLED, 'creators', $status, '' !== $code ? $code : 'TooManyRequests', $message, $retry_after_header, null, null, $context );
		}
		if ( $status >= 500 ) {
			return new Amazon_Error( Amazon_Error::SERVER_ERROR, 'creators', $status, $code, $message, $retry_after_header, null, null, $context );
		}
		if ( null === $body && $status >= 200 && $status < 300 ) {
			return new Amazon_Error( Amazon_Error::MALFORMED_RESPONSE, 'creators', $status, '', '', null, null, null, $context );
		}
		$hint = in_array( $code, array( 'invalid_scope', 'unsupported_grant_type' ), true ) ? Amazon_Error::HINT_TYPE_MISMATCH : Amazon_Error::credentials_hint( $context );
		return new Amazon_Error( Amazon_Error::INVALID_CREDENTIALS, 'creators', $status, '' !== $code ? $code : 'token_error', $message, null, null, $hint, $context );
	}

	/**
	 * Whether a PA-API answer is the retirement answer.
	 *
	 * @param int    $status  HTTP status.
	 * @param string $code    Error code.
	 * @param string $type    Exception type.
	 * @param string $message Message.
	 */
	private static function is_retirement( int $status, string $code, string $type, string $message ): bool {
		if ( in_array( $code, array( 'PaapiRetired', 'ApiRetired', 'Deprecated' ), true ) || 410 === $status ) {
			return true;
		}
		if ( 1 === preg_match( '/deprecated|retired|migrate to creators api|no longer available/i', $message ) ) {
			return true;
		}
		return 'AccessDeniedException' === $type && 1 === preg_match( '/unable to determine service\/operation name/i', $message );
	}

	/**
	 * The exception type of an error body: `type`, or `__type` without its `namespace#` prefix.
	 *
	 * @param array<mixed>|null $body Decoded body.
	 */
	private static function exception_type( ?array $body ): string {
		$type = self::string_member( $body, 'type' );
		if ( '' === $type ) {
			$type = self::string_member( $body, '__type' );
		}
		$hash = strrpos( $type, '#' );
		return false === $hash ? $type : substr( $type, $hash + 1 );
	}

	/**
	 * A string member of a decoded body, '' when absent or not a string.
	 *
	 * @param array<mixed>|null $body Decoded body.
	 * @param string            $key  Member name.
	 */
	private static function string_member( ?array $body, string $key ): string {
		return null !== $body && isset( $body[ $key ] ) && is_scalar( $body[ $key ] ) ? (string) $body[ $key ] : '';
	}

	/**
	 * Appends the names in a `fieldList` (strings or `{name,message}` objects) to a message.
	 *
	 * @param string            $message Message.
	 * @param array<mixed>|null $body    Decoded body.
	 */
	private static function with_fields( string $message, ?array $body ): string {
		if ( null === $body || ! isset( $body['fieldList'] ) || ! is_array( $body['fieldList'] ) ) {
			return $message;
		}
		$names = array();
		foreach ( $body['fieldList'] as $field ) {
			if ( is_string( $field ) ) {
				$names[] = $field;
			} elseif ( is_array( $field ) && isset( $field['name'] ) && is_string( $field['name'] ) ) {
				$names[] = $field['name'] . ( isset( $field['message'] ) && is_string( $field['message'] ) ? ': ' . $field['message'] : '' );
			}
		}
		return array() === $names ? $message : trim( $message . ' (' . implode( '; ', $names ) . ')' );
	}
}
