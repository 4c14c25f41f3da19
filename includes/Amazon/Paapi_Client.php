<?php
/**
 * Client of the Product Advertising API 5.0 (the fallback; retired by Amazon on 2026-05-15).
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Amazon;

use Creators_Connect\Marketplace\Marketplace;
use Creators_Connect\Marketplace\Marketplace_Registry;
use Creators_Connect\Model\Amazon_Error;
use Creators_Connect\Model\Browse_Nodes_Result;
use Creators_Connect\Model\Get_Items_Result;
use Creators_Connect\Model\Search_Result;
use Creators_Connect\Support\Budget;

/**
 * GetItems, SearchItems, GetVariations and GetBrowseNodes against `webservices.amazon.<tld>`
 * (docs/amazon-protocol.md part P): PascalCase JSON POST signed with SigV4 (service `ProductAdvertisingAPI`, region
 * from the host, `content-encoding: amz-1.0`, `x-amz-target`). Amazon shut the endpoint down on
 * 2026-05-15: its retirement answer becomes Amazon_Error::PAAPI_RETIRED.
 *
 * The signature covers what is actually sent: with the endpoint override that is the emulator's
 * Host (the emulator's address and port) and path (`/webservices.amazon.de/paapi5/getitems`); the emulator accepts
 * that form as well as the real-Amazon form (tools/emulator README).
 */
final class Paapi_Client extends Api_Client {

	/**
	 * API version written into products.
	 */
	public const API_VERSION = Paapi_Mapper::API_VERSION;

	/**
	 * SigV4 service name (not `ProductAdvertisingAPIv1`).
	 */
	public const SERVICE = 'ProductAdvertisingAPI';

	/**
	 * `x-amz-target` prefix.
	 */
	public const TARGET_PREFIX = 'com.amazon.paapi5.v1.ProductAdvertisingAPIv1.';

	/**
	 * Paths per operation.
	 */
	public const PATHS = array(
		'GetItems'       => '/paapi5/getitems',
		'SearchItems'    => '/paapi5/searchitems',
		'GetVariations'  => '/paapi5/getvariations',
		'GetBrowseNodes' => '/paapi5/getbrowsenodes',
	);

	/**
	 * Item resources the renderer needs (OffersV2: Offers V1 stopped returning prices in 2026).
	 */
	public const ITEM_RESOURCES = array(
		'ItemInfo.Title',
		'ItemInfo.ByLineInfo',
		'ItemInfo.Features',
		'Images.Primary.Small',
		'Images.Primary.Medium',
		'Images.Primary.Large',
		'OffersV2.Listings.Price',
		'OffersV2.Listings.Availability',
		'OffersV2.Listings.Condition',
		'OffersV2.Listings.MerchantInfo',
		'OffersV2.Listings.IsBuyBoxWinner',
		'OffersV2.Listings.DealDetails',
		'OffersV2.Listings.Type',
		'OffersV2.Listings.LoyaltyPoints',
		'BrowseNodeInfo.BrowseNodes',
		'CustomerReviews.Count',
		'CustomerReviews.StarRating',
		'ParentASIN',
	);

	/**
	 * Signer.
	 *
	 * @var Sigv4_Signer
	 */
	private Sigv4_Signer $signer;

	/**
	 * Mapper.
	 *
	 * @var Paapi_Mapper
	 */
	private Paapi_Mapper $mapper;

	/**
	 * Clock for the signature time.
	 *
	 * @var callable(): \DateTimeInterface
	 */
	private $clock;

	/**
	 * Builds the client.
	 *
	 * @param Http_Transport                        $transport Transport.
	 * @param Sigv4_Signer|null                     $signer    Signer.
	 * @param Rate_Limiter|null                     $limiter   Rate limiter.
	 * @param Circuit_Breaker|null                  $breaker   Circuit breaker.
	 * @param (callable(float): void)|null          $sleep     Sleeper (tests).
	 * @param (callable(): \DateTimeInterface)|null $clock     Clock (tests).
	 * @param Call_Guard|null                       $guard     The site's spending limits (null: none).
	 */
	public function __construct( Http_Transport $transport, ?Sigv4_Signer $signer = null, ?Rate_Limiter $limiter = null, ?Circuit_Breaker $breaker = null, ?callable $sleep = null, ?callable $clock = null, ?Call_Guard $guard = null ) {
		$this->init( $transport, $limiter, $breaker, $sleep, $guard );
		$this->signer = $signer ?? new Sigv4_Signer();
		$this->mapper = new Paapi_Mapper();
		$this->clock  = $clock ?? static fn(): \DateTimeInterface => new \DateTimeImmutable( 'now', new \DateTimeZone( 'UTC' ) );
	}

	/**
	 * Items by ASIN (batches of 10, matched by ASIN, partial errors per item).
	 *
	 * @param Paapi_Credentials    $credentials Credentials (marketplace and partner tag included).
	 * @param array<mixed>         $asins       ASINs.
	 * @param array<string, mixed> $options     `resources`, `language`, `currency`, `condition`.
	 * @param Budget|null          $budget      The caller's time budget (caps timeouts and retry waits).
	 * @throws Amazon_Exception For configuration errors (retired, credentials, tag) when nothing came back.
	 */
	public function get_items( Paapi_Credentials $credentials, array $asins, array $options = array(), ?Budget $budget = null ): Get_Items_Result {
		$marketplace = $this->marketplace( $credentials );
		return self::get_items_in_batches(
			'paapi',
			$asins,
			function ( array $batch ) use ( $credentials, $marketplace, $options, $budget ): Get_Items_Result {
				$body = $this->common( $credentials, $marketplace, $options ) + array(
					'ItemIds'    => $batch,
					'ItemIdType' => 'ASIN',
					'Resources'  => $this->resources( 'GetItems', $options ),
				);
				$data = $this->decode( $this->call( $credentials, $marketplace, 'GetItems', $body, $budget ), $credentials );
				return $this->mapper->get_items( $data, $batch, $marketplace->country, time() );
			}
		);
	}

	/**
	 * Searches items (`NoResults` or a 404 is an empty result).
	 *
	 * @param Paapi_Credentials    $credentials Credentials.
	 * @param array<string, mixed> $params      As Creators_Client::search_items().
	 * @param array<string, mixed> $options     Options.
	 * @param Budget|null          $budget      The caller's time budget (caps timeouts and retry waits).
	 * @throws Amazon_Exception When the search fails.
	 */
	public function search_items( Paapi_Credentials $credentials, array $params, array $options = array(), ?Budget $budget = null ): Search_Result {
		$marketplace = $this->marketplace( $credentials );
		$body        = $this->common( $credentials, $marketplace, $options ) + Search_Options::body( $params, true ) + array( 'Resources' => $this->resources( 'SearchItems', $options ) );
		try {
			$data = $this->decode( $this->call( $credentials, $marketplace, 'SearchItems', $body, $budget ), $credentials );
		} catch ( Amazon_Exception $exception ) {
			if ( Amazon_Error::NOT_FOUND === $exception->error()->kind ) {
				return new Search_Result();
			}
			throw $exception;
		}
		return $this->mapper->search_items( $data, $marketplace->country, time() );
	}

	/**
	 * Variations of an ASIN.
	 *
	 * @param Paapi_Credentials    $credentials Credentials.
	 * @param string               $asin        ASIN.
	 * @param array<string, mixed> $options     Options plus `count` and `page`.
	 * @throws Amazon_Exception When the call fails.
	 */
	public function get_variations( Paapi_Credentials $credentials, string $asin, array $options = array() ): Search_Result {
		$marketplace = $this->marketplace( $credentials );
		$body        = $this->common( $credentials, $marketplace, $options ) + array(
			'ASIN'           => strtoupper( trim( $asin ) ),
			'VariationCount' => isset( $options['count'] ) && is_numeric( $options['count'] ) ? max( 1, min( 10, (int) $options['count'] ) ) : null,
			'VariationPage'  => isset( $options['page'] ) && is_numeric( $options['page'] ) ? max( 1, (int) $options['page'] ) : null,
			'Resources'      => $this->resources( 'GetVariations', $options ),
		);
		try {
			$data = $this->decode( $this->call( $credentials, $marketplace, 'GetVariations', $body ), $credentials );
		} catch ( Amazon_Exception $exception ) {
			if ( Amazon_Error::NOT_FOUND === $exception->error()->kind ) {
				return new Search_Result();
			}
			throw $exception;
		}
		return $this->mapper->get_variations( $data, $marketplace->country, time() );
	}

	/**
	 * Browse nodes by id.
	 *
	 * @param Paapi_Credentials    $credentials Credentials.
	 * @param array<mixed>         $ids         Ids.
	 * @param array<string, mixed> $options     `language`, `resources`.
	 * @throws Amazon_Exception When a call fails.
	 */
	public function get_browse_nodes( Paapi_Credentials $credentials, array $ids, array $options = array() ): Browse_Nodes_Result {
		$marketplace = $this->marketplace( $credentials );
		return self::browse_nodes_in_batches(
			$ids,
			self::MAX_IDS_PER_CALL,
			function ( array $batch ) use ( $credentials, $marketplace, $options ): Browse_Nodes_Result {
				$body = $this->common( $credentials, $marketplace, array( 'language' => $options['language'] ?? null ) ) + array(
					'BrowseNodeIds' => $batch,
					'Resources'     => isset( $options['resources'] ) && is_array( $options['resources'] ) ? array_values( $options['resources'] ) : array( 'BrowseNodes.Ancestor', 'BrowseNodes.Children' ),
				);
				return $this->mapper->get_browse_nodes( $this->decode( $this->call( $credentials, $marketplace, 'GetBrowseNodes', $body ), $credentials ), $batch );
			},
			fn( array $batch ): Browse_Nodes_Result => $this->mapper->get_browse_nodes( array(), $batch )
		);
	}

	/**
	 * Resources per operation (filter `acapi_paapi_resources`).
	 *
	 * @param string               $operation Operation (`GetItems`, …).
	 * @param array<string, mixed> $options   Options (`resources` overrides).
	 * @return list<string>
	 */
	public function resources( string $operation, array $options = array() ): array {
		$defaults = self::ITEM_RESOURCES;
		if ( 'GetVariations' === $operation ) {
			$defaults = array_merge( $defaults, array( 'VariationSummary.Price.HighestPrice', 'VariationSummary.Price.LowestPrice', 'VariationSummary.VariationDimension' ) );
		}
		return self::filtered_resources( 'acapi_paapi_resources', $operation, $defaults, $options );
	}

	/**
	 * Signs and sends one call (re-signed on every retry).
	 *
	 * @param Paapi_Credentials    $credentials Credentials.
	 * @param Marketplace          $marketplace Marketplace.
	 * @param string               $operation   Operation.
	 * @param array<string, mixed> $body        Body.
	 * @param Budget|null          $budget      The caller's time budget.
	 * @throws Amazon_Exception When the call fails.
	 */
	private function call( Paapi_Credentials $credentials, Marketplace $marketplace, string $operation, array $body, ?Budget $budget = null ): Http_Response {
		$json     = self::encode( $body );
		$amazon   = 'https://' . $marketplace->paapi_host . self::PATHS[ $operation ];
		$send     = function () use ( $credentials, $marketplace, $operation, $json, $amazon, $budget ): Http_Response {
			$headers = $this->signer->sign(
				'POST',
				$this->transport->resolve_url( $amazon ),
				array(
					'content-encoding' => 'amz-1.0',
					'content-type'     => 'application/json; charset=utf-8',
					'x-amz-target'     => self::TARGET_PREFIX . $operation,
				),
				$json,
				$marketplace->paapi_region,
				self::SERVICE,
				$credentials->access_key,
				$credentials->secret(),
				( $this->clock )()
			);
			return $this->transport->send( 'POST', $amazon, $headers, $json, 'paapi', $budget );
		};
		$classify = static function ( Http_Response $response ) use ( $credentials ): Amazon_Error {
			return Error_Response::from_paapi_response( $response->status, $response->json(), $credentials->context(), $response->retry_after() );
		};
		return $this->execute( 'paapi', $marketplace->country, $credentials->cache_id(), $send, $classify, $budget, $operation );
	}

	/**
	 * The decoded body of a 2xx answer; a body with only `Errors` (NoResults, every id invalid)
	 * becomes NOT_FOUND.
	 *
	 * @param Http_Response     $response    Response.
	 * @param Paapi_Credentials $credentials Credentials.
	 * @return array<mixed>
	 * @throws Amazon_Exception When it is not a JSON object, or holds nothing but errors.
	 */
	private function decode( Http_Response $response, Paapi_Credentials $credentials ): array {
		$data = $response->json();
		if ( null === $data ) {
			throw new Amazon_Exception( new Amazon_Error( Amazon_Error::MALFORMED_RESPONSE, 'paapi', $response->status, 'InvalidJson', '', null, null, null, $credentials->context() ) ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- Amazon_Exception escapes its message (esc_html) when it is built.
		}
		$results = array( 'ItemsResult', 'SearchResult', 'VariationsResult', 'BrowseNodesResult' );
		if ( array() === array_intersect( $results, array_keys( $data ) ) && isset( $data['Errors'] ) ) {
			$first = $this->mapper->partial_errors( $data )[0] ?? array(
				'code'    => '',
				'message' => '',
			);
			if ( 'NoResults' !== $first['code'] && 'InvalidParameterValue' !== $first['code'] && 'ItemNotAccessible' !== $first['code'] ) {
				throw new Amazon_Exception( Error_Response::from_paapi_response( $response->status, $data, $credentials->context() ) ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- Amazon_Exception escapes its message (esc_html) when it is built.
			}
		}
		return $data;
	}

	/**
	 * The marketplace of the credentials.
	 *
	 * @param Paapi_Credentials $credentials Credentials.
	 * @throws Amazon_Exception When unknown or the credentials are incomplete.
	 */
	private function marketplace( Paapi_Credentials $credentials ): Marketplace {
		$marketplace = Marketplace_Registry::get( $credentials->marketplace );
		if ( null === $marketplace || ! $credentials->is_complete() ) {
			throw new Amazon_Exception( new Amazon_Error( Amazon_Error::NOT_CONFIGURED, 'paapi', 0, null === $marketplace ? 'UnknownMarketplace' : 'MissingCredentials', '', null, null, null, $credentials->context() ) ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- Amazon_Exception escapes its message (esc_html) when it is built.
		}
		return $marketplace;
	}

	/**
	 * Common body fields: partner tag and type, marketplace, language, currency, condition.
	 *
	 * @param Paapi_Credentials    $credentials Credentials.
	 * @param Marketplace          $marketplace Marketplace.
	 * @param array<string, mixed> $options     Options.
	 * @return array<string, mixed>
	 */
	private function common( Paapi_Credentials $credentials, Marketplace $marketplace, array $options ): array {
		return array(
			'PartnerTag'            => $credentials->partner_tag,
			'PartnerType'           => 'Associates',
			'Marketplace'           => $marketplace->host,
			'LanguagesOfPreference' => isset( $options['language'] ) && is_string( $options['language'] ) && '' !== $options['language'] ? array( $options['language'] ) : null,
			'CurrencyOfPreference'  => isset( $options['currency'] ) && is_string( $options['currency'] ) && '' !== $options['currency'] ? $options['currency'] : null,
			'Condition'             => isset( $options['condition'] ) && is_string( $options['condition'] ) ? $options['condition'] : null,
		);
	}
}
