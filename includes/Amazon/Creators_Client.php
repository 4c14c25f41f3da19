<?php
/**
 * Client of Amazon's Creators API.
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
 * GetItems, SearchItems, GetVariations and GetBrowseNodes against `https://creatorsapi.amazon`
 * (docs/amazon-protocol.md §C3): JSON POST, `Authorization` per version, `x-marketplace` header. GetItems
 * sets larger than 10 ASINs are split into calls of 10; results are matched by ASIN. A 401
 * `TokenExpired`/`InvalidToken` drops the cached token and retries once.
 *
 * Options for every operation: `resources` (list<string>), `language` (`de_DE`), `currency`
 * (`EUR`), `condition` (`Any`|`New`).
 */
final class Creators_Client extends Api_Client {

	/**
	 * API base URL.
	 */
	public const BASE_URL = 'https://creatorsapi.amazon';

	/**
	 * Paths per operation.
	 */
	public const PATHS = array(
		'getItems'       => '/catalog/v1/getItems',
		'searchItems'    => '/catalog/v1/searchItems',
		'getVariations'  => '/catalog/v1/getVariations',
		'getBrowseNodes' => '/catalog/v1/getBrowseNodes',
	);

	/**
	 * Item resources the renderer needs (leaf names only: bare `offersV2` is rejected).
	 */
	public const ITEM_RESOURCES = array(
		'itemInfo.title',
		'itemInfo.byLineInfo',
		'itemInfo.features',
		'images.primary.small',
		'images.primary.medium',
		'images.primary.large',
		'images.primary.highRes',
		'offersV2.listings.price',
		'offersV2.listings.availability',
		'offersV2.listings.condition',
		'offersV2.listings.merchantInfo',
		'offersV2.listings.isBuyBoxWinner',
		'offersV2.listings.dealDetails',
		'offersV2.listings.type',
		'offersV2.listings.loyaltyPoints',
		'browseNodeInfo.browseNodes',
		'customerReviews.count',
		'customerReviews.starRating',
		'parentASIN',
	);

	/**
	 * Token provider.
	 *
	 * @var Token_Provider
	 */
	private Token_Provider $tokens;

	/**
	 * Mapper.
	 *
	 * @var Creators_Mapper
	 */
	private Creators_Mapper $mapper;

	/**
	 * Builds the client.
	 *
	 * @param Http_Transport               $transport Transport.
	 * @param Token_Provider               $tokens    Token provider.
	 * @param Rate_Limiter|null            $limiter   Rate limiter.
	 * @param Circuit_Breaker|null         $breaker   Circuit breaker.
	 * @param (callable(float): void)|null $sleep     Sleeper (tests).
	 * @param Call_Guard|null              $guard     The site's spending limits (null: none).
	 */
	public function __construct( Http_Transport $transport, Token_Provider $tokens, ?Rate_Limiter $limiter = null, ?Circuit_Breaker $breaker = null, ?callable $sleep = null, ?Call_Guard $guard = null ) {
		$this->init( $transport, $limiter, $breaker, $sleep, $guard );
		$this->tokens = $tokens;
		$this->mapper = new Creators_Mapper( 'creators' );
	}

	/**
	 * Items by ASIN. Malformed ASINs, unknown and inaccessible items come back as per-item errors;
	 * a failed batch marks its own ASINs and the others are kept.
	 *
	 * @param Creators_Credentials $credentials Credentials (with marketplace and partner tag).
	 * @param array<mixed>         $asins       ASINs (any number; split into calls of 10).
	 * @param array<string, mixed> $options     Options.
	 * @param Budget|null          $budget      The caller's time budget (caps timeouts and retry waits).
	 * @throws Amazon_Exception For configuration errors (not configured, credentials, eligibility, tag) when nothing came back.
	 */
	public function get_items( Creators_Credentials $credentials, array $asins, array $options = array(), ?Budget $budget = null ): Get_Items_Result {
		$marketplace = $this->marketplace( $credentials );
		return self::get_items_in_batches(
			'creators',
			$asins,
			function ( array $batch ) use ( $credentials, $marketplace, $options, $budget ): Get_Items_Result {
				$body = array(
					'partnerTag' => $credentials->partner_tag,
					'itemIds'    => $batch,
					'resources'  => $this->resources( 'getItems', $options ),
				) + $this->common( $options );
				$data = $this->decode( $this->call( $credentials, $marketplace, 'getItems', $body, $budget ), $credentials );
				return $this->mapper->get_items( $data, $batch, $marketplace->country, $credentials->version, time() );
			}
		);
	}

	/**
	 * Searches items. No hits (Amazon's 404) is an empty result.
	 *
	 * @param Creators_Credentials $credentials Credentials.
	 * @param array<string, mixed> $params      `keywords`, `search_index`, `item_count` (1–10), `item_page` (1–10), `sort_by`,
	 *                                          `brand`, `title`, `author`, `actor`, `artist`, `browse_node_id`, `min_price`,
	 *                                          `max_price` (smallest currency unit), `min_reviews_rating`, `min_saving_percent`,
	 *                                          `availability`, `delivery_flags`.
	 * @param array<string, mixed> $options     Options.
	 * @param Budget|null          $budget      The caller's time budget (caps timeouts and retry waits).
	 * @throws Amazon_Exception When the search fails.
	 */
	public function search_items( Creators_Credentials $credentials, array $params, array $options = array(), ?Budget $budget = null ): Search_Result {
		$marketplace = $this->marketplace( $credentials );
		$body        = array( 'partnerTag' => $credentials->partner_tag ) + Search_Options::body( $params, false ) + array( 'resources' => $this->resources( 'searchItems', $options ) ) + $this->common( $options );
		try {
			$response = $this->call( $credentials, $marketplace, 'searchItems', $body, $budget );
		} catch ( Amazon_Exception $exception ) {
			if ( Amazon_Error::NOT_FOUND === $exception->error()->kind ) {
				return new Search_Result();
			}
			throw $exception;
		}
		return $this->mapper->search_items( $this->decode( $response, $credentials ), $marketplace->country, $credentials->version, time() );
	}

	/**
	 * Variations of a parent (or child) ASIN.
	 *
	 * @param Creators_Credentials $credentials Credentials.
	 * @param string               $asin        ASIN.
	 * @param array<string, mixed> $options     Options plus `count` (1–10) and `page` (≥ 1).
	 * @throws Amazon_Exception When the call fails.
	 */
	public function get_variations( Creators_Credentials $credentials, string $asin, array $options = array() ): Search_Result {
		$marketplace = $this->marketplace( $credentials );
		$body        = array(
			'partnerTag'     => $credentials->partner_tag,
			'asin'           => strtoupper( trim( $asin ) ),
			'variationCount' => isset( $options['count'] ) && is_numeric( $options['count'] ) ? max( 1, min( 10, (int) $options['count'] ) ) : null,
			'variationPage'  => isset( $options['page'] ) && is_numeric( $options['page'] ) ? max( 1, (int) $options['page'] ) : null,
			'resources'      => $this->resources( 'getVariations', $options ),
		) + $this->common( $options );
		try {
			$response = $this->call( $credentials, $marketplace, 'getVariations', $body );
		} catch ( Amazon_Exception $exception ) {
			if ( Amazon_Error::NOT_FOUND === $exception->error()->kind ) {
				return new Search_Result();
			}
			throw $exception;
		}
		return $this->mapper->get_variations( $this->decode( $response, $credentials ), $marketplace->country, $credentials->version, time() );
	}

	/**
	 * Browse nodes by id (with ancestors and children).
	 *
	 * @param Creators_Credentials $credentials Credentials.
	 * @param array<mixed>         $ids         Browse node ids.
	 * @param array<string, mixed> $options     Options (`language`, `resources`).
	 * @throws Amazon_Exception When a call fails.
	 */
	public function get_browse_nodes( Creators_Credentials $credentials, array $ids, array $options = array() ): Browse_Nodes_Result {
		$marketplace = $this->marketplace( $credentials );
		return self::browse_nodes_in_batches(
			$ids,
			self::MAX_IDS_PER_CALL,
			function ( array $batch ) use ( $credentials, $marketplace, $options ): Browse_Nodes_Result {
				$body     = array(
					'partnerTag'            => $credentials->partner_tag,
					'browseNodeIds'         => $batch,
					'resources'             => isset( $options['resources'] ) && is_array( $options['resources'] ) ? array_values( $options['resources'] ) : array( 'browseNodes.ancestor', 'browseNodes.children' ),
					'languagesOfPreference' => isset( $options['language'] ) && is_string( $options['language'] ) ? array( $options['language'] ) : null,
				);
				$response = $this->call( $credentials, $marketplace, 'getBrowseNodes', $body );
				return $this->mapper->get_browse_nodes( $this->decode( $response, $credentials ), $batch );
			},
			fn( array $batch ): Browse_Nodes_Result => $this->mapper->get_browse_nodes( array(), $batch )
		);
	}

	/**
	 * The resources an operation asks for (filter `acapi_creators_resources`).
	 *
	 * @param string               $operation Operation.
	 * @param array<string, mixed> $options   Options (`resources` overrides).
	 * @return list<string>
	 */
	public function resources( string $operation, array $options = array() ): array {
		$defaults = self::ITEM_RESOURCES;
		if ( 'getVariations' === $operation ) {
			$defaults = array_merge( $defaults, array( 'variationSummary.price.highestPrice', 'variationSummary.price.lowestPrice', 'variationSummary.variationDimension' ) );
		}
		return self::filtered_resources( 'acapi_creators_resources', $operation, $defaults, $options );
	}

	/**
	 * Sends one operation call, with one token refresh on 401 TokenExpired/InvalidToken.
	 *
	 * @param Creators_Credentials $credentials Credentials.
	 * @param Marketplace          $marketplace Marketplace.
	 * @param string               $operation   Operation.
	 * @param array<string, mixed> $body        Body.
	 * @param Budget|null          $budget      The caller's time budget.
	 * @throws Amazon_Exception When the call fails.
	 */
	private function call( Creators_Credentials $credentials, Marketplace $marketplace, string $operation, array $body, ?Budget $budget = null ): Http_Response {
		$json  = self::encode( $body );
		$token = $this->tokens->token( $credentials, $budget );
		$retry = false;
		while ( true ) {
			$current  = $token;
			$send     = function () use ( $credentials, $marketplace, $operation, $json, $current, $budget ): Http_Response {
				return $this->transport->send(
					'POST',
					self::BASE_URL . self::PATHS[ $operation ],
					array(
						'Authorization' => Token_Provider::authorization( $credentials, $current ),
						'x-marketplace' => $marketplace->host,
						'Content-Type'  => 'application/json; charset=utf-8',
						'Accept'        => 'application/json',
					),
					$json,
					'creators',
					$budget
				);
			};
			$classify = static function ( Http_Response $response ) use ( $credentials ): Amazon_Error {
				return Error_Response::from_creators_response( $response->status, $response->json(), $credentials->context(), $response->retry_after() );
			};
			try {
				return $this->execute( 'creators', $marketplace->country, $credentials->cache_id(), $send, $classify, $budget, $operation );
			} catch ( Amazon_Exception $exception ) {
				$error = $exception->error();
				if ( $retry || 401 !== $error->http_status || ! in_array( $error->code, array( 'TokenExpired', 'InvalidToken' ), true ) ) {
					throw $exception;
				}
				$retry = true;
				$token = $this->tokens->refresh( $credentials, $current, $budget );
			}
		}
	}

	/**
	 * The decoded body of a 2xx answer.
	 *
	 * @param Http_Response        $response    Response.
	 * @param Creators_Credentials $credentials Credentials.
	 * @return array<mixed>
	 * @throws Amazon_Exception When it is not a JSON object.
	 */
	private function decode( Http_Response $response, Creators_Credentials $credentials ): array {
		$data = $response->json();
		if ( null === $data ) {
			throw new Amazon_Exception( new Amazon_Error( Amazon_Error::MALFORMED_RESPONSE, 'creators', $response->status, 'InvalidJson', '', null, null, null, $credentials->context() ) ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- Amazon_Exception escapes its message (esc_html) when it is built.
		}
		return $data;
	}

	/**
	 * The marketplace of the credentials.
	 *
	 * @param Creators_Credentials $credentials Credentials.
	 * @throws Amazon_Exception When unknown or the credentials are incomplete.
	 */
	private function marketplace( Creators_Credentials $credentials ): Marketplace {
		$marketplace = Marketplace_Registry::get( $credentials->marketplace );
		if ( null === $marketplace || ! $credentials->is_complete() ) {
			throw new Amazon_Exception( new Amazon_Error( Amazon_Error::NOT_CONFIGURED, 'creators', 0, null === $marketplace ? 'UnknownMarketplace' : 'MissingCredentials', '', null, null, null, $credentials->context() ) ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- Amazon_Exception escapes its message (esc_html) when it is built.
		}
		return $marketplace;
	}

	/**
	 * Language, currency and condition fields.
	 *
	 * @param array<string, mixed> $options Options.
	 * @return array<string, mixed>
	 */
	private function common( array $options ): array {
		return array(
			'languagesOfPreference' => isset( $options['language'] ) && is_string( $options['language'] ) && '' !== $options['language'] ? array( $options['language'] ) : null,
			'currencyOfPreference'  => isset( $options['currency'] ) && is_string( $options['currency'] ) && '' !== $options['currency'] ? $options['currency'] : null,
			'condition'             => isset( $options['condition'] ) && in_array( $options['condition'], array( 'Any', 'New' ), true ) ? $options['condition'] : null,
		);
	}
}
