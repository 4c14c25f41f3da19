<?php
/**
 * Catalog keys: a marketplace, or a marketplace with one of its tracking IDs.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Catalog;

use Creators_Connect\Marketplace\Marketplace_Registry;

/**
 * A page asks for `de` or `de#mysite-sidebar-21` (a tracking ID); the store keeps a listed
 * tracking ID's products under `de.` and five hex digits of the tag's hash (it fits the product
 * table's marketplace column), apart from the marketplace's own, so that each link is the one
 * Amazon returned for that tag. Which tags are listed is the settings' (Credentials_Source).
 */
final class Catalog_Key {

	/**
	 * Builds the keys.
	 *
	 * @param Credentials_Source $source The settings.
	 */
	public function __construct( private readonly Credentials_Source $source ) {
	}

	/**
	 * The store's key for a marketplace's tracking ID.
	 *
	 * @param string $country Country code.
	 * @param string $tag     Tracking ID.
	 */
	public static function for_tag( string $country, string $tag ): string {
		return $country . '.' . substr( md5( strtolower( $tag ) ), 0, 5 );
	}

	/**
	 * A key's parts: the country code as written (normalised), the tag asked for, the short code.
	 *
	 * @param string $key Key.
	 * @return array{0: string, 1: string, 2: string}
	 */
	public static function split( string $key ): array {
		$tag   = '';
		$short = '';
		if ( str_contains( $key, '#' ) ) {
			list( $key, $tag ) = explode( '#', $key, 2 );
		} elseif ( str_contains( $key, '.' ) ) {
			list( $key, $short ) = explode( '.', $key, 2 );
		}
		return array( Marketplace_Registry::normalize_country( $key ), trim( $tag ), $short );
	}

	/**
	 * A tag as the marketplace lists it (case-insensitive), or null when it does not.
	 *
	 * @param string $country Country code.
	 * @param string $tag     Tag.
	 */
	public function listed( string $country, string $tag ): ?string {
		foreach ( $this->source->tracking_tags( $country ) as $listed ) {
			if ( 0 === strcasecmp( $listed, $tag ) ) {
				return $listed;
			}
		}
		return null;
	}

	/**
	 * The listed tag of a key from for_tag(), or null (not such a key, or no longer listed).
	 *
	 * @param string $key Key (`de.1a2b3`).
	 */
	public function tag_of( string $key ): ?string {
		$country = (string) strstr( $key, '.', true );
		foreach ( '' === $country ? array() : $this->source->tracking_tags( $country ) as $listed ) {
			if ( self::for_tag( $country, $listed ) === $key ) {
				return $listed;
			}
		}
		return null;
	}
}
