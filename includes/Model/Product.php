<?php
/**
 * The one normalised product model both Amazon clients map into.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Model;

/**
 * Immutable product as the renderer sees it, whichever API answered.
 *
 * Money is `array{amount: float, currency: string, display: string}`; an image is
 * `array{url: string, width: int, height: int}`; a unit price is money plus its unit (`100 ml`, `Count`).
 * `to_array()` / `from_array()` round-trip exactly
 * (JSON storage). Nothing here is HTML: escape at output.
 *
 * Over 350 lines because it is a value with many fields: their declarations, the constructor and
 * the exact JSON round trip of each; it does one job.
 *
 * @phpstan-type Money array{amount: float, currency: string, display: string}
 * @phpstan-type Unit_Price array{amount: float, currency: string, display: string, unit: string}
 * @phpstan-type Image array{url: string, width: int, height: int}
 * @phpstan-type Availability array{message: string, type: string}
 * @phpstan-type Deal array{badge: string, access_type: string, type: string, start_time: string, end_time: string, percent_claimed: int|null}
 * @phpstan-type Browse_Node array{id: string, name: string, sales_rank: int|null}
 */
final class Product {

	/**
	 * Image sizes a product can carry, smallest first (`hires` only when Amazon returned it).
	 */
	public const IMAGE_SIZES = array( 'small', 'medium', 'large', 'hires' );

	/**
	 * Builds the product. Prefer named arguments.
	 *
	 * @param string                $asin                 ASIN (10 upper-case alphanumerics).
	 * @param string                $marketplace          Country code (`de`).
	 * @param string                $title                Title ('' when not returned).
	 * @param string                $detail_page_url      Detail page URL exactly as Amazon returned it (tag and linkCode intact).
	 * @param array<string, Image>  $images               Primary image by size (`small`, `medium`, `large`, `hires`).
	 * @param Money|null            $price                Buy-box (or first) offer price.
	 * @param Money|null            $list_price           List/was price (only for LIST_PRICE / WAS_PRICE saving bases).
	 * @param Money|null            $savings              Savings amount.
	 * @param int|null              $savings_percent      Savings percentage.
	 * @param Availability|null     $availability         Availability message and type (`IN_STOCK`, …).
	 * @param string|null           $condition            Offer condition (`New`, …).
	 * @param string|null           $merchant             Merchant name.
	 * @param bool|null             $is_buy_box_winner    Whether the offer is the buy-box winner (null when unknown).
	 * @param Deal|null             $deal                 Live deal details.
	 * @param list<string>          $features             Feature bullets.
	 * @param string|null           $brand                Brand (falls back to manufacturer).
	 * @param string|null           $by_line              Contributors (e.g. `Jane Doe (Author)`), for books and media.
	 * @param float|null            $rating               Star rating when returned.
	 * @param int|null              $review_count         Review count when returned.
	 * @param list<Browse_Node>     $browse_nodes         Browse nodes.
	 * @param int                   $fetched_at           Unix time the data was fetched.
	 * @param string                $source               Which API answered: `creators` or `paapi`.
	 * @param string                $api_version          API version (`2.2`, `3.1`, `5.0`).
	 * @param string|null           $parent_asin          Parent ASIN of a variation.
	 * @param string|null           $list_price_label     Amazon's localized label for the list price (`List Price`, `Was:`).
	 * @param bool                  $violates_map         True when the price must not be shown (minimum advertised price).
	 * @param array<string, string> $variation_attributes Variation attributes (`color_name` => `Navy`).
	 * @param Unit_Price|null       $unit_price           Price per unit (`1,99 €` per `100 ml`) for goods sold by weight or volume.
	 * @param int|null              $loyalty_points       Amazon points the offer earns (Japan only).
	 * @param string|null           $sub_condition        Offer sub-condition (`LikeNew`, `Good`, …; `Unknown` for new offers).
	 * @param string|null           $condition_note       The seller's note on a used offer's condition.
	 * @param string|null           $merchant_id          Merchant id (`ATVPDKIKX0DER`).
	 * @param string|null           $list_price_type      What the list price is: `LIST_PRICE` or `WAS_PRICE` (null: unknown).
	 */
	public function __construct(
		public readonly string $asin,
		public readonly string $marketplace,
		public readonly string $title = '',
		public readonly string $detail_page_url = '',
		public readonly array $images = array(),
		public readonly ?array $price = null,
		public readonly ?array $list_price = null,
		public readonly ?array $savings = null,
		public readonly ?int $savings_percent = null,
		public readonly ?array $availability = null,
		public readonly ?string $condition = null,
		public readonly ?string $merchant = null,
		public readonly ?bool $is_buy_box_winner = null,
		public readonly ?array $deal = null,
		public readonly array $features = array(),
		public readonly ?string $brand = null,
		public readonly ?string $by_line = null,
		public readonly ?float $rating = null,
		public readonly ?int $review_count = null,
		public readonly array $browse_nodes = array(),
		public readonly int $fetched_at = 0,
		public readonly string $source = 'creators',
		public readonly string $api_version = '',
		public readonly ?string $parent_asin = null,
		public readonly ?string $list_price_label = null,
		public readonly bool $violates_map = false,
		public readonly array $variation_attributes = array(),
		public readonly ?array $unit_price = null,
		public readonly ?int $loyalty_points = null,
		public readonly ?string $sub_condition = null,
		public readonly ?string $condition_note = null,
		public readonly ?string $merchant_id = null,
		public readonly ?string $list_price_type = null
	) {
	}

	/**
	 * One image size, or null.
	 *
	 * @param string $size `small`, `medium`, `large` or `hires`.
	 * @return Image|null
	 */
	public function image( string $size ): ?array {
		return $this->images[ $size ] ?? null;
	}

	/**
	 * The image of a size, else the nearest smaller one, else the nearest larger one.
	 *
	 * @param string $size Preferred size (`small`, `medium`, `large`, `hires`).
	 * @return Image|null
	 */
	public function best_image( string $size = 'large' ): ?array {
		$index = array_search( $size, self::IMAGE_SIZES, true );
		$index = false === $index ? 2 : $index;
		$order = array_merge( array_reverse( array_slice( self::IMAGE_SIZES, 0, $index + 1 ) ), array_slice( self::IMAGE_SIZES, $index + 1 ) );
		foreach ( $order as $candidate ) {
			if ( isset( $this->images[ $candidate ] ) ) {
				return $this->images[ $candidate ];
			}
		}
		return null;
	}

	/**
	 * Whether there is an offer with a price that may be shown.
	 */
	public function has_price(): bool {
		return null !== $this->price && ! $this->violates_map;
	}

	/**
	 * A copy with another fetch time.
	 *
	 * @param int $fetched_at Unix time.
	 */
	public function with_fetched_at( int $fetched_at ): self {
		$data               = $this->to_array();
		$data['fetched_at'] = $fetched_at;
		return self::from_array( $data );
	}

	/**
	 * Plain array for storage (JSON) and REST.
	 *
	 * @return array<string, mixed>
	 */
	public function to_array(): array {
		return array(
			'asin'                 => $this->asin,
			'marketplace'          => $this->marketplace,
			'title'                => $this->title,
			'detail_page_url'      => $this->detail_page_url,
			'images'               => $this->images,
			'price'                => $this->price,
			'list_price'           => $this->list_price,
			'list_price_label'     => $this->list_price_label,
			'list_price_type'      => $this->list_price_type,
			'unit_price'           => $this->unit_price,
			'savings'              => $this->savings,
			'savings_percent'      => $this->savings_percent,
			'availability'         => $this->availability,
			'loyalty_points'       => $this->loyalty_points,
			'condition'            => $this->condition,
			'sub_condition'        => $this->sub_condition,
			'condition_note'       => $this->condition_note,
			'merchant'             => $this->merchant,
			'merchant_id'          => $this->merchant_id,
			'is_buy_box_winner'    => $this->is_buy_box_winner,
			'violates_map'         => $this->violates_map,
			'deal'                 => $this->deal,
			'features'             => $this->features,
			'brand'                => $this->brand,
			'by_line'              => $this->by_line,
			'rating'               => $this->rating,
			'review_count'         => $this->review_count,
			'browse_nodes'         => $this->browse_nodes,
			'parent_asin'          => $this->parent_asin,
			'variation_attributes' => $this->variation_attributes,
			'fetched_at'           => $this->fetched_at,
			'source'               => $this->source,
			'api_version'          => $this->api_version,
		);
	}

	/**
	 * Rebuilds a product from `to_array()` output (e.g. decoded JSON). Tolerates missing keys and
	 * JSON's int/float blur (`12.0` stored as `12`); drops members of the wrong type.
	 *
	 * @param array<mixed> $data Stored data.
	 */
	public static function from_array( array $data ): self {
		$images = array();
		if ( isset( $data['images'] ) && is_array( $data['images'] ) ) {
			foreach ( self::IMAGE_SIZES as $size ) {
				$image = self::image_or_null( $data['images'][ $size ] ?? null );
				if ( null !== $image ) {
					$images[ $size ] = $image;
				}
			}
		}

		$availability = null;
		if ( isset( $data['availability'] ) && is_array( $data['availability'] ) ) {
			$availability = array(
				'message' => self::str( $data['availability']['message'] ?? '' ),
				'type'    => self::str( $data['availability']['type'] ?? '' ),
			);
		}

		$deal = null;
		if ( isset( $data['deal'] ) && is_array( $data['deal'] ) ) {
			$deal = array(
				'badge'           => self::str( $data['deal']['badge'] ?? '' ),
				'access_type'     => self::str( $data['deal']['access_type'] ?? '' ),
				'type'            => self::str( $data['deal']['type'] ?? '' ),
				'start_time'      => self::str( $data['deal']['start_time'] ?? '' ),
				'end_time'        => self::str( $data['deal']['end_time'] ?? '' ),
				'percent_claimed' => self::int_or_null( $data['deal']['percent_claimed'] ?? null ),
			);
		}

		$features = array();
		if ( isset( $data['features'] ) && is_array( $data['features'] ) ) {
			foreach ( $data['features'] as $feature ) {
				if ( is_string( $feature ) ) {
					$features[] = $feature;
				}
			}
		}

		$nodes = array();
		if ( isset( $data['browse_nodes'] ) && is_array( $data['browse_nodes'] ) ) {
			foreach ( $data['browse_nodes'] as $node ) {
				if ( is_array( $node ) && isset( $node['id'] ) ) {
					$nodes[] = array(
						'id'         => self::str( $node['id'] ),
						'name'       => self::str( $node['name'] ?? '' ),
						'sales_rank' => self::int_or_null( $node['sales_rank'] ?? null ),
					);
				}
			}
		}

		$attributes = array();
		if ( isset( $data['variation_attributes'] ) && is_array( $data['variation_attributes'] ) ) {
			foreach ( $data['variation_attributes'] as $name => $value ) {
				if ( is_scalar( $value ) ) {
					$attributes[ (string) $name ] = (string) $value;
				}
			}
		}

		return new self(
			asin: self::str( $data['asin'] ?? '' ),
			marketplace: self::str( $data['marketplace'] ?? '' ),
			title: self::str( $data['title'] ?? '' ),
			detail_page_url: self::str( $data['detail_page_url'] ?? '' ),
			images: $images,
			price: self::money_or_null( $data['price'] ?? null ),
			list_price: self::money_or_null( $data['list_price'] ?? null ),
			savings: self::money_or_null( $data['savings'] ?? null ),
			savings_percent: self::int_or_null( $data['savings_percent'] ?? null ),
			availability: $availability,
			condition: self::str_or_null( $data['condition'] ?? null ),
			merchant: self::str_or_null( $data['merchant'] ?? null ),
			is_buy_box_winner: isset( $data['is_buy_box_winner'] ) ? (bool) $data['is_buy_box_winner'] : null,
			deal: $deal,
			features: $features,
			brand: self::str_or_null( $data['brand'] ?? null ),
			by_line: self::str_or_null( $data['by_line'] ?? null ),
			rating: isset( $data['rating'] ) && is_numeric( $data['rating'] ) ? (float) $data['rating'] : null,
			review_count: self::int_or_null( $data['review_count'] ?? null ),
			browse_nodes: $nodes,
			fetched_at: (int) self::int_or_null( $data['fetched_at'] ?? 0 ),
			source: self::str( $data['source'] ?? 'creators' ),
			api_version: self::str( $data['api_version'] ?? '' ),
			parent_asin: self::str_or_null( $data['parent_asin'] ?? null ),
			list_price_label: self::str_or_null( $data['list_price_label'] ?? null ),
			list_price_type: self::str_or_null( $data['list_price_type'] ?? null ),
			violates_map: ! empty( $data['violates_map'] ),
			variation_attributes: $attributes,
			unit_price: self::unit_price_or_null( $data['unit_price'] ?? null ),
			loyalty_points: self::int_or_null( $data['loyalty_points'] ?? null ),
			sub_condition: self::str_or_null( $data['sub_condition'] ?? null ),
			condition_note: self::str_or_null( $data['condition_note'] ?? null ),
			merchant_id: self::str_or_null( $data['merchant_id'] ?? null )
		);
	}

	/**
	 * A money array, or null when the value is not one.
	 *
	 * @param mixed $value Candidate.
	 * @return Money|null
	 */
	public static function money_or_null( mixed $value ): ?array {
		if ( ! is_array( $value ) || ! isset( $value['amount'] ) || ! is_numeric( $value['amount'] ) ) {
			return null;
		}
		return array(
			'amount'   => (float) $value['amount'],
			'currency' => self::str( $value['currency'] ?? '' ),
			'display'  => self::str( $value['display'] ?? '' ),
		);
	}

	/**
	 * A unit price (money plus unit), or null when the value is not one.
	 *
	 * @param mixed $value Candidate.
	 * @return Unit_Price|null
	 */
	public static function unit_price_or_null( mixed $value ): ?array {
		$money = self::money_or_null( $value );
		if ( null === $money || ! is_array( $value ) ) {
			return null;
		}
		return $money + array( 'unit' => self::str( $value['unit'] ?? '' ) );
	}

	/**
	 * An image array, or null when the value is not one.
	 *
	 * @param mixed $value Candidate.
	 * @return Image|null
	 */
	private static function image_or_null( mixed $value ): ?array {
		if ( ! is_array( $value ) || ! isset( $value['url'] ) || ! is_string( $value['url'] ) || '' === $value['url'] ) {
			return null;
		}
		return array(
			'url'    => $value['url'],
			'width'  => (int) self::int_or_null( $value['width'] ?? 0 ),
			'height' => (int) self::int_or_null( $value['height'] ?? 0 ),
		);
	}

	/**
	 * A string from a scalar, '' otherwise.
	 *
	 * @param mixed $value Candidate.
	 */
	private static function str( mixed $value ): string {
		return is_scalar( $value ) ? (string) $value : '';
	}

	/**
	 * A string from a scalar, null otherwise.
	 *
	 * @param mixed $value Candidate.
	 */
	private static function str_or_null( mixed $value ): ?string {
		return is_scalar( $value ) ? (string) $value : null;
	}

	/**
	 * An int from a numeric value, null otherwise.
	 *
	 * @param mixed $value Candidate.
	 */
	private static function int_or_null( mixed $value ): ?int {
		return is_numeric( $value ) ? (int) $value : null;
	}
}
