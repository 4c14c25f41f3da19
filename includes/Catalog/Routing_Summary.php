<?php
/**
 * What the routing of each marketplace looks like now, for people.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Catalog;

use Creators_Connect\Amazon\Circuit_Breaker;
use Creators_Connect\Marketplace\Marketplace_Registry;

/**
 * The read side of routing, kept apart from the Router that makes the calls: which marketplaces
 * are configured, the route each takes and why, whether its circuit is open, and the Creators
 * API's last failure (Fallback_Memory). The settings screen (GET /routing), Site Health, the quota
 * check, `wp acapi route` and the refresh job read it; none of them calls Amazon through it.
 */
final class Routing_Summary {

	/**
	 * Builds the summary.
	 *
	 * @param Router             $router    Decides each marketplace's route.
	 * @param Credentials_Source $source    Settings.
	 * @param Circuit_Breaker    $breaker   The clients' circuit breaker (read only).
	 * @param Fallback_Memory    $fallbacks The router's record of fallbacks.
	 */
	public function __construct(
		private readonly Router $router,
		private readonly Credentials_Source $source,
		private readonly Circuit_Breaker $breaker,
		private readonly Fallback_Memory $fallbacks
	) {
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
		$decision    = $this->router->decide( $country );
		$code        = '' !== $decision->country ? $decision->country : Marketplace_Registry::normalize_country( $country );
		$marketplace = Marketplace_Registry::get( $code );
		$status      = in_array( $status, array( 'enabled', 'links_only', 'disabled', 'not_configured' ), true ) ? (string) $status : ( Route_Decision::API_CREATORS === $decision->api ? 'enabled' : 'not_configured' );
		$last        = $this->fallbacks->last( $code );
		$warning     = Route_Decision::API_PAAPI === $decision->api || ( null !== $last && Route_Decision::API_CREATORS === $decision->api );
		$circuit     = Route_Decision::API_NONE === $decision->api || '' === $code ? Circuit_Breaker::CLOSED : $this->breaker->current_state( $decision->api, $code );

		return array(
			'country'               => $code,
			'name'                  => null !== $marketplace ? $marketplace->name : $code,
			'status'                => $status,
			'credential_type'       => $decision->credential_type(),
			'api'                   => $decision->api,
			'api_version'           => $decision->api_version(),
			'reason'                => $decision->reason_text( $status, $last ),
			'paapi_retired_warning' => $warning,
			'circuit'               => $circuit,
			'last_failure'          => Route_Decision::API_CREATORS === $decision->api ? $this->fallbacks->failure( $code ) : null,
		);
	}

	/**
	 * Every marketplace with some configuration (Creators API credentials, even incomplete ones,
	 * or a PA-API route) plus the default.
	 *
	 * @return list<string>
	 */
	public function configured_countries(): array {
		$default = $this->router->default_country();
		$out     = array();
		foreach ( Marketplace_Registry::countries() as $country ) {
			if ( $country === $default || null !== $this->source->creators_credentials( $country ) || $this->router->decide( $country )->is_configured() ) {
				$out[] = $country;
			}
		}
		return $out;
	}

	/**
	 * The default marketplace's country code, '' when none is set.
	 */
	public function default_country(): string {
		return $this->router->default_country();
	}

	/**
	 * Whether the refresh job may ask Amazon for a marketplace (or a tracking ID's key) now: an
	 * API serves it and that API's circuit is not open.
	 *
	 * @param string $country Country code or catalog key.
	 */
	public function can_refresh( string $country ): bool {
		return $this->router->decide( $country )->is_configured() && ! $this->is_circuit_open( $country );
	}

	/**
	 * Whether the API a marketplace's route uses has its circuit open now.
	 *
	 * @param string $country Country code.
	 */
	public function is_circuit_open( string $country ): bool {
		$decision = $this->router->decide( $country );
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
}
