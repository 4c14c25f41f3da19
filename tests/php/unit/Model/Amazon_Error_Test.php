<?php
/**
 * Unit tests of the error vocabulary and its mapping from Amazon's answers.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Unit\Model;

use Creators_Connect\Amazon\Error_Response;
use Creators_Connect\Model\Amazon_Error;
use Creators_Connect\Amazon\Amazon_Exception;
use PHPUnit\Framework\TestCase;

/**
 * Amazon_Error.
 */
final class Amazon_Error_Test extends TestCase {

	/**
	 * Creators API error bodies (docs/amazon-protocol.md §C6.1) → kinds.
	 *
	 * @return array<string, array{int, array<string, mixed>|null, string, string}>
	 */
	public static function creators_answers(): array {
		return array(
			'not eligible'         => array(
				403,
				array(
					'message' => 'Your account does not currently meet the eligibility requirements.',
					'reason'  => 'AssociateNotEligible',
					'type'    => 'AccessDeniedException',
				),
				Amazon_Error::NOT_ELIGIBLE,
				'AssociateNotEligible',
			),
			'invalid associate'    => array(
				400,
				array(
					'type'    => 'ValidationException',
					'reason'  => 'InvalidAssociate',
					'message' => 'Your credential is not linked to the partner tag in the request for the given Marketplace.',
				),
				Amazon_Error::INVALID_PARTNER_TAG,
				'InvalidAssociate',
			),
			'invalid partner tag'  => array(
				400,
				array(
					'type'    => 'ValidationException',
					'reason'  => 'InvalidPartnerTag',
					'message' => 'x',
				),
				Amazon_Error::INVALID_PARTNER_TAG,
				'InvalidPartnerTag',
			),
			'token expired'        => array(
				401,
				array(
					'type'    => 'UnauthorizedException',
					'reason'  => 'TokenExpired',
					'message' => 'Authentication token has expired.',
				),
				Amazon_Error::INVALID_CREDENTIALS,
				'TokenExpired',
			),
			'invalid issuer'       => array(
				401,
				array(
					'type'    => 'UnauthorizedException',
					'reason'  => 'InvalidIssuer',
					'message' => 'x',
				),
				Amazon_Error::INVALID_CREDENTIALS,
				'InvalidIssuer',
			),
			'throttled'            => array(
				429,
				array(
					'type'    => 'ThrottleException',
					'message' => 'The request was denied due to request throttling.',
				),
				Amazon_Error::THROTTLED,
				'ThrottleException',
			),
			'coral __type'         => array(
				429,
				array(
					'__type'  => 'com.amazon.creators#ThrottleException',
					'message' => 'x',
				),
				Amazon_Error::THROTTLED,
				'ThrottleException',
			),
			'server error'         => array(
				500,
				array(
					'type'    => 'InternalServerException',
					'message' => 'An unexpected error occurred while processing your request.',
				),
				Amazon_Error::SERVER_ERROR,
				'InternalServerException',
			),
			'server error no body' => array( 503, null, Amazon_Error::SERVER_ERROR, '' ),
			'not found'            => array(
				404,
				array(
					'type'         => 'ResourceNotFoundException',
					'message'      => 'No items found for the requested item IDs.',
					'resourceType' => 'Item',
				),
				Amazon_Error::NOT_FOUND,
				'ResourceNotFoundException',
			),
			'validation'           => array(
				400,
				array(
					'type'    => 'ValidationException',
					'reason'  => 'FieldValidationFailed',
					'message' => '1 validation error detected',
				),
				Amazon_Error::INVALID_REQUEST,
				'FieldValidationFailed',
			),
		);
	}

	/**
	 * Mapping of Creators API answers.
	 *
	 * @dataProvider creators_answers
	 *
	 * @param int                       $status HTTP status.
	 * @param array<string, mixed>|null $body   Body.
	 * @param string                    $kind   Expected kind.
	 * @param string                    $code   Expected code.
	 */
	public function test_creators_mapping( int $status, ?array $body, string $kind, string $code ): void {
		$error = Error_Response::from_creators_response( $status, $body );
		$this->assertSame( $kind, $error->kind );
		$this->assertSame( $code, $error->code );
		$this->assertSame( $status, $error->http_status );
		$this->assertSame( 'creators', $error->api );
	}

	/**
	 * Retry-after comes from the body's retryAfterSeconds, else the header.
	 */
	public function test_retry_after(): void {
		$this->assertSame(
			2,
			Error_Response::from_creators_response(
				429,
				array(
					'type'              => 'ThrottleException',
					'retryAfterSeconds' => 2,
				),
				array(),
				7
			)->retry_after
		);
		$this->assertSame( 7, Error_Response::from_creators_response( 429, array( 'type' => 'ThrottleException' ), array(), 7 )->retry_after );
		$this->assertTrue( Error_Response::from_creators_response( 429, null )->is_transient() );
	}

	/**
	 * Field lists of strings or objects are appended to the detail.
	 */
	public function test_field_list_shapes(): void {
		$strings = Error_Response::from_creators_response(
			400,
			array(
				'type'      => 'ValidationException',
				'reason'    => 'FieldValidationFailed',
				'message'   => 'Request validation failed.',
				'fieldList' => array( 'partnerTag' ),
			)
		);
		$this->assertSame( 'Request validation failed. (partnerTag)', $strings->detail );
		$objects = Error_Response::from_creators_response(
			400,
			array(
				'type'      => 'ValidationException',
				'reason'    => 'FieldValidationFailed',
				'message'   => 'Request validation failed.',
				'fieldList' => array(
					array(
						'name'    => 'x-marketplace',
						'message' => 'missing',
					),
				),
			)
		);
		$this->assertSame( 'Request validation failed. (x-marketplace: missing)', $objects->detail );
	}

	/**
	 * Credential hints: type vs version, version vs marketplace region.
	 */
	public function test_credential_hints(): void {
		$type = Error_Response::from_token_response(
			400,
			array( 'error' => 'invalid_client' ),
			array(
				'type'        => 'lwa',
				'version'     => '2.2',
				'marketplace' => 'de',
			)
		);
		$this->assertSame( Amazon_Error::INVALID_CREDENTIALS, $type->kind );
		$this->assertSame( Amazon_Error::HINT_TYPE_MISMATCH, $type->hint );

		$region = Error_Response::from_token_response(
			401,
			array(
				'error'             => 'invalid_client',
				'error_description' => 'Client authentication failed',
			),
			array(
				'type'        => 'lwa',
				'version'     => '3.1',
				'marketplace' => 'de',
			)
		);
		$this->assertSame( Amazon_Error::HINT_REGION_MISMATCH, $region->hint );

		$plain = Error_Response::from_token_response(
			400,
			array( 'error' => 'invalid_client' ),
			array(
				'type'        => 'cognito',
				'version'     => '2.2',
				'marketplace' => 'de',
			)
		);
		$this->assertSame( Amazon_Error::HINT_CHECK_CREDENTIALS, $plain->hint );

		$scope = Error_Response::from_token_response(
			400,
			array( 'error' => 'invalid_scope' ),
			array(
				'type'    => 'cognito',
				'version' => '2.2',
			)
		);
		$this->assertSame( Amazon_Error::HINT_TYPE_MISMATCH, $scope->hint );

		$this->assertSame( Amazon_Error::SERVER_ERROR, Error_Response::from_token_response( 502, null )->kind );

		$associate = Error_Response::from_creators_response(
			400,
			array(
				'type'    => 'ValidationException',
				'reason'  => 'InvalidAssociate',
				'message' => 'x',
			),
			array(
				'type'        => 'cognito',
				'version'     => '2.1',
				'marketplace' => 'de',
			)
		);
		$this->assertSame( Amazon_Error::INVALID_PARTNER_TAG, $associate->kind );
		$this->assertSame( Amazon_Error::HINT_REGION_MISMATCH, $associate->hint, 'NA credentials used in DE' );
	}

	/**
	 * PA-API answers (docs/amazon-protocol.md §P7, §P1), the retirement answer included.
	 *
	 * @return array<string, array{int, array<string, mixed>|null, string}>
	 */
	public static function paapi_answers(): array {
		return array(
			'retired (deprecated text)' => array(
				403,
				array(
					'__type' => 'com.amazon.paapi5#AccessDeniedException',
					'Errors' => array(
						array(
							'Code'    => 'AccessDenied',
							'Message' => 'Product Advertising API is deprecated. Please migrate to Creators API using the migration guide at https://affiliate-program.amazon.com/creatorsapi/docs/en-us/migrating-to-creatorsapi-from-paapi.',
						),
					),
				),
				Amazon_Error::PAAPI_RETIRED,
			),
			'retired (bare)'            => array(
				401,
				array(
					'__type'  => 'AccessDeniedException',
					'message' => 'Unable to determine service/operation name to be authorized',
				),
				Amazon_Error::PAAPI_RETIRED,
			),
			'access denied (key)'       => array(
				403,
				array(
					'__type' => 'com.amazon.paapi5#AccessDeniedException',
					'Errors' => array(
						array(
							'Code'    => 'AccessDenied',
							'Message' => 'The Access Key is not enabled for accessing Product Advertising API.',
						),
					),
				),
				Amazon_Error::INVALID_CREDENTIALS,
			),
			'invalid signature'         => array(
				401,
				array(
					'__type' => 'com.amazon.paapi5#InvalidSignatureException',
					'Errors' => array(
						array(
							'Code'    => 'InvalidSignature',
							'Message' => 'The request has not been correctly signed.',
						),
					),
				),
				Amazon_Error::INVALID_CREDENTIALS,
			),
			'unrecognized client'       => array(
				401,
				array(
					'__type' => 'com.amazon.paapi5#UnrecognizedClientException',
					'Errors' => array(
						array(
							'Code'    => 'UnrecognizedClient',
							'Message' => 'x',
						),
					),
				),
				Amazon_Error::INVALID_CREDENTIALS,
			),
			'too many requests'         => array(
				429,
				array(
					'__type' => 'com.amazon.paapi5#TooManyRequestsException',
					'Errors' => array(
						array(
							'Code'    => 'TooManyRequests',
							'Message' => 'The request was denied due to request throttling.',
						),
					),
				),
				Amazon_Error::THROTTLED,
			),
			'not eligible'              => array(
				403,
				array(
					'__type' => 'com.amazon.paapi5#AccessDeniedException',
					'Errors' => array(
						array(
							'Code'    => 'AssociateNotEligible',
							'Message' => 'Your account does not currently meet the eligibility requirements to access the Product Advertising API.',
						),
					),
				),
				Amazon_Error::NOT_ELIGIBLE,
			),
			'invalid associate'         => array(
				403,
				array(
					'__type' => 'com.amazon.paapi5#AssociateValidationException',
					'Errors' => array(
						array(
							'Code'    => 'InvalidAssociate',
							'Message' => 'x',
						),
					),
				),
				Amazon_Error::INVALID_PARTNER_TAG,
			),
			'invalid partner tag'       => array(
				400,
				array(
					'__type' => 'com.amazon.paapi5#InvalidPartnerTagException',
					'Errors' => array(
						array(
							'Code'    => 'InvalidPartnerTag',
							'Message' => 'x',
						),
					),
				),
				Amazon_Error::INVALID_PARTNER_TAG,
			),
			'validation'                => array(
				400,
				array(
					'__type' => 'com.amazon.paapi5#ValidationException',
					'Errors' => array(
						array(
							'Code'    => 'InvalidParameterValue',
							'Message' => 'The value [x] provided in the request for ItemIds is invalid.',
						),
					),
				),
				Amazon_Error::INVALID_REQUEST,
			),
			'server'                    => array( 500, null, Amazon_Error::SERVER_ERROR ),
		);
	}

	/**
	 * Mapping of PA-API answers.
	 *
	 * @dataProvider paapi_answers
	 *
	 * @param int                       $status HTTP status.
	 * @param array<string, mixed>|null $body   Body.
	 * @param string                    $kind   Expected kind.
	 */
	public function test_paapi_mapping( int $status, ?array $body, string $kind ): void {
		$error = Error_Response::from_paapi_response( $status, $body );
		$this->assertSame( $kind, $error->kind );
		$this->assertSame( 'paapi', $error->api );
	}

	/**
	 * Per-item codes.
	 */
	public function test_item_errors(): void {
		$this->assertSame( Amazon_Error::ITEM_NOT_ACCESSIBLE, Amazon_Error::for_item( 'creators', 'ItemNotAccessible', 'm', 'B01180YUXS' )->kind );
		$this->assertSame( Amazon_Error::INVALID_ASIN, Amazon_Error::for_item( 'creators', 'InvalidParameterValue', 'm', 'B01180YUXS' )->kind );
		$this->assertSame( Amazon_Error::NOT_FOUND, Amazon_Error::for_item( 'paapi', 'ItemNotFound', 'm', 'B01180YUXS' )->kind );
		$this->assertTrue( Amazon_Error::for_item( 'creators', 'ItemNotAccessible', 'm', 'B01180YUXS' )->is_item_error() );
	}

	/**
	 * Tokens, secrets and keys never survive into an error's text.
	 */
	public function test_redaction(): void {
		$text  = 'client_secret=amzn1.oa2-cs.v1.abcdef0123 token Atc|MQEBIExampleTokenValue jwt eyJraWQiOiJ.eyJzdWIiOiJ.c2ln key AKIAIOSFODNN7EXAMPLE Bearer abc.def secret=hunter2';
		$clean = Amazon_Error::redact( $text );
		foreach ( array( 'amzn1.oa2-cs', 'MQEBIExampleTokenValue', 'eyJraWQiOiJ', 'AKIAIOSFODNN7EXAMPLE', 'abc.def', 'hunter2' ) as $secret ) {
			$this->assertStringNotContainsString( $secret, $clean );
		}
		$error = new Amazon_Error( Amazon_Error::INVALID_REQUEST, 'creators', 400, 'X', $text );
		$this->assertStringNotContainsString( 'hunter2', $error->detail );
		$this->assertLessThanOrEqual( 300, strlen( Amazon_Error::redact( str_repeat( 'x', 1000 ) ) ) );
	}

	/**
	 * Round trip of to_array()/from_array(); the exception carries the error and a secret-free message.
	 */
	public function test_round_trip_and_exception(): void {
		$error = new Amazon_Error( Amazon_Error::THROTTLED, 'creators', 429, 'ThrottleException', 'slow down', 3, 'B000000001', null, array( 'marketplace' => 'de' ) );
		$this->assertEquals( $error, Amazon_Error::from_array( $error->to_array() ) );
		$exception = new Amazon_Exception( $error );
		$this->assertSame( $error, $exception->error() );
		$this->assertSame( 'Amazon error: throttled api=creators status=429 code=ThrottleException asin=B000000001 retry_after=3', $exception->getMessage() );
		$this->assertSame( 429, $error->rest_status() );
		$this->assertSame( $error->summary(), $error->message(), 'outside WordPress message() falls back to the summary' );
	}

	/**
	 * Every kind has a REST status and a classification.
	 */
	public function test_every_kind_is_classified(): void {
		foreach ( Amazon_Error::KINDS as $kind ) {
			$error  = new Amazon_Error( $kind );
			$status = $error->rest_status();
			$this->assertGreaterThanOrEqual( 400, $status );
			$this->assertLessThan( 600, $status );
			$this->assertFalse( $error->is_item_error() && $error->is_configuration_error() );
		}
	}
}
