<?php
/**
 * What a template gets for one product.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Render;

use Creators_Connect\Catalog\Compliance;
use Creators_Connect\Model\Product;

/**
 * Turns a product into the plain values a template prints: title, link, image with srcset, price
 * with its "as of" time and disclaimer, unit price, points, savings, availability, rating, button
 * text, all formatted for the product's marketplace. Data past Amazon's age limit keeps no price,
 * availability or image.
 */
final class Item_Data {

	/**
	 * Locale-aware formats.
	 *
	 * @var Formatter
	 */
	private Formatter $format;

	/**
	 * Builds the presenter.
	 *
	 * @param Formatter $format Locale-aware formats (shared with the renderer: it caches fetch times).
	 */
	public function __construct( Formatter $format ) {
		$this->format = $format;
	}

	/**
	 * What a template gets for one product: plain text, formatted for the marketplace. Stale data
	 * keeps no price, availability or image even if a source handed them out.
	 *
	 * @param Product              $product Product.
	 * @param array<string, mixed> $args    The renderer's normalised arguments (title, button_text, image_size).
	 * @param array<string, mixed> $general The general settings (button_text, price_disclaimer).
	 * @param int|null             $max_age Seconds the data may be old (null: Compliance::max_age()).
	 * @return array<string, mixed>
	 */
	public function of( Product $product, array $args, array $general, ?int $max_age = null ): array {
		$country   = $product->marketplace;
		$fresh     = ! self::is_stale( $product, $max_age );
		$has_price = $fresh && $product->has_price();
		$title     = Render_Arguments::string( $args, 'title' );
		$title     = '' !== $title ? $title : $product->title;
		$features  = $fresh ? array_slice( $product->features, 0, 3 ) : array();

		$savings = '';
		if ( $has_price && null !== $product->savings ) {
			$savings = $this->money( $product->savings );
			if ( null !== $product->savings_percent && $product->savings_percent > 0 ) {
				$savings .= ' (' . $this->format->percent( $product->savings_percent ) . ')';
			}
			/* translators: %s: savings amount, e.g. "$20.00 (33%)". */
			$savings = sprintf( __( 'You save %s', 'creators-connect-for-amazon' ), $savings );
		}

		$rating = '';
		if ( $fresh && null !== $product->rating ) {
			$rating = sprintf(
				/* translators: %s: star rating, e.g. 4.5. */
				__( '%s out of 5 stars', 'creators-connect-for-amazon' ),
				$this->format->number( $product->rating )
			);
			if ( null !== $product->review_count ) {
				$rating .= ' (' . sprintf(
					/* translators: %s: number of ratings. */
					_n( '%s rating', '%s ratings', $product->review_count, 'creators-connect-for-amazon' ),
					$this->format->number( (float) $product->review_count, 0 )
				) . ')';
			}
		}

		$unit_price = '';
		/**
		 * Filters whether the unit price ("1,99 € / 100 ml") is shown next to the price where Amazon
		 * returns one (on by default: EU price rules expect it for goods sold by weight or volume).
		 *
		 * @param bool    $show    Whether to show it.
		 * @param Product $product The product.
		 */
		if ( $has_price && null !== $product->unit_price && (bool) apply_filters( 'acapi_show_unit_price', true, $product ) ) {
			$money      = $this->money( $product->unit_price );
			$unit_price = $this->format->unit_price( $money, $product->unit_price['unit'] );
		}
		$points = $has_price && null !== $product->loyalty_points && $product->loyalty_points > 0 ? $this->format->points( $product->loyalty_points ) : '';

		$button     = Render_Arguments::string( $args, 'button_text' );
		$button     = '' !== $button ? $button : Render_Arguments::string( $general, 'button_text' );
		$button     = '' !== $button ? $button : $this->format->button_text( $country, $has_price );
		$disclaimer = Render_Arguments::string( $general, 'price_disclaimer' );
		$as_of      = $has_price ? $this->format->date_time( $product->fetched_at ) : '';

		return array(
			'asin'              => $product->asin,
			'country'           => $country,
			'title'             => $title,
			'link_text'         => '' !== Render_Arguments::string( $args, 'link_text' ) ? Render_Arguments::string( $args, 'link_text' ) : $title,
			'url'               => $product->detail_page_url,
			'image'             => $fresh ? $this->image( $product, Render_Arguments::string( $args, 'image_size' ) ) : null,
			'features'          => $features,
			'has_price'         => $has_price,
			'price'             => $has_price && null !== $product->price ? $this->money( $product->price ) : '',
			'list_price'        => $has_price && null !== $product->list_price ? $this->money( $product->list_price ) : '',
			'list_price_label'  => $has_price ? $this->format->list_price_label( $product ) : '',
			'savings'           => $savings,
			'unit_price'        => $unit_price,
			'points'            => $points,
			'availability'      => $fresh && null !== $product->availability ? $this->format->availability( $product->availability, $country ) : '',
			'availability_type' => $fresh && null !== $product->availability ? $product->availability['type'] : '',
			'rating'            => $rating,
			'button_text'       => $button,
			'price_as_of'       => '' !== $as_of ? sprintf(
				/* translators: %s: date and time the price was fetched. */
				__( 'Price as of %s – Details', 'creators-connect-for-amazon' ),
				$as_of
			) : '',
			'price_as_of_short' => '' !== $as_of ? sprintf(
				/* translators: %s: date and time the price was fetched. */
				__( 'Price as of %s', 'creators-connect-for-amazon' ),
				$as_of
			) : '',
			'disclaimer'        => $has_price ? ( '' !== $disclaimer ? $disclaimer : $this->format->disclaimer( $country ) ) : '',
			'product'           => $product,
		);
	}

	/**
	 * Whether a product is too old for price, availability and images: past its maximum age, or
	 * within Compliance::CACHE_FLOOR seconds of it (a cached copy of the page must be able to
	 * live that long).
	 *
	 * @param Product  $product Product.
	 * @param int|null $max_age Seconds the data may be old (null: Compliance::max_age()).
	 */
	public static function is_stale( Product $product, ?int $max_age = null ): bool {
		return ! Compliance::within_display_age( $product->fetched_at, time(), $max_age );
	}

	/**
	 * A money value in the marketplace's currency and the site's number format (one language per
	 * box); Amazon's display string only when it named no currency.
	 *
	 * @param array{amount: float, currency: string, display: string} $money Money.
	 */
	private function money( array $money ): string {
		if ( '' === $money['currency'] ) {
			return $money['display'];
		}
		return $this->format->money( $money['amount'], $money['currency'] );
	}

	/**
	 * The image of the requested size with a srcset of every size Amazon returned.
	 *
	 * @param Product $product Product.
	 * @param string  $size    Size.
	 * @return array{url: string, width: int, height: int, srcset: string, sizes: string}|null
	 */
	private function image( Product $product, string $size ): ?array {
		$image = $product->best_image( $size );
		if ( null === $image ) {
			return null;
		}
		// The image and the larger sizes a high-density screen needs for its slot, up to the first
		// one at least twice as wide: smaller ones are never chosen, bigger ones only cost bytes.
		$widths = array();
		foreach ( $product->images as $candidate ) {
			if ( $candidate['width'] > 0 && $candidate['width'] >= $image['width'] ) {
				$widths[ $candidate['width'] ] = $candidate['url'];
			}
		}
		ksort( $widths );
		$srcset = array();
		foreach ( $widths as $width => $url ) {
			$srcset[] = $url . ' ' . $width . 'w';
			if ( $image['width'] > 0 && $width >= 2 * $image['width'] ) {
				break;
			}
		}
		return array(
			'url'    => $image['url'],
			'width'  => $image['width'],
			'height' => $image['height'],
			'srcset' => count( $srcset ) > 1 ? implode( ', ', $srcset ) : '',
			'sizes'  => $image['width'] > 0 ? $image['width'] . 'px' : '100vw',
		);
	}
}
