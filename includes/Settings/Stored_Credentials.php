<?php
/**
 * The credentials the stored settings give the API clients: what the router reads of the settings.
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
 * Reads the marketplace rows (Marketplace_Rows), the PA-API keys (Paapi_Keys), the tracking IDs
 * and the general settings, and opens the sealed secrets into the credential objects handed to
 * the API clients: this is the one place a secret leaves the settings layer (Public_Marketplace
 * opens one only to mask it). Writes nothing.
 *
 * @phpstan-import-type Row from Marketplace_Rows
 */
final class Stored_Credentials implements Credentials_Source {

	/**
	 * Builds the reader.
	 *
	 * @param Marketplace_Rows $rows  The per-marketplace entries.
	 * @param Paapi_Keys       $paapi The PA-API 5.0 keys and partner tags.
	 * @param Secret_Box       $box   Opens the sealed secrets.
	 */
	public function __construct(
		private readonly Marketplace_Rows $rows,
		private readonly Paapi_Keys $paapi,
		private readonly Secret_Box $box
	) {
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string $country A marketplace country code ('de').
	 */
	public function creators_credentials( string $country ): ?Creators_Credentials {
		$row = $this->rows->row( $country );
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
		$credentials = new Creators_Credentials( $row['credential_id'], $secret, $row['credential_type'], Credential_Rules::effective_version( $row ), $row['partner_tag'], $row['country'] );
		return $credentials->is_complete() ? $credentials : null;
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string $country A marketplace country code.
	 */
	public function partner_tag( string $country ): string {
		$country = Marketplace_Registry::normalize_country( $country );
		$row     = $this->rows->row( $country );
		$tag     = null === $row ? '' : $row['partner_tag'];
		return '' !== $tag ? $tag : ( $this->paapi->stored()['partner_tags'][ $country ] ?? '' );
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
		$paapi  = $this->paapi->stored();
		$secret = '' === $paapi['secret_key'] ? null : $this->box->open( $paapi['secret_key'] );
		$tag    = $paapi['partner_tags'][ $country ] ?? '';
		if ( '' === $tag ) {
			$row = $this->rows->row( $country );
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
	public function default_country(): ?string {
		return $this->rows->default_country();
	}

	/**
	 * {@inheritDoc}
	 */
	public function fallback_to_paapi(): bool {
		return General_Settings::read()['fallback_to_paapi'];
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
}
