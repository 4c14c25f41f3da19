<?php
/**
 * Maps Creators API (lowerCamelCase) answers into the normalised model.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Amazon;

use Creators_Connect\Model\Amazon_Error;
use Creators_Connect\Model\Browse_Nodes_Result;
use Creators_Connect\Model\Get_Items_Result;
use Creators_Connect\Model\Product;
use Creators_Connect\Model\Search_Result;

/**
 * Lenient decoder (docs/amazon-protocol.md §C8): every member is optional and may be `null`; `itemsResult`
 * and the docs' typo `itemResults` are both read; image size `hiRes` and its request name `highRes`
 * both map to `hires`; numbers may be int or float; item order is not trusted (results are matched
 * to the request by ASIN). Paapi_Mapper feeds PA-API answers through the same code after re-casing.
 * This class reads the envelopes; Item_Mapper maps each item, Lenient_Reader reads members.
 */
final class Creators_Mapper {

	/**
	 * Which API the answers come from: `creators` or `paapi`.
	 *
	 * @var string
	 */
	private string $source;

	/**
	 * Maps each item.
	 *
	 * @var Item_Mapper
	 */
	private Item_Mapper $items;

	/**
	 * Builds the mapper.
	 *
	 * @param string $source `creators` or `paapi` (written into products and errors).
	 */
	public function __construct( string $source = 'creators' ) {
		$this->source = $source;
		$this->items  = new Item_Mapper( $source );
	}

	/**
	 * Maps one item; null when it has no ASIN.
	 *
	 * @param array<mixed> $item        Decoded item.
	 * @param string       $marketplace Country code.
	 * @param string       $api_version API version.
	 * @param int          $fetched_at  Unix time.
	 */
	public function item( array $item, string $marketplace, string $api_version, int $fetched_at ): ?Product {
		return $this->items->item( $item, $marketplace, $api_version, $fetched_at );
	}

	/**
	 * Maps a GetItems answer. Every requested ASIN ends up either in products or in errors: items
	 * Amazon reported in `errors[]` get that error, items missing from both get NOT_FOUND.
	 *
	 * @param array<mixed> $body        Decoded 200 body.
	 * @param list<string> $asins       Requested ASINs (upper-case).
	 * @param string       $marketplace Country code.
	 * @param string       $api_version API version.
	 * @param int          $fetched_at  Unix time.
	 */
	public function get_items( array $body, array $asins, string $marketplace, string $api_version, int $fetched_at ): Get_Items_Result {
		$result = Lenient_Reader::arr( $body, 'itemsResult' ) ?? Lenient_Reader::arr( $body, 'itemResults' ) ?? array();
		$items  = Lenient_Reader::arr( $result, 'items' ) ?? array();
		$wanted = array_fill_keys( $asins, true );

		$products = array();
		foreach ( $items as $item ) {
			if ( ! is_array( $item ) ) {
				continue;
			}
			$product = $this->item( $item, $marketplace, $api_version, $fetched_at );
			if ( null !== $product && ( isset( $wanted[ $product->asin ] ) || array() === $wanted ) ) {
				$products[ $product->asin ] = $product;
			}
		}

		$errors  = array();
		$missing = array_values( array_diff( $asins, array_keys( $products ) ) );
		foreach ( $this->partial_errors( $body ) as $error ) {
			foreach ( $missing as $asin ) {
				if ( ! isset( $errors[ $asin ] ) && false !== stripos( $error['message'], $asin ) ) {
					$errors[ $asin ] = Amazon_Error::for_item( $this->source, $error['code'], $error['message'], $asin );
				}
			}
		}
		foreach ( $missing as $asin ) {
			if ( ! isset( $errors[ $asin ] ) ) {
				$errors[ $asin ] = new Amazon_Error( Amazon_Error::NOT_FOUND, $this->source, 200, 'ItemMissing', '', null, $asin );
			}
		}
		return new Get_Items_Result( $products, $errors, 1 );
	}

	/**
	 * Maps a SearchItems answer.
	 *
	 * @param array<mixed> $body        Decoded 200 body.
	 * @param string       $marketplace Country code.
	 * @param string       $api_version API version.
	 * @param int          $fetched_at  Unix time.
	 */
	public function search_items( array $body, string $marketplace, string $api_version, int $fetched_at ): Search_Result {
		$result = Lenient_Reader::arr( $body, 'searchResult' ) ?? array();
		return new Search_Result(
			$this->items( Lenient_Reader::arr( $result, 'items' ) ?? array(), $marketplace, $api_version, $fetched_at ),
			(int) ( Lenient_Reader::num( $result, 'totalResultCount' ) ?? 0 ),
			(string) ( Lenient_Reader::str( $result, 'searchURL' ) ?? '' ),
			array(),
			$this->request_errors( $body )
		);
	}

	/**
	 * Maps a GetVariations answer (total = variation count; summary holds prices and dimensions).
	 *
	 * @param array<mixed> $body        Decoded 200 body.
	 * @param string       $marketplace Country code.
	 * @param string       $api_version API version.
	 * @param int          $fetched_at  Unix time.
	 */
	public function get_variations( array $body, string $marketplace, string $api_version, int $fetched_at ): Search_Result {
		$result   = Lenient_Reader::arr( $body, 'variationsResult' ) ?? array();
		$products = $this->items( Lenient_Reader::arr( $result, 'items' ) ?? array(), $marketplace, $api_version, $fetched_at );
		$summary  = Lenient_Reader::arr( $result, 'variationSummary' ) ?? array();

		$dimensions = array();
		foreach ( Lenient_Reader::arr( $summary, 'variationDimensions' ) ?? Lenient_Reader::arr( $summary, 'variationDimension' ) ?? array() as $dimension ) {
			if ( is_array( $dimension ) ) {
				$dimensions[] = array(
					'name'         => (string) ( Lenient_Reader::str( $dimension, 'name' ) ?? '' ),
					'display_name' => (string) ( Lenient_Reader::str( $dimension, 'displayName' ) ?? '' ),
					'values'       => Lenient_Reader::strings( Lenient_Reader::arr( $dimension, 'values' ) ?? array() ),
				);
			}
		}
		$price = Lenient_Reader::arr( $summary, 'price' ) ?? array();
		$count = Lenient_Reader::num( $summary, 'variationCount' );
		return new Search_Result(
			$products,
			null === $count ? count( $products ) : (int) $count,
			'',
			array(
				'page_count'      => (int) ( Lenient_Reader::num( $summary, 'pageCount' ) ?? 0 ),
				'variation_count' => null === $count ? count( $products ) : (int) $count,
				'lowest_price'    => Lenient_Reader::money( Lenient_Reader::arr( $price, 'lowestPrice' ) ),
				'highest_price'   => Lenient_Reader::money( Lenient_Reader::arr( $price, 'highestPrice' ) ),
				'dimensions'      => $dimensions,
			),
			$this->request_errors( $body )
		);
	}

	/**
	 * Maps a GetBrowseNodes answer (matched to the request by id).
	 *
	 * @param array<mixed> $body Decoded 200 body.
	 * @param list<string> $ids  Requested ids.
	 */
	public function get_browse_nodes( array $body, array $ids ): Browse_Nodes_Result {
		$result = Lenient_Reader::arr( $body, 'browseNodesResult' ) ?? array();
		$nodes  = array();
		foreach ( Lenient_Reader::arr( $result, 'browseNodes' ) ?? array() as $node ) {
			if ( ! is_array( $node ) || null === Lenient_Reader::str( $node, 'id' ) ) {
				continue;
			}
			$id        = (string) Lenient_Reader::str( $node, 'id' );
			$ancestors = array();
			$ancestor  = Lenient_Reader::arr( $node, 'ancestor' );
			$depth     = 0;
			while ( null !== $ancestor && $depth < 50 ) {
				$ancestors[] = array(
					'id'   => (string) ( Lenient_Reader::str( $ancestor, 'id' ) ?? '' ),
					'name' => (string) ( Lenient_Reader::str( $ancestor, 'displayName' ) ?? Lenient_Reader::str( $ancestor, 'contextFreeName' ) ?? '' ),
				);
				$ancestor    = Lenient_Reader::arr( $ancestor, 'ancestor' );
				++$depth;
			}
			$children = array();
			foreach ( Lenient_Reader::arr( $node, 'children' ) ?? array() as $child ) {
				if ( is_array( $child ) ) {
					$children[] = array(
						'id'   => (string) ( Lenient_Reader::str( $child, 'id' ) ?? '' ),
						'name' => (string) ( Lenient_Reader::str( $child, 'displayName' ) ?? Lenient_Reader::str( $child, 'contextFreeName' ) ?? '' ),
					);
				}
			}
			$rank         = Lenient_Reader::num( $node, 'salesRank' );
			$nodes[ $id ] = array(
				'id'                => $id,
				'name'              => (string) ( Lenient_Reader::str( $node, 'displayName' ) ?? '' ),
				'context_free_name' => (string) ( Lenient_Reader::str( $node, 'contextFreeName' ) ?? '' ),
				'is_root'           => (bool) ( $node['isRoot'] ?? false ),
				'sales_rank'        => null === $rank ? null : (int) $rank,
				'ancestors'         => $ancestors,
				'children'          => $children,
			);
		}
		$errors = array();
		foreach ( array_diff( $ids, array_keys( $nodes ) ) as $id ) {
			$errors[ $id ] = new Amazon_Error( Amazon_Error::NOT_FOUND, $this->source, 200, 'InvalidParameterValue', '', null, null, null, array( 'browse_node' => $id ) );
			foreach ( $this->partial_errors( $body ) as $error ) {
				if ( 1 === preg_match( '/\b' . preg_quote( $id, '/' ) . '\b/', $error['message'] ) ) {
					$errors[ $id ] = new Amazon_Error( Amazon_Error::NOT_FOUND, $this->source, 200, $error['code'], $error['message'], null, null, null, array( 'browse_node' => $id ) );
				}
			}
		}
		return new Browse_Nodes_Result( $nodes, $errors );
	}

	/**
	 * Per-item entries of a 200 answer's `errors[]`.
	 *
	 * @param array<mixed> $body Decoded body.
	 * @return list<array{code: string, message: string}>
	 */
	public function partial_errors( array $body ): array {
		$out = array();
		foreach ( Lenient_Reader::arr( $body, 'errors' ) ?? array() as $error ) {
			if ( is_array( $error ) ) {
				$out[] = array(
					'code'    => (string) ( Lenient_Reader::str( $error, 'code' ) ?? '' ),
					'message' => (string) ( Lenient_Reader::str( $error, 'message' ) ?? '' ),
				);
			}
		}
		return $out;
	}

	/**
	 * Partial errors as Amazon_Error objects (for search and variations).
	 *
	 * @param array<mixed> $body Decoded body.
	 * @return list<Amazon_Error>
	 */
	private function request_errors( array $body ): array {
		$out = array();
		foreach ( $this->partial_errors( $body ) as $error ) {
			$out[] = new Amazon_Error( Amazon_Error::NOT_FOUND, $this->source, 200, $error['code'], $error['message'] );
		}
		return $out;
	}

	/**
	 * Maps a list of items, skipping those without an ASIN.
	 *
	 * @param array<mixed> $items       Items.
	 * @param string       $marketplace Country code.
	 * @param string       $api_version API version.
	 * @param int          $fetched_at  Unix time.
	 * @return list<Product>
	 */
	private function items( array $items, string $marketplace, string $api_version, int $fetched_at ): array {
		$out = array();
		foreach ( $items as $item ) {
			$product = is_array( $item ) ? $this->item( $item, $marketplace, $api_version, $fetched_at ) : null;
			if ( null !== $product ) {
				$out[] = $product;
			}
		}
		return $out;
	}


}
