<?php
/**
 * Encrypts the stored secrets (Credential Secret, PA-API secret key) with libsodium.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Settings;

/**
 * `sodium_crypto_secretbox` with a random nonce per write. The key comes from the wp-config
 * constant `ACAPI_ENCRYPTION_KEY` when defined, else from the site's salts (AUTH_KEY and
 * SECURE_AUTH_KEY), so a database dump alone does not reveal the secrets. When the key changes,
 * open() returns null and the settings screen asks for the secret again.
 */
final class Secret_Box {

	/**
	 * Prefix of a sealed value (format version).
	 */
	private const PREFIX = 'sb1:';

	/**
	 * The 32-byte key.
	 *
	 * @var string
	 */
	private string $key;

	/**
	 * Builds the box.
	 *
	 * @param string|null $key_material Key material (tests); null reads ACAPI_ENCRYPTION_KEY or the salts.
	 */
	public function __construct( #[\SensitiveParameter] ?string $key_material = null ) {
		$material  = $key_material ?? self::site_key_material();
		$this->key = sodium_crypto_generichash( 'acapi-secret-box|' . $material, '', SODIUM_CRYPTO_SECRETBOX_KEYBYTES );
	}

	/**
	 * Encrypts a secret. '' stays '' (nothing stored).
	 *
	 * @param string $plain The secret.
	 */
	public function seal( #[\SensitiveParameter] string $plain ): string {
		if ( '' === $plain ) {
			return '';
		}
		$nonce = random_bytes( SODIUM_CRYPTO_SECRETBOX_NONCEBYTES );
		return self::PREFIX . base64_encode( $nonce . sodium_crypto_secretbox( $plain, $nonce, $this->key ) ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- binary ciphertext in a text option.
	}

	/**
	 * Decrypts a sealed secret: the secret, or null when it does not decrypt (other key, damaged value).
	 *
	 * @param string $sealed A value from seal().
	 */
	public function open( #[\SensitiveParameter] string $sealed ): ?string {
		if ( ! str_starts_with( $sealed, self::PREFIX ) ) {
			return null;
		}
		$raw = base64_decode( substr( $sealed, strlen( self::PREFIX ) ), true ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode -- see seal().
		if ( false === $raw || strlen( $raw ) <= SODIUM_CRYPTO_SECRETBOX_NONCEBYTES + SODIUM_CRYPTO_SECRETBOX_MACBYTES ) {
			return null;
		}
		try {
			$plain = sodium_crypto_secretbox_open( substr( $raw, SODIUM_CRYPTO_SECRETBOX_NONCEBYTES ), substr( $raw, 0, SODIUM_CRYPTO_SECRETBOX_NONCEBYTES ), $this->key );
		} catch ( \SodiumException $exception ) {
			return null;
		}
		return false === $plain ? null : $plain;
	}

	/**
	 * The state of a stored secret: `ok`, `unreadable` (key changed) or `missing`.
	 *
	 * @param string $sealed Stored value.
	 */
	public function state( string $sealed ): string {
		if ( '' === $sealed ) {
			return 'missing';
		}
		return null === $this->open( $sealed ) ? 'unreadable' : 'ok';
	}

	/**
	 * What the screen may show of a secret: bullets and its last 4 characters.
	 *
	 * @param string $plain The secret.
	 */
	public static function mask( #[\SensitiveParameter] string $plain ): string {
		if ( '' === $plain ) {
			return '';
		}
		return str_repeat( '•', 4 ) . ( strlen( $plain ) > 8 ? substr( $plain, -4 ) : '' );
	}

	/**
	 * The key material of this site: ACAPI_ENCRYPTION_KEY, else the auth salts.
	 */
	private static function site_key_material(): string {
		if ( defined( 'ACAPI_ENCRYPTION_KEY' ) && is_string( constant( 'ACAPI_ENCRYPTION_KEY' ) ) && '' !== constant( 'ACAPI_ENCRYPTION_KEY' ) ) {
			return 'const|' . (string) constant( 'ACAPI_ENCRYPTION_KEY' );
		}
		$auth        = defined( 'AUTH_KEY' ) ? (string) constant( 'AUTH_KEY' ) : '';
		$secure_auth = defined( 'SECURE_AUTH_KEY' ) ? (string) constant( 'SECURE_AUTH_KEY' ) : '';
		if ( '' === $auth && function_exists( 'wp_salt' ) ) {
			$auth = wp_salt( 'auth' );
		}
		return 'salt|' . $auth . $secure_auth;
	}
}
