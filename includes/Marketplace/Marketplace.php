<?php
/**
 * One Amazon marketplace, as both Amazon APIs see it.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Marketplace;

/**
 * Immutable description of a marketplace: hosts, region group, credential versions, PA-API
 * signing region and locale defaults. Built only by Marketplace_Registry (the one source of truth).
 */
final class Marketplace {

	/**
	 * Builds the value object.
	 *
	 * @param string       $country            Lower-case country code (`uk`, never `gb`).
	 * @param string       $name               English name (translate at the UI edge).
	 * @param string       $host               Store host, also the `x-marketplace` value (`www.amazon.de`).
	 * @param string       $region             Region group: `NA`, `EU` or `FE`.
	 * @param string       $cognito_version    Creators API version for Cognito (v2) credentials.
	 * @param string       $lwa_version        Creators API version for Login with Amazon (v3) credentials.
	 * @param string       $paapi_host         PA-API 5.0 host (`webservices.amazon.de`).
	 * @param string       $paapi_region       SigV4 region PA-API signs with for that host.
	 * @param string       $currency           Default currency (ISO 4217).
	 * @param string       $language           Default language (locale, `de_DE`).
	 * @param list<string> $languages          Languages the APIs accept for this marketplace.
	 * @param string       $associates_host    Associates Central host, for admin help links.
	 * @param list<string> $alternate_versions Versions other sources name for this marketplace.
	 * @param string|null  $version_note       Why the versions are uncertain, when they are.
	 */
	public function __construct(
		public readonly string $country,
		public readonly string $name,
		public readonly string $host,
		public readonly string $region,
		public readonly string $cognito_version,
		public readonly string $lwa_version,
		public readonly string $paapi_host,
		public readonly string $paapi_region,
		public readonly string $currency,
		public readonly string $language,
		public readonly array $languages,
		public readonly string $associates_host,
		public readonly array $alternate_versions = array(),
		public readonly ?string $version_note = null
	) {
	}

	/**
	 * The Creators API version for a credential type.
	 *
	 * @param string $type `cognito` or `lwa`.
	 */
	public function version_for( string $type ): string {
		return 'lwa' === $type ? $this->lwa_version : $this->cognito_version;
	}

	/**
	 * Whether a Creators API version serves this marketplace (its own or a documented alternative).
	 *
	 * @param string $version Version such as `2.2`.
	 */
	public function supports_version( string $version ): bool {
		return in_array( $version, array( $this->cognito_version, $this->lwa_version ), true )
			|| in_array( $version, $this->alternate_versions, true );
	}

	/**
	 * The store's base URL (`https://www.amazon.de`).
	 */
	public function store_url(): string {
		return 'https://' . $this->host;
	}

	/**
	 * Whether a URL is a page of this store: `https://` on its host (`www.amazon.de`, or the same
	 * host without `www.`). Protocol-relative, `http:` and look-alike hosts are not.
	 *
	 * @param string $url URL as the API returned it.
	 */
	public function owns_url( string $url ): bool {
		$parts = parse_url( $url ); // phpcs:ignore WordPress.WP.AlternativeFunctions.parse_url_parse_url -- Also outside WordPress (unit tests); PHP 8 parses like wp_parse_url().
		if ( ! is_array( $parts ) || 'https' !== strtolower( (string) ( $parts['scheme'] ?? '' ) ) || isset( $parts['user'] ) || isset( $parts['pass'] ) || isset( $parts['port'] ) ) {
			return false;
		}
		$host = strtolower( (string) ( $parts['host'] ?? '' ) );
		return $host === $this->host || 'www.' . $host === $this->host;
	}

	/**
	 * The canonical product page, tagged: `https://www.amazon.de/dp/B0…?tag=…` (no tag when none).
	 *
	 * @param string $asin ASIN.
	 * @param string $tag  Partner tag.
	 */
	public function product_url( string $asin, string $tag = '' ): string {
		$url = $this->store_url() . '/dp/' . rawurlencode( $asin );
		return '' === $tag ? $url : $url . '?tag=' . rawurlencode( $tag );
	}

	/**
	 * Where Associates Central creates Creators API credentials for this marketplace (Tools →
	 * Creators API, on the marketplace's own Associates host).
	 */
	public function creators_api_url(): string {
		return 'https://' . $this->associates_host . '/creatorsapi';
	}

	/**
	 * Plain array for JSON export and REST responses.
	 *
	 * @return array<string, mixed>
	 */
	public function to_array(): array {
		return array(
			'country'            => $this->country,
			'name'               => $this->name,
			'host'               => $this->host,
			'region'             => $this->region,
			'cognito_version'    => $this->cognito_version,
			'lwa_version'        => $this->lwa_version,
			'token_endpoints'    => array(
				$this->cognito_version => Marketplace_Registry::token_endpoint( $this->cognito_version ),
				$this->lwa_version     => Marketplace_Registry::token_endpoint( $this->lwa_version ),
			),
			'paapi_host'         => $this->paapi_host,
			'paapi_region'       => $this->paapi_region,
			'currency'           => $this->currency,
			'language'           => $this->language,
			'languages'          => $this->languages,
			'associates_host'    => $this->associates_host,
			'creators_api_url'   => $this->creators_api_url(),
			'tag_suffix'         => Marketplace_Registry::tag_suffix( $this->region ),
			'alternate_versions' => $this->alternate_versions,
			'version_note'       => $this->version_note,
		);
	}
}
