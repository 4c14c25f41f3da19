<?php
/**
 * Maps one Creators API item (or a re-cased PA-API item) into a product.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Amazon;

use Creators_Connect\Marketplace\Image_Hosts;
use Creators_Connect\Model\Product;

/**
 * One item → Product: title, link, images, the buy-box offer (price, list price, savings, unit
 * price, points, availability, condition, merchant, deal, MAP), features, brand and contributors,
 * rating, browse nodes, variation attributes. The envelopes around items are Creators_Mapper's.
 */
final class Item_Mapper {

	/**
	 * Saving-basis types shown as a list price (docs/amazon-protocol.md §C8: LOWEST_PRICE* are EU omnibus references).
	 */
	private const LIST_PRICE_TYPES = array( 'LIST_PRICE', 'WAS_PRICE' );

	/**
	 * Which API the items come from: `creators` or `paapi`.
	 *
	 * @var string
	 */
	private string $source;

	/**
	 * Builds the mapper.
	 *
	 * @param string $source `creators` or `paapi` (written into products).
	 */
	public function __construct( string $source = 'creators' ) {
		$this->source = $source;
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
		$asin = Lenient_Reader::str( $item, 'asin' );
		if ( null === $asin || '' === $asin ) {
			return null;
		}
		$info    = Lenient_Reader::arr( $item, 'itemInfo' ) ?? array();
		$by_line = Lenient_Reader::arr( $info, 'byLineInfo' ) ?? array();
		$listing = $this->listing( $item );
		$price   = Lenient_Reader::arr( $listing, 'price' ) ?? array();
		$basis   = Lenient_Reader::arr( $price, 'savingBasis' ) ?? array();
		$savings = Lenient_Reader::arr( $price, 'savings' ) ?? array();

		$basis_type = Lenient_Reader::str( $basis, 'savingBasisType' );
		$list_price = null === $basis_type || in_array( $basis_type, self::LIST_PRICE_TYPES, true ) ? Lenient_Reader::money( Lenient_Reader::arr( $basis, 'money' ) ) : null;

		$condition    = Lenient_Reader::arr( $listing, 'condition' ) ?? array();
		$merchant     = Lenient_Reader::arr( $listing, 'merchantInfo' ) ?? array();
		$points       = Lenient_Reader::num( Lenient_Reader::arr( $listing, 'loyaltyPoints' ) ?? array(), 'points' );
		$availability = Lenient_Reader::arr( $listing, 'availability' );
		$deal         = Lenient_Reader::arr( $listing, 'dealDetails' );
		$offer_type   = Lenient_Reader::str( $listing, 'type' );
		$reviews      = Lenient_Reader::arr( $item, 'customerReviews' ) ?? array();
		$rating       = Lenient_Reader::arr( $reviews, 'starRating' );
		$rating_value = null !== $rating ? Lenient_Reader::num( $rating, 'value' ) : Lenient_Reader::num( $reviews, 'starRating' );
		$review_count = Lenient_Reader::num( $reviews, 'count' );
		$percent      = Lenient_Reader::num( $savings, 'percentage' );
		$is_winner    = isset( $listing['isBuyBoxWinner'] ) && is_bool( $listing['isBuyBoxWinner'] ) ? $listing['isBuyBoxWinner'] : null;

		$brand = Lenient_Reader::display( $by_line, 'brand' ) ?? Lenient_Reader::display( $by_line, 'manufacturer' );

		return new Product(
			asin: strtoupper( $asin ),
			marketplace: $marketplace,
			title: (string) ( Lenient_Reader::display( $info, 'title' ) ?? '' ),
			detail_page_url: (string) ( Lenient_Reader::str( $item, 'detailPageURL' ) ?? '' ),
			images: $this->images( Lenient_Reader::arr( Lenient_Reader::arr( $item, 'images' ) ?? array(), 'primary' ) ?? array() ),
			price: Lenient_Reader::money( Lenient_Reader::arr( $price, 'money' ) ),
			list_price: $list_price,
			savings: Lenient_Reader::money( Lenient_Reader::arr( $savings, 'money' ) ),
			savings_percent: null === $percent ? null : (int) round( $percent ),
			availability: null === $availability ? null : array(
				'message' => (string) ( Lenient_Reader::str( $availability, 'message' ) ?? '' ),
				'type'    => (string) ( Lenient_Reader::str( $availability, 'type' ) ?? '' ),
			),
			condition: Lenient_Reader::str( $condition, 'value' ) ?? Lenient_Reader::str( $listing, 'condition' ),
			merchant: Lenient_Reader::str( $merchant, 'name' ),
			is_buy_box_winner: $is_winner,
			deal: null === $deal && null === $offer_type ? null : array(
				'badge'           => (string) ( Lenient_Reader::str( $deal ?? array(), 'badge' ) ?? '' ),
				'access_type'     => (string) ( Lenient_Reader::str( $deal ?? array(), 'accessType' ) ?? '' ),
				'type'            => (string) ( $offer_type ?? '' ),
				'start_time'      => (string) ( Lenient_Reader::str( $deal ?? array(), 'startTime' ) ?? '' ),
				'end_time'        => (string) ( Lenient_Reader::str( $deal ?? array(), 'endTime' ) ?? '' ),
				'percent_claimed' => null === Lenient_Reader::num( $deal ?? array(), 'percentClaimed' ) ? null : (int) Lenient_Reader::num( $deal ?? array(), 'percentClaimed' ),
			),
			features: $this->features( $info ),
			brand: $brand,
			by_line: $this->contributors( $by_line ),
			rating: null === $rating_value ? null : (float) $rating_value,
			review_count: null === $review_count ? null : (int) $review_count,
			browse_nodes: $this->browse_nodes( Lenient_Reader::arr( $item, 'browseNodeInfo' ) ?? array() ),
			fetched_at: $fetched_at,
			source: $this->source,
			api_version: $api_version,
			parent_asin: Lenient_Reader::str( $item, 'parentASIN' ),
			list_price_label: null === $list_price ? null : Lenient_Reader::str( $basis, 'savingBasisTypeLabel' ),
			list_price_type: null === $list_price ? null : ( $basis_type ?? 'LIST_PRICE' ),
			violates_map: true === ( $listing['violatesMAP'] ?? false ),
			variation_attributes: $this->variation_attributes( $item ),
			unit_price: Lenient_Reader::unit_price( Lenient_Reader::arr( $price, 'pricePerUnit' ) ),
			loyalty_points: null === $points ? null : (int) $points,
			sub_condition: Lenient_Reader::display( $condition, 'subCondition' ),
			condition_note: Lenient_Reader::display( $condition, 'conditionNote' ),
			merchant_id: Lenient_Reader::str( $merchant, 'id' )
		);
	}

	/**
	 * The offer listing to show: the buy-box winner, else the first.
	 *
	 * @param array<mixed> $item Item.
	 * @return array<mixed>
	 */
	private function listing( array $item ): array {
		$listings = Lenient_Reader::arr( Lenient_Reader::arr( $item, 'offersV2' ) ?? array(), 'listings' ) ?? array();
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
				$image = Lenient_Reader::arr( $primary, $key );
				$url   = null === $image ? null : ( Lenient_Reader::str( $image, 'url' ) ?? Lenient_Reader::str( $image, 'URL' ) );
				if ( null !== $image && null !== $url && Image_Hosts::allows( $url ) ) {
					$out[ $size ] = array(
						'url'    => $url,
						'width'  => (int) ( Lenient_Reader::num( $image, 'width' ) ?? 0 ),
						'height' => (int) ( Lenient_Reader::num( $image, 'height' ) ?? 0 ),
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
		return Lenient_Reader::strings( Lenient_Reader::arr( $features, 'displayValues' ) ?? ( array_is_list( $features ) ? $features : array() ) );
	}

	/**
	 * Contributors as one line (`Jane Doe (Author), John Roe (Illustrator)`), or null.
	 *
	 * @param array<mixed> $by_line `itemInfo.byLineInfo`.
	 */
	private function contributors( array $by_line ): ?string {
		$names = array();
		foreach ( Lenient_Reader::arr( $by_line, 'contributors' ) ?? array() as $contributor ) {
			if ( is_array( $contributor ) && null !== Lenient_Reader::str( $contributor, 'name' ) ) {
				$role    = Lenient_Reader::str( $contributor, 'role' );
				$names[] = (string) Lenient_Reader::str( $contributor, 'name' ) . ( null !== $role && '' !== $role ? ' (' . $role . ')' : '' );
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
		foreach ( Lenient_Reader::arr( $info, 'browseNodes' ) ?? array() as $node ) {
			if ( is_array( $node ) && null !== Lenient_Reader::str( $node, 'id' ) ) {
				$rank  = Lenient_Reader::num( $node, 'salesRank' );
				$out[] = array(
					'id'         => (string) Lenient_Reader::str( $node, 'id' ),
					'name'       => (string) ( Lenient_Reader::str( $node, 'displayName' ) ?? Lenient_Reader::str( $node, 'contextFreeName' ) ?? '' ),
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
		foreach ( Lenient_Reader::arr( $item, 'variationAttributes' ) ?? array() as $attribute ) {
			if ( is_array( $attribute ) && null !== Lenient_Reader::str( $attribute, 'name' ) ) {
				$out[ (string) Lenient_Reader::str( $attribute, 'name' ) ] = (string) ( Lenient_Reader::str( $attribute, 'value' ) ?? '' );
			}
		}
		return $out;
	}
}
