<?php
/**
 * The visitor's country, from what the request already carries.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Geo;

/**
 * Reads the country a CDN or the web server put on the request; never looks an IP address up and
 * never asks anyone. The names (docs/geotargeting.md): Cloudflare `CF-IPCountry` (with IP
 * Geolocation on), Amazon CloudFront `CloudFront-Viewer-Country` (once added to the origin request
 * policy), Vercel `X-Vercel-IP-Country`; Fastly has no header of its own (a VCL sets one from
 * `client.geo.country_code`, under the name the admin enters); Apache's and nginx's GeoIP modules
 * set the `GEOIP_COUNTRY_CODE` server variable. Placeholders for "unknown" (`XX`), Tor (`T1`),
 * anonymous proxies and continents (`A1`, `A2`, `EU`, `AP`) count as no country.
 */
final class Visitor_Country {

	/**
	 * Header names, in the order they are read.
	 */
	public const HEADERS = array( 'CF-IPCountry', 'CloudFront-Viewer-Country', 'X-Vercel-IP-Country' );

	/**
	 * The web server's GeoIP variable.
	 */
	public const SERVER_VARIABLE = 'GEOIP_COUNTRY_CODE';

	/**
	 * Values that name no country.
	 */
	private const NOT_A_COUNTRY = array( 'xx', 't1', 'a1', 'a2', 'eu', 'ap', 'zz' );

	/**
	 * The country and where it came from, or null.
	 *
	 * @param array<string, mixed> $server The request's server variables ($_SERVER).
	 * @param string               $extra  A header name the admin set ('' for none).
	 * @return array{country: string, header: string}|null Lower-case ISO code and the header (or variable) name.
	 */
	public static function from_request( array $server, string $extra = '' ): ?array {
		$names = self::HEADERS;
		if ( '' !== $extra ) {
			array_unshift( $names, $extra );
		}
		foreach ( $names as $name ) {
			$country = self::code( $server[ 'HTTP_' . strtoupper( str_replace( '-', '_', $name ) ) ] ?? null );
			if ( null !== $country ) {
				return array(
					'country' => $country,
					'header'  => $name,
				);
			}
		}
		$country = self::code( $server[ self::SERVER_VARIABLE ] ?? null );
		return null === $country ? null : array(
			'country' => $country,
			'header'  => '',
		);
	}

	/**
	 * A two-letter country code, lower case, or null.
	 *
	 * @param mixed $value A header's value.
	 */
	private static function code( mixed $value ): ?string {
		if ( ! is_string( $value ) ) {
			return null;
		}
		$value = strtolower( trim( $value ) );
		return 1 === preg_match( '/^[a-z]{2}$/', $value ) && ! in_array( $value, self::NOT_A_COUNTRY, true ) ? $value : null;
	}
}
