<?php
/**
 * Settings export and import (agencies setting up sites): marketplaces, partner tags, PA-API
 * access key and general settings as JSON, never a secret.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Settings;

use Creators_Connect\Marketplace\Marketplace_Registry;

/**
 * One export format, read by the REST route and `wp acapi settings`. An import is checked whole
 * before anything is written (a bad file or a missing secret changes nothing); marketplaces that
 * are not in the file stay as they are.
 *
 * @phpstan-type Preview array{marketplaces: list<array{country: string, name: string, action: string, enabled: bool, partner_tag: string, is_default: bool, secret_required: bool}>, paapi: array{access_key: string, secret_required: bool}, general: list<string>, default_country: string|null}
 */
final class Settings_Transfer {

	/**
	 * The file's format marker.
	 */
	public const FORMAT = 'creators-connect-for-amazon/settings';

	/**
	 * The format's version.
	 */
	public const VERSION = 1;

	/**
	 * The key of the PA-API secret in an import's secrets.
	 */
	public const PAAPI_SECRET = 'paapi';

	/**
	 * The tracking IDs per marketplace.
	 *
	 * @var Tracking_Ids
	 */
	private Tracking_Ids $tracking;

	/**
	 * Builds the service.
	 *
	 * @param Marketplace_Rows   $rows   The marketplace entries.
	 * @param Public_Marketplace $public The entries as shown (their secrets' state).
	 * @param Paapi_Keys         $paapi  The PA-API 5.0 keys and partner tags.
	 */
	public function __construct(
		private readonly Marketplace_Rows $rows,
		private readonly Public_Marketplace $public,
		private readonly Paapi_Keys $paapi
	) {
		$this->tracking = new Tracking_Ids();
	}

	/**
	 * The export: everything but the secrets.
	 *
	 * @return array<string, mixed>
	 */
	public function export(): array {
		$marketplaces = array();
		foreach ( $this->rows->rows() as $row ) {
			$marketplaces[] = array(
				'country'         => $row['country'],
				'enabled'         => $row['enabled'],
				'credential_type' => $row['credential_type'],
				'credential_id'   => $row['credential_id'],
				'partner_tag'     => $row['partner_tag'],
				'api_version'     => $row['api_version'],
				'tracking_ids'    => $this->tracking->of( $row['country'] ),
			);
		}
		$paapi = $this->paapi->stored();
		return array(
			'format'          => self::FORMAT,
			'version'         => self::VERSION,
			'exported_at'     => gmdate( 'c' ),
			'default_country' => $this->rows->default_country(),
			'marketplaces'    => $marketplaces,
			'paapi'           => array(
				'access_key'   => $paapi['access_key'],
				'partner_tags' => (object) $paapi['partner_tags'],
			),
			'general'         => General_Settings::read(),
		);
	}

	/**
	 * What an import would do, and which secrets it needs; a 400 naming every problem of the file.
	 *
	 * @param mixed $file The decoded file.
	 * @return Preview|\WP_Error
	 */
	public function preview( $file ): array|\WP_Error {
		$parsed = $this->parse( $file );
		if ( is_wp_error( $parsed ) ) {
			return $parsed;
		}
		$current = $this->rows->rows();
		$out     = array();
		foreach ( $parsed['marketplaces'] as $country => $row ) {
			$stored      = $current[ $country ] ?? null;
			$marketplace = Marketplace_Registry::get( $country );
			$out[]       = array(
				'country'         => $country,
				'name'            => null !== $marketplace ? $marketplace->name : $country,
				'action'          => null === $stored ? 'add' : 'update',
				'enabled'         => $row['enabled'],
				'partner_tag'     => $row['partner_tag'],
				'is_default'      => $parsed['default_country'] === $country,
				'secret_required' => $this->secret_required( $row, $country ),
			);
		}
		$paapi   = $this->paapi->for_screen();
		$general = array();
		foreach ( $parsed['general'] as $key => $value ) {
			if ( General_Settings::read()[ $key ] !== $value ) {
				$general[] = $key;
			}
		}
		return array(
			'marketplaces'    => $out,
			'paapi'           => array(
				'access_key'      => $parsed['paapi']['access_key'],
				'secret_required' => '' !== $parsed['paapi']['access_key'] && ( $paapi['access_key'] !== $parsed['paapi']['access_key'] || 'ok' !== $paapi['secret_state'] ),
			),
			'general'         => $general,
			'default_country' => $parsed['default_country'],
		);
	}

	/**
	 * Imports a file with the secrets it lacks: all of it, or (400) nothing.
	 *
	 * @param mixed                 $file    The decoded file.
	 * @param array<string, string> $secrets Secrets by country code, and `paapi` for the PA-API secret key.
	 * @return Preview|\WP_Error What was imported.
	 */
	public function import( $file, #[\SensitiveParameter] array $secrets ): array|\WP_Error {
		$preview = $this->preview( $file );
		if ( is_wp_error( $preview ) ) {
			return $preview;
		}
		$parsed = $this->parse( $file );
		if ( is_wp_error( $parsed ) ) {
			return $parsed;
		}
		$errors = array();
		foreach ( $preview['marketplaces'] as $item ) {
			$secret  = trim( $secrets[ $item['country'] ] ?? '' );
			$message = Credential_Rules::secret_error( $secret, $item['secret_required'] );
			if ( null !== $message ) {
				$errors[ 'secrets.' . $item['country'] ] = sprintf( '%s: %s', $item['name'], $message );
			}
		}
		$paapi_secret = trim( $secrets[ self::PAAPI_SECRET ] ?? '' );
		if ( $preview['paapi']['secret_required'] && '' === $paapi_secret ) {
			$errors[ 'secrets.' . self::PAAPI_SECRET ] = __( 'Enter the PA-API 5.0 secret key: the file has the access key only.', 'creators-connect-for-amazon' );
		} elseif ( null !== Credential_Rules::paapi_secret_error( $paapi_secret ) ) {
			$errors[ 'secrets.' . self::PAAPI_SECRET ] = (string) Credential_Rules::paapi_secret_error( $paapi_secret );
		}
		if ( array() !== $errors ) {
			return Settings_Errors::invalid( $errors );
		}

		foreach ( $parsed['marketplaces'] as $country => $row ) {
			if ( isset( $row['tracking_ids'] ) ) {
				$this->tracking->save( $country, $row['tracking_ids'] );
				unset( $row['tracking_ids'] );
			}
			$input = $row + array( 'credential_secret' => trim( $secrets[ $country ] ?? '' ) );
			$saved = null === $this->rows->row( $country )
				? $this->rows->add( $input + array( 'country' => $country ) )
				: $this->rows->update( $country, $input, $this->rows->row( $country )['revision'] ?? 0 );
			if ( is_wp_error( $saved ) ) {
				return $saved;
			}
		}
		if ( null !== $parsed['default_country'] ) {
			$this->rows->set_default( $parsed['default_country'] );
		}
		$saved = $this->paapi->save(
			array(
				'access_key'   => $parsed['paapi']['access_key'],
				'secret_key'   => $paapi_secret,
				'partner_tags' => $parsed['paapi']['partner_tags'],
			)
		);
		if ( is_wp_error( $saved ) ) {
			return $saved;
		}
		General_Settings::save( $parsed['general'] );
		return $preview;
	}

	/**
	 * Whether importing a marketplace needs its secret: a new marketplace, other credentials, or a
	 * stored secret that is missing or unreadable.
	 *
	 * @param array{credential_id: string} $row     The file's row.
	 * @param string                       $country Its country code.
	 */
	private function secret_required( array $row, string $country ): bool {
		$stored = $this->rows->row( $country );
		if ( null === $stored || $stored['credential_id'] !== $row['credential_id'] ) {
			return true;
		}
		return 'ok' !== $this->public->of( $stored )['secret_state'];
	}

	/**
	 * The file, checked: a message per problem (`marketplaces.de.partner_tag`, `general.link_target`…).
	 *
	 * @param mixed $file The decoded file.
	 * @return array{marketplaces: array<string, array{enabled: bool, credential_type: string, credential_id: string, partner_tag: string, api_version: string, tracking_ids?: list<array{tag: string, label: string}>}>, default_country: string|null, paapi: array{access_key: string, partner_tags: array<string, string>}, general: array<string, mixed>}|\WP_Error
	 */
	private function parse( $file ): array|\WP_Error {
		if ( ! is_array( $file ) || self::FORMAT !== ( $file['format'] ?? null ) ) {
			return Settings_Errors::invalid( array( 'settings' => __( 'This is not a settings file of Creators Connect for Amazon.', 'creators-connect-for-amazon' ) ) );
		}
		if ( self::VERSION !== ( $file['version'] ?? null ) ) {
			return Settings_Errors::invalid( array( 'settings' => __( 'This settings file comes from another version of the plugin and cannot be read.', 'creators-connect-for-amazon' ) ) );
		}
		$errors       = array();
		$marketplaces = array();
		foreach ( is_array( $file['marketplaces'] ?? null ) ? $file['marketplaces'] : array() as $index => $item ) {
			$item    = is_array( $item ) ? $item : array();
			$country = Marketplace_Registry::normalize_country( is_string( $item['country'] ?? null ) ? $item['country'] : '' );
			$message = Credential_Rules::country_error( $country ) ?? ( isset( $marketplaces[ $country ] ) ? __( 'This marketplace is in the file twice.', 'creators-connect-for-amazon' ) : null );
			if ( null !== $message ) {
				$errors[ 'marketplaces.' . $index . '.country' ] = $message;
				continue;
			}
			$row    = array(
				'enabled'         => ! isset( $item['enabled'] ) || true === $item['enabled'],
				'credential_type' => is_string( $item['credential_type'] ?? null ) ? $item['credential_type'] : '',
				'credential_id'   => is_string( $item['credential_id'] ?? null ) ? trim( $item['credential_id'] ) : '',
				'partner_tag'     => is_string( $item['partner_tag'] ?? null ) ? trim( $item['partner_tag'] ) : '',
				'api_version'     => is_string( $item['api_version'] ?? null ) ? trim( $item['api_version'] ) : '',
			);
			$checks = array(
				'credential_type' => Credential_Rules::type_error( $row['credential_type'] ),
				'credential_id'   => Credential_Rules::credential_id_error( $row['credential_id'] ),
				'partner_tag'     => Credential_Rules::partner_tag_error( $row['partner_tag'] ),
			);
			if ( null === $checks['credential_type'] ) {
				$checks['api_version'] = Credential_Rules::version_error( $row['api_version'], $country, $row['credential_type'] );
			}
			foreach ( $checks as $field => $check ) {
				if ( null !== $check ) {
					$errors[ 'marketplaces.' . $country . '.' . $field ] = $check;
				}
			}
			if ( isset( $item['tracking_ids'] ) ) {
				list( $row['tracking_ids'], $problems ) = Tracking_Ids::check( is_array( $item['tracking_ids'] ) ? $item['tracking_ids'] : array( null ) );
				foreach ( $problems as $field => $problem ) {
					$errors[ 'marketplaces.' . $country . '.' . $field ] = $problem;
				}
			}
			$marketplaces[ $country ] = $row;
		}
		$default = is_string( $file['default_country'] ?? null ) ? Marketplace_Registry::normalize_country( $file['default_country'] ) : null;
		if ( null !== $default && ! isset( $marketplaces[ $default ] ) && null === $this->rows->row( $default ) ) {
			$errors['default_country'] = __( 'The default marketplace is neither in the file nor configured here.', 'creators-connect-for-amazon' );
		}
		$paapi  = is_array( $file['paapi'] ?? null ) ? $file['paapi'] : array();
		$access = is_string( $paapi['access_key'] ?? null ) ? trim( $paapi['access_key'] ) : '';
		if ( null !== Credential_Rules::access_key_error( $access ) ) {
			$errors['paapi.access_key'] = (string) Credential_Rules::access_key_error( $access );
		}
		$tags = array();
		foreach ( is_array( $paapi['partner_tags'] ?? null ) ? $paapi['partner_tags'] : array() as $country => $tag ) {
			$country = Marketplace_Registry::normalize_country( (string) $country );
			$message = Credential_Rules::country_error( $country ) ?? Credential_Rules::partner_tag_error( is_string( $tag ) ? $tag : '' );
			if ( null !== $message ) {
				$errors[ 'paapi.partner_tags.' . $country ] = $message;
				continue;
			}
			$tags[ $country ] = (string) $tag;
		}
		$general = is_array( $file['general'] ?? null ) ? $file['general'] : array();
		$schema  = General_Settings::schema()['properties'];
		foreach ( $general as $key => $value ) {
			if ( ! isset( $schema[ $key ] ) ) {
				unset( $general[ $key ] );
				continue;
			}
			$valid = rest_validate_value_from_schema( $value, $schema[ $key ], 'general.' . $key );
			if ( is_wp_error( $valid ) ) {
				$errors[ 'general.' . $key ] = $valid->get_error_message();
			}
		}
		if ( array() !== $errors ) {
			return Settings_Errors::invalid( $errors );
		}
		return array(
			'marketplaces'    => $marketplaces,
			'default_country' => $default,
			'paapi'           => array(
				'access_key'   => $access,
				'partner_tags' => $tags,
			),
			'general'         => $general,
		);
	}
}
