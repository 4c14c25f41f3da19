<?php
/**
 * What the router needs to know of the settings: which credentials serve a marketplace.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Catalog;

use Creators_Connect\Amazon\Creators_Credentials;
use Creators_Connect\Amazon\Paapi_Credentials;

/**
 * Implemented by the settings' Stored_Credentials; the router reads nothing else of the settings.
 */
interface Credentials_Source {

	/**
	 * The Creators API credentials of a marketplace, only when that marketplace is enabled and
	 * its credentials are complete and decryptable; null otherwise.
	 *
	 * @param string $country A marketplace country code ('de').
	 */
	public function creators_credentials( string $country ): ?Creators_Credentials;

	/**
	 * The PA-API 5.0 credentials with the partner tag of a marketplace, or null when the keys or
	 * that marketplace's tag are missing.
	 *
	 * @param string $country A marketplace country code.
	 */
	public function paapi_credentials( string $country ): ?Paapi_Credentials;

	/**
	 * The default marketplace's country code, or null when none is set.
	 */
	public function default_country(): ?string;

	/**
	 * Whether a Creators API failure that PA-API could fix (not eligible, invalid credentials,
	 * circuit open) falls back to PA-API. On by default.
	 */
	public function fallback_to_paapi(): bool;

	/**
	 * The extra partner tags (tracking IDs) a marketplace lists; a page may ask for one of these
	 * instead of the marketplace's own tag, never for any other.
	 *
	 * @param string $country A marketplace country code.
	 * @return list<string>
	 */
	public function tracking_tags( string $country ): array;

	/**
	 * The partner tag of a marketplace, whatever answers it (or nothing does): the marketplace's
	 * own entry (also a links-only one), else its PA-API tag; '' when none is set. Tagged plain
	 * links need nothing more.
	 *
	 * @param string $country A marketplace country code.
	 */
	public function partner_tag( string $country ): string;
}
