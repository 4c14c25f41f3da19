<?php
/**
 * OAuth access tokens for the Creators API (Cognito v2.x and Login with Amazon v3.x).
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Amazon;

use Creators_Connect\Marketplace\Marketplace_Registry;
use Creators_Connect\Model\Amazon_Error;
use Creators_Connect\Support\Budget;
use Creators_Connect\Support\Shared_Store;

/**
 * Fetches and caches client-credentials tokens (docs/amazon-protocol.md §C2).
 *
 * - Cognito (2.1/2.2/2.3): form body `grant_type, client_id, client_secret, scope=creatorsapi/default`.
 * - LWA (3.1/3.2/3.3): JSON body with `scope=creatorsapi::default`.
 * - The cache is shared across processes (Shared_Store: persistent object cache or transients),
 *   keyed by a hash of credential id, version, endpoint and the secret's hash (never the secret
 *   itself), for `expires_in − 60` s.
 * - Single flight: one process fetches under a short lock; the others wait briefly and re-read
 *   the cache, then fetch themselves rather than hang.
 */
final class Token_Provider {

	/**
	 * Seconds subtracted from `expires_in`.
	 */
	public const EXPIRY_MARGIN = 60;

	/**
	 * Longest wait for another process's token fetch, in seconds.
	 */
	public const LOCK_WAIT = 2.0;

	/**
	 * Transport.
	 *
	 * @var Http_Transport
	 */
	private Http_Transport $transport;

	/**
	 * Store.
	 *
	 * @var Shared_Store
	 */
	private Shared_Store $store;

	/**
	 * Sleeper.
	 *
	 * @var callable(float): void
	 */
	private $sleep;

	/**
	 * Tokens this instance fetched from Amazon.
	 *
	 * @var int
	 */
	private int $fetched = 0;

	/**
	 * Builds the provider.
	 *
	 * @param Http_Transport               $transport Transport.
	 * @param Shared_Store|null            $store     Shared store (default: WordPress-backed).
	 * @param (callable(float): void)|null $sleep     Sleeper (tests).
	 */
	public function __construct( Http_Transport $transport, ?Shared_Store $store = null, ?callable $sleep = null ) {
		$this->transport = $transport;
		$this->store     = $store ?? new Shared_Store();
		$this->sleep     = $sleep ?? static function ( float $seconds ): void {
			usleep( (int) round( $seconds * 1000000 ) );
		};
	}

	/**
	 * A valid access token (cached, or fetched).
	 *
	 * @param Creators_Credentials $credentials Credentials.
	 * @param Budget|null          $budget      The caller's time budget (caps the token call's timeout).
	 * @throws Amazon_Exception When the credentials are incomplete or Amazon refuses them.
	 */
	public function token( Creators_Credentials $credentials, ?Budget $budget = null ): string {
		$this->check( $credentials );
		$cached = $this->cached( $credentials );
		if ( null !== $cached ) {
			return $cached;
		}

		$lock = 'tokl_' . $credentials->token_cache_id();
		if ( ! $this->store->lock( $lock, 15 ) ) {
			$waited = 0.0;
			while ( $waited < self::LOCK_WAIT ) {
				( $this->sleep )( 0.1 );
				$waited += 0.1;
				$cached  = $this->cached( $credentials );
				if ( null !== $cached ) {
					return $cached;
				}
			}
			return $this->fetch_and_store( $credentials, $budget );
		}
		try {
			$cached = $this->cached( $credentials );
			return $cached ?? $this->fetch_and_store( $credentials, $budget );
		} finally {
			$this->store->unlock( $lock );
		}
	}

	/**
	 * A new token after Amazon rejected $stale (401 TokenExpired/InvalidToken). When another process
	 * already replaced the cached token, that one is used.
	 *
	 * @param Creators_Credentials $credentials Credentials.
	 * @param string               $stale       The rejected token.
	 * @param Budget|null          $budget      The caller's time budget.
	 * @throws Amazon_Exception When Amazon refuses the credentials.
	 */
	public function refresh( Creators_Credentials $credentials, #[\SensitiveParameter] string $stale, ?Budget $budget = null ): string {
		$cached = $this->cached( $credentials );
		if ( null !== $cached && ! hash_equals( $cached, $stale ) ) {
			return $cached;
		}
		$this->forget( $credentials );
		return $this->token( $credentials, $budget );
	}

	/**
	 * Drops the cached token.
	 *
	 * @param Creators_Credentials $credentials Credentials.
	 */
	public function forget( Creators_Credentials $credentials ): void {
		$this->store->delete( 'tok_' . $credentials->token_cache_id() );
	}

	/**
	 * How many tokens this instance fetched from Amazon.
	 */
	public function fetch_count(): int {
		return $this->fetched;
	}

	/**
	 * The Authorization header value: `Bearer <t>, Version 2.x` for Cognito, `Bearer <t>` for LWA.
	 *
	 * @param Creators_Credentials $credentials Credentials.
	 * @param string               $token       Access token.
	 */
	public static function authorization( Creators_Credentials $credentials, #[\SensitiveParameter] string $token ): string {
		return 'cognito' === Marketplace_Registry::version_type( $credentials->version )
			? 'Bearer ' . $token . ', Version ' . $credentials->version
			: 'Bearer ' . $token;
	}

	/**
	 * The cached token, or null.
	 *
	 * @param Creators_Credentials $credentials Credentials.
	 */
	private function cached( Creators_Credentials $credentials ): ?string {
		$entry = $this->store->get( 'tok_' . $credentials->token_cache_id() );
		if ( is_array( $entry ) && isset( $entry['token'], $entry['expires_at'] ) && is_string( $entry['token'] ) && '' !== $entry['token'] && is_numeric( $entry['expires_at'] ) && (float) $entry['expires_at'] > microtime( true ) ) {
			return $entry['token'];
		}
		return null;
	}

	/**
	 * Refuses to call Amazon with credentials that cannot work.
	 *
	 * @param Creators_Credentials $credentials Credentials.
	 * @throws Amazon_Exception When they are incomplete or inconsistent.
	 */
	private function check( Creators_Credentials $credentials ): void {
		if ( ! $credentials->is_complete() ) {
			throw new Amazon_Exception( new Amazon_Error( Amazon_Error::NOT_CONFIGURED, 'creators', 0, 'MissingCredentials', '', null, null, null, $credentials->context() ) ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- Amazon_Exception escapes its message (esc_html) when it is built.
		}
		if ( ! Marketplace_Registry::is_version( $credentials->version ) ) {
			throw new Amazon_Exception( new Amazon_Error( Amazon_Error::INVALID_CREDENTIALS, 'creators', 0, 'UnsupportedVersion', 'Unsupported version', null, null, Amazon_Error::HINT_CHECK_CREDENTIALS, $credentials->context() ) ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- Amazon_Exception escapes its message (esc_html) when it is built.
		}
		if ( ! $credentials->type_matches_version() ) {
			throw new Amazon_Exception( new Amazon_Error( Amazon_Error::INVALID_CREDENTIALS, 'creators', 0, 'TypeVersionMismatch', '', null, null, Amazon_Error::HINT_TYPE_MISMATCH, $credentials->context() ) ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- Amazon_Exception escapes its message (esc_html) when it is built.
		}
	}

	/**
	 * Fetches a token from Amazon and caches it.
	 *
	 * @param Creators_Credentials $credentials Credentials.
	 * @param Budget|null          $budget      The caller's time budget.
	 * @throws Amazon_Exception When Amazon refuses or cannot be reached.
	 */
	private function fetch_and_store( Creators_Credentials $credentials, ?Budget $budget ): string {
		$endpoint = (string) Marketplace_Registry::token_endpoint( $credentials->version );
		$scope    = (string) Marketplace_Registry::token_scope( $credentials->version );
		$fields   = array(
			'grant_type'    => 'client_credentials',
			'client_id'     => $credentials->credential_id,
			'client_secret' => $credentials->secret(),
			'scope'         => $scope,
		);
		if ( 'lwa' === $credentials->type ) {
			$headers = array(
				'Content-Type' => 'application/json',
				'Accept'       => 'application/json',
			);
			$body    = (string) json_encode( $fields, JSON_UNESCAPED_SLASHES ); // phpcs:ignore WordPress.WP.AlternativeFunctions.json_encode_json_encode -- Exact bytes, also outside WordPress.
		} else {
			$headers = array(
				'Content-Type' => 'application/x-www-form-urlencoded',
				'Accept'       => 'application/json',
			);
			$body    = http_build_query( $fields, '', '&', PHP_QUERY_RFC3986 );
		}

		$response = $this->transport->send( 'POST', $endpoint, $headers, $body, 'token', $budget );
		++$this->fetched;
		$data = $response->json();
		if ( ! $response->is_success() ) {
			throw new Amazon_Exception( Error_Response::from_token_response( $response->status, $data, $credentials->context(), $response->retry_after() ) ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- Amazon_Exception escapes its message (esc_html) when it is built.
		}
		if ( null === $data || ! isset( $data['access_token'] ) || ! is_string( $data['access_token'] ) || '' === $data['access_token'] ) {
			throw new Amazon_Exception( new Amazon_Error( Amazon_Error::MALFORMED_RESPONSE, 'creators', $response->status, 'TokenResponse', '', null, null, null, $credentials->context() ) ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- Amazon_Exception escapes its message (esc_html) when it is built.
		}
		$expires_in = isset( $data['expires_in'] ) && is_numeric( $data['expires_in'] ) ? (int) $data['expires_in'] : 3600;
		$ttl        = $expires_in > 2 * self::EXPIRY_MARGIN ? $expires_in - self::EXPIRY_MARGIN : max( 1, intdiv( $expires_in, 2 ) );
		$this->store->set(
			'tok_' . $credentials->token_cache_id(),
			array(
				'token'      => $data['access_token'],
				'expires_at' => microtime( true ) + $ttl,
			),
			$ttl
		);
		return $data['access_token'];
	}
}
