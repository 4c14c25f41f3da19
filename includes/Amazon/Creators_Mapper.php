<?php
/**
 * Maps Creators API (lowerCamelCase) answers into the normalised model.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Amazon;

use Creators_Connect\Catalog\Product;
use Creators_Connect\Marketplace\Image_Hosts;
use Creators_Connect\Support\Plain_Text;

/**
 * Lenient decoder (creators-api.md §10.1): every member is optional and may be `null`; `itemsResult`
 * and the docs' typo `itemResults` are both read; image size `hiRes` and its request name `highRes`
 * both map to `hires`; numbers may be int or float; item order is not trusted (results are matched
 * to the request by ASIN). Paapi_Mapper feeds PA-API answers through the same code after re-casing.
 */
final class Creators_Mapper {

	/**
	 * Saving-basis types shown as a list price (creators-api.md §8: LOWEST_PRICE* are EU omnibus references).
	 */
	private const LIST_PRICE_TYPES = array( 'LIST_PRICE', 'WAS_PRICE' );

	/**
	 * Which API the answers come from: `creators` or `paapi`.
	 *
	 * @var string
	 */
	private string $source;

	/**
	 * Builds the mapper.
	 *
	 * @param string $source `creators` or `paapi` (written into products and errors).
	 */
	public function __construct( string $source = 'creators' ) {
		$this->source = $source;
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
		$result = self::arr( $body, 'itemsResult' ) ?? self::arr( $body, 'itemResults' ) ?? array();
		$items  = self::arr( $result, 'items' ) ?? array();
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
		$result = self::arr( $body, 'searchResult' ) ?? array();
		return new Search_Result(
			$this->items( self::arr( $result, 'items' ) ?? array(), $marketplace, $api_version, $fetched_at ),
			(int) ( self::num( $result, 'totalResultCount' ) ?? 0 ),
			(string) ( self::str( $result, 'searchURL' ) ?? '' ),
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
		$result   = self::arr( $body, 'variationsResult' ) ?? array();
		$products = $this->items( self::arr( $result, 'items' ) ?? array(), $marketplace, $api_version, $fetched_at );
		$summary  = self::arr( $result, 'variationSummary' ) ?? array();

		$dimensions = array();
		foreach ( self::arr( $summary, 'variationDimensions' ) ?? self::arr( $summary, 'variationDimension' ) ?? array() as $dimension ) {
			if ( is_array( $dimension ) ) {
				$dimensions[] = array(
					'name'         => (string) ( self::str( $dimension, 'name' ) ?? '' ),
					'display_name' => (string) ( self::str( $dimension, 'displayName' ) ?? '' ),
					'values'       => self::strings( self::arr( $dimension, 'values' ) ?? array() ),
				);
			}
		}
		$price = self::arr( $summary, 'price' ) ?? array();
		$count = self::num( $summary, 'variationCount' );
		return new Search_Result(
			$products,
			null === $count ? count( $products ) : (int) $count,
			'',
			array(
				'page_count'      => (int) ( self::num( $summary, 'pageCount' ) ?? 0 ),
				'variation_count' => null === $count ? count( $products ) : (int) $count,
				'lowest_price'    => self::money( self::arr( $price, 'lowestPrice' ) ),
				'highest_price'   => self::money( self::arr( $price, 'highestPrice' ) ),
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
		$result = self::arr( $body, 'browseNodesResult' ) ?? array();
		$nodes  = array();
		foreach ( self::arr( $result, 'browseNodes' ) ?? array() as $node ) {
			if ( ! is_array( $node ) || null === self::str( $node, 'id' ) ) {
				continue;
			}
			$id        = (string) self::str( $node, 'id' );
			$ancestors = array();
			$ancestor  = self::arr( $node, 'ancestor' );
			$depth     = 0;
			while ( null !== $ancestor && $depth < 50 ) {
				$ancestors[] = array(
					'id'   => (string) ( self::str( $ancestor, 'id' ) ?? '' ),
					'name' => (string) ( self::str( $ancestor, 'displayName' ) ?? self::str( $ancestor, 'contextFreeName' ) ?? '' ),
				);
				$ancestor    = self::arr( $ancestor, 'ancestor' );
				++$depth;
			}
			$children = array();
			foreach ( self::arr( $node, 'children' ) ?? array() as $child ) {
				if ( is_array( $child ) ) {
					$children[] = array(
						'id'   => (string) ( self::str( $child, 'id' ) ?? '' ),
						'name' => (string) ( self::str( $child, 'displayName' ) ?? self::str( $child, 'contextFreeName' ) ?? '' ),
					);
				}
			}
			$rank         = self::num( $node, 'salesRank' );
			$nodes[ $id ] = array(
				'id'                => $id,
				'name'              => (string) ( self::str( $node, 'displayName' ) ?? '' ),
				'context_free_name' => (string) ( self::str( $node, 'contextFreeName' ) ?? '' ),
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
	 * Maps one item; null when it has no ASIN.
	 *
	 * @param array<mixed> $item        Decoded item.
	 * @param string       $marketplace Country code.
	 * @param string       $api_version API version.
	 * @param int          $fetched_at  Unix time.
	 */
	public function item( array $item, string $marketplace, string $api_version, int $fetched_at ): ?Product {
		$asin = self::str( $item, 'asin' );
		if ( null === $asin || '' === $asin ) {
			return null;
		}
		$info    = self::arr( $item, 'itemInfo' ) ?? array();
		$by_line = self::arr( $info, 'byLineInfo' ) ?? array();
		$listing = $this->listing( $item );
		$price   = self::arr( $listing, 'price' ) ?? array();
		$basis   = self::arr( $price, 'savingBasis' ) ?? array();
		$savings = self::arr( $price, 'savings' ) ?? array();

		$basis_type = self::str( $basis, 'savingBasisType' );
		$list_price = null === $basis_type || in_array( $basis_type, self::LIST_PRICE_TYPES, true ) ? self::money( self::arr( $basis, 'money' ) ) : null;

		$condition    = self::arr( $listing, 'condition' ) ?? array();
		$merchant     = self::arr( $listing, 'merchantInfo' ) ?? array();
		$points       = self::num( self::arr( $listing, 'loyaltyPoints' ) ?? array(), 'points' );
		$availability = self::arr( $listing, 'availability' );
		$deal         = self::arr( $listing, 'dealDetails' );
		$offer_type   = self::str( $listing, 'type' );
		$reviews      = self::arr( $item, 'customerReviews' ) ?? array();
		$rating       = self::arr( $reviews, 'starRating' );
		$rating_value = null !== $rating ? self::num( $rating, 'value' ) : self::num( $reviews, 'starRating' );
		$review_count = self::num( $reviews, 'count' );
		$percent      = self::num( $savings, 'percentage' );
		$is_winner    = isset( $listing['isBuyBoxWinner'] ) && is_bool( $listing['isBuyBoxWinner'] ) ? $listing['isBuyBoxWinner'] : null;

		$brand = self::display( $by_line, 'brand' ) ?? self::display( $by_line, 'manufacturer' );

		return new Product(
			asin: strtoupper( $asin ),
			marketplace: $marketplace,
			title: (string) ( self::display( $info, 'title' ) ?? '' ),
			detail_page_url: (string) ( self::str( $item, 'detailPageURL' ) ?? '' ),
			images: $this->images( self::arr( self::arr( $item, 'images' ) ?? array(), 'primary' ) ?? array() ),
			price: self::money( self::arr( $price, 'money' ) ),
			list_price: $list_price,
			savings: self::money( self::arr( $savings, 'money' ) ),
			savings_percent: null === $percent ? null : (int) round( $percent ),
			availability: null === $availability ? null : array(
				'message' => (string) ( self::str( $availability, 'message' ) ?? '' ),
				'type'    => (string) ( self::str( $availability, 'type' ) ?? '' ),
			),
			condition: self::str( $condition, 'value' ) ?? self::str( $listing, 'condition' ),
			merchant: self::str( $merchant, 'name' ),
			is_buy_box_winner: $is_winner,
			deal: null === $deal && null === $offer_type ? null : array(
				'badge'           => (string) ( self::str( $deal ?? array(), 'badge' ) ?? '' ),
				'access_type'     => (string) ( self::str( $deal ?? array(), 'accessType' ) ?? '' ),
				'type'            => (string) ( $offer_type ?? '' ),
				'start_time'      => (string) ( self::str( $deal ?? array(), 'startTime' ) ?? '' ),
				'end_time'        => (string) ( self::str( $deal ?? array(), 'endTime' ) ?? '' ),
				'percent_claimed' => null === self::num( $deal ?? array(), 'percentClaimed' ) ? null : (int) self::num( $deal ?? array(), 'percentClaimed' ),
			),
			features: $this->features( $info ),
			brand: $brand,
			by_line: $this->contributors( $by_line ),
			rating: null === $rating_value ? null : (float) $rating_value,
			review_count: null === $review_count ? null : (int) $review_count,
			browse_nodes: $this->browse_nodes( self::arr( $item, 'browseNodeInfo' ) ?? array() ),
			fetched_at: $fetched_at,
			source: $this->source,
			api_version: $api_version,
			parent_asin: self::str( $item, 'parentASIN' ),
			list_price_label: null === $list_price ? null : self::str( $basis, 'savingBasisTypeLabel' ),
			list_price_type: null === $list_price ? null : ( $basis_type ?? 'LIST_PRICE' ),
			violates_map: true === ( $listing['violatesMAP'] ?? false ),
			variation_attributes: $this->variation_attributes( $item ),
			unit_price: self::unit_price( self::arr( $price, 'pricePerUnit' ) ),
			loyalty_points: null === $points ? null : (int) $points,
			sub_condition: self::display( $condition, 'subCondition' ),
			condition_note: self::display( $condition, 'conditionNote' ),
			merchant_id: self::str( $merchant, 'id' )
		);
	}

	/**
	 * Per-item entries of a 200 answer's `errors[]`.
	 *
	 * @param array<mixed> $body Decoded body.
	 * @return list<array{code: string, message: string}>
	 */
	public function partial_errors( array $body ): array {
		$out = array();
		foreach ( self::arr( $body, 'errors' ) ?? array() as $error ) {
			if ( is_array( $error ) ) {
				$out[] = array(
					'code'    => (string) ( self::str( $error, 'code' ) ?? '' ),
					'message' => (string) ( self::str( $error, 'message' ) ?? '' ),
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

	/**
	 * The offer listing to show: the buy-box winner, else the first.
	 *
	 * @param array<mixed> $item Item.
	 * @return array<mixed>
	 */
	private function listing( array $item ): array {
		$listings = self::arr( self::arr( $item, 'offersV2' ) ?? array(), 'listings' ) ?? array();
		$first    = null;
		foreach ( $listings as $listing ) {
			if ( ! is_array( $listing ) ) {
				continue;
			}
			if ( true === ( $listing['isBuyBoxWinner'] ?? null ) ) {
				return $listing;
			}
			$first = $first ?? $listing;
		}
		return $first ?? array();
	}

	/**
	 * Primary image sizes.
	 *
	 * @param array<mixed> $primary `images.primary`.
	 * @return array<string, array{url: string, width: int, height: int}>
	 */
	private function images( array $primary ): array {
		$out   = array();
		$sizes = array(
			'small'  => array( 'small' ),
			'medium' => array( 'medium' ),
			'large'  => array( 'large' ),
			'hires'  => array( 'hiRes', 'highRes' ),
		);
		foreach ( $sizes as $size => $keys ) {
			foreach ( $keys as $key ) {
				$image = self::arr( $primary, $key );
				$url   = null === $image ? null : ( self::str( $image, 'url' ) ?? self::str( $image, 'URL' ) );
				if ( null !== $image && null !== $url && Image_Hosts::allows( $url ) ) {
					$out[ $size ] = array(
						'url'    => $url,
						'width'  => (int) ( self::num( $image, 'width' ) ?? 0 ),
						'height' => (int) ( self::num( $image, 'height' ) ?? 0 ),
					);
					break;
				}
			}
		}
		return $out;
	}

	/**
	 * Feature bullets (`displayValues`, or a plain list).
	 *
	 * @param array<mixed> $info `itemInfo`.
	 * @return list<string>
	 */
	private function features( array $info ): array {
		$features = $info['features'] ?? null;
		if ( ! is_array( $features ) ) {
			return array();
		}
		return self::strings( self::arr( $features, 'displayValues' ) ?? ( array_is_list( $features ) ? $features : array() ) );
	}

	/**
	 * Contributors as one line (`Jane Doe (Author), John Roe (Illustrator)`), or null.
	 *
	 * @param array<mixed> $by_line `itemInfo.byLineInfo`.
	 */
	private function contributors( array $by_line ): ?string {
		$names = array();
		foreach ( self::arr( $by_line, 'contributors' ) ?? array() as $contributor ) {
			if ( is_array( $contributor ) && null !== self::str( $contributor, 'name' ) ) {
				$role    = self::str( $contributor, 'role' );
				$names[] = (string) self::str( $contributor, 'name' ) . ( null !== $role && '' !== $role ? ' (' . $role . ')' : '' );
			}
		}
		return array() === $names ? null : implode( ', ', $names );
	}

	/**
	 * Browse nodes of an item.
	 *
	 * @param array<mixed> $info `browseNodeInfo`.
	 * @return list<array{id: string, name: string, sales_rank: int|null}>
	 */
	private function browse_nodes( array $info ): array {
		$out = array();
		foreach ( self::arr( $info, 'browseNodes' ) ?? array() as $node ) {
			if ( is_array( $node ) && null !== self::str( $node, 'id' ) ) {
				$rank  = self::num( $node, 'salesRank' );
				$out[] = array(
					'id'         => (string) self::str( $node, 'id' ),
					'name'       => (string) ( self::str( $node, 'displayName' ) ?? self::str( $node, 'contextFreeName' ) ?? '' ),
					'sales_rank' => null === $rank ? null : (int) $rank,
				);
			}
		}
		return $out;
	}

	/**
	 * Variation attributes (`[{name, value}]`) as name => value.
	 *
	 * @param array<mixed> $item Item.
	 * @return array<string, string>
	 */
	private function variation_attributes( array $item ): array {
		$out = array();
		foreach ( self::arr( $item, 'variationAttributes' ) ?? array() as $attribute ) {
			if ( is_array( $attribute ) && null !== self::str( $attribute, 'name' ) ) {
				$out[ (string) self::str( $attribute, 'name' ) ] = (string) ( self::str( $attribute, 'value' ) ?? '' );
			}
		}
		return $out;
	}

	/**
	 * A Money array from `{amount, currency, displayAmount}`, or null.
	 *
	 * @param array<mixed>|null $money Money object.
	 * @return array{amount: float, currency: string, display: string}|null
	 */
	private static function money( ?array $money ): ?array {
		if ( null === $money ) {
			return null;
		}
		$amount = self::num( $money, 'amount' );
		if ( null === $amount ) {
			return null;
		}
		$currency = (string) ( self::str( $money, 'currency' ) ?? '' );
		$display  = self::str( $money, 'displayAmount' ) ?? trim( $amount . ' ' . $currency );
		return array(
			'amount'   => (float) $amount,
			'currency' => $currency,
			'display'  => $display,
		);
	}

	/**
	 * A unit price from `pricePerUnit` Money. Amazon names the unit only inside `displayAmount`
	 * (`$29.75 / Count`, `1,99 € / 100 ml`), so that string is split at its last slash: the part
	 * before is the money display, the part after the unit ('' when there is no slash).
	 *
	 * @param array<mixed>|null $money `pricePerUnit`.
	 * @return array{amount: float, currency: string, display: string, unit: string}|null
	 */
	private static function unit_price( ?array $money ): ?array {
		$unit_price = self::money( $money );
		if ( null === $unit_price ) {
			return null;
		}
		$unit = '';
		if ( 1 === preg_match( '~^(.*\S)\s*/\s*([^/]+)$~u', $unit_price['display'], $parts ) ) {
			$unit_price['display'] = $parts[1];
			$unit                  = trim( $parts[2] );
		}
		return $unit_price + array( 'unit' => $unit );
	}

	/**
	 * The display value of an attribute wrapper (`{displayValue}`), or of a plain string.
	 *
	 * @param array<mixed> $data Parent.
	 * @param string       $key  Member.
	 */
	private static function display( array $data, string $key ): ?string {
		$value = $data[ $key ] ?? null;
		if ( is_string( $value ) ) {
			return Plain_Text::clean( $value );
		}
		return is_array( $value ) ? self::str( $value, 'displayValue' ) : null;
	}

	/**
	 * A member that is an array, or null (absent, null or another type).
	 *
	 * @param array<mixed> $data Parent.
	 * @param string       $key  Member.
	 * @return array<mixed>|null
	 */
	private static function arr( array $data, string $key ): ?array {
		return isset( $data[ $key ] ) && is_array( $data[ $key ] ) ? $data[ $key ] : null;
	}

	/**
	 * A scalar member as a string, or null.
	 *
	 * @param array<mixed> $data Parent.
	 * @param string       $key  Member.
	 */
	private static function str( array $data, string $key ): ?string {
		return isset( $data[ $key ] ) && is_scalar( $data[ $key ] ) && ! is_bool( $data[ $key ] ) ? Plain_Text::clean( (string) $data[ $key ] ) : null;
	}

	/**
	 * A numeric member (int, float or numeric string), or null.
	 *
	 * @param array<mixed> $data Parent.
	 * @param string       $key  Member.
	 */
	private static function num( array $data, string $key ): int|float|null {
		$value = $data[ $key ] ?? null;
		if ( is_int( $value ) || is_float( $value ) ) {
			return $value;
		}
		return is_string( $value ) && is_numeric( $value ) ? 0 + $value : null;
	}

	/**
	 * The strings of a list.
	 *
	 * @param array<mixed> $values Values.
	 * @return list<string>
	 */
	private static function strings( array $values ): array {
		$out = array();
		foreach ( $values as $value ) {
			if ( is_string( $value ) ) {
				$out[] = Plain_Text::clean( $value );
			}
		}
		return $out;
	}
}
