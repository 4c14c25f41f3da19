<?php
/**
 * Markup pieces the templates share (and theme overrides can reuse): every method returns
 * escaped HTML.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Render;

/**
 * Escaping lives here, in one tested place, so templates stay short. An item is the array the
 * Renderer builds per product (see Item_Data::of()).
 *
 * @phpstan-type Item array<string, mixed>
 */
final class View {

	/**
	 * URLs escaped by this view: a box links the same detail page three times.
	 *
	 * @var array<string, string>
	 */
	private array $escaped = array();

	/**
	 * The new-tab hint, once built.
	 *
	 * @var string|null
	 */
	private ?string $hint = null;

	/**
	 * Builds the view.
	 *
	 * @param string $target Link target (`_blank` or `_self`).
	 * @param string $label  The "affiliate link" label ('' when off).
	 */
	public function __construct(
		private readonly string $target = '_blank',
		private readonly string $label = ''
	) {
	}

	/**
	 * A URL escaped for an attribute (esc_url), once per distinct URL.
	 *
	 * @param string $url URL.
	 */
	private function url( string $url ): string {
		if ( ! isset( $this->escaped[ $url ] ) ) {
			$this->escaped[ $url ] = esc_url( $url );
		}
		return $this->escaped[ $url ];
	}

	/**
	 * A string member of an item.
	 *
	 * @param array<string, mixed> $item Item.
	 * @param string               $key  Key.
	 */
	public static function text( array $item, string $key ): string {
		return isset( $item[ $key ] ) && is_scalar( $item[ $key ] ) ? (string) $item[ $key ] : '';
	}

	/**
	 * An opening link tag to the product's detail page (Amazon's URL unchanged, only escaped).
	 *
	 * @param array<string, mixed> $item  Item.
	 * @param string               $class CSS class.
	 */
	public function link_open( array $item, string $class = '' ): string {
		$html = '<a href="' . $this->url( self::text( $item, 'url' ) ) . '"';
		if ( '' !== $class ) {
			$html .= ' class="' . esc_attr( $class ) . '"';
		}
		$html .= ' rel="sponsored nofollow noopener"';
		if ( isset( $item['geo'] ) && is_array( $item['geo'] ) && array() !== $item['geo'] ) {
			// Geotargeting: the same product's links in the other stores, for the browser to pick.
			$html .= ' data-acapi-geo="' . esc_attr( (string) wp_json_encode( $item['geo'], JSON_UNESCAPED_SLASHES ) ) . '"';
		}
		if ( '_blank' === $this->target ) {
			$html .= ' target="_blank"';
		}
		return $html . '>';
	}

	/**
	 * Screen-reader text saying the link opens a new tab (empty when it does not).
	 */
	public function new_tab_hint(): string {
		if ( '_blank' !== $this->target ) {
			return '';
		}
		if ( null === $this->hint ) {
			$this->hint = '<span class="acapi-sr-only"> ' . esc_html__( '(opens in a new tab)', 'creators-connect-for-amazon' ) . '</span>';
		}
		return $this->hint;
	}

	/**
	 * A whole link with text.
	 *
	 * @param array<string, mixed> $item  Item.
	 * @param string               $text  Link text (plain).
	 * @param string               $class CSS class.
	 */
	public function link( array $item, string $text, string $class = '' ): string {
		if ( '' === self::text( $item, 'url' ) ) {
			return '' === $text ? '' : '<span class="' . esc_attr( $class ) . '">' . esc_html( $text ) . '</span>';
		}
		return $this->link_open( $item, $class ) . esc_html( $text ) . $this->new_tab_hint() . '</a>';
	}

	/**
	 * The product image: hotlinked from Amazon, lazy, with its size and a srcset of every size
	 * Amazon returned. Empty when there is no image.
	 *
	 * @param array<string, mixed> $item  Item.
	 * @param string               $class CSS class.
	 */
	public function image( array $item, string $class = 'acapi-image' ): string {
		$image = $item['image'] ?? null;
		if ( ! is_array( $image ) || ! isset( $image['url'] ) || ! is_string( $image['url'] ) || '' === $image['url'] ) {
			return '';
		}
		$html = '<img class="' . esc_attr( $class ) . '" src="' . $this->url( $image['url'] ) . '"';
		if ( isset( $image['srcset'] ) && is_string( $image['srcset'] ) && '' !== $image['srcset'] ) {
			// Every candidate URL is escaped like src: a srcset is URLs, not text.
			$srcset = array();
			foreach ( explode( ', ', $image['srcset'] ) as $candidate ) {
				$space = strrpos( $candidate, ' ' );
				$url   = $this->url( false === $space ? $candidate : substr( $candidate, 0, $space ) );
				if ( '' !== $url ) {
					$srcset[] = $url . ( false === $space ? '' : substr( $candidate, $space ) );
				}
			}
			$html .= ' srcset="' . esc_attr( implode( ', ', $srcset ) ) . '"';
			$html .= ' sizes="' . esc_attr( self::text( $image, 'sizes' ) ) . '"';
		}
		$width  = (int) ( $image['width'] ?? 0 );
		$height = (int) ( $image['height'] ?? 0 );
		if ( $width > 0 && $height > 0 ) {
			$html .= ' width="' . esc_attr( (string) $width ) . '" height="' . esc_attr( (string) $height ) . '"';
		}
		return $html . ' alt="' . esc_attr( self::text( $item, 'title' ) ) . '" loading="lazy" decoding="async">';
	}

	/**
	 * The link-styled button.
	 *
	 * @param array<string, mixed> $item Item.
	 */
	public function button( array $item ): string {
		if ( '' === self::text( $item, 'url' ) ) {
			return '';
		}
		return $this->link_open( $item, 'acapi-button' ) . esc_html( self::text( $item, 'button_text' ) ) . $this->new_tab_hint() . '</a>';
	}

	/**
	 * Price, list price struck through, unit price and savings (and the offer's Amazon points when
	 * asked: boxes show them); empty when no price may be shown.
	 *
	 * @param array<string, mixed> $item        Item.
	 * @param bool                 $with_points Whether to add the points line.
	 */
	public function price( array $item, bool $with_points = false ): string {
		$price = self::text( $item, 'price' );
		if ( '' === $price ) {
			return '';
		}
		$html = '<p class="acapi-price">';
		$list = self::text( $item, 'list_price' );
		if ( '' !== $list ) {
			$label = self::text( $item, 'list_price_label' );
			$html .= '<span class="acapi-price__list">';
			$html .= '' !== $label ? '<span class="acapi-price__list-label">' . esc_html( $label ) . '</span> ' : '';
			$html .= '<del>' . esc_html( $list ) . '</del></span> ';
		}
		$html .= '<span class="acapi-price__amount">' . esc_html( $price ) . '</span>';
		$unit  = self::text( $item, 'unit_price' );
		if ( '' !== $unit ) {
			$html .= ' <span class="acapi-price__unit">(' . esc_html( $unit ) . ')</span>';
		}
		$savings = self::text( $item, 'savings' );
		if ( '' !== $savings ) {
			$html .= ' <span class="acapi-price__savings">' . esc_html( $savings ) . '</span>';
		}
		return $html . '</p>' . ( $with_points ? $this->points( $item ) : '' ) . $this->as_of( $item );
	}

	/**
	 * Amazon points the offer earns (Japan), or ''.
	 *
	 * @param array<string, mixed> $item Item.
	 */
	private function points( array $item ): string {
		$points = self::text( $item, 'points' );
		return '' === $points ? '' : '<p class="acapi-points">' . esc_html( $points ) . '</p>';
	}

	/**
	 * "Price as of {time} – Details", the disclaimer behind a native disclosure (no JavaScript).
	 *
	 * @param array<string, mixed> $item Item.
	 */
	public function as_of( array $item ): string {
		$as_of = self::text( $item, 'price_as_of' );
		if ( '' === $as_of ) {
			return '';
		}
		return '<details class="acapi-asof"><summary>' . esc_html( $as_of ) . '</summary><p>' . esc_html( self::text( $item, 'disclaimer' ) ) . '</p></details>';
	}

	/**
	 * The availability line, empty when Amazon gave none.
	 *
	 * @param array<string, mixed> $item Item.
	 */
	public function availability( array $item ): string {
		$message = self::text( $item, 'availability' );
		if ( '' === $message ) {
			return '';
		}
		$type = strtolower( (string) preg_replace( '/[^A-Za-z_]/', '', self::text( $item, 'availability_type' ) ) );
		return '<p class="acapi-availability' . ( '' !== $type ? ' acapi-availability--' . esc_attr( $type ) : '' ) . '">' . esc_html( $message ) . '</p>';
	}

	/**
	 * The star rating as text, only when Amazon returned one.
	 *
	 * @param array<string, mixed> $item Item.
	 */
	public function rating( array $item ): string {
		$rating = self::text( $item, 'rating' );
		return '' === $rating ? '' : '<p class="acapi-rating">' . esc_html( $rating ) . '</p>';
	}

	/**
	 * Up to three feature bullets.
	 *
	 * @param array<string, mixed> $item Item.
	 */
	public function features( array $item ): string {
		$features = isset( $item['features'] ) && is_array( $item['features'] ) ? $item['features'] : array();
		if ( array() === $features ) {
			return '';
		}
		$html = '<ul class="acapi-features">';
		foreach ( $features as $feature ) {
			$html .= '<li>' . esc_html( is_scalar( $feature ) ? (string) $feature : '' ) . '</li>';
		}
		return $html . '</ul>';
	}

	/**
	 * The optional "Affiliate link" label.
	 */
	public function label(): string {
		return '' === $this->label ? '' : '<span class="acapi-label">' . esc_html( $this->label ) . '</span>';
	}
}
