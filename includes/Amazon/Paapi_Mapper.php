<?php
/**
 * Maps PA-API 5.0 (PascalCase) answers into the normalised model.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Amazon;

use Creators_Connect\Model\Browse_Nodes_Result;
use Creators_Connect\Model\Get_Items_Result;
use Creators_Connect\Model\Product;
use Creators_Connect\Model\Search_Result;

/**
 * Re-cases a PA-API answer to the Creators API's lowerCamelCase (`ItemsResult` → `itemsResult`,
 * `ASIN` → `asin`, `DetailPageURL` → `detailPageURL`, `URL` → `url`), turns Offers V1 listings into
 * the OffersV2 shape when no OffersV2 came back, and hands the result to Creators_Mapper.
 */
final class Paapi_Mapper {

	/**
	 * The PA-API version written into products (Paapi_Client names it after this mapper, so the
	 * client depends on the mapper and not the other way round).
	 */
	public const API_VERSION = '5.0';

	/**
	 * Keys that lcfirst() would get wrong.
	 */
	private const KEYS = array(
		'ASIN'          => 'asin',
		'ParentASIN'    => 'parentASIN',
		'DetailPageURL' => 'detailPageURL',
		'SearchURL'     => 'searchURL',
		'URL'           => 'url',
		'EANs'          => 'eans',
		'ISBNs'         => 'isbns',
		'UPCs'          => 'upcs',
	);

	/**
	 * The shared decoder.
	 *
	 * @var Creators_Mapper
	 */
	private Creators_Mapper $mapper;

	/**
	 * Builds the mapper.
	 */
	public function __construct() {
		$this->mapper = new Creators_Mapper( 'paapi' );
	}

	/**
	 * Maps a GetItems answer.
	 *
	 * @param array<mixed> $body        Decoded 200 body.
	 * @param list<string> $asins       Requested ASINs.
	 * @param string       $marketplace Country code.
	 * @param int          $fetched_at  Unix time.
	 */
	public function get_items( array $body, array $asins, string $marketplace, int $fetched_at ): Get_Items_Result {
		return $this->mapper->get_items( self::normalize( $body ), $asins, $marketplace, self::API_VERSION, $fetched_at );
	}

	/**
	 * Maps a SearchItems answer.
	 *
	 * @param array<mixed> $body        Decoded 200 body.
	 * @param string       $marketplace Country code.
	 * @param int          $fetched_at  Unix time.
	 */
	public function search_items( array $body, string $marketplace, int $fetched_at ): Search_Result {
		return $this->mapper->search_items( self::normalize( $body ), $marketplace, self::API_VERSION, $fetched_at );
	}

	/**
	 * Maps a GetVariations answer.
	 *
	 * @param array<mixed> $body        Decoded 200 body.
	 * @param string       $marketplace Country code.
	 * @param int          $fetched_at  Unix time.
	 */
	public function get_variations( array $body, string $marketplace, int $fetched_at ): Search_Result {
		return $this->mapper->get_variations( self::normalize( $body ), $marketplace, self::API_VERSION, $fetched_at );
	}

	/**
	 * Maps a GetBrowseNodes answer.
	 *
	 * @param array<mixed> $body Decoded 200 body.
	 * @param list<string> $ids  Requested ids.
	 */
	public function get_browse_nodes( array $body, array $ids ): Browse_Nodes_Result {
		return $this->mapper->get_browse_nodes( self::normalize( $body ), $ids );
	}

	/**
	 * Maps one PA-API item.
	 *
	 * @param array<mixed> $item        Item (PascalCase).
	 * @param string       $marketplace Country code.
	 * @param int          $fetched_at  Unix time.
	 */
	public function item( array $item, string $marketplace, int $fetched_at ): ?Product {
		return $this->mapper->item( self::normalize( $item ), $marketplace, self::API_VERSION, $fetched_at );
	}

	/**
	 * The per-item errors of a 200 answer.
	 *
	 * @param array<mixed> $body Decoded body (PascalCase).
	 * @return list<array{code: string, message: string}>
	 */
	public function partial_errors( array $body ): array {
		return $this->mapper->partial_errors( self::normalize( $body ) );
	}

	/**
	 * Re-cases a decoded PA-API value and converts Offers V1 listings.
	 *
	 * @param array<mixed> $data Decoded data.
	 * @return array<mixed>
	 */
	public static function normalize( array $data ): array {
		$out = array();
		foreach ( $data as $key => $value ) {
			$name         = is_string( $key ) ? ( self::KEYS[ $key ] ?? ( str_starts_with( $key, '__' ) ? $key : lcfirst( $key ) ) ) : $key;
			$out[ $name ] = is_array( $value ) ? self::normalize( $value ) : $value;
		}
		if ( isset( $out['asin'] ) && ! isset( $out['offersV2'] ) && isset( $out['offers'] ) && is_array( $out['offers'] ) ) {
			$out['offersV2'] = self::offers_v1_to_v2( $out['offers'] );
		}
		return $out;
	}

	/**
	 * Offers V1 (`Price.Amount`, `SavingBasis`, `Price.Savings`) in the OffersV2 shape.
	 *
	 * @param array<mixed> $offers Re-cased `offers`.
	 * @return array{listings: list<array<string, mixed>>}
	 */
	private static function offers_v1_to_v2( array $offers ): array {
		$listings = array();
		foreach ( ( isset( $offers['listings'] ) && is_array( $offers['listings'] ) ) ? $offers['listings'] : array() as $listing ) {
			if ( ! is_array( $listing ) ) {
				continue;
			}
			$price = isset( $listing['price'] ) && is_array( $listing['price'] ) ? $listing['price'] : array();
			$v2    = array(
				'price' => array( 'money' => self::v1_money( $price ) ),
			);
			if ( isset( $listing['savingBasis'] ) && is_array( $listing['savingBasis'] ) ) {
				$v2['price']['savingBasis'] = array(
					'money'           => self::v1_money( $listing['savingBasis'] ),
					'savingBasisType' => 'LIST_PRICE',
				);
			}
			if ( isset( $price['pricePerUnit'] ) && is_array( $price['pricePerUnit'] ) ) {
				$v2['price']['pricePerUnit'] = self::v1_money( $price['pricePerUnit'] );
			}
			if ( isset( $price['savings'] ) && is_array( $price['savings'] ) ) {
				$v2['price']['savings'] = array(
					'money'      => self::v1_money( $price['savings'] ),
					'percentage' => $price['savings']['percentage'] ?? null,
				);
			}
			foreach ( array( 'availability', 'merchantInfo', 'isBuyBoxWinner', 'violatesMAP', 'loyaltyPoints' ) as $key ) {
				if ( isset( $listing[ $key ] ) ) {
					$v2[ $key ] = $listing[ $key ];
				}
			}
			if ( isset( $listing['condition'] ) && is_array( $listing['condition'] ) ) {
				$v2['condition'] = self::v1_condition( $listing['condition'] );
			}
			$listings[] = $v2;
		}
		return array( 'listings' => $listings );
	}

	/**
	 * A V1 condition (`SubCondition` and `ConditionNote` wrapped as `{Value}`) with plain strings.
	 *
	 * @param array<mixed> $condition Re-cased V1 condition.
	 * @return array<mixed>
	 */
	private static function v1_condition( array $condition ): array {
		foreach ( array( 'subCondition', 'conditionNote' ) as $key ) {
			if ( isset( $condition[ $key ] ) && is_array( $condition[ $key ] ) ) {
				$condition[ $key ] = $condition[ $key ]['value'] ?? null;
			}
		}
		return $condition;
	}

	/**
	 * A V1 price object (`amount`, `currency`, `displayAmount` at the top) as Money.
	 *
	 * @param array<mixed> $price V1 price.
	 * @return array<string, mixed>
	 */
	private static function v1_money( array $price ): array {
		return array(
			'amount'        => $price['amount'] ?? null,
			'currency'      => $price['currency'] ?? null,
			'displayAmount' => $price['displayAmount'] ?? null,
		);
	}
}
