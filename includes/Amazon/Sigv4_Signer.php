<?php
/**
 * AWS Signature Version 4 (general purpose; PA-API 5.0 is one user).
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Amazon;

/**
 * Signs an HTTP request with AWS SigV4 (header form), checked against AWS's published SigV4 test
 * suite and the worked PA-API example (docs/amazon-protocol.md §P4.6). Every given header is signed.
 *
 * Canonicalisation (non-S3 rules, as in the suite): the path has `.`/`..` segments and empty
 * segments removed (a trailing slash is kept) and each segment RFC 3986-encoded as given (like
 * botocore: an already encoded `%20` becomes `%2520`, which is what AWS computes from the wire path);
 * the query is split on `&`, decoded, RFC 3986-encoded and sorted by key then value; header names
 * are lower-cased and sorted, values trimmed with inner whitespace runs collapsed, repeated headers
 * (a list value) joined with `,` in order.
 */
final class Sigv4_Signer {

	/**
	 * Algorithm name.
	 */
	public const ALGORITHM = 'AWS4-HMAC-SHA256';

	/**
	 * Signs a request and returns the headers to send: the given headers plus `x-amz-date`, `host`
	 * (when not given) and `Authorization`.
	 *
	 * @param string                              $method     HTTP method.
	 * @param string                              $url        Full URL as sent.
	 * @param array<string, string|array<string>> $headers    Headers to sign (a list value = a repeated header).
	 * @param string                              $body       Raw body bytes as sent.
	 * @param string                              $region     Region (`us-east-1`).
	 * @param string                              $service    Service (`ProductAdvertisingAPI`).
	 * @param string                              $access_key Access key id.
	 * @param string                              $secret_key Secret access key.
	 * @param \DateTimeInterface                  $time       Signing time.
	 * @return array<string, string>
	 */
	public function sign( string $method, string $url, array $headers, string $body, string $region, string $service, string $access_key, #[\SensitiveParameter] string $secret_key, \DateTimeInterface $time ): array {
		return $this->sign_details( $method, $url, $headers, $body, $region, $service, $access_key, $secret_key, $time )['headers'];
	}

	/**
	 * Signs and returns every intermediate value (for tests and debugging; holds no secret).
	 *
	 * @param string                              $method     HTTP method.
	 * @param string                              $url        Full URL as sent.
	 * @param array<string, string|array<string>> $headers    Headers to sign.
	 * @param string                              $body       Raw body.
	 * @param string                              $region     Region.
	 * @param string                              $service    Service.
	 * @param string                              $access_key Access key id.
	 * @param string                              $secret_key Secret access key.
	 * @param \DateTimeInterface                  $time       Signing time.
	 * @return array{headers: array<string, string>, canonical_request: string, string_to_sign: string, signed_headers: string, signature: string, scope: string}
	 */
	public function sign_details( string $method, string $url, array $headers, string $body, string $region, string $service, string $access_key, #[\SensitiveParameter] string $secret_key, \DateTimeInterface $time ): array {
		$utc       = \DateTimeImmutable::createFromInterface( $time )->setTimezone( new \DateTimeZone( 'UTC' ) );
		$amz_date  = $utc->format( 'Ymd\THis\Z' );
		$date      = $utc->format( 'Ymd' );
		$parts     = $this->split_url( $url );
		$out       = array();
		$canonical = array();

		foreach ( $headers as $name => $value ) {
			$lower = strtolower( trim( (string) $name ) );
			if ( 'x-amz-date' === $lower || 'authorization' === $lower ) {
				continue;
			}
			$values = is_array( $value ) ? array_values( $value ) : array( $value );
			foreach ( $values as $one ) {
				$canonical[ $lower ][] = self::canonical_header_value( (string) $one );
			}
			$out[ (string) $name ] = implode( ',', array_map( 'strval', $values ) );
		}
		if ( ! isset( $canonical['host'] ) ) {
			$canonical['host'][] = $parts['host'];
			$out['host']         = $parts['host'];
		}
		$canonical['x-amz-date'] = array( $amz_date );
		$out['x-amz-date']       = $amz_date;
		ksort( $canonical, SORT_STRING );

		$header_lines = '';
		foreach ( $canonical as $name => $values ) {
			$header_lines .= $name . ':' . implode( ',', $values ) . "\n";
		}
		$signed_headers = implode( ';', array_keys( $canonical ) );

		$canonical_request = implode(
			"\n",
			array(
				strtoupper( $method ),
				self::canonical_uri( $parts['path'] ),
				self::canonical_query( $parts['query'] ),
				$header_lines,
				$signed_headers,
				hash( 'sha256', $body ),
			)
		);
		$scope             = $date . '/' . $region . '/' . $service . '/aws4_request';
		$string_to_sign    = self::ALGORITHM . "\n" . $amz_date . "\n" . $scope . "\n" . hash( 'sha256', $canonical_request );
		$signature         = hash_hmac( 'sha256', $string_to_sign, self::signing_key( $secret_key, $date, $region, $service ) );

		$out['Authorization'] = self::ALGORITHM . ' Credential=' . $access_key . '/' . $scope . ', SignedHeaders=' . $signed_headers . ', Signature=' . $signature;

		return array(
			'headers'           => $out,
			'canonical_request' => $canonical_request,
			'string_to_sign'    => $string_to_sign,
			'signed_headers'    => $signed_headers,
			'signature'         => $signature,
			'scope'             => $scope,
		);
	}

	/**
	 * The SigV4 signing key (raw bytes): HMAC chain over date, region, service, `aws4_request`.
	 *
	 * @param string $secret_key Secret access key.
	 * @param string $date       `Ymd`.
	 * @param string $region     Region.
	 * @param string $service    Service.
	 */
	public static function signing_key( #[\SensitiveParameter] string $secret_key, string $date, string $region, string $service ): string {
		$k_date    = hash_hmac( 'sha256', $date, 'AWS4' . $secret_key, true );
		$k_region  = hash_hmac( 'sha256', $region, $k_date, true );
		$k_service = hash_hmac( 'sha256', $service, $k_region, true );
		return hash_hmac( 'sha256', 'aws4_request', $k_service, true );
	}

	/**
	 * The canonical URI of a path (normalised, each segment RFC 3986-encoded).
	 *
	 * @param string $path Path as in the URL.
	 */
	public static function canonical_uri( string $path ): string {
		$segments = array();
		foreach ( explode( '/', $path ) as $segment ) {
			if ( '' === $segment || '.' === $segment ) {
				continue;
			}
			if ( '..' === $segment ) {
				array_pop( $segments );
				continue;
			}
			$segments[] = rawurlencode( $segment );
		}
		$uri = '/' . implode( '/', $segments );
		if ( '/' !== $uri && str_ends_with( $path, '/' ) ) {
			$uri .= '/';
		}
		return $uri;
	}

	/**
	 * The canonical query string: pairs decoded, RFC 3986-encoded, sorted by key then value.
	 *
	 * @param string $query Query string without `?`.
	 */
	public static function canonical_query( string $query ): string {
		if ( '' === $query ) {
			return '';
		}
		$pairs = array();
		foreach ( explode( '&', $query ) as $pair ) {
			if ( '' === $pair ) {
				continue;
			}
			$split   = explode( '=', $pair, 2 );
			$pairs[] = array( rawurlencode( rawurldecode( $split[0] ) ), rawurlencode( rawurldecode( $split[1] ?? '' ) ) );
		}
		usort(
			$pairs,
			static function ( array $a, array $b ): int {
				return 0 !== strcmp( $a[0], $b[0] ) ? strcmp( $a[0], $b[0] ) : strcmp( $a[1], $b[1] );
			}
		);
		return implode(
			'&',
			array_map(
				static function ( array $pair ): string {
					return $pair[0] . '=' . $pair[1];
				},
				$pairs
			)
		);
	}

	/**
	 * A header value as SigV4 signs it: trimmed, whitespace runs collapsed to one space.
	 *
	 * @param string $value Header value.
	 */
	public static function canonical_header_value( string $value ): string {
		return trim( (string) preg_replace( '/\s+/', ' ', $value ) );
	}

	/**
	 * Host (with a non-default port), raw path and raw query of a URL. Parsed by hand so that raw
	 * UTF-8 and spaces in the path survive as given.
	 *
	 * @param string $url URL.
	 * @return array{host: string, path: string, query: string}
	 */
	private function split_url( string $url ): array {
		$rest   = $url;
		$scheme = 'https';
		$pos    = strpos( $rest, '://' );
		if ( false !== $pos ) {
			$scheme = strtolower( substr( $rest, 0, $pos ) );
			$rest   = substr( $rest, $pos + 3 );
		}
		$hash = strpos( $rest, '#' );
		if ( false !== $hash ) {
			$rest = substr( $rest, 0, $hash );
		}
		$query = '';
		$qpos  = strpos( $rest, '?' );
		if ( false !== $qpos ) {
			$query = substr( $rest, $qpos + 1 );
			$rest  = substr( $rest, 0, $qpos );
		}
		$slash     = strpos( $rest, '/' );
		$authority = false === $slash ? $rest : substr( $rest, 0, $slash );
		$path      = false === $slash ? '/' : substr( $rest, $slash );
		$at        = strrpos( $authority, '@' );
		if ( false !== $at ) {
			$authority = substr( $authority, $at + 1 );
		}
		$host = strtolower( $authority );
		if ( ( 'https' === $scheme && str_ends_with( $host, ':443' ) ) || ( 'http' === $scheme && str_ends_with( $host, ':80' ) ) ) {
			$host = substr( $host, 0, (int) strrpos( $host, ':' ) );
		}
		return array(
			'host'  => $host,
			'path'  => $path,
			'query' => $query,
		);
	}
}
