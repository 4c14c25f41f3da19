<?php
/**
 * The only way the plugin talks HTTP to Amazon.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Amazon;

use Creators_Connect\Model\Amazon_Error;
use Creators_Connect\Support\Budget;

/**
 * Sends requests through the WordPress HTTP API with connect and total timeouts, the plugin's user
 * agent and the test/demo endpoint override.
 *
 * Endpoint override: the wp-config constant `ACAPI_ENDPOINT_OVERRIDE` (e.g. the emulator's address and port)
 * sends every call to `{override}/{amazon-host}{path}`. It is a constant on purpose: nothing in the
 * admin screen can set it (no SSRF). With the override, requests go through wp_remote_request()
 * (wp_safe_remote_request() refuses 127.0.0.1); without it, through wp_safe_remote_request().
 */
final class Http_Transport {

	/**
	 * Default total timeout in seconds (filter `acapi_http_timeout`).
	 */
	public const DEFAULT_TIMEOUT = 5.0;

	/**
	 * Default connect timeout in seconds (filter `acapi_http_connect_timeout`).
	 */
	public const DEFAULT_CONNECT_TIMEOUT = 2.0;

	/**
	 * Override base URL without trailing slash, '' when none.
	 *
	 * @var string
	 */
	private string $override;

	/**
	 * Replacement sender for unit tests: fn( method, url, headers, body, timeout ): Http_Response|Amazon_Error.
	 *
	 * @var (callable(string, string, array<string, string>, string, float): (Http_Response|Amazon_Error))|null
	 */
	private $sender;

	/**
	 * Builds the transport.
	 *
	 * @param string|null   $endpoint_override Override base URL; null reads ACAPI_ENDPOINT_OVERRIDE.
	 * @param callable|null $sender            Replacement sender (unit tests only).
	 */
	public function __construct( ?string $endpoint_override = null, ?callable $sender = null ) {
		if ( null === $endpoint_override ) {
			$endpoint_override = defined( 'ACAPI_ENDPOINT_OVERRIDE' ) && is_string( constant( 'ACAPI_ENDPOINT_OVERRIDE' ) ) ? (string) constant( 'ACAPI_ENDPOINT_OVERRIDE' ) : '';
		}
		$endpoint_override = rtrim( trim( $endpoint_override ), '/' );
		$this->override    = 1 === preg_match( '#^https?://[^/?\#]+(/[^?\#]*)?$#i', $endpoint_override ) ? $endpoint_override : '';
		$this->sender      = $sender;
	}

	/**
	 * Whether the endpoint override is active.
	 */
	public function is_overridden(): bool {
		return '' !== $this->override;
	}

	/**
	 * The URL a request for an Amazon URL is actually sent to (override applied).
	 *
	 * @param string $url Amazon URL (`https://creatorsapi.amazon/catalog/v1/getItems`).
	 */
	public function resolve_url( string $url ): string {
		if ( '' === $this->override ) {
			return $url;
		}
		$parts = self::parse_url( $url );
		$host  = $parts['host'] ?? '';
		$path  = $parts['path'] ?? '/';
		$query = isset( $parts['query'] ) ? '?' . $parts['query'] : '';
		return $this->override . '/' . $host . $path . $query;
	}

	/**
	 * The total timeout in seconds.
	 */
	public function timeout(): float {
		$timeout = function_exists( 'apply_filters' ) ? apply_filters( 'acapi_http_timeout', self::DEFAULT_TIMEOUT ) : self::DEFAULT_TIMEOUT;
		return is_numeric( $timeout ) && (float) $timeout > 0 ? (float) $timeout : self::DEFAULT_TIMEOUT;
	}

	/**
	 * The connect timeout in seconds (never above the total timeout).
	 */
	public function connect_timeout(): float {
		$timeout = function_exists( 'apply_filters' ) ? apply_filters( 'acapi_http_connect_timeout', self::DEFAULT_CONNECT_TIMEOUT ) : self::DEFAULT_CONNECT_TIMEOUT;
		$timeout = is_numeric( $timeout ) && (float) $timeout > 0 ? (float) $timeout : self::DEFAULT_CONNECT_TIMEOUT;
		return min( $timeout, $this->timeout() );
	}

	/**
	 * The user agent: plugin name and version.
	 */
	public function user_agent(): string {
		$version = defined( 'ACAPI_VERSION' ) ? (string) constant( 'ACAPI_VERSION' ) : 'dev';
		return 'creators-connect-for-amazon/' . $version . ' (WordPress plugin)';
	}

	/**
	 * Sends a request. The URL is the real Amazon URL; the override is applied here.
	 *
	 * @param string                $method  HTTP method.
	 * @param string                $url     Amazon URL.
	 * @param array<string, string> $headers Headers (sent as given).
	 * @param string                $body    Raw body.
	 * @param string                $api     `creators`, `paapi` or `token` (for the error and the action).
	 * @param Budget|null           $budget  The caller's time budget: the timeout never outlasts it.
	 * @throws Amazon_Exception On a timeout or a network failure (no HTTP answer).
	 */
	public function send( string $method, string $url, #[\SensitiveParameter] array $headers, #[\SensitiveParameter] string $body, string $api = 'creators', ?Budget $budget = null ): Http_Response {
		$target  = $this->resolve_url( $url );
		$timeout = null !== $budget ? $budget->http_timeout( $this->timeout() ) : $this->timeout();
		$start   = microtime( true );

		if ( null !== $this->sender ) {
			$result = ( $this->sender )( $method, $target, $headers, $body, $timeout );
		} else {
			$result = $this->wp_send( $method, $target, $headers, $body, $timeout, $api );
		}

		if ( function_exists( 'do_action' ) ) {
			/**
			 * Fires after each HTTP call to Amazon. Carries no header and no body (they may hold secrets).
			 *
			 * @param array{api: string, method: string, url: string, status: int, elapsed: float, error: string} $info Call summary.
			 */
			do_action(
				'acapi_http_request',
				array(
					'api'     => $api,
					'method'  => $method,
					'url'     => (string) preg_replace( '/\?.*$/', '', $target ),
					'status'  => $result instanceof Http_Response ? $result->status : 0,
					'elapsed' => round( microtime( true ) - $start, 3 ),
					'error'   => $result instanceof Amazon_Error ? $result->kind : '',
				)
			);
		}

		if ( $result instanceof Amazon_Error ) {
			throw new Amazon_Exception( $result ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- Amazon_Exception escapes its message (esc_html) when it is built.
		}
		return $result;
	}

	/**
	 * Sends through the WordPress HTTP API.
	 *
	 * @param string                $method  Method.
	 * @param string                $url     Final URL.
	 * @param array<string, string> $headers Headers.
	 * @param string                $body    Body.
	 * @param float                 $timeout Total timeout.
	 * @param string                $api     API name.
	 */
	private function wp_send( string $method, string $url, #[\SensitiveParameter] array $headers, #[\SensitiveParameter] string $body, float $timeout, string $api ): Http_Response|Amazon_Error {
		$connect = min( $this->connect_timeout(), $timeout );
		$curl    = static function ( $handle, $request_args = null, $request_url = '' ) use ( $url, $connect ): void {
			if ( $request_url === $url && ( $handle instanceof \CurlHandle ) ) {
				curl_setopt( $handle, CURLOPT_CONNECTTIMEOUT_MS, (int) ( $connect * 1000 ) ); // phpcs:ignore WordPress.WP.AlternativeFunctions.curl_curl_setopt -- Connect timeout: the HTTP API has no argument for it.
			}
		};
		add_action( 'http_api_curl', $curl, 10, 3 );

		$args     = array(
			'method'      => $method,
			'headers'     => $headers,
			'body'        => $body,
			'timeout'     => $timeout,
			'redirection' => 0,
			'user-agent'  => $this->user_agent(),
			'httpversion' => '1.1',
		);
		$start    = microtime( true );
		$response = $this->is_overridden() ? wp_remote_request( $url, $args ) : wp_safe_remote_request( $url, $args );
		$elapsed  = microtime( true ) - $start;
		remove_action( 'http_api_curl', $curl, 10 );

		if ( is_wp_error( $response ) ) {
			$text = $response->get_error_message();
			$kind = 1 === preg_match( '/timed? ?out|cURL error 28/i', $text ) || $elapsed >= $timeout - 0.05 ? Amazon_Error::TIMEOUT : Amazon_Error::NETWORK;
			return new Amazon_Error( $kind, 'token' === $api ? 'creators' : $api, 0, (string) $response->get_error_code(), $text );
		}

		$raw_headers = wp_remote_retrieve_headers( $response );
		$list        = is_object( $raw_headers ) && method_exists( $raw_headers, 'getAll' ) ? $raw_headers->getAll() : (array) $raw_headers;
		$headers_out = array();
		foreach ( $list as $name => $value ) {
			$headers_out[ strtolower( (string) $name ) ] = is_array( $value ) ? implode( ', ', array_map( 'strval', $value ) ) : (string) $value;
		}
		return new Http_Response( (int) wp_remote_retrieve_response_code( $response ), $headers_out, (string) wp_remote_retrieve_body( $response ), $elapsed );
	}

	/**
	 * Splits a URL (wp_parse_url() inside WordPress, parse_url() outside).
	 *
	 * @param string $url URL.
	 * @return array{scheme?: string, host?: string, port?: int, path?: string, query?: string}
	 */
	public static function parse_url( string $url ): array {
		// phpcs:ignore WordPress.WP.AlternativeFunctions.parse_url_parse_url -- Fallback outside WordPress only.
		$parts = function_exists( 'wp_parse_url' ) ? wp_parse_url( $url ) : parse_url( $url );
		if ( ! is_array( $parts ) ) {
			return array();
		}
		$out = array();
		foreach ( array( 'scheme', 'host', 'path', 'query' ) as $key ) {
			if ( isset( $parts[ $key ] ) ) {
				$out[ $key ] = (string) $parts[ $key ];
			}
		}
		if ( isset( $parts['port'] ) ) {
			$out['port'] = (int) $parts['port'];
		}
		return $out;
	}
}
