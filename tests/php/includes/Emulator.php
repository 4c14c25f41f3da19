<?php
/**
 * Test helper: the Amazon emulator's control endpoints (docs/contracts.md) and its demo credentials.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests;

use Creators_Connect\Amazon\Creators_Credentials;
use Creators_Connect\Amazon\Paapi_Credentials;

/**
 * Talks to `/__emulator/*` with plain PHP streams (no WordPress needed, not subject to
 * WP_HTTP_BLOCK_EXTERNAL) and builds credential objects from tests/fixtures/credentials.json.
 */
final class Emulator {

	/**
	 * Base URL, e.g. `http://127.0.0.1:9411`.
	 *
	 * @var string
	 */
	private string $url;

	/**
	 * Builds the helper.
	 *
	 * @param string|null $url Base URL; default: ACAPI_EMULATOR_URL, else ACAPI_ENDPOINT_OVERRIDE, else port 9411.
	 */
	public function __construct( ?string $url = null ) {
		if ( null === $url ) {
			$env = getenv( 'ACAPI_EMULATOR_URL' );
			if ( is_string( $env ) && '' !== $env ) {
				$url = $env;
			} elseif ( defined( 'ACAPI_ENDPOINT_OVERRIDE' ) && is_string( constant( 'ACAPI_ENDPOINT_OVERRIDE' ) ) ) {
				$url = (string) constant( 'ACAPI_ENDPOINT_OVERRIDE' );
			} else {
				$url = 'http://127.0.0.1:9411';
			}
		}
		$this->url = rtrim( $url, '/' );
	}

	/**
	 * The base URL.
	 */
	public function url(): string {
		return $this->url;
	}

	/**
	 * Whether the emulator answers.
	 */
	public function is_up(): bool {
		try {
			$this->request( 'GET', '/__emulator/health', null, 2.0 );
			return true;
		} catch ( \RuntimeException $e ) {
			return false;
		}
	}

	/**
	 * Clears the request log, faults, issued tokens and rate-limit buckets (configuration stays).
	 */
	public function reset(): void {
		$this->request( 'POST', '/__emulator/reset', array() );
	}

	/**
	 * Adds a fault, e.g. `array( 'fault' => 'throttle', 'times' => 1, 'retry_after' => 1 )`.
	 *
	 * @param array<string, mixed> $fault Fault definition.
	 * @return array<string, mixed> The emulator's answer.
	 */
	public function fault( array $fault ): array {
		return $this->request( 'POST', '/__emulator/faults', $fault );
	}

	/**
	 * Removes every fault.
	 */
	public function clear_faults(): void {
		$this->request( 'DELETE', '/__emulator/faults' );
	}

	/**
	 * The request log: `requests` (time, api, operation, marketplace, host, path, status, asins, credential)
	 * and `counts` (`getItems`, `getItems:us`, `creators:getItems`, `token`, …).
	 *
	 * @return array{requests: list<array<string, mixed>>, counts: array<string, int>}
	 */
	public function log(): array {
		$log = $this->request( 'GET', '/__emulator/log' );
		return array(
			'requests' => isset( $log['requests'] ) && is_array( $log['requests'] ) ? array_values( $log['requests'] ) : array(),
			'counts'   => isset( $log['counts'] ) && is_array( $log['counts'] ) ? array_map( 'intval', $log['counts'] ) : array(),
		);
	}

	/**
	 * One count of the log (0 when absent), e.g. `count( 'getItems:us' )`, `count( 'token' )`.
	 *
	 * @param string $key Count key.
	 */
	public function count( string $key ): int {
		return $this->log()['counts'][ $key ] ?? 0;
	}

	/**
	 * Logged requests of one operation (`getItems`, `token`, …), optionally of one API.
	 *
	 * @param string      $operation Operation.
	 * @param string|null $api       `creators`, `paapi` or `token`.
	 * @return list<array<string, mixed>>
	 */
	public function requests( string $operation, ?string $api = null ): array {
		return array_values(
			array_filter(
				$this->log()['requests'],
				static function ( array $request ) use ( $operation, $api ): bool {
					$logged_operation = $request['operation'] ?? '';
					$logged_api       = $request['api'] ?? '';
					return $logged_operation === $operation && ( null === $api || $logged_api === $api );
				}
			)
		);
	}

	/**
	 * Changes the configuration (`token_expires_in`, `rate_limit_tps`, `rate_limit_per_day`, `strict`,
	 * `paapi_retired`, `null_members`); returns the whole configuration.
	 *
	 * @param array<string, mixed> $config Changes.
	 * @return array<string, mixed>
	 */
	public function config( array $config ): array {
		return $this->request( 'POST', '/__emulator/config', $config );
	}

	/**
	 * Puts the configuration back to the emulator's defaults.
	 */
	public function default_config(): void {
		$this->config(
			array(
				'token_expires_in'   => 3600,
				'rate_limit_tps'     => 0,
				'rate_limit_per_day' => 0,
				'strict'             => false,
				'paapi_retired'      => false,
				'null_members'       => false,
			)
		);
	}

	/**
	 * The demo credentials (tests/fixtures/credentials.json).
	 *
	 * @return array<string, mixed>
	 * @throws \RuntimeException When the fixture is missing.
	 */
	public static function credentials(): array {
		static $data = null;
		if ( null === $data ) {
			$json = file_get_contents( dirname( __DIR__, 2 ) . '/fixtures/credentials.json' ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- A local fixture.
			$data = json_decode( (string) $json, true );
			if ( ! is_array( $data ) ) {
				throw new \RuntimeException( 'tests/fixtures/credentials.json is not readable JSON' );
			}
		}
		return $data;
	}

	/**
	 * The demo partner tag of a marketplace.
	 *
	 * @param string $country Country code.
	 */
	public static function partner_tag( string $country ): string {
		return (string) ( self::credentials()['partner_tags'][ $country ] ?? '' );
	}

	/**
	 * Demo Creators API credentials for a marketplace, of the marketplace's region.
	 *
	 * @param string      $type    `cognito` or `lwa`.
	 * @param string      $country Country code.
	 * @param string|null $region  Region group of the credential (default: the marketplace's).
	 */
	public static function creators_credentials( string $type = 'lwa', string $country = 'us', ?string $region = null ): Creators_Credentials {
		$region = $region ?? ( \Creators_Connect\Marketplace\Marketplace_Registry::get( $country )->region ?? 'NA' );
		$set    = self::credentials()[ $type ][ $region ];
		return new Creators_Credentials( (string) $set['credential_id'], (string) $set['credential_secret'], $type, (string) $set['version'], self::partner_tag( $country ), $country );
	}

	/**
	 * The demo credentials flagged "not eligible" (NA).
	 *
	 * @param string $type `cognito` or `lwa`.
	 */
	public static function ineligible_credentials( string $type = 'lwa' ): Creators_Credentials {
		$set = self::credentials()['ineligible'][ $type ];
		return new Creators_Credentials( (string) $set['credential_id'], (string) $set['credential_secret'], $type, (string) $set['version'], self::partner_tag( 'us' ), 'us' );
	}

	/**
	 * Demo PA-API credentials for a marketplace.
	 *
	 * @param string $country Country code.
	 */
	public static function paapi_credentials( string $country = 'us' ): Paapi_Credentials {
		$set = self::credentials()['paapi'];
		return new Paapi_Credentials( (string) $set['access_key'], (string) $set['secret_key'], self::partner_tag( $country ), $country );
	}

	/**
	 * The ASINs of the fixture catalog of a marketplace (tests/fixtures/catalog/<country>.json).
	 *
	 * @param string $country Country code.
	 * @return list<string>
	 */
	public static function catalog_asins( string $country = 'us' ): array {
		$json = file_get_contents( dirname( __DIR__, 2 ) . '/fixtures/catalog/' . $country . '.json' ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- A local fixture.
		$data = json_decode( (string) $json, true );
		$out  = array();
		foreach ( is_array( $data ) && isset( $data['items'] ) && is_array( $data['items'] ) ? $data['items'] : array() as $item ) {
			if ( is_array( $item ) && isset( $item['asin'] ) && is_string( $item['asin'] ) ) {
				$out[] = $item['asin'];
			}
		}
		return $out;
	}

	/**
	 * One control request.
	 *
	 * @param string                    $method  Method.
	 * @param string                    $path    Path.
	 * @param array<string, mixed>|null $body    JSON body.
	 * @param float                     $timeout Seconds.
	 * @return array<string, mixed>
	 * @throws \RuntimeException When the emulator does not answer 200 with JSON.
	 */
	private function request( string $method, string $path, ?array $body = null, float $timeout = 5.0 ): array {
		$context = stream_context_create(
			array(
				'http' => array(
					'method'        => $method,
					'header'        => "Content-Type: application/json\r\nAccept: application/json\r\n",
					'content'       => null === $body ? '' : (string) json_encode( (object) $body ), // phpcs:ignore WordPress.WP.AlternativeFunctions.json_encode_json_encode -- Works without WordPress.
					'timeout'       => $timeout,
					'ignore_errors' => true,
				),
			)
		);
		$raw     = @file_get_contents( $this->url . $path, false, $context ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents, WordPress.PHP.NoSilencedErrors.Discouraged -- A loopback call; failure is reported below.
		if ( false === $raw ) {
			throw new \RuntimeException( "The Amazon emulator at {$this->url} does not answer ({$method} {$path})." );
		}
		$status = 0;
		foreach ( $http_response_header as $line ) { // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals -- PHP's own variable.
			if ( 1 === preg_match( '#^HTTP/\S+\s+(\d{3})#', $line, $match ) ) {
				$status = (int) $match[1];
			}
		}
		$data = json_decode( $raw, true );
		if ( 200 !== $status || ! is_array( $data ) ) {
			throw new \RuntimeException( "The Amazon emulator answered {$status} to {$method} {$path}: " . substr( $raw, 0, 300 ) );
		}
		return $data;
	}
}
