<?php
/**
 * The plugin's settings: per-marketplace Creators API credentials, PA-API 5.0 keys, general settings.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Settings;

use Creators_Connect\Amazon\Creators_Credentials;
use Creators_Connect\Amazon\Paapi_Credentials;
use Creators_Connect\Catalog\Credentials_Source;
use Creators_Connect\Marketplace\Marketplace_Registry;

/**
 * Storage: one option per marketplace (`acapi_marketplace_<country>`, not autoloaded) so that two
 * admins editing different marketplaces never overwrite each other; each row carries a `revision`,
 * and a write made from a stale copy is refused (compare-and-swap on the stored value). The default
 * marketplace is a single option (`acapi_default_marketplace`), so there is at most one and setting
 * a new one replaces the old in the same write (Option_Swap). Secrets are sealed by Secret_Box and
 * never leave this class except inside the credential objects handed to the API clients. The PA-API
 * keys are Paapi_Keys', the general settings General_Settings', field rules Credential_Rules',
 * error answers Settings_Errors'.
 *
 * @phpstan-type Row array{country: string, enabled: bool, credential_type: string, credential_id: string, credential_secret: string, partner_tag: string, api_version: string, revision: int, updated_at: int}
 * @phpstan-type Paapi_Row array{access_key: string, secret_key: string, partner_tags: array<string, string>, revision: int}
 * @phpstan-import-type General from General_Settings
 */
final class Settings_Repository implements Credentials_Source {

	public const MARKETPLACE_OPTION_PREFIX = 'acapi_marketplace_';
	public const DEFAULT_OPTION            = 'acapi_default_marketplace';
	public const PAAPI_OPTION              = Paapi_Keys::OPTION;
	public const GENERAL_OPTION            = General_Settings::OPTION;

	/**
	 * The general setting that allows the uninstaller to remove the plugin's data.
	 */
	public const DELETE_DATA_KEY = General_Settings::DELETE_DATA_KEY;

	/**
	 * The secret box.
	 *
	 * @var Secret_Box
	 */
	private Secret_Box $box;

	/**
	 * The PA-API 5.0 keys and partner tags.
	 *
	 * @var Paapi_Keys
	 */
	private Paapi_Keys $paapi;

	/**
	 * Builds the repository.
	 *
	 * @param Secret_Box $box Encrypts and decrypts the secrets.
	 */
	public function __construct( Secret_Box $box ) {
		$this->box   = $box;
		$this->paapi = new Paapi_Keys( $box );
	}

	/**
	 * The option holding a marketplace.
	 *
	 * @param string $country Country code.
	 */
	public static function option_name( string $country ): string {
		return self::MARKETPLACE_OPTION_PREFIX . Marketplace_Registry::normalize_country( $country );
	}

	/**
	 * The stored row of a marketplace, or null when it is not configured.
	 *
	 * @param string $country Country code.
	 * @return Row|null
	 */
	public function row( string $country ): ?array {
		$country = Marketplace_Registry::normalize_country( $country );
		if ( null === Marketplace_Registry::get( $country ) ) {
			return null;
		}
		$value = get_option( self::option_name( $country ), null );
		return is_array( $value ) ? self::normalize_row( $country, $value ) : null;
	}

	/**
	 * Every configured marketplace, in the registry's order.
	 *
	 * @return array<string, Row>
	 */
	public function rows(): array {
		$rows = array();
		foreach ( array_keys( Marketplace_Registry::all() ) as $country ) {
			$row = $this->row( $country );
			if ( null !== $row ) {
				$rows[ $country ] = $row;
			}
		}
		return $rows;
	}

	/**
	 * A row as the REST API and the screen see it: no secret, only its state and a mask.
	 *
	 * @param Row $row Stored row.
	 * @return array<string, mixed>
	 */
	public function public_row( array $row ): array {
		$marketplace = Marketplace_Registry::get( $row['country'] );
		$secret      = '' === $row['credential_secret'] ? null : $this->box->open( $row['credential_secret'] );
		return array(
			'country'              => $row['country'],
			'name'                 => null === $marketplace ? $row['country'] : $marketplace->name,
			'region'               => null === $marketplace ? '' : $marketplace->region,
			'enabled'              => $row['enabled'],
			'credential_type'      => $row['credential_type'],
			'credential_id'        => $row['credential_id'],
			'suggested_type'       => Credential_Rules::suggested_type( $row['credential_id'] ),
			'partner_tag'          => $row['partner_tag'],
			'api_version'          => $this->effective_version( $row ),
			'api_version_override' => $row['api_version'],
			'secret_state'         => $this->box->state( $row['credential_secret'] ),
			'secret_mask'          => null === $secret ? '' : Secret_Box::mask( $secret ),
			'is_default'           => $this->default_country() === $row['country'],
			'status'               => $this->marketplace_status( $row['country'] ),
			'revision'             => $row['revision'],
			'updated_at'           => gmdate( 'c', $row['updated_at'] ),
		);
	}

	/**
	 * The Creators API version a row uses: its override, else the one of its type and region.
	 *
	 * @param Row $row Stored row.
	 */
	public function effective_version( array $row ): string {
		if ( Credential_Rules::LINKS_ONLY === $row['credential_type'] ) {
			return '';
		}
		if ( '' !== $row['api_version'] ) {
			return $row['api_version'];
		}
		$marketplace = Marketplace_Registry::get( $row['country'] );
		return null === $marketplace ? '' : $marketplace->version_for( $row['credential_type'] );
	}

	/**
	 * Adds a marketplace.
	 *
	 * @param array<string, mixed> $input `country`, `enabled`, `credential_type`, `credential_id`, `credential_secret`, `partner_tag`, `api_version`.
	 * @return Row|\WP_Error 400 with a message per field, 409 when the marketplace already exists.
	 */
	public function add( #[\SensitiveParameter] array $input ): array|\WP_Error {
		$country = Marketplace_Registry::normalize_country( self::string( $input, 'country' ) );
		$errors  = array();
		$message = Credential_Rules::country_error( $country );
		if ( null !== $message ) {
			$errors['country'] = $message;
		}
		$row    = array(
			'country'           => $country,
			'enabled'           => ! isset( $input['enabled'] ) || (bool) $input['enabled'],
			// Without a type, the one the id's shape suggests.
			'credential_type'   => '' !== self::string( $input, 'credential_type' ) ? self::string( $input, 'credential_type' ) : (string) Credential_Rules::suggested_type( self::string( $input, 'credential_id' ) ),
			'credential_id'     => trim( self::string( $input, 'credential_id' ) ),
			'credential_secret' => '',
			'partner_tag'       => trim( self::string( $input, 'partner_tag' ) ),
			'api_version'       => trim( self::string( $input, 'api_version' ) ),
			'revision'          => 1,
			'updated_at'        => time(),
		);
		$secret = trim( self::string( $input, 'credential_secret' ) );
		if ( Credential_Rules::LINKS_ONLY === $row['credential_type'] ) {
			$row['credential_id'] = '';
			$secret               = '';
		}
		$errors = array_merge( $errors, Credential_Rules::row_errors( $row, $secret, true ) );
		if ( array() !== $errors ) {
			return Settings_Errors::invalid( $errors );
		}
		if ( null !== $this->row( $country ) ) {
			return new \WP_Error( 'acapi_marketplace_exists', __( 'This marketplace is already configured: edit it instead.', 'creators-connect-for-amazon' ), array( 'status' => 409 ) );
		}
		$row['credential_secret'] = '' === $secret ? '' : $this->box->seal( $secret );
		if ( ! add_option( self::option_name( $country ), $row, '', false ) ) {
			return new \WP_Error( 'acapi_marketplace_exists', __( 'This marketplace is already configured: edit it instead.', 'creators-connect-for-amazon' ), array( 'status' => 409 ) );
		}
		return $row;
	}

	/**
	 * Changes a marketplace. A blank secret keeps the stored one. Refused with 409 when the row
	 * changed since $revision was read (stale copy), or when it changes while this write runs.
	 *
	 * @param string               $country  Country code.
	 * @param array<string, mixed> $changes  Fields to change (as for add(), without `country`).
	 * @param int                  $revision The revision the change was made from.
	 * @return Row|\WP_Error
	 */
	public function update( string $country, #[\SensitiveParameter] array $changes, int $revision ): array|\WP_Error {
		$country = Marketplace_Registry::normalize_country( $country );
		$option  = self::option_name( $country );
		$raw     = Option_Swap::raw( $option );
		$current = null === $raw ? null : maybe_unserialize( $raw );
		if ( ! is_array( $current ) || null === Marketplace_Registry::get( $country ) ) {
			return Settings_Errors::not_configured();
		}
		$current = self::normalize_row( $country, $current );
		if ( $current['revision'] !== $revision ) {
			return Settings_Errors::stale();
		}
		$row = $current;
		foreach ( array( 'credential_type', 'credential_id', 'partner_tag', 'api_version' ) as $key ) {
			if ( array_key_exists( $key, $changes ) ) {
				$row[ $key ] = trim( self::string( $changes, $key ) );
			}
		}
		if ( array_key_exists( 'enabled', $changes ) ) {
			$row['enabled'] = (bool) $changes['enabled'];
		}
		if ( $row['credential_type'] !== $current['credential_type'] && ! array_key_exists( 'api_version', $changes ) ) {
			// The override belonged to the old type.
			$row['api_version'] = '';
		}
		$secret = trim( self::string( $changes, 'credential_secret' ) );
		if ( Credential_Rules::LINKS_ONLY === $row['credential_type'] ) {
			// No API: whatever credentials there were go (a later upgrade brings new ones).
			$row['credential_id']     = '';
			$row['credential_secret'] = '';
			$row['api_version']       = '';
			$secret                   = '';
		}
		$errors = Credential_Rules::row_errors( $row, $secret, '' === $row['credential_secret'] );
		if ( array() !== $errors ) {
			return Settings_Errors::invalid( $errors );
		}
		if ( '' !== $secret ) {
			$row['credential_secret'] = $this->box->seal( $secret );
		}
		$row['revision']   = $current['revision'] + 1;
		$row['updated_at'] = time();
		if ( ! Option_Swap::swap( $option, (string) $raw, $row ) ) {
			return Settings_Errors::stale();
		}
		return $row;
	}

	/**
	 * Removes a marketplace (and the default, when it was the default).
	 *
	 * @param string $country Country code.
	 * @return true|\WP_Error
	 */
	public function delete( string $country ): bool|\WP_Error {
		$country = Marketplace_Registry::normalize_country( $country );
		if ( null === $this->row( $country ) ) {
			return Settings_Errors::not_configured();
		}
		delete_option( self::option_name( $country ) );
		if ( $this->default_country() === $country ) {
			delete_option( self::DEFAULT_OPTION );
		}
		return true;
	}

	/**
	 * Makes a configured marketplace the default; the previous default stops being one in the same write.
	 *
	 * @param string $country Country code.
	 * @return true|\WP_Error
	 */
	public function set_default( string $country ): bool|\WP_Error {
		$country = Marketplace_Registry::normalize_country( $country );
		if ( null === $this->row( $country ) ) {
			return Settings_Errors::not_configured();
		}
		update_option( self::DEFAULT_OPTION, $country, false );
		return true;
	}

	/**
	 * {@inheritDoc}
	 */
	public function default_country(): ?string {
		$value = get_option( self::DEFAULT_OPTION, '' );
		return is_string( $value ) && '' !== $value && null !== Marketplace_Registry::get( $value ) ? Marketplace_Registry::normalize_country( $value ) : null;
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string $country A marketplace country code.
	 * @return list<string>
	 */
	public function tracking_tags( string $country ): array {
		return array_column( ( new Tracking_Ids() )->of( $country ), 'tag' );
	}

	/**
	 * Whether a marketplace is `enabled`, `disabled` or `not_configured` (no row). An enabled
	 * marketplace whose secret no longer decrypts is still `enabled`; creators_credentials() is null for it.
	 *
	 * @param string $country Country code.
	 */
	public function marketplace_status( string $country ): string {
		$row = $this->row( $country );
		if ( null === $row ) {
			return 'not_configured';
		}
		if ( ! $row['enabled'] ) {
			return 'disabled';
		}
		return Credential_Rules::LINKS_ONLY === $row['credential_type'] ? 'links_only' : 'enabled';
	}

	/**
	 * The enabled marketplaces set up for links only (a partner tag, no API credentials).
	 *
	 * @return list<string>
	 */
	public function links_only_countries(): array {
		$countries = array();
		foreach ( $this->rows() as $row ) {
			if ( $row['enabled'] && Credential_Rules::LINKS_ONLY === $row['credential_type'] ) {
				$countries[] = $row['country'];
			}
		}
		return $countries;
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string $country A marketplace country code ('de').
	 */
	public function creators_credentials( string $country ): ?Creators_Credentials {
		$row = $this->row( $country );
		if ( null === $row || ! $row['enabled'] ) {
			return null;
		}
		return $this->credentials_of( $row );
	}

	/**
	 * The Creators API credentials of a row whether enabled or not (for "test connection"), or null
	 * when incomplete or the secret does not decrypt.
	 *
	 * @param Row $row Stored row.
	 */
	public function credentials_of( array $row ): ?Creators_Credentials {
		if ( Credential_Rules::LINKS_ONLY === $row['credential_type'] ) {
			return null;
		}
		$secret = '' === $row['credential_secret'] ? null : $this->box->open( $row['credential_secret'] );
		if ( null === $secret ) {
			return null;
		}
		$credentials = new Creators_Credentials( $row['credential_id'], $secret, $row['credential_type'], $this->effective_version( $row ), $row['partner_tag'], $row['country'] );
		return $credentials->is_complete() ? $credentials : null;
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string $country A marketplace country code.
	 */
	public function partner_tag( string $country ): string {
		$country = Marketplace_Registry::normalize_country( $country );
		$row     = $this->row( $country );
		$tag     = null === $row ? '' : $row['partner_tag'];
		return '' !== $tag ? $tag : ( $this->paapi()['partner_tags'][ $country ] ?? '' );
	}

	/**
	 * {@inheritDoc}
	 *
	 * The marketplace's PA-API tag, else the partner tag of its Creators API entry (the same
	 * Associates tracking ID serves both APIs).
	 *
	 * @param string $country A marketplace country code.
	 */
	public function paapi_credentials( string $country ): ?Paapi_Credentials {
		$country = Marketplace_Registry::normalize_country( $country );
		if ( null === Marketplace_Registry::get( $country ) ) {
			return null;
		}
		$paapi  = $this->paapi();
		$secret = '' === $paapi['secret_key'] ? null : $this->box->open( $paapi['secret_key'] );
		$tag    = $paapi['partner_tags'][ $country ] ?? '';
		if ( '' === $tag ) {
			$row = $this->row( $country );
			$tag = null === $row ? '' : $row['partner_tag'];
		}
		if ( null === $secret || '' === $paapi['access_key'] || '' === $tag ) {
			return null;
		}
		return new Paapi_Credentials( $paapi['access_key'], $secret, $tag, $country );
	}

	/**
	 * {@inheritDoc}
	 */
	public function fallback_to_paapi(): bool {
		return $this->general()['fallback_to_paapi'];
	}

	/**
	 * The stored PA-API 5.0 settings (secret sealed).
	 *
	 * @return Paapi_Row
	 */
	public function paapi(): array {
		return $this->paapi->stored();
	}

	/**
	 * The PA-API settings as the screen sees them (no secret).
	 *
	 * @return array{access_key: string, secret_state: string, secret_mask: string, partner_tags: \stdClass, revision: int}
	 */
	public function public_paapi(): array {
		return $this->paapi->for_screen();
	}

	/**
	 * Saves the PA-API settings (Paapi_Keys::save()).
	 *
	 * @param array<string, mixed> $input `access_key`, `secret_key`, `partner_tags` (country => tag).
	 * @return Paapi_Row|\WP_Error
	 */
	public function save_paapi( #[\SensitiveParameter] array $input ): array|\WP_Error {
		return $this->paapi->save( $input );
	}

	/**
	 * The general settings, defaults filled in.
	 *
	 * @return General
	 */
	public function general(): array {
		return General_Settings::read();
	}

	/**
	 * The general settings as stored, defaults filled in, for the renderer and the disclosure.
	 *
	 * @return General
	 */
	public static function stored_general(): array {
		return General_Settings::read();
	}

	/**
	 * Saves the general settings (unknown keys dropped, values clamped to their ranges).
	 *
	 * @param array<string, mixed> $input Changed values.
	 * @return General
	 */
	public function save_general( array $input ): array {
		$general = General_Settings::merge( $input, $this->general() );
		update_option( self::GENERAL_OPTION, $general, false );
		return $general;
	}

	/**
	 * A stored row with every key present and typed.
	 *
	 * @param string       $country Country code.
	 * @param array<mixed> $value   Stored value.
	 * @return Row
	 */
	private static function normalize_row( string $country, array $value ): array {
		$type = self::string( $value, 'credential_type' );
		return array(
			'country'           => $country,
			'enabled'           => ! empty( $value['enabled'] ),
			'credential_type'   => in_array( $type, Credential_Rules::TYPES, true ) || Credential_Rules::LINKS_ONLY === $type ? $type : 'cognito',
			'credential_id'     => self::string( $value, 'credential_id' ),
			'credential_secret' => self::string( $value, 'credential_secret' ),
			'partner_tag'       => self::string( $value, 'partner_tag' ),
			'api_version'       => self::string( $value, 'api_version' ),
			'revision'          => isset( $value['revision'] ) && is_numeric( $value['revision'] ) ? (int) $value['revision'] : 1,
			'updated_at'        => isset( $value['updated_at'] ) && is_numeric( $value['updated_at'] ) ? (int) $value['updated_at'] : 0,
		);
	}

	/**
	 * A string member of an array, '' when absent or not scalar.
	 *
	 * @param array<mixed> $values Array.
	 * @param string       $key    Key.
	 */
	private static function string( array $values, string $key ): string {
		return isset( $values[ $key ] ) && is_scalar( $values[ $key ] ) ? (string) $values[ $key ] : '';
	}
}
