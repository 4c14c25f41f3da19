<?php
/**
 * Chooses the Amazon API per request and marketplace.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Catalog;

use Creators_Connect\Model\Amazon_Error;
use Creators_Connect\Amazon\Amazon_Exception;
use Creators_Connect\Amazon\Creators_Client;
use Creators_Connect\Amazon\Creators_Credentials;
use Creators_Connect\Model\Get_Items_Result;
use Creators_Connect\Amazon\Paapi_Client;
use Creators_Connect\Amazon\Paapi_Credentials;
use Creators_Connect\Model\Search_Result;
use Creators_Connect\Support\Budget;
use Creators_Connect\Support\Shared_Store;
use Creators_Connect\Marketplace\Marketplace_Registry;

/**
 * Per marketplace: enabled Creators API credentials → Creators API; otherwise PA-API 5.0 keys with
 * that marketplace's partner tag → PA-API; otherwise a `not_configured` error. When the Creators API
 * fails for a reason PA-API can fix (not eligible, invalid credentials, circuit open) and the
 * settings allow it, PA-API answers instead, and the router remembers that (for a day, in
 * Fallback_Memory) so that the Routing_Summary can say so.
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
	public const FALLBACK_MEMORY = Fallback_Memory::SECONDS;

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
	 * Tracking-ID keys.
	 *
	 * @var Catalog_Key
	 */
	private Catalog_Key $keys;

	/**
	 * The last fallback per marketplace.
	 *
	 * @var Fallback_Memory
	 */
	private Fallback_Memory $fallbacks;

	/**
	 * Builds the router.
	 *
	 * @param Credentials_Source   $source    Settings.
	 * @param Creators_Client      $creators  Creators API client.
	 * @param Paapi_Client         $paapi     PA-API client.
	 * @param Fallback_Memory|null $fallbacks Where fallbacks are recorded (default: in the shared store).
	 */
	public function __construct( Credentials_Source $source, Creators_Client $creators, Paapi_Client $paapi, ?Fallback_Memory $fallbacks = null ) {
		$this->source    = $source;
		$this->creators  = $creators;
		$this->paapi     = $paapi;
		$this->fallbacks = $fallbacks ?? new Fallback_Memory( new Shared_Store() );
		$this->keys      = new Catalog_Key( $source );
	}

	/**
	 * The catalog key a request is for: the marketplace's country code ('' = the default
	 * marketplace), normalised; '' when it names no marketplace (or no default is set).
	 *
	 * A request may ask for a tracking ID (`de#mysite-sidebar-21`): when the marketplace lists it,
	 * the key is the marketplace with the tag's short code (`de.1a2b3`, Catalog_Key), under
	 * which the store keeps those products apart; any other tag gets the marketplace's own.
	 *
	 * @param string $country Country code or '', with `#tag`; or a key from Catalog_Key::for_tag().
	 */
	public function country( string $country ): string {
		list( $code, $tag, $short ) = Catalog_Key::split( $country );
		if ( '' === $code ) {
			$code = Marketplace_Registry::normalize_country( (string) $this->source->default_country() );
		}
		if ( null === Marketplace_Registry::get( $code ) ) {
			return '';
		}
		if ( '' !== $tag ) {
			$listed = $this->keys->listed( $code, $tag );
			return null === $listed ? $code : Catalog_Key::for_tag( $code, $listed );
		}
		if ( '' !== $short ) {
			// A key whose tag is no longer listed names nothing.
			return null !== $this->keys->tag_of( $code . '.' . $short ) ? $code . '.' . $short : '';
		}
		return $code;
	}

	/**
	 * Whether a page may ask for a tag in a marketplace ('' = the default one): it is listed as a
	 * tracking ID there, or it is the marketplace's own tag.
	 *
	 * @param string $country Country code or ''.
	 * @param string $tag     Partner tag.
	 */
	public function accepts_tag( string $country, string $tag ): bool {
		$code = $this->country( $country );
		if ( '' === $code || '' === $tag ) {
			return '' === $tag;
		}
		$own = $this->source->partner_tag( $code );
		return null !== $this->keys->listed( $code, $tag ) || 0 === strcasecmp( $own, $tag );
	}

	/**
	 * The partner tag of a marketplace ('' = the default one), whether or not an API answers it;
	 * '' when none is set.
	 *
	 * @param string $country Country code or ''.
	 */
	public function partner_tag( string $country ): string {
		$code = $this->country( $country );
		if ( str_contains( $code, '.' ) ) {
			// A tracking ID's key: the tag the page asked for.
			return $this->keys->tag_of( $code ) ?? '';
		}
		return '' === $code ? '' : $this->source->partner_tag( $code );
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
		$key = $this->country( $country );
		if ( '' === $key ) {
			return new Route_Decision( Catalog_Key::split( $country )[0], Route_Decision::API_NONE, Route_Decision::REASON_UNKNOWN_MARKETPLACE );
		}
		// A tracking ID's key: the marketplace's credentials, with that tag in every request.
		$tag   = str_contains( $key, '.' ) ? $this->keys->tag_of( $key ) : null;
		$code  = Catalog_Key::split( $key )[0];
		$paapi = $this->paapi_credentials( $code, $tag );
		$creds = $this->source->creators_credentials( $code );
		$creds = null !== $creds && null !== $tag ? $creds->with_partner_tag( $tag ) : $creds;
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
	 * @param Budget|null          $budget  The caller's time budget (null: the clients' own limits).
	 */
	public function get_items( string $country, array $asins, array $options = array(), ?Budget $budget = null ): Routed_Items {
		$decision = $this->decide( $country );
		$result   = $this->call_get_items( $decision, $asins, $options, $budget );
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
			$this->fallbacks->forget( $decision->country, $result );
			return new Routed_Items( $result, $decision );
		}
		if ( null === $decision->fallback ) {
			$this->fallbacks->remember( $decision->country, $cause, null, false );
			return new Routed_Items( $result, $decision );
		}

		$fallback = $decision->as_fallback( $cause );
		$answer   = $this->call_get_items( $fallback, $retry, $options, $budget );
		$merged   = ( new Get_Items_Result( $result->products, array_diff_key( $result->errors, array_flip( $retry ) ), $result->calls ) )->merge( $answer );
		$this->fallbacks->remember( $decision->country, $cause, $answer );
		return new Routed_Items( $merged, $decision, $fallback );
	}

	/**
	 * A keyword search through the marketplace's route (with the same fallback).
	 *
	 * @param string               $country Country code or ''.
	 * @param array<string, mixed> $params  Search parameters (Creators_Client::search_items()).
	 * @param array<string, mixed> $options Client options.
	 * @param Budget|null          $budget  The caller's time budget (null: the clients' own limits).
	 * @throws Amazon_Exception When the search fails (not_configured when no API serves the marketplace).
	 */
	public function search( string $country, array $params, array $options = array(), ?Budget $budget = null ): Search_Result {
		$decision = $this->decide( $country );
		try {
			return $this->call_search( $decision, $params, $options, $budget );
		} catch ( Amazon_Exception $exception ) {
			$error = $exception->error();
			if ( Route_Decision::API_CREATORS !== $decision->api || null === $decision->fallback || ! in_array( $error->kind, self::FALLBACK_KINDS, true ) ) {
				throw $exception;
			}
			$result = $this->call_search( $decision->as_fallback( $error ), $params, $options, $budget );
			$this->fallbacks->remember( $decision->country, $error, null );
			return $result;
		}
	}

	/**
	 * PA-API credentials for a marketplace, only when complete and for that marketplace.
	 *
	 * @param string      $country Country code.
	 * @param string|null $tag     A tracking ID to use instead of the marketplace's tag.
	 */
	private function paapi_credentials( string $country, ?string $tag = null ): ?Paapi_Credentials {
		$credentials = $this->source->paapi_credentials( $country );
		if ( null === $credentials || ! $credentials->is_complete() ) {
			return null;
		}
		if ( null !== $tag ) {
			return $credentials->with_marketplace( $country, $tag );
		}
		return $credentials->marketplace === $country ? $credentials : $credentials->with_marketplace( $country );
	}

	/**
	 * GetItems through one route.
	 *
	 * @param Route_Decision       $decision Route.
	 * @param list<string>         $asins    ASINs.
	 * @param array<string, mixed> $options  Options.
	 * @param Budget|null          $budget   Time budget.
	 */
	private function call_get_items( Route_Decision $decision, array $asins, array $options, ?Budget $budget ): Get_Items_Result {
		try {
			if ( $decision->credentials instanceof Creators_Credentials ) {
				return $this->creators->get_items( $decision->credentials, $asins, $options, $budget );
			}
			if ( $decision->credentials instanceof Paapi_Credentials ) {
				return $this->paapi->get_items( $decision->credentials, $asins, $options, $budget );
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
	 * @param Budget|null          $budget   Time budget.
	 * @throws Amazon_Exception When the search fails.
	 */
	private function call_search( Route_Decision $decision, array $params, array $options, ?Budget $budget ): Search_Result {
		if ( $decision->credentials instanceof Creators_Credentials ) {
			return $this->creators->search_items( $decision->credentials, $params, $options, $budget );
		}
		if ( $decision->credentials instanceof Paapi_Credentials ) {
			return $this->paapi->search_items( $decision->credentials, $params, $options, $budget );
		}
		throw new Amazon_Exception( $decision->error() ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- Amazon_Exception escapes its message (esc_html) when it is built.
	}
}
