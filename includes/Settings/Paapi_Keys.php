<?php
/**
 * The PA-API 5.0 access keys and partner tags.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Settings;

use Creators_Connect\Marketplace\Marketplace_Registry;

/**
 * One option (`acapi_paapi`): an access key, a sealed secret key and a partner tag per
 * marketplace, with a revision. The secret never leaves sealed except through Stored_Credentials'
 * credential objects; the screen sees its state and a mask.
 *
 * @phpstan-type Paapi_Row array{access_key: string, secret_key: string, partner_tags: array<string, string>, revision: int}
 */
final class Paapi_Keys {

	/**
	 * The option.
	 */
	public const OPTION = 'acapi_paapi';

	/**
	 * Builds the keys' store.
	 *
	 * @param Secret_Box $box Encrypts and decrypts the secret key.
	 */
	public function __construct( private readonly Secret_Box $box ) {
	}

	/**
	 * The stored PA-API 5.0 settings (secret sealed).
	 *
	 * @return Paapi_Row
	 */
	public function stored(): array {
		$value = get_option( self::OPTION, array() );
		$value = is_array( $value ) ? $value : array();
		$tags  = array();
		if ( isset( $value['partner_tags'] ) && is_array( $value['partner_tags'] ) ) {
			foreach ( $value['partner_tags'] as $country => $tag ) {
				if ( is_string( $tag ) && '' !== $tag && null !== Marketplace_Registry::get( (string) $country ) ) {
					$tags[ Marketplace_Registry::normalize_country( (string) $country ) ] = $tag;
				}
			}
		}
		return array(
			'access_key'   => self::string( $value, 'access_key' ),
			'secret_key'   => self::string( $value, 'secret_key' ),
			'partner_tags' => $tags,
			'revision'     => isset( $value['revision'] ) && is_numeric( $value['revision'] ) ? (int) $value['revision'] : 0,
		);
	}

	/**
	 * The PA-API settings as the screen sees them (no secret).
	 *
	 * @return array{access_key: string, secret_state: string, secret_mask: string, partner_tags: \stdClass, revision: int}
	 */
	public function for_screen(): array {
		$paapi  = $this->stored();
		$secret = '' === $paapi['secret_key'] ? null : $this->box->open( $paapi['secret_key'] );
		return array(
			'access_key'   => $paapi['access_key'],
			'secret_state' => $this->box->state( $paapi['secret_key'] ),
			'secret_mask'  => null === $secret ? '' : Secret_Box::mask( $secret ),
			'partner_tags' => (object) $paapi['partner_tags'],
			'revision'     => $paapi['revision'],
		);
	}

	/**
	 * Saves the PA-API settings. A blank secret keeps the stored one; an empty access key with an
	 * empty secret clears both.
	 *
	 * @param array<string, mixed> $input `access_key`, `secret_key`, `partner_tags` (country => tag).
	 * @return Paapi_Row|\WP_Error
	 */
	public function save( #[\SensitiveParameter] array $input ): array|\WP_Error {
		$current = $this->stored();
		$errors  = array();
		$access  = array_key_exists( 'access_key', $input ) ? trim( self::string( $input, 'access_key' ) ) : $current['access_key'];
		$secret  = trim( self::string( $input, 'secret_key' ) );
		foreach ( array(
			'access_key' => Credential_Rules::access_key_error( $access ),
			'secret_key' => Credential_Rules::paapi_secret_error( $secret ),
		) as $field => $message ) {
			if ( null !== $message ) {
				$errors[ $field ] = $message;
			}
		}
		$tags = $current['partner_tags'];
		if ( isset( $input['partner_tags'] ) && is_array( $input['partner_tags'] ) ) {
			$tags = array();
			foreach ( $input['partner_tags'] as $country => $tag ) {
				$country = Marketplace_Registry::normalize_country( (string) $country );
				$tag     = is_string( $tag ) ? trim( $tag ) : '';
				if ( '' === $tag ) {
					continue;
				}
				$message = Credential_Rules::country_error( $country ) ?? Credential_Rules::partner_tag_error( $tag );
				if ( null !== $message ) {
					$errors[ 'partner_tags.' . $country ] = $message;
					continue;
				}
				$tags[ $country ] = $tag;
			}
		}
		if ( array() !== $errors ) {
			return Settings_Errors::invalid( $errors );
		}
		$sealed = '' !== $secret ? $this->box->seal( $secret ) : $current['secret_key'];
		if ( '' === $access && '' === $secret ) {
			$sealed = '';
		}
		$row = array(
			'access_key'   => $access,
			'secret_key'   => $sealed,
			'partner_tags' => $tags,
			'revision'     => $current['revision'] + 1,
		);
		update_option( self::OPTION, $row, false );
		return $row;
	}

	/**
	 * A string member, '' when absent.
	 *
	 * @param array<mixed> $values Values.
	 * @param string       $key    Key.
	 */
	private static function string( array $values, string $key ): string {
		return isset( $values[ $key ] ) && is_scalar( $values[ $key ] ) ? (string) $values[ $key ] : '';
	}
}
