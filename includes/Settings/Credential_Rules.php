<?php
/**
 * What a well-formed marketplace entry looks like: the patterns and limits the REST schemas carry,
 * and a plain-language message per field (the settings screen gets the patterns through
 * tools/export-settings-schema.php).
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Settings;

use Creators_Connect\Marketplace\Marketplace_Registry;

/**
 * Field rules and their plain-language messages.
 *
 * @phpstan-import-type Row from Marketplace_Rows
 */
final class Credential_Rules {

	/**
	 * Login with Amazon (v3) client ids: `amzn1.application-oa2-client.` and 32 letters and digits.
	 * The patterns here are JSON-schema patterns (no delimiters, no flags): the REST schemas carry
	 * them, WordPress checks them (rest_validate_json_schema_pattern()), and the settings screen gets
	 * them through tools/export-settings-schema.php.
	 */
	public const LWA_ID_PATTERN = '^amzn1\\.application-oa2-client\\.[A-Za-z0-9]{32}$';

	/**
	 * The prefix that marks an LWA client id.
	 */
	public const LWA_ID_PREFIX = 'amzn1.application-oa2-client.';

	/**
	 * Cognito (v2) app client ids: letters and digits, 20 to 128 of them.
	 */
	public const COGNITO_ID_PATTERN = '^[A-Za-z0-9]{20,128}$';

	/**
	 * Partner tags (Associates tracking ids): letters, digits, `.`, `_`, `-`, at most 128.
	 */
	public const PARTNER_TAG_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$';

	/**
	 * Secrets (Creators API and PA-API): no white space.
	 */
	public const SECRET_PATTERN = '^\\S*$';

	/**
	 * The longest Creators API secret.
	 */
	public const SECRET_MAX_LENGTH = 512;

	/**
	 * PA-API access keys: 16 to 128 capital letters and digits; '' clears the PA-API keys.
	 */
	public const ACCESS_KEY_PATTERN = '^$|^[A-Z0-9]{16,128}$';

	/**
	 * The longest PA-API secret key.
	 */
	public const PAAPI_SECRET_MAX_LENGTH = 256;

	/**
	 * The credential types.
	 */
	public const TYPES = array( 'cognito', 'lwa' );

	/**
	 * The "type" of a marketplace with a partner tag and no API credentials: its products are
	 * plain tagged links until credentials are added.
	 */
	public const LINKS_ONLY = 'links_only';

	/**
	 * The credential type an id's shape suggests, or null when the id is malformed.
	 *
	 * @param string $credential_id Credential ID.
	 */
	public static function suggested_type( string $credential_id ): ?string {
		$id = trim( $credential_id );
		if ( rest_validate_json_schema_pattern( self::LWA_ID_PATTERN, $id ) ) {
			return 'lwa';
		}
		if ( rest_validate_json_schema_pattern( self::COGNITO_ID_PATTERN, $id ) ) {
			return 'cognito';
		}
		return null;
	}

	/**
	 * The error message of a credential id, or null when it is well-formed.
	 *
	 * @param string $credential_id Credential ID.
	 */
	public static function credential_id_error( string $credential_id ): ?string {
		$id = trim( $credential_id );
		if ( '' === $id ) {
			return __( 'Enter the Credential ID.', 'creators-connect-for-amazon' );
		}
		if ( null !== self::suggested_type( $id ) ) {
			return null;
		}
		if ( str_starts_with( strtolower( $id ), self::LWA_ID_PREFIX ) ) {
			return __( 'This Credential ID starts like a Login with Amazon (v3) id but is incomplete: it should be amzn1.application-oa2-client. followed by 32 letters and digits.', 'creators-connect-for-amazon' );
		}
		return __( 'This does not look like a Credential ID: a Cognito (v2) id has 20 or more letters and digits, a Login with Amazon (v3) id starts with amzn1.application-oa2-client.', 'creators-connect-for-amazon' );
	}

	/**
	 * The error message of a partner tag, or null when it is well-formed.
	 *
	 * @param string $partner_tag Partner tag.
	 */
	public static function partner_tag_error( string $partner_tag ): ?string {
		$tag = trim( $partner_tag );
		if ( '' === $tag ) {
			return __( 'Enter the partner tag (your Associates tracking ID for this marketplace, e.g. mysite-21).', 'creators-connect-for-amazon' );
		}
		if ( ! rest_validate_json_schema_pattern( self::PARTNER_TAG_PATTERN, $tag ) ) {
			return __( 'A partner tag has only letters, digits, dots, underscores and hyphens (e.g. mysite-21).', 'creators-connect-for-amazon' );
		}
		return null;
	}

	/**
	 * The error message of a secret, or null when it is acceptable.
	 *
	 * @param string $secret   Secret.
	 * @param bool   $required Whether an empty secret is an error (adding) or means "keep" (editing).
	 */
	public static function secret_error( #[\SensitiveParameter] string $secret, bool $required ): ?string {
		if ( '' === trim( $secret ) ) {
			return $required ? __( 'Enter the Credential Secret.', 'creators-connect-for-amazon' ) : null;
		}
		if ( strlen( $secret ) > self::SECRET_MAX_LENGTH || ! rest_validate_json_schema_pattern( self::SECRET_PATTERN, $secret ) ) {
			return __( 'The Credential Secret has no spaces and at most 512 characters: copy it again from Associates Central.', 'creators-connect-for-amazon' );
		}
		return null;
	}

	/**
	 * The error message of a credential type, or null when it is one of TYPES.
	 *
	 * @param string $type Credential type.
	 */
	public static function type_error( string $type ): ?string {
		return in_array( $type, self::TYPES, true ) ? null : __( 'Choose the credential type: Cognito (v2) or Login with Amazon (v3).', 'creators-connect-for-amazon' );
	}

	/**
	 * The error message of a PA-API access key, or null when it is well-formed ('' clears the keys).
	 *
	 * @param string $access_key Access key.
	 */
	public static function access_key_error( string $access_key ): ?string {
		return rest_validate_json_schema_pattern( self::ACCESS_KEY_PATTERN, trim( $access_key ) ) ? null : __( 'A PA-API access key has 16 or more capital letters and digits (e.g. AKIA…).', 'creators-connect-for-amazon' );
	}

	/**
	 * The error message of a PA-API secret key, or null when it is acceptable ('' keeps the stored one).
	 *
	 * @param string $secret Secret key.
	 */
	public static function paapi_secret_error( #[\SensitiveParameter] string $secret ): ?string {
		$secret = trim( $secret );
		if ( strlen( $secret ) > self::PAAPI_SECRET_MAX_LENGTH || ! rest_validate_json_schema_pattern( self::SECRET_PATTERN, $secret ) ) {
			return __( 'The secret key has no spaces: copy it again.', 'creators-connect-for-amazon' );
		}
		return null;
	}

	/**
	 * Everything the settings screen checks before sending, for tools/export-settings-schema.php.
	 *
	 * @return array<string, mixed>
	 */
	public static function export(): array {
		return array(
			'types'               => self::TYPES,
			'lwa_id_prefix'       => self::LWA_ID_PREFIX,
			'lwa_id_pattern'      => self::LWA_ID_PATTERN,
			'cognito_id_pattern'  => self::COGNITO_ID_PATTERN,
			'partner_tag_pattern' => self::PARTNER_TAG_PATTERN,
			'secret_pattern'      => self::SECRET_PATTERN,
			'secret_max_length'   => self::SECRET_MAX_LENGTH,
		);
	}

	/**
	 * The error message of a version override for a marketplace and type, or null when it fits.
	 *
	 * @param string $version Version ('' = follow type and region).
	 * @param string $country Country code.
	 * @param string $type    Credential type.
	 */
	public static function version_error( string $version, string $country, string $type ): ?string {
		if ( '' === $version ) {
			return null;
		}
		$marketplace = Marketplace_Registry::get( $country );
		if ( null === $marketplace || ! $marketplace->supports_version( $version ) || Marketplace_Registry::version_type( $version ) !== $type ) {
			return __( 'This version does not serve this marketplace with this credential type.', 'creators-connect-for-amazon' );
		}
		return null;
	}

	/**
	 * The Creators API version a row uses: its override, else the one of its type and region
	 * ('' for links only).
	 *
	 * @param Row $row Stored row.
	 */
	public static function effective_version( array $row ): string {
		if ( self::LINKS_ONLY === $row['credential_type'] ) {
			return '';
		}
		if ( '' !== $row['api_version'] ) {
			return $row['api_version'];
		}
		$marketplace = Marketplace_Registry::get( $row['country'] );
		return null === $marketplace ? '' : $marketplace->version_for( $row['credential_type'] );
	}

	/**
	 * The error message of a country code, or null when it is a known marketplace.
	 *
	 * @param string $country Country code.
	 */
	public static function country_error( string $country ): ?string {
		return null === Marketplace_Registry::get( $country ) ? __( 'Unknown marketplace: choose one of the listed countries.', 'creators-connect-for-amazon' ) : null;
	}

	/**
	 * Validates a row: a message per field, empty when valid.
	 *
	 * @param Row    $row             The row as it would be stored.
	 * @param string $secret          The new secret ('' = none given).
	 * @param bool   $secret_required Whether a secret must be given.
	 * @return array<string, string>
	 */
	public static function row_errors( array $row, #[\SensitiveParameter] string $secret, bool $secret_required ): array {
		if ( self::LINKS_ONLY === $row['credential_type'] ) {
			// Links only: the partner tag is all there is (a required one).
			$message = '' === trim( $row['partner_tag'] ) ? __( 'Enter the partner tag (Associates tracking ID): links only need it.', 'creators-connect-for-amazon' ) : self::partner_tag_error( $row['partner_tag'] );
			return null === $message ? array() : array( 'partner_tag' => $message );
		}
		$errors = array();
		$type   = self::type_error( $row['credential_type'] );
		if ( null !== $type ) {
			$errors['credential_type'] = $type;
		}
		$checks = array(
			'credential_id'     => self::credential_id_error( $row['credential_id'] ),
			'credential_secret' => self::secret_error( $secret, $secret_required ),
			'partner_tag'       => self::partner_tag_error( $row['partner_tag'] ),
			'api_version'       => isset( $errors['credential_type'] ) ? null : self::version_error( $row['api_version'], $row['country'], $row['credential_type'] ),
		);
		foreach ( $checks as $field => $message ) {
			if ( null !== $message ) {
				$errors[ $field ] = $message;
			}
		}
		return $errors;
	}
}
