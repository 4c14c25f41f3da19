<?php
/**
 * Locale-aware text for product output: button labels, numbers, the price timestamp.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Render;

use Creators_Connect\Model\Product;
use Creators_Connect\Marketplace\Marketplace_Registry;

/**
 * Formats in the site's language and number conventions (one language per box, whatever the
 * marketplace; money keeps the marketplace's currency) and for
 * the site (time zone and date format). Returns plain text: escape at output.
 */
final class Formatter {

	/**
	 * Number formatters already built, by locale, style and fraction digits (building one loads
	 * ICU locale data; a page formats the same few numbers for every product).
	 *
	 * @var array<string, \NumberFormatter>
	 */
	private array $formatters = array();

	/**
	 * Whether this plugin has translations for a locale, by locale (asked once per request).
	 *
	 * @var array<string, bool>
	 */
	private array $translated = array();

	/**
	 * Fetch times already formatted in this request, by Unix time (products fetched in one batch
	 * share it; a box page asks for the same few).
	 *
	 * @var array<int, string>
	 */
	private array $times = array();

	/**
	 * The locale every box is written in: the site's, when this plugin is translated into it
	 * (labels are translated strings, so numbers, percentages and money follow them: one
	 * language per box); English otherwise, like the labels then are.
	 */
	public function locale(): string {
		$locale = determine_locale();
		if ( str_starts_with( $locale, 'en' ) ) {
			return $locale;
		}
		if ( ! isset( $this->translated[ $locale ] ) ) {
			$this->translated[ $locale ] = ! get_translations_for_domain( 'creators-connect-for-amazon' ) instanceof \NOOP_Translations;
		}
		return $this->translated[ $locale ] ? $locale : 'en_US';
	}

	/**
	 * "Buy on Amazon" (or "See on Amazon" when there is no offer), in the site's language.
	 *
	 * @param string $country Marketplace country code (for the filter).
	 * @param bool   $buy     True for the buy label, false for the see label.
	 */
	public function button_text( string $country, bool $buy = true ): string {
		$text = $buy ? __( 'Buy on Amazon', 'creators-connect-for-amazon' ) : __( 'See on Amazon', 'creators-connect-for-amazon' );
		/**
		 * Filters the product button's label.
		 *
		 * @param string $text    Label.
		 * @param string $country Marketplace country code.
		 * @param bool   $buy     Whether the product has an offer (buy) or not (see).
		 */
		return (string) apply_filters( 'acapi_button_text', $text, $country, $buy );
	}

	/**
	 * Whether Amazon's own words for a marketplace (its labels and messages) are in the site's
	 * language; if not, the box says them in the site's language instead.
	 *
	 * @param string $country Marketplace country code.
	 */
	private function speaks_site_language( string $country ): bool {
		$market = Marketplace_Registry::get( $country );
		return null !== $market && strtolower( substr( $market->language, 0, 2 ) ) === strtolower( substr( $this->locale(), 0, 2 ) );
	}

	/**
	 * The label of the struck-through price: Amazon's where it speaks the site's language
	 * ("UVP:" on a German site), else the site's words for its kind ("List price:", "Was:").
	 *
	 * @param Product $product Product.
	 */
	public function list_price_label( Product $product ): string {
		if ( null === $product->list_price ) {
			return '';
		}
		$label = (string) $product->list_price_label;
		if ( '' !== $label && $this->speaks_site_language( $product->marketplace ) ) {
			return $label;
		}
		return 'WAS_PRICE' === $product->list_price_type ? __( 'Was:', 'creators-connect-for-amazon' ) : __( 'List price:', 'creators-connect-for-amazon' );
	}

	/**
	 * The availability line: Amazon's message where it speaks the site's language, else the
	 * site's words for its type (Amazon's message when the type is one this does not know).
	 *
	 * @param array{message: string, type: string} $availability Availability.
	 * @param string                               $country      Marketplace country code.
	 */
	public function availability( array $availability, string $country ): string {
		if ( $this->speaks_site_language( $country ) ) {
			return $availability['message'];
		}
		switch ( $availability['type'] ) {
			case 'IN_STOCK':
				return __( 'In stock', 'creators-connect-for-amazon' );
			case 'IN_STOCK_SCARCE':
				return __( 'Only a few left in stock', 'creators-connect-for-amazon' );
			case 'OUT_OF_STOCK':
				return __( 'Currently unavailable', 'creators-connect-for-amazon' );
			case 'PREORDER':
				return __( 'Available for pre-order', 'creators-connect-for-amazon' );
			case 'LIGHTNING_DEAL':
				return __( 'Lightning deal', 'creators-connect-for-amazon' );
		}
		return $availability['message'];
	}

	/**
	 * A unit price: the money per unit ("1,99 € / 100 ml"), or the money alone when Amazon named
	 * no unit.
	 *
	 * @param string $money Formatted money per unit.
	 * @param string $unit  Unit as Amazon names it (`100 ml`, `Count`, `袋`).
	 */
	public function unit_price( string $money, string $unit ): string {
		if ( '' === $unit ) {
			return $money;
		}
		/* translators: 1: price per unit, e.g. "1,99 €"; 2: the unit, e.g. "100 ml". */
		return sprintf( __( '%1$s / %2$s', 'creators-connect-for-amazon' ), $money, $unit );
	}

	/**
	 * Amazon points (Japan) in the site's language: as amazon.co.jp prints them beside the price
	 * ("328ポイント") on a Japanese site; other languages go through __().
	 *
	 * @param int $points Points.
	 */
	public function points( int $points ): string {
		$number = $this->number( (float) $points, 0 );
		if ( str_starts_with( $this->locale(), 'ja' ) ) {
			return $number . 'ポイント';
		}
		/* translators: %s: number of Amazon points the offer earns. */
		return sprintf( _n( '%s Amazon point', '%s Amazon points', $points, 'creators-connect-for-amazon' ), $number );
	}

	/**
	 * A savings percentage in the site's locale ("33 %" in German, "33%" in English).
	 *
	 * @param int $percent Whole percent.
	 */
	public function percent( int $percent ): string {
		$formatter = $this->number_formatter( $this->locale(), 'percent', 0 );
		$text      = null !== $formatter ? $formatter->format( $percent / 100 ) : false;
		return is_string( $text ) ? $text : $percent . '%';
	}

	/**
	 * A decimal number in the site's locale (ratings: "4.5", "4,5").
	 *
	 * @param float $number   Number.
	 * @param int   $decimals Fraction digits.
	 */
	public function number( float $number, int $decimals = 1 ): string {
		$formatter = $this->number_formatter( $this->locale(), 'decimal', $decimals );
		$text      = null !== $formatter ? $formatter->format( $number ) : false;
		return is_string( $text ) ? $text : number_format( $number, $decimals );
	}

	/**
	 * An amount in the marketplace's currency, in the site's number format ("€449.99" on an
	 * English site, "449,99 $" on a German one).
	 *
	 * @param float  $amount   Amount.
	 * @param string $currency ISO 4217 code.
	 */
	public function money( float $amount, string $currency ): string {
		$formatter = '' !== $currency ? $this->number_formatter( $this->locale(), 'currency', 0 ) : null;
		$text      = null !== $formatter ? $formatter->formatCurrency( $amount, $currency ) : false;
		return is_string( $text ) ? $text : trim( number_format( $amount, 2 ) . ' ' . $currency );
	}

	/**
	 * A number formatter for a locale and style (null without the intl extension: the style is a
	 * name, not a \NumberFormatter constant, so nothing touches the class when it is missing).
	 *
	 * @param string $locale   Locale.
	 * @param string $style    `decimal`, `percent` or `currency`.
	 * @param int    $decimals Fraction digits (decimal style).
	 */
	private function number_formatter( string $locale, string $style, int $decimals ): ?\NumberFormatter {
		if ( ! class_exists( \NumberFormatter::class ) ) {
			return null;
		}
		$key = $locale . '|' . $style . '|' . $decimals;
		if ( ! isset( $this->formatters[ $key ] ) ) {
			$styles    = array(
				'decimal'  => \NumberFormatter::DECIMAL,
				'percent'  => \NumberFormatter::PERCENT,
				'currency' => \NumberFormatter::CURRENCY,
			);
			$formatter = new \NumberFormatter( $locale, $styles[ $style ] ?? \NumberFormatter::DECIMAL );
			if ( 'decimal' === $style ) {
				$formatter->setAttribute( \NumberFormatter::MIN_FRACTION_DIGITS, $decimals );
				$formatter->setAttribute( \NumberFormatter::MAX_FRACTION_DIGITS, $decimals );
			}
			$this->formatters[ $key ] = $formatter;
		}
		return $this->formatters[ $key ];
	}


	/**
	 * The fetch time in the site's time zone and date and time formats.
	 *
	 * @param int $timestamp Unix time.
	 */
	public function date_time( int $timestamp ): string {
		if ( ! isset( $this->times[ $timestamp ] ) ) {
			$format                    = trim( (string) get_option( 'date_format', 'F j, Y' ) . ' ' . (string) get_option( 'time_format', 'g:i a' ) );
			$this->times[ $timestamp ] = (string) wp_date( $format, $timestamp );
		}
		return $this->times[ $timestamp ];
	}

	/**
	 * Forgets the fetch times formatted so far and which locales are translated: the site's date
	 * or time format, its time zone or the locale changed (Renderer::register_hooks() calls this
	 * on those changes).
	 */
	public function forget_times(): void {
		$this->times      = array();
		$this->translated = array();
	}

	/**
	 * Forgets the formatted fetch times when an option they depend on changed.
	 *
	 * @param mixed $option Option name.
	 */
	public function forget_times_for_option( $option ): void {
		if ( in_array( $option, array( 'date_format', 'time_format', 'timezone_string', 'gmt_offset' ), true ) ) {
			$this->forget_times();
		}
	}


	/**
	 * Amazon's price disclaimer, naming the marketplace's store ("Amazon.de").
	 *
	 * @param string $country Marketplace country code.
	 */
	public function disclaimer( string $country ): string {
		$market = '' !== $country ? Marketplace_Registry::get( $country ) : null;
		$store  = null !== $market ? ucfirst( (string) preg_replace( '/^www\./', '', $market->host ) ) : 'Amazon';
		return sprintf(
			/* translators: %s: the Amazon store, e.g. Amazon.de. */
			__( 'Product prices and availability are accurate as of the date/time indicated and are subject to change. Any price and availability information displayed on %s at the time of purchase will apply to the purchase of this product.', 'creators-connect-for-amazon' ),
			$store
		);
	}
}
