<?php
/**
 * Chooses the Amazon API per request and marketplace.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Catalog;

use Creators_Connect\Amazon\Amazon_Error;
use Creators_Connect\Amazon\Amazon_Exception;
use Creators_Connect\Amazon\Circuit_Breaker;
use Creators_Connect\Amazon\Creators_Client;
use Creators_Connect\Amazon\Creators_Credentials;
use Creators_Connect\Amazon\Get_Items_Result;
use Creators_Connect\Amazon\Paapi_Client;
use Creators_Connect\Amazon\Paapi_Credentials;
use Creators_Connect\Amazon\Search_Result;
use Creators_Connect\Amazon\Shared_Store;
use Creators_Connect\Marketplace\Marketplace_Registry;

/**
 * Per marketplace: enabled Creators API credentials → Creators API; otherwise PA-API 5.0 keys with
 * that marketplace's partner tag → PA-API; otherwise a `not_configured` error. When the Creators API
 * fails for a reason PA-API can fix (not eligible, invalid credentials, circuit open) and the
 * settings allow it, PA-API answers instead, and the router remembers that (for a day) so that the
 * routing summary can say so.
 *
 * Reads the settings only through Credentials_Source.
 */
final class Router {

	/**
	 * Creators API error kinds that PA-API can fix.
	 */
	public const FALLBACK_KINDS = array( Amazon_Error::NOT_ELIGIBLE, Amazon_Error::INVALID_CREDENTIALS, Amazon_Error::CIRCUIT_OPEN );

	/**
	 * How long a fallback is remembered for the routing summary, in seconds.
	 */
	public const FALLBACK_MEMORY = 86400;

	/**
	 * Settings.
	 *
	 * @var Credentials_Source
	 */
	private Credentials_Source $source;

	/**
	 * Creators API client.
	 *
	 * @var Creators_Client
	 */
	private Creators_Client $creators;

	/**
	 * PA-API client.
	 *
	 * @var Paapi_Client
	 */
	private Paapi_Client $paapi;

	/**
	 * Circuit breaker (read only, for the summary).
	 *
	 * @var Circuit_Breaker
	 */
	private Circuit_Breaker $breaker;

	/**
	 * Store for the last fallback per marketplace.
	 *
	 * @var Shared_Store
	 */
	private Shared_Store $store;

	/**
	 * Builds the router.
	 *
	 * @param Credentials_Source   $source   Settings.
	 * @param Creators_Client      $creators Creators API client.
	 * @param Paapi_Client         $paapi    PA-API client.
	 * @param Circuit_Breaker|null $breaker  Breaker to report (default: the shared one).
	 * @param Shared_Store|null    $store    Store (default: the shared one).
	 */
	public function __construct( Credentials_Source $source, Creators_Client $creators, Paapi_Client $paapi, ?Circuit_Breaker $breaker = null, ?Shared_Store $store = null ) {
		$this->source   = $source;
		$this->creators = $creators;
		$this->paapi    = $paapi;
		$this->store    = $store ?? new Shared_Store();
		$this->breaker  = $breaker ?? new Circuit_Breaker( $this->store );
	}

	/**
	 * The marketplace a request is for: its country code ('' = the default marketplace),
	 * normalised; '' when it names no marketplace (or no default is set).
	 *
	 * @param string $country Country code or ''.
	 */
	public function country( string $country ): string {
		$country = Marketplace_Registry::normalize_country( $country );
		if ( '' === $country ) {
			$country = Marketplace_Registry::normalize_country( (string) $this->source->default_country() );
		}
		return null !== Marketplace_Registry::get( $country ) ? $country : '';
	}

	/**
	 * The default marketplace's country code, '' when none is set.
	 */
	public function default_country(): string {
		return $this->country( '' );
	}

	/**
	 * The route for a marketplace ('' = the default one).
	 *
	 * @param string $country Country code or ''.
	 */
	public function decide( string $country ): Route_Decision {
		$code = $this->country( $country );
		if ( '' === $code ) {
			return new Route_Decision( Marketplace_Registry::normalize_country( $country ), Route_Decision::API_NONE, Route_Decision::REASON_UNKNOWN_MARKETPLACE );
		}
		$paapi = $this->paapi_credentials( $code );
		$creds = $this->source->creators_credentials( $code );
		if ( null !== $creds && $creds->is_complete() ) {
			return new Route_Decision( $code, Route_Decision::API_CREATORS, Route_Decision::REASON_CREATORS, $creds, $this->source->fallback_to_paapi() ? $paapi : null );
		}
		if ( null !== $paapi ) {
			return new Route_Decision( $code, Route_Decision::API_PAAPI, Route_Decision::REASON_PAAPI_ONLY, $paapi );
		}
		return new Route_Decision( $code, Route_Decision::API_NONE, Route_Decision::REASON_NOT_CONFIGURED );
	}

	/**
	 * Items by ASIN through the marketplace's route, falling back to PA-API where allowed. Never
	 * throws: a request-level failure becomes the same error for every ASIN.
	 *
	 * @param string               $country Country code or ''.
	 * @param list<string>         $asins   ASINs.
	 * @param array<string, mixed> $options Client options (`resources`, `language`, `currency`, `condition`).
	 */
	public function get_items( string $country, array $asins, array $options = array() ): Routed_Items {
		$decision = $this->decide( $country );
		$result   = $this->call_get_items( $decision, $asins, $options );
		if ( Route_Decision::API_CREATORS !== $decision->api ) {
			return new Routed_Items( $result, $decision );
		}

		// ASINs the Creators API failed for a reason PA-API can fix.
		$retry = array();
		$cause = null;
		foreach ( $result->errors as $asin => $error ) {
			if ( in_array( $error->kind, self::FALLBACK_KINDS, true ) ) {
				$retry[] = (string) $asin;
				$cause   = $cause ?? $error;
			}
		}
		if ( null === $cause ) {
			$this->forget_fallback( $decision->country, $result );
			return new Routed_Items( $result, $decision );
		}
		if ( null === $decision->fallback ) {
			// Remembered too, so that the settings show the marketplace as failing.
			$this->remember_fallback( $decision->country, $cause, null, false );
			return new Routed_Items( $result, $decision );
		}

		$fallback = $decision->as_fallback( $cause );
		$answer   = $this->call_get_items( $fallback, $retry, $options );
		$merged   = ( new Get_Items_Result( $result->products, array_diff_key( $result->errors, array_flip( $retry ) ), $result->calls ) )->merge( $answer );
		$this->remember_fallback( $decision->country, $cause, $answer );
		return new Routed_Items( $merged, $decision, $fallback );
	}

	/**
	 * A keyword search through the marketplace's route (with the same fallback).
	 *
	 * @param string               $country Country code or ''.
	 * @param array<string, mixed> $params  Search parameters (Creators_Client::search_items()).
	 * @param array<string, mixed> $options Client options.
	 * @throws Amazon_Exception When the search fails (not_configured when no API serves the marketplace).
	 */
	public function search( string $country, array $params, array $options = array() ): Search_Result {
		$decision = $this->decide( $country );
		try {
			return $this->call_search( $decision, $params, $options );
		} catch ( Amazon_Exception $exception ) {
			$error = $exception->error();
			if ( Route_Decision::API_CREATORS !== $decision->api || null === $decision->fallback || ! in_array( $error->kind, self::FALLBACK_KINDS, true ) ) {
				throw $exception;
			}
			$result = $this->call_search( $decision->as_fallback( $error ), $params, $options );
			$this->remember_fallback( $decision->country, $error, null );
			return $result;
		}
	}

	/**
	 * The routing summary of one marketplace, for the settings screen (GET /routing).
	 *
	 * @param string      $country Country code.
	 * @param string|null $status  `enabled`, `disabled` or `not_configured` from the settings; null
	 *                             derives it from the credentials (enabled when Creators API credentials serve it).
	 * @return array{country: string, name: string, status: string, credential_type: string|null, api: string, api_version: string|null, reason: string, paapi_retired_warning: bool, circuit: string, last_failure: array<string, string|null>|null}
	 */
	public function describe( string $country, ?string $status = null ): array {
		$decision    = $this->decide( $country );
		$code        = '' !== $decision->country ? $decision->country : Marketplace_Registry::normalize_country( $country );
		$marketplace = Marketplace_Registry::get( $code );
		$status      = in_array( $status, array( 'enabled', 'disabled', 'not_configured' ), true ) ? (string) $status : ( Route_Decision::API_CREATORS === $decision->api ? 'enabled' : 'not_configured' );
		$last        = $this->last_fallback( $code );
		$warning     = Route_Decision::API_PAAPI === $decision->api || ( null !== $last && Route_Decision::API_CREATORS === $decision->api );
		$circuit     = Route_Decision::API_NONE === $decision->api || '' === $code ? Circuit_Breaker::CLOSED : $this->breaker->current_state( $decision->api, $code );

		return array(
			'country'               => $code,
			'name'                  => null !== $marketplace ? $marketplace->name : $code,
			'status'                => $status,
			'credential_type'       => $decision->credential_type(),
			'api'                   => $decision->api,
			'api_version'           => $decision->api_version(),
			'reason'                => $this->reason_text( $decision, $status, $last ),
			'paapi_retired_warning' => $warning,
			'circuit'               => $circuit,
			'last_failure'          => Route_Decision::API_CREATORS === $decision->api ? $this->last_failure( $code ) : null,
		);
	}

	/**
	 * Every marketplace with some configuration (Creators API or PA-API credentials) plus the default.
	 *
	 * @return list<string>
	 */
	public function configured_countries(): array {
		$default = $this->default_country();
		$out     = array();
		foreach ( Marketplace_Registry::countries() as $country ) {
			if ( $country === $default || null !== $this->source->creators_credentials( $country ) || null !== $this->paapi_credentials( $country ) ) {
				$out[] = $country;
			}
		}
		return $out;
	}

	/**
	 * The last fallback recorded for a marketplace (within a day), or null.
	 *
	 * @param string $country Country code.
	 * @return array{kind: string, at: int, answered: bool, tried: bool}|null
	 */
	public function last_fallback( string $country ): ?array {
		$data = $this->store->get( 'route_' . $country );
		if ( ! is_array( $data ) || ! isset( $data['kind'], $data['at'] ) ) {
			return null;
		}
		return array(
			'kind'     => (string) $data['kind'],
			'at'       => (int) $data['at'],
			'answered' => ! empty( $data['answered'] ),
			'tried'    => ! array_key_exists( 'tried', $data ) || ! empty( $data['tried'] ),
		);
	}

	/**
	 * The Creators API's last failure in a marketplace, for the settings screen: what failed (in
	 * a few words), when, and whether PA-API answered instead. Null when none within a day.
	 *
	 * @param string $country Country code.
	 * @return array{api: string, kind: string, label: string, message: string, at: string, time: string, fallback: string|null}|null
	 */
	public function last_failure( string $country ): ?array {
		$last = $this->last_fallback( $country );
		if ( null === $last ) {
			return null;
		}
		$labels   = array(
			Amazon_Error::NOT_ELIGIBLE        => __( 'not eligible', 'creators-connect-for-amazon' ),
			Amazon_Error::INVALID_CREDENTIALS => __( 'credentials refused', 'creators-connect-for-amazon' ),
			Amazon_Error::CIRCUIT_OPEN        => __( 'paused after repeated failures', 'creators-connect-for-amazon' ),
		);
		$fallback = null;
		if ( $last['tried'] ) {
			$fallback = $last['answered'] ? 'answered' : 'failed';
		}
		return array(
			'api'      => Route_Decision::API_CREATORS,
			'kind'     => $last['kind'],
			'label'    => $labels[ $last['kind'] ] ?? $last['kind'],
			'message'  => ( new Amazon_Error( $last['kind'], 'creators' ) )->message(),
			'at'       => gmdate( 'c', $last['at'] ),
			'time'     => (string) wp_date( (string) get_option( 'time_format' ), $last['at'] ),
			'fallback' => $fallback,
		);
	}

	/**
	 * The plain-language reason of a route.
	 *
	 * @param Route_Decision                                                 $decision Decision.
	 * @param string                                                         $status   Marketplace status.
	 * @param array{kind: string, at: int, answered: bool, tried: bool}|null $last     Last fallback.
	 */
	public function reason_text( Route_Decision $decision, string $status = 'enabled', ?array $last = null ): string {
		$retired = __( 'Amazon retired PA-API 5.0 on 15 May 2026; add Creators API credentials for this marketplace.', 'creators-connect-for-amazon' );
		switch ( $decision->reason ) {
			case Route_Decision::REASON_CREATORS:
				$text = sprintf(
					null === $last
						/* translators: 1: API version such as 2.2, 2: credential type (Cognito or Login with Amazon). */
						? __( 'The Creators API answers (version %1$s, %2$s credentials).', 'creators-connect-for-amazon' )
						/* translators: 1: API version such as 2.2, 2: credential type (Cognito or Login with Amazon). */
						: __( 'The Creators API is set up (version %1$s, %2$s credentials).', 'creators-connect-for-amazon' ),
					(string) $decision->api_version(),
					'lwa' === $decision->credential_type() ? __( 'Login with Amazon', 'creators-connect-for-amazon' ) : __( 'Cognito', 'creators-connect-for-amazon' )
				);
				if ( null !== $last ) {
					$error = new Amazon_Error( $last['kind'], 'creators' );
					$text .= ' ' . sprintf(
						/* translators: 1: date and time, 2: Amazon's error in plain language. */
						__( 'On %1$s it failed: %2$s', 'creators-connect-for-amazon' ),
						wp_date( (string) get_option( 'date_format' ) . ' ' . (string) get_option( 'time_format' ), $last['at'] ),
						$error->message()
					);
					if ( $last['tried'] ) {
						$text .= ' ' . ( $last['answered'] ? __( 'PA-API 5.0 answered instead.', 'creators-connect-for-amazon' ) : __( 'PA-API 5.0 could not answer instead either.', 'creators-connect-for-amazon' ) );
					}
				} elseif ( null === $decision->fallback ) {
					$text .= ' ' . __( 'There is no PA-API 5.0 fallback for it.', 'creators-connect-for-amazon' );
				}
				return $text;
			case Route_Decision::REASON_PAAPI_ONLY:
				$text = 'disabled' === $status
					? __( 'The Creators API is turned off for this marketplace, so PA-API 5.0 answers with the saved access keys and partner tag.', 'creators-connect-for-amazon' )
					: __( 'There are no Creators API credentials for this marketplace, so PA-API 5.0 answers with the saved access keys and partner tag.', 'creators-connect-for-amazon' );
				return $text . ' ' . $retired;
			case Route_Decision::REASON_UNKNOWN_MARKETPLACE:
				return __( 'No default marketplace is set, or the country code names no Amazon marketplace.', 'creators-connect-for-amazon' );
		}
		return 'disabled' === $status
			? __( 'The Creators API is turned off for this marketplace and there are no PA-API 5.0 keys with a partner tag for it: its products show no Amazon data.', 'creators-connect-for-amazon' )
			: __( 'Neither Creators API credentials nor PA-API 5.0 keys with a partner tag are set for this marketplace: its products show no Amazon data.', 'creators-connect-for-amazon' );
	}

	/**
	 * Whether the API a marketplace's route uses has its circuit open now.
	 *
	 * @param string $country Country code.
	 */
	public function is_circuit_open( string $country ): bool {
		$decision = $this->decide( $country );
		if ( ! $decision->is_configured() ) {
			return false;
		}
		$open = Circuit_Breaker::OPEN === $this->breaker->current_state( $decision->api, $decision->country );
		if ( $open && Route_Decision::API_CREATORS === $decision->api && null !== $decision->fallback ) {
			// PA-API answers while the Creators API's circuit is open.
			return Circuit_Breaker::OPEN === $this->breaker->current_state( Route_Decision::API_PAAPI, $decision->country );
		}
		return $open;
	}

	/**
	 * PA-API credentials for a marketplace, only when complete and for that marketplace.
	 *
	 * @param string $country Country code.
	 */
	private function paapi_credentials( string $country ): ?Paapi_Credentials {
		$credentials = $this->source->paapi_credentials( $country );
		if ( null === $credentials || ! $credentials->is_complete() ) {
			return null;
		}
		return $credentials->marketplace === $country ? $credentials : $credentials->with_marketplace( $country );
	}

	/**
	 * GetItems through one route.
	 *
	 * @param Route_Decision       $decision Route.
	 * @param list<string>         $asins    ASINs.
	 * @param array<string, mixed> $options  Options.
	 */
	private function call_get_items( Route_Decision $decision, array $asins, array $options ): Get_Items_Result {
		try {
			if ( $decision->credentials instanceof Creators_Credentials ) {
				return $this->creators->get_items( $decision->credentials, $asins, $options );
			}
			if ( $decision->credentials instanceof Paapi_Credentials ) {
				return $this->paapi->get_items( $decision->credentials, $asins, $options );
			}
			$error = $decision->error();
		} catch ( Amazon_Exception $exception ) {
			$error = $exception->error();
		}
		$errors = array();
		foreach ( $asins as $asin ) {
			$errors[ $asin ] = $error->for_asin( $asin );
		}
		return new Get_Items_Result( array(), $errors, 0 );
	}

	/**
	 * SearchItems through one route.
	 *
	 * @param Route_Decision       $decision Route.
	 * @param array<string, mixed> $params   Parameters.
	 * @param array<string, mixed> $options  Options.
	 * @throws Amazon_Exception When the search fails.
	 */
	private function call_search( Route_Decision $decision, array $params, array $options ): Search_Result {
		if ( $decision->credentials instanceof Creators_Credentials ) {
			return $this->creators->search_items( $decision->credentials, $params, $options );
		}
		if ( $decision->credentials instanceof Paapi_Credentials ) {
			return $this->paapi->search_items( $decision->credentials, $params, $options );
		}
		throw new Amazon_Exception( $decision->error() ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- Amazon_Exception escapes its message (esc_html) when it is built.
	}

	/**
	 * Remembers that a marketplace fell back to PA-API (for the routing summary).
	 *
	 * @param string                $country Country code.
	 * @param Amazon_Error          $cause   The Creators API's error.
	 * @param Get_Items_Result|null $answer  PA-API's answer (null: a search that succeeded).
	 * @param bool                  $tried   Whether PA-API was asked (false: there is no fallback).
	 */
	private function remember_fallback( string $country, Amazon_Error $cause, ?Get_Items_Result $answer, bool $tried = true ): void {
		$this->store->set(
			'route_' . $country,
			array(
				'kind'     => $cause->kind,
				'at'       => time(),
				'answered' => $tried && ( null === $answer || $answer->has_products() || null === $answer->request_error() ),
				'tried'    => $tried,
			),
			self::FALLBACK_MEMORY
		);
	}

	/**
	 * Forgets a remembered fallback once the Creators API answers again.
	 *
	 * @param string           $country Country code.
	 * @param Get_Items_Result $result  The Creators API's answer.
	 */
	private function forget_fallback( string $country, Get_Items_Result $result ): void {
		if ( $result->has_products() && null !== $this->store->get( 'route_' . $country ) ) {
			$this->store->delete( 'route_' . $country );
		}
	}
}
