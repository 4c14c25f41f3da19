<?php
/**
 * The per-marketplace Creators API entries and the default marketplace, written compare-and-swap.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Settings;

use Creators_Connect\Marketplace\Marketplace_Registry;

/**
 * One option per marketplace (`acapi_marketplace_<country>`, not autoloaded) so that two admins
 * editing different marketplaces never overwrite each other; each row carries a `revision`, and a
 * write made from a stale copy is refused (compare-and-swap on the stored value, Option_Swap). The
 * default marketplace is a single option (`acapi_default_marketplace`), so there is at most one and
 * setting a new one replaces the old in the same write. Secrets are sealed by Secret_Box on the way
 * in and stay sealed in the rows; Stored_Credentials opens them for the API clients and
 * Public_Marketplace shows the screen only their state and a mask. Field rules are
 * Credential_Rules', error answers Settings_Errors'.
 *
 * @phpstan-type Row array{country: string, enabled: bool, credential_type: string, credential_id: string, credential_secret: string, partner_tag: string, api_version: string, revision: int, updated_at: int}
 */
final class Marketplace_Rows {

	public const MARKETPLACE_OPTION_PREFIX = 'acapi_marketplace_';
	public const DEFAULT_OPTION            = 'acapi_default_marketplace';

	/**
	 * The secret box.
	 *
	 * @var Secret_Box
	 */
	private Secret_Box $box;

	/**
	 * Builds the store.
	 *
	 * @param Secret_Box $box Seals the secrets written.
	 */
	public function __construct( Secret_Box $box ) {
		$this->box = $box;
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
		$this->clear_default( $country );
		return true;
	}

	/**
	 * A marketplace stops being the default (then none is); any other default stays.
	 *
	 * @param string $country Country code.
	 */
	public function clear_default( string $country ): void {
		if ( $this->default_country() === Marketplace_Registry::normalize_country( $country ) ) {
			delete_option( self::DEFAULT_OPTION );
		}
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
	 * The default marketplace's country code, or null when none is set (or it is no longer a known
	 * marketplace).
	 */
	public function default_country(): ?string {
		$value = get_option( self::DEFAULT_OPTION, '' );
		return is_string( $value ) && '' !== $value && null !== Marketplace_Registry::get( $value ) ? Marketplace_Registry::normalize_country( $value ) : null;
	}

	/**
	 * Whether a marketplace is `enabled`, `disabled` or `not_configured` (no row). An enabled
	 * marketplace whose secret no longer decrypts is still `enabled`; Stored_Credentials::creators_credentials() is null for it.
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
