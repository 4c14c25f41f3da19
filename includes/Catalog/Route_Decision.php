<?php
/**
 * Which API serves a marketplace, with which credentials, and why.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Catalog;

use Creators_Connect\Model\Amazon_Error;
use Creators_Connect\Amazon\Creators_Credentials;
use Creators_Connect\Amazon\Paapi_Credentials;
use Creators_Connect\Marketplace\Marketplace_Registry;
use Creators_Connect\Model\Product;

/**
 * Immutable routing decision for one marketplace. `api` is `creators`, `paapi` or `none`; the
 * reason is a stable code (REASON_*) that Router::reason_text() turns into plain language.
 */
final class Route_Decision {

	public const API_CREATORS = 'creators';
	public const API_PAAPI    = 'paapi';
	public const API_NONE     = 'none';

	/**
	 * Enabled Creators API credentials serve the marketplace.
	 */
	public const REASON_CREATORS = 'creators_configured';

	/**
	 * No Creators API credentials: PA-API 5.0 keys with a partner tag serve it.
	 */
	public const REASON_PAAPI_ONLY = 'paapi_only';

	/**
	 * The Creators API failed for a reason PA-API can fix; PA-API answered instead.
	 */
	public const REASON_FALLBACK = 'fallback';

	/**
	 * Neither API is set up for the marketplace.
	 */
	public const REASON_NOT_CONFIGURED = 'not_configured';

	/**
	 * The country code names no Amazon marketplace (or no default is set).
	 */
	public const REASON_UNKNOWN_MARKETPLACE = 'unknown_marketplace';

	/**
	 * Builds the decision.
	 *
	 * @param string                                      $country        Country code ('' when unknown).
	 * @param string                                      $api            API_* constant.
	 * @param string                                      $reason         REASON_* constant.
	 * @param Creators_Credentials|Paapi_Credentials|null $credentials Credentials of the chosen API.
	 * @param Paapi_Credentials|null                      $fallback       PA-API credentials a failing Creators API may fall back to.
	 * @param Amazon_Error|null                           $cause          For REASON_FALLBACK: the Creators API's error.
	 */
	public function __construct(
		public readonly string $country,
		public readonly string $api,
		public readonly string $reason,
		public readonly Creators_Credentials|Paapi_Credentials|null $credentials = null,
		public readonly ?Paapi_Credentials $fallback = null,
		public readonly ?Amazon_Error $cause = null
	) {
	}

	/**
	 * Whether some API can serve the marketplace.
	 */
	public function is_configured(): bool {
		return self::API_NONE !== $this->api;
	}

	/**
	 * The API version requests go out with: the credential version, `5.0` for PA-API, null for none.
	 */
	public function api_version(): ?string {
		if ( $this->credentials instanceof Creators_Credentials ) {
			return $this->credentials->version;
		}
		return $this->credentials instanceof Paapi_Credentials ? '5.0' : null;
	}

	/**
	 * `cognito` or `lwa` for the Creators API, null otherwise.
	 */
	public function credential_type(): ?string {
		return $this->credentials instanceof Creators_Credentials ? $this->credentials->type : null;
	}

	/**
	 * The decision after a Creators API failure: PA-API with the fallback credentials.
	 *
	 * @param Amazon_Error $cause The Creators API's error.
	 */
	public function as_fallback( Amazon_Error $cause ): self {
		return new self( $this->country, self::API_PAAPI, self::REASON_FALLBACK, $this->fallback, null, $cause );
	}

	/**
	 * A short code for storage: `creators_configured`, `paapi_only`, `fallback:not_eligible`, …
	 */
	public function reason_code(): string {
		return self::REASON_FALLBACK === $this->reason && null !== $this->cause ? self::REASON_FALLBACK . ':' . $this->cause->kind : $this->reason;
	}

	/**
	 * The error every ASIN gets when no API serves the marketplace.
	 */
	public function error(): Amazon_Error {
		return new Amazon_Error(
			Amazon_Error::NOT_CONFIGURED,
			'',
			0,
			self::REASON_UNKNOWN_MARKETPLACE === $this->reason ? 'UnknownMarketplace' : 'NotConfigured',
			'',
			null,
			null,
			null,
			'' !== $this->country ? array( 'marketplace' => $this->country ) : array()
		);
	}

	/**
	 * What a page shows for an ASIN this route never fetched: a bare link to the product page with
	 * the partner tag, `fetched_at` 0 (no Amazon data to show yet).
	 *
	 * @param string $asin ASIN.
	 */
	public function bare_product( string $asin ): Product {
		$marketplace = Marketplace_Registry::get( $this->country );
		$tag         = null !== $this->credentials ? $this->credentials->partner_tag : '';
		$url         = null !== $marketplace ? $marketplace->product_url( $asin, $tag ) : '';
		return new Product(
			asin: $asin,
			marketplace: $this->country,
			detail_page_url: $url,
			fetched_at: 0,
			source: self::API_PAAPI === $this->api ? 'paapi' : 'creators',
			api_version: (string) $this->api_version()
		);
	}

	/**
	 * The plain-language reason of a route.
	 *
	 * @param string                                                         $status Marketplace status (`enabled`, `links_only`, `disabled`, `not_configured`).
	 * @param array{kind: string, at: int, answered: bool, tried: bool}|null $last   The last fallback the router remembers.
	 */
	public function reason_text( string $status = 'enabled', ?array $last = null ): string {
		$retired = __( 'Amazon retired PA-API 5.0 on 15 May 2026; add Creators API credentials for this marketplace.', 'creators-connect-for-amazon' );
		switch ( $this->reason ) {
			case self::REASON_CREATORS:
				$text = sprintf(
					null === $last
						/* translators: 1: API version such as 2.2, 2: credential type (Cognito or Login with Amazon). */
						? __( 'The Creators API answers (version %1$s, %2$s credentials).', 'creators-connect-for-amazon' )
						/* translators: 1: API version such as 2.2, 2: credential type (Cognito or Login with Amazon). */
						: __( 'The Creators API is set up (version %1$s, %2$s credentials).', 'creators-connect-for-amazon' ),
					(string) $this->api_version(),
					'lwa' === $this->credential_type() ? __( 'Login with Amazon', 'creators-connect-for-amazon' ) : __( 'Cognito', 'creators-connect-for-amazon' )
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
				} elseif ( null === $this->fallback ) {
					$text .= ' ' . __( 'There is no PA-API 5.0 fallback for it.', 'creators-connect-for-amazon' );
				}
				return $text;
			case self::REASON_PAAPI_ONLY:
				$text = 'disabled' === $status
					? __( 'The Creators API is turned off for this marketplace, so PA-API 5.0 answers with the saved access keys and partner tag.', 'creators-connect-for-amazon' )
					: __( 'There are no Creators API credentials for this marketplace, so PA-API 5.0 answers with the saved access keys and partner tag.', 'creators-connect-for-amazon' );
				return $text . ' ' . $retired;
			case self::REASON_UNKNOWN_MARKETPLACE:
				return __( 'No default marketplace is set, or the country code names no Amazon marketplace.', 'creators-connect-for-amazon' );
		}
		if ( 'links_only' === $status ) {
			return __( 'Links only (no API): products show as links with the partner tag (text links, buttons or a title-and-link box), never a price, image, rating or availability. Add Creators API credentials to show full boxes; the posts need no change.', 'creators-connect-for-amazon' );
		}
		return 'disabled' === $status
			? __( 'The Creators API is turned off for this marketplace and there are no PA-API 5.0 keys with a partner tag for it: its products show no Amazon data.', 'creators-connect-for-amazon' )
			: __( 'Neither Creators API credentials nor PA-API 5.0 keys with a partner tag are set for this marketplace: its products show no Amazon data.', 'creators-connect-for-amazon' );
	}
}
