<?php
/**
 * Tests a marketplace's Creators API credentials against Amazon (REST and WP-CLI share it).
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Settings;

use Creators_Connect\Amazon\Amazon_Exception;
use Creators_Connect\Amazon\Creators_Client;
use Creators_Connect\Amazon\Token_Provider;

/**
 * Fetches a fresh token and makes one real search through Creators_Client with the stored
 * credentials (enabled or not), then answers in plain language:
 * `{ok, country, api_version, credential_type, kind, message, hint}`.
 *
 * @phpstan-type Answer array{ok: bool, country: string, api_version: string, credential_type: string, kind: string|null, message: string, hint: string|null}
 */
final class Connection_Tester {

	/**
	 * The marketplace entries.
	 *
	 * @var Marketplace_Rows
	 */
	private Marketplace_Rows $rows;

	/**
	 * Opens an entry's credentials (enabled or not).
	 *
	 * @var Stored_Credentials
	 */
	private Stored_Credentials $credentials;

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
	 * Builds the tester.
	 *
	 * @param Marketplace_Rows   $rows        The marketplace entries.
	 * @param Stored_Credentials $credentials Opens an entry's credentials.
	 * @param Creators_Client    $client      Client built on $tokens.
	 * @param Token_Provider     $tokens      Token provider.
	 */
	public function __construct( Marketplace_Rows $rows, Stored_Credentials $credentials, Creators_Client $client, Token_Provider $tokens ) {
		$this->rows        = $rows;
		$this->credentials = $credentials;
		$this->client      = $client;
		$this->tokens      = $tokens;
	}

	/**
	 * Runs the test of a marketplace.
	 *
	 * @param string $country Country code.
	 * @return Answer|\WP_Error The verdict; a WP_Error (status 400 or 404) when the country is invalid or not configured.
	 */
	public function test( string $country ): array|\WP_Error {
		$message = Credential_Rules::country_error( $country );
		if ( null !== $message ) {
			return Settings_Errors::invalid( array( 'country' => $message ) );
		}
		$row = $this->rows->row( $country );
		if ( null === $row ) {
			return new \WP_Error( 'acapi_marketplace_not_found', __( 'This marketplace is not configured.', 'creators-connect-for-amazon' ), array( 'status' => 404 ) );
		}
		$version = Credential_Rules::effective_version( $row );
		$answer  = array(
			'ok'              => false,
			'country'         => $row['country'],
			'api_version'     => $version,
			'credential_type' => $row['credential_type'],
			'kind'            => null,
			'message'         => '',
			'hint'            => null,
		);

		$credentials = $this->credentials->credentials_of( $row );
		if ( null === $credentials ) {
			$answer['kind']    = 'secret_unreadable';
			$answer['message'] = __( 'The stored Credential Secret can no longer be read (the site\'s encryption key changed). Re-enter this secret.', 'creators-connect-for-amazon' );
			return $answer;
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
			$answer['hint']    = self::shape_hint( $row['credential_id'], $row['credential_type'] );
			return $answer;
		}

		$answer['ok'] = true;
		Getting_Started::record_connection_test( $row['country'] );
		$answer['message'] = sprintf(
			/* translators: 1: API version (3.1), 2: credential type (Cognito (v2) or Login with Amazon (v3)). */
			__( 'Connected. Amazon accepted the credentials: Creators API version %1$s, %2$s.', 'creators-connect-for-amazon' ),
			$version,
			self::type_label( $row['credential_type'] )
		);
		$answer['hint'] = self::shape_hint( $row['credential_id'], $row['credential_type'] );
		return $answer;
	}

	/**
	 * A hint when the Credential ID's shape disagrees with the chosen type.
	 *
	 * @param string $credential_id Credential ID.
	 * @param string $type          Chosen type.
	 */
	private static function shape_hint( string $credential_id, string $type ): ?string {
		$suggested = Credential_Rules::suggested_type( $credential_id );
		if ( null === $suggested || $suggested === $type ) {
			return null;
		}
		return sprintf(
			/* translators: 1: the type the ID suggests, 2: the chosen type. */
			__( 'These look like %1$s credentials but the type is set to %2$s. Change the credential type and test again.', 'creators-connect-for-amazon' ),
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
		return 'lwa' === $type ? __( 'LWA (v3)', 'creators-connect-for-amazon' ) : __( 'Cognito (v2)', 'creators-connect-for-amazon' );
	}
}
