<?php
/**
 * The one error vocabulary of the Amazon layer.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Model;

use Creators_Connect\Marketplace\Marketplace_Registry;

/**
 * An error from either Amazon API (or from talking to it), with a plain-language message for an
 * admin. Immutable. Never carries a secret: Amazon's own text is kept only after redact().
 * Amazon's answers are read into it by Amazon\Error_Response.
 *
 * Longer than a class should be, on purpose: it is a list, the plugin's one vocabulary of error
 * kinds with a translated sentence per kind and per hint; splitting it would scatter the
 * vocabulary, not separate two jobs.
 */
final class Amazon_Error {

	public const NOT_CONFIGURED      = 'not_configured';
	public const INVALID_CREDENTIALS = 'invalid_credentials';
	public const NOT_ELIGIBLE        = 'not_eligible';
	public const INVALID_PARTNER_TAG = 'invalid_partner_tag';
	public const THROTTLED           = 'throttled';
	public const ITEM_NOT_ACCESSIBLE = 'item_not_accessible';
	public const INVALID_ASIN        = 'invalid_asin';
	public const NOT_FOUND           = 'not_found';
	public const INVALID_REQUEST     = 'invalid_request';
	public const SERVER_ERROR        = 'server_error';
	public const TIMEOUT             = 'timeout';
	public const NETWORK             = 'network';
	public const MALFORMED_RESPONSE  = 'malformed_response';
	public const PAAPI_RETIRED       = 'paapi_retired';
	public const CIRCUIT_OPEN        = 'circuit_open';
	// The plugin's own spending limits held the call back (Amazon was not asked).
	public const USER_LIMIT  = 'user_limit';
	public const DAILY_QUOTA = 'daily_quota';
	// The request's fetch cap sent ASINs to the refresh queue (a notice, not a failure).
	public const DEFERRED = 'deferred';

	/**
	 * Every kind.
	 */
	public const KINDS = array(
		self::NOT_CONFIGURED,
		self::INVALID_CREDENTIALS,
		self::NOT_ELIGIBLE,
		self::INVALID_PARTNER_TAG,
		self::THROTTLED,
		self::ITEM_NOT_ACCESSIBLE,
		self::INVALID_ASIN,
		self::NOT_FOUND,
		self::INVALID_REQUEST,
		self::SERVER_ERROR,
		self::TIMEOUT,
		self::NETWORK,
		self::MALFORMED_RESPONSE,
		self::PAAPI_RETIRED,
		self::CIRCUIT_OPEN,
		self::USER_LIMIT,
		self::DAILY_QUOTA,
		self::DEFERRED,
	);

	/**
	 * Hint: the credential type does not match the version (2.x Cognito, 3.x LWA).
	 */
	public const HINT_TYPE_MISMATCH = 'type_mismatch';

	/**
	 * Hint: the version's region group does not serve the marketplace.
	 */
	public const HINT_REGION_MISMATCH = 'region_mismatch';

	/**
	 * Hint: check id, secret and version.
	 */
	public const HINT_CHECK_CREDENTIALS = 'check_credentials';

	/**
	 * Code of a call the plugin's own request spacing held back: Amazon was not asked.
	 */
	public const CODE_LOCAL_RATE_LIMIT = 'LocalRateLimit';

	/**
	 * Code of a request the plugin refused itself before asking Amazon (too long keywords, an
	 * unknown search index): the detail is the plugin's own explanation.
	 */
	public const CODE_LOCAL_VALIDATION = 'LocalValidation';

	/**
	 * Amazon's own (English) text, redacted and shortened.
	 *
	 * @var string
	 */
	public readonly string $detail;

	/**
	 * Builds an error. Prefer the named factories.
	 *
	 * @param string                    $kind        One of the KINDS.
	 * @param string                    $api         `creators`, `paapi` or '' (not API-specific).
	 * @param int                       $http_status Amazon's HTTP status (0 when there was no answer).
	 * @param string                    $code        Amazon's reason/code (`AssociateNotEligible`), '' when none.
	 * @param string                    $detail      Amazon's own (English) text, redacted.
	 * @param int|null                  $retry_after Seconds to wait before retrying, when known.
	 * @param string|null               $asin        The item this error is about (per-item errors).
	 * @param string|null               $hint        One of the HINT_* constants.
	 * @param array<string, string|int> $context     Non-secret context: version, marketplace, partner_tag, seconds.
	 */
	public function __construct(
		public readonly string $kind,
		public readonly string $api = '',
		public readonly int $http_status = 0,
		public readonly string $code = '',
		string $detail = '',
		public readonly ?int $retry_after = null,
		public readonly ?string $asin = null,
		public readonly ?string $hint = null,
		public readonly array $context = array()
	) {
		$this->detail = self::redact( $detail );
	}

	/**
	 * The same error about one item.
	 *
	 * @param string $asin ASIN.
	 */
	public function for_asin( string $asin ): self {
		return new self( $this->kind, $this->api, $this->http_status, $this->code, $this->detail, $this->retry_after, $asin, $this->hint, $this->context );
	}

	/**
	 * Whether trying again later may succeed (throttling, server trouble, timeouts, network).
	 */
	public function is_transient(): bool {
		return in_array( $this->kind, array( self::THROTTLED, self::SERVER_ERROR, self::TIMEOUT, self::NETWORK, self::MALFORMED_RESPONSE, self::CIRCUIT_OPEN ), true );
	}

	/**
	 * Whether the plugin's own request spacing held the call back (Amazon was not asked).
	 */
	public function is_local_throttle(): bool {
		return self::THROTTLED === $this->kind && self::CODE_LOCAL_RATE_LIMIT === $this->code;
	}

	/**
	 * Whether the plugin itself held the call back (its request spacing or a spending limit):
	 * Amazon was not asked, so nothing is to be remembered about the items.
	 */
	public function is_held_back(): bool {
		return $this->is_local_throttle() || in_array( $this->kind, array( self::USER_LIMIT, self::DAILY_QUOTA ), true );
	}

	/**
	 * Whether the error concerns the whole setup (every item of every request fails alike).
	 */
	public function is_configuration_error(): bool {
		return in_array( $this->kind, array( self::NOT_CONFIGURED, self::INVALID_CREDENTIALS, self::NOT_ELIGIBLE, self::INVALID_PARTNER_TAG, self::PAAPI_RETIRED ), true );
	}

	/**
	 * Whether Amazon refused the request itself as invalid (a 400 that is neither about the
	 * credentials nor the tag): the same request gets the same answer, so it is not asked again soon.
	 */
	public function is_refused_request(): bool {
		return self::INVALID_REQUEST === $this->kind && 400 === $this->http_status;
	}

	/**
	 * Whether Amazon does not know the item at all (unknown or malformed ASIN), as opposed to one
	 * it knows but does not serve through the API (ITEM_NOT_ACCESSIBLE) or one merely missing from
	 * an answer (NOT_FOUND without Amazon saying so).
	 */
	public function is_unknown_item(): bool {
		return self::INVALID_ASIN === $this->kind
			|| ( self::NOT_FOUND === $this->kind && ( 404 === $this->http_status || 'ItemNotFound' === $this->code ) );
	}

	/**
	 * Whether the error is about one item only (the other items of the request were fine).
	 */
	public function is_item_error(): bool {
		return in_array( $this->kind, array( self::ITEM_NOT_ACCESSIBLE, self::INVALID_ASIN, self::NOT_FOUND ), true );
	}

	/**
	 * Whether the error counts against the circuit breaker (Amazon or the network misbehaving).
	 */
	public function counts_as_failure(): bool {
		return in_array( $this->kind, array( self::THROTTLED, self::SERVER_ERROR, self::TIMEOUT, self::NETWORK, self::MALFORMED_RESPONSE ), true );
	}

	/**
	 * Whether, when a whole batch failed with this error, the next batches would fail alike and
	 * only cost time: Amazon unreachable or slow, throttling that outlived its retries, an open
	 * circuit, a setup problem. The one rule for the clients' batch loop and the refresh job.
	 */
	public function stops_batches(): bool {
		return $this->is_configuration_error() || in_array( $this->kind, array( self::TIMEOUT, self::NETWORK, self::THROTTLED, self::CIRCUIT_OPEN, self::USER_LIMIT, self::DAILY_QUOTA ), true );
	}

	/**
	 * The plain-language, translated message for an admin. Outside WordPress (unit tests, CLI
	 * tools) there is no translation API: a technical English summary is returned instead.
	 */
	public function message(): string {
		if ( ! function_exists( '__' ) ) {
			return $this->summary();
		}
		$asin = (string) ( $this->asin ?? '' );
		switch ( $this->kind ) {
			case self::NOT_CONFIGURED:
				return __( 'Amazon is not set up for this marketplace yet. Add Creators API credentials and the partner tag for it on the plugin\'s settings page.', 'creators-connect-for-amazon' );
			case self::INVALID_CREDENTIALS:
				return trim( __( 'Amazon did not accept the credentials.', 'creators-connect-for-amazon' ) . ' ' . $this->hint_message() );
			case self::NOT_ELIGIBLE:
				return __( 'Amazon says this Associates account is not eligible for the API right now: it requires 10 qualified sales in the last 30 days (new credentials can also take up to 2 days). Access returns automatically once sales ship again.', 'creators-connect-for-amazon' );
			case self::INVALID_PARTNER_TAG:
				$text = __( 'Amazon did not accept the partner tag (Associates tracking ID) for this marketplace. Use the tag of this marketplace\'s store, with credentials created for the same store and region.', 'creators-connect-for-amazon' );
				return self::HINT_REGION_MISMATCH === $this->hint ? $text . ' ' . $this->hint_message() : $text;
			case self::THROTTLED:
				if ( null !== $this->retry_after && $this->retry_after > 0 ) {
					return sprintf(
						/* translators: %d: number of seconds. */
						_n( 'Amazon is limiting the number of requests right now. Try again in %d second.', 'Amazon is limiting the number of requests right now. Try again in %d seconds.', $this->retry_after, 'creators-connect-for-amazon' ),
						$this->retry_after
					);
				}
				return __( 'Amazon is limiting the number of requests right now. Try again shortly.', 'creators-connect-for-amazon' );
			case self::ITEM_NOT_ACCESSIBLE:
				/* translators: %s: ASIN (Amazon product ID). */
				return sprintf( __( 'Amazon does not make the item %s available through its API.', 'creators-connect-for-amazon' ), $asin );
			case self::INVALID_ASIN:
				/* translators: %s: ASIN (Amazon product ID). */
				return sprintf( __( 'Amazon does not know the item %s in this marketplace. Check the ASIN.', 'creators-connect-for-amazon' ), $asin );
			case self::NOT_FOUND:
				if ( '' !== $asin ) {
					/* translators: %s: ASIN (Amazon product ID). */
					return sprintf( __( 'Amazon returned no data for the item %s.', 'creators-connect-for-amazon' ), $asin );
				}
				return __( 'Amazon found nothing for this request.', 'creators-connect-for-amazon' );
			case self::INVALID_REQUEST:
				if ( self::CODE_LOCAL_VALIDATION === $this->code ) {
					return $this->detail;
				}
				/* translators: %s: Amazon's own explanation, in English. */
				return sprintf( __( 'Amazon rejected the request as invalid: %s', 'creators-connect-for-amazon' ), '' !== $this->detail ? $this->detail : $this->code );
			case self::SERVER_ERROR:
				return __( 'Amazon\'s servers had a problem answering. This is usually temporary: try again later.', 'creators-connect-for-amazon' );
			case self::TIMEOUT:
				return __( 'Amazon did not answer in time. Try again later.', 'creators-connect-for-amazon' );
			case self::NETWORK:
				return __( 'The site could not connect to Amazon (network error).', 'creators-connect-for-amazon' );
			case self::MALFORMED_RESPONSE:
				return __( 'Amazon sent an answer the plugin could not read.', 'creators-connect-for-amazon' );
			case self::PAAPI_RETIRED:
				return __( 'Amazon has retired the Product Advertising API 5.0 (it shut down on 15 May 2026). Set up Creators API credentials for this marketplace instead.', 'creators-connect-for-amazon' );
			case self::CIRCUIT_OPEN:
				return __( 'Requests to Amazon are paused for a minute after several failures in a row. They resume automatically.', 'creators-connect-for-amazon' );
			case self::USER_LIMIT:
			case self::DAILY_QUOTA:
			case self::DEFERRED:
				return $this->limit_message();
		}
		return __( 'Amazon returned an unexpected error.', 'creators-connect-for-amazon' );
	}

	/**
	 * The message of a spending limit (context: `limit`, `used`, `window`, `deferred`).
	 */
	private function limit_message(): string {
		$limit = (int) ( $this->context['limit'] ?? 0 );
		$used  = (int) ( $this->context['used'] ?? 0 );
		if ( self::DEFERRED === $this->kind ) {
			return sprintf(
				/* translators: 1: most new products fetched per preview, 2: products left for later. */
				__( 'Only %1$d new products are fetched from Amazon per preview; %2$d more are loaded in the background and appear within a few minutes.', 'creators-connect-for-amazon' ),
				$limit,
				(int) ( $this->context['deferred'] ?? 0 )
			);
		}
		if ( self::DAILY_QUOTA === $this->kind ) {
			return sprintf(
				/* translators: 1: Amazon calls made today, 2: the daily limit. */
				__( 'The site has used %1$s of its %2$s Amazon calls today (UTC). To keep pages working, searches and editor look-ups pause until midnight UTC; products already loaded still show.', 'creators-connect-for-amazon' ),
				number_format_i18n( $used ),
				number_format_i18n( $limit )
			);
		}
		$retry = (int) ( $this->retry_after ?? 60 );
		return 'day' === ( $this->context['window'] ?? '' )
			? sprintf(
				/* translators: %d: Amazon calls a day. */
				__( 'You have used the %d Amazon calls a day your role may make (the whole site shares Amazon\'s allowance). Try again tomorrow (UTC); the rest of the products load in the background.', 'creators-connect-for-amazon' ),
				$limit
			)
			: sprintf(
				/* translators: 1: Amazon calls a minute, 2: seconds. */
				__( 'You have used the %1$d Amazon calls a minute your role may make (the whole site shares Amazon\'s allowance). Try again in %2$d seconds; the rest of the products load in the background.', 'creators-connect-for-amazon' ),
				$limit,
				$retry
			);
	}

	/**
	 * A technical one-line English summary (for logs and exceptions): kind, API, status, code.
	 */
	public function summary(): string {
		$parts = array( 'Amazon error: ' . $this->kind );
		if ( '' !== $this->api ) {
			$parts[] = 'api=' . $this->api;
		}
		if ( 0 !== $this->http_status ) {
			$parts[] = 'status=' . $this->http_status;
		}
		if ( '' !== $this->code ) {
			$parts[] = 'code=' . $this->code;
		}
		if ( null !== $this->asin ) {
			$parts[] = 'asin=' . $this->asin;
		}
		if ( null !== $this->retry_after ) {
			$parts[] = 'retry_after=' . $this->retry_after;
		}
		if ( null !== $this->hint ) {
			$parts[] = 'hint=' . $this->hint;
		}
		return implode( ' ', $parts );
	}

	/**
	 * The error as a WP_Error (code `acapi_<kind>`), with non-secret data for REST and logs.
	 */
	public function to_wp_error(): \WP_Error {
		return new \WP_Error( 'acapi_' . $this->kind, $this->message(), $this->to_array() + array( 'status' => $this->rest_status() ) );
	}

	/**
	 * Non-secret data (for logs, REST, storage).
	 *
	 * @return array{kind: string, api: string, http_status: int, code: string, detail: string, retry_after: int|null, asin: string|null, hint: string|null, context: array<string, string|int>}
	 */
	public function to_array(): array {
		return array(
			'kind'        => $this->kind,
			'api'         => $this->api,
			'http_status' => $this->http_status,
			'code'        => $this->code,
			'detail'      => $this->detail,
			'retry_after' => $this->retry_after,
			'asin'        => $this->asin,
			'hint'        => $this->hint,
			'context'     => $this->context,
		);
	}

	/**
	 * Rebuilds an error from to_array() output.
	 *
	 * @param array<mixed> $data Stored data.
	 */
	public static function from_array( array $data ): self {
		$context = array();
		if ( isset( $data['context'] ) && is_array( $data['context'] ) ) {
			foreach ( $data['context'] as $key => $value ) {
				if ( is_int( $value ) || is_string( $value ) ) {
					$context[ (string) $key ] = $value;
				}
			}
		}
		$kind = isset( $data['kind'] ) && is_string( $data['kind'] ) && in_array( $data['kind'], self::KINDS, true ) ? $data['kind'] : self::SERVER_ERROR;
		return new self(
			$kind,
			isset( $data['api'] ) && is_string( $data['api'] ) ? $data['api'] : '',
			isset( $data['http_status'] ) && is_numeric( $data['http_status'] ) ? (int) $data['http_status'] : 0,
			isset( $data['code'] ) && is_string( $data['code'] ) ? $data['code'] : '',
			isset( $data['detail'] ) && is_string( $data['detail'] ) ? $data['detail'] : '',
			isset( $data['retry_after'] ) && is_numeric( $data['retry_after'] ) ? (int) $data['retry_after'] : null,
			isset( $data['asin'] ) && is_string( $data['asin'] ) ? $data['asin'] : null,
			isset( $data['hint'] ) && is_string( $data['hint'] ) ? $data['hint'] : null,
			$context
		);
	}

	/**
	 * The HTTP status a REST response about this error should carry.
	 */
	public function rest_status(): int {
		switch ( $this->kind ) {
			case self::THROTTLED:
			case self::USER_LIMIT:
			case self::DAILY_QUOTA:
			case self::DEFERRED:
				return 429;
			case self::CIRCUIT_OPEN:
				return 503;
			case self::SERVER_ERROR:
			case self::MALFORMED_RESPONSE:
			case self::NETWORK:
				return 502;
			case self::TIMEOUT:
				return 504;
			case self::ITEM_NOT_ACCESSIBLE:
			case self::INVALID_ASIN:
			case self::NOT_FOUND:
				return 404;
		}
		return 400;
	}

	/**
	 * Maps a per-item entry of a 200 answer's `errors[]` / `Errors[]` to an error about that item.
	 *
	 * @param string $api     `creators` or `paapi`.
	 * @param string $code    Amazon's code (`ItemNotAccessible`, `InvalidParameterValue`, `ItemNotFound`).
	 * @param string $message Amazon's message.
	 * @param string $asin    The ASIN it concerns.
	 */
	public static function for_item( string $api, string $code, string $message, string $asin ): self {
		switch ( $code ) {
			case 'ItemNotAccessible':
				$kind = self::ITEM_NOT_ACCESSIBLE;
				break;
			case 'ItemNotFound':
			case 'NoResults':
				$kind = self::NOT_FOUND;
				break;
			default:
				$kind = self::INVALID_ASIN;
		}
		return new self( $kind, $api, 200, $code, $message, null, $asin );
	}

	/**
	 * Removes anything that looks like a secret or token from a text and shortens it.
	 *
	 * @param string $text Text from Amazon or the HTTP layer.
	 */
	public static function redact( string $text ): string {
		$patterns = array(
			'/amzn1\.oa2-cs\.[A-Za-z0-9._-]+/',             // LWA client secret.
			'/Atz?[a-z]?\|[A-Za-z0-9|._+\/=-]{8,}/',           // LWA access token.
			'/eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/', // JWT (Cognito token).
			'/\b(?:AKIA|ASIA)[A-Z0-9]{12,}\b/',                // AWS access key id.
			'/(client_secret|secret|token|password|signature)=([^&\s,]+)/i',
			'/Bearer\s+[^\s,]+/i',
		);
		$replace  = array( '[redacted]', '[redacted]', '[redacted]', '[redacted]', '$1=[redacted]', 'Bearer [redacted]' );
		$text     = (string) preg_replace( $patterns, $replace, $text );
		$text     = trim( (string) preg_replace( '/\s+/', ' ', $text ) );
		return strlen( $text ) > 300 ? substr( $text, 0, 297 ) . '...' : $text;
	}

	/**
	 * The hint sentence for an invalid-credentials error.
	 */
	private function hint_message(): string {
		$version     = (string) ( $this->context['version'] ?? '' );
		$marketplace = (string) ( $this->context['marketplace'] ?? '' );
		$region      = '' !== $version ? (string) Marketplace_Registry::version_region( $version ) : '';
		$market      = '' !== $marketplace ? Marketplace_Registry::get( $marketplace ) : null;
		switch ( $this->hint ) {
			case self::HINT_TYPE_MISMATCH:
				return __( 'The credential type does not match its version: versions 2.1, 2.2 and 2.3 are Cognito credentials, versions 3.1, 3.2 and 3.3 are Login with Amazon credentials (issued since February 2026). Enter the version Associates Central shows next to the credential.', 'creators-connect-for-amazon' );
			case self::HINT_REGION_MISMATCH:
				if ( null !== $market && '' !== $region ) {
					return sprintf(
						/* translators: 1: credential version, 2: region (NA, EU or FE), 3: marketplace name, 4: Cognito version, 5: Login with Amazon version. */
						__( 'Version %1$s credentials belong to the %2$s region, but %3$s needs version %4$s (Cognito) or %5$s (Login with Amazon). Create credentials in that marketplace\'s Associates Central, or correct the version.', 'creators-connect-for-amazon' ),
						$version,
						$region,
						$market->name,
						$market->cognito_version,
						$market->lwa_version
					);
				}
				return __( 'The credential version does not match the region the credentials were created for.', 'creators-connect-for-amazon' );
		}
		// Only India has a version field on the settings screen; elsewhere the type sets the version.
		return __( 'Check the Credential ID and the Credential Secret exactly as Associates Central shows them, and the credential type (Cognito v2 or Login with Amazon v3) it names: credentials only work in the region (NA, EU or FE) they were created for.', 'creators-connect-for-amazon' );
	}

	/**
	 * Picks the hint for a credentials failure from the context (type vs version, version vs marketplace).
	 * Error_Response asks it when it reads Amazon's answer.
	 *
	 * @param array<string, string|int> $context Context.
	 */
	public static function credentials_hint( array $context ): string {
		$version     = (string) ( $context['version'] ?? '' );
		$type        = (string) ( $context['type'] ?? '' );
		$marketplace = (string) ( $context['marketplace'] ?? '' );
		if ( '' !== $version && '' !== $type && Marketplace_Registry::version_type( $version ) !== $type ) {
			return self::HINT_TYPE_MISMATCH;
		}
		$market = '' !== $marketplace ? Marketplace_Registry::get( $marketplace ) : null;
		if ( null !== $market && '' !== $version && ! $market->supports_version( $version ) ) {
			return self::HINT_REGION_MISMATCH;
		}
		return self::HINT_CHECK_CREDENTIALS;
	}


}
