<?php
/**
 * Test double of the settings as the router sees them: fixed credentials per marketplace.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests;

use Creators_Connect\Amazon\Creators_Credentials;
use Creators_Connect\Amazon\Paapi_Credentials;
use Creators_Connect\Catalog\Credentials_Source;

/**
 * Credentials_Source built from the emulator's demo credentials (tests/fixtures/credentials.json).
 * The settings storage itself is tested with Marketplace_Rows and Stored_Credentials; router and service tests only
 * need "which credentials serve which marketplace".
 */
final class Fixed_Credentials_Source implements Credentials_Source {

	/**
	 * Creators API credentials by country.
	 *
	 * @var array<string, Creators_Credentials>
	 */
	public array $creators = array();

	/**
	 * Countries whose partner tag the PA-API keys have.
	 *
	 * @var list<string>
	 */
	public array $paapi_countries = array();

	/**
	 * PA-API keys (null: none saved).
	 *
	 * @var Paapi_Credentials|null
	 */
	public ?Paapi_Credentials $paapi = null;

	/**
	 * Extra partner tags (tracking IDs) by country.
	 *
	 * @var array<string, list<string>>
	 */
	public array $tracking = array();

	/**
	 * Builds the source.
	 *
	 * @param string|null $default_country Default marketplace.
	 * @param bool        $fallback        Whether to fall back to PA-API.
	 */
	public function __construct( public ?string $default_country = null, public bool $fallback = true ) {
	}

	/**
	 * The routing table of the issue: DE Cognito (2.2), US LWA (3.1), UK and FR on PA-API only.
	 */
	public static function demo(): self {
		$source = new self( 'de' );
		$source->with_creators( 'cognito', 'de' )->with_creators( 'lwa', 'us' )->with_paapi( array( 'us', 'de', 'uk', 'fr' ) );
		return $source;
	}

	/**
	 * Adds the demo Creators API credentials of a type for a marketplace.
	 *
	 * @param string $type    `cognito` or `lwa`.
	 * @param string $country Country code.
	 */
	public function with_creators( string $type, string $country ): self {
		$this->creators[ $country ] = Emulator::creators_credentials( $type, $country );
		return $this;
	}

	/**
	 * Sets Creators API credentials (e.g. the ineligible ones) for a marketplace.
	 *
	 * @param string               $country     Country code.
	 * @param Creators_Credentials $credentials Credentials.
	 */
	public function with_credentials( string $country, Creators_Credentials $credentials ): self {
		$this->creators[ $country ] = $credentials;
		return $this;
	}

	/**
	 * Adds the demo PA-API keys with the partner tags of some marketplaces.
	 *
	 * @param list<string> $countries Countries with a partner tag.
	 */
	public function with_paapi( array $countries ): self {
		$this->paapi           = Emulator::paapi_credentials( 'us' );
		$this->paapi_countries = $countries;
		return $this;
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string $country A marketplace country code.
	 */
	public function creators_credentials( string $country ): ?Creators_Credentials {
		return $this->creators[ $country ] ?? null;
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string $country A marketplace country code.
	 */
	public function paapi_credentials( string $country ): ?Paapi_Credentials {
		if ( null === $this->paapi || ! in_array( $country, $this->paapi_countries, true ) ) {
			return null;
		}
		return $this->paapi->with_marketplace( $country, Emulator::partner_tag( $country ) );
	}

	/**
	 * {@inheritDoc}
	 */
	public function default_country(): ?string {
		return $this->default_country;
	}

	/**
	 * {@inheritDoc}
	 */
	public function fallback_to_paapi(): bool {
		return $this->fallback;
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string $country A marketplace country code.
	 * @return list<string>
	 */
	public function tracking_tags( string $country ): array {
		return $this->tracking[ $country ] ?? array();
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string $country A marketplace country code.
	 */
	public function partner_tag( string $country ): string {
		$credentials = $this->creators[ $country ] ?? $this->paapi_credentials( $country );
		return null === $credentials ? '' : $credentials->partner_tag;
	}
}
