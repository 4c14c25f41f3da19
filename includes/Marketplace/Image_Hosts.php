<?php
/**
 * The hosts product images may be hotlinked from.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Marketplace;

/**
 * Amazon serves product images from `m.media-amazon.com` (what both APIs return today) and, on
 * older listings, from the regional `images-na|eu|fe.ssl-images-amazon.com`. Anything else (a
 * protocol-relative URL, another host, plain `http:`) is not an Amazon image and is not shown.
 * When `ACAPI_ENDPOINT_OVERRIDE` sends the plugin to the Amazon emulator, the emulator's own
 * origin is admitted too, for its demo images; in production the constant is never defined.
 */
final class Image_Hosts {

	/**
	 * Amazon's image hosts.
	 */
	public const HOSTS = array(
		'm.media-amazon.com',
		'images-na.ssl-images-amazon.com',
		'images-eu.ssl-images-amazon.com',
		'images-fe.ssl-images-amazon.com',
	);

	/**
	 * Whether an image URL may be shown.
	 *
	 * @param string      $url      Image URL as the API returned it.
	 * @param string|null $override The endpoint override (null: the `ACAPI_ENDPOINT_OVERRIDE` constant).
	 */
	public static function allows( string $url, ?string $override = null ): bool {
		$parts = parse_url( $url ); // phpcs:ignore WordPress.WP.AlternativeFunctions.parse_url_parse_url -- Also outside WordPress (unit tests).
		if ( ! is_array( $parts ) || isset( $parts['user'] ) || isset( $parts['pass'] ) ) {
			return false;
		}
		$scheme = strtolower( (string) ( $parts['scheme'] ?? '' ) );
		$host   = strtolower( (string) ( $parts['host'] ?? '' ) );
		if ( 'https' === $scheme && ! isset( $parts['port'] ) && in_array( $host, self::HOSTS, true ) ) {
			return true;
		}
		$override ??= defined( 'ACAPI_ENDPOINT_OVERRIDE' ) && is_string( constant( 'ACAPI_ENDPOINT_OVERRIDE' ) ) ? (string) constant( 'ACAPI_ENDPOINT_OVERRIDE' ) : '';
		return '' !== $override && self::origin( $url ) === self::origin( $override );
	}

	/**
	 * `scheme://host:port` of a URL, lower-case, or '' when it has none.
	 *
	 * @param string $url URL.
	 */
	private static function origin( string $url ): string {
		$parts = parse_url( $url ); // phpcs:ignore WordPress.WP.AlternativeFunctions.parse_url_parse_url -- Also outside WordPress.
		if ( ! is_array( $parts ) || ! isset( $parts['scheme'], $parts['host'] ) ) {
			return '';
		}
		return strtolower( $parts['scheme'] . '://' . $parts['host'] . ( isset( $parts['port'] ) ? ':' . $parts['port'] : '' ) );
	}
}
