<?php
/**
 * Locale-aware text for product output: button labels, numbers, the price timestamp.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Render;

use Creators_Connect\Marketplace\Marketplace_Registry;

/**
 * Formats for the marketplace a product comes from (its language and number conventions) and for
 * the site (time zone and date format). Returns plain text: escape at output.
 */
final class Formatter {

	/**
	 * Button labels in the marketplace's language (the shopper reads them on that store's page):
	 * language => [ buy, see ]. English goes through __() so a site can translate it.
	 *
	 * @var array<string, array{0: string, 1: string}>
	 */
	private const BUTTONS = array(
		'de' => array( 'Bei Amazon kaufen', 'Bei Amazon ansehen' ),
		'fr' => array( 'Acheter sur Amazon', 'Voir sur Amazon' ),
		'it' => array( 'Acquista su Amazon', 'Vedi su Amazon' ),
		'es' => array( 'Comprar en Amazon', 'Ver en Amazon' ),
		'nl' => array( 'Kopen bij Amazon', 'Bekijken bij Amazon' ),
		'pl' => array( 'Kup na Amazon', 'Zobacz na Amazon' ),
		'sv' => array( 'Köp på Amazon', 'Se på Amazon' ),
		'tr' => array( 'Amazon\'da satın al', 'Amazon\'da gör' ),
		'pt' => array( 'Comprar na Amazon', 'Ver na Amazon' ),
		'ja' => array( 'Amazonで購入', 'Amazonで見る' ),
	);

	/**
	 * Number formatters already built, by locale, style and fraction digits (building one loads
	 * ICU locale data; a page formats the same few numbers for every product).
	 *
	 * @var array<string, \NumberFormatter>
	 */
	private array $formatters = array();

	/**
	 * Fetch times already formatted in this request, by Unix time (products fetched in one batch
	 * share it; a box page asks for the same few).
	 *
	 * @var array<int, string>
	 */
	private array $times = array();

	/**
	 * The marketplace's locale (`de_DE`), or the site's when the marketplace is unknown.
	 *
	 * @param string $country Marketplace country code.
	 */
	public function locale( string $country ): string {
		$market = '' !== $country ? Marketplace_Registry::get( $country ) : null;
		return null !== $market ? $market->language : determine_locale();
	}

	/**
	 * "Buy on Amazon" (or "See on Amazon" when there is no offer) in the marketplace's language.
	 *
	 * @param string $country Marketplace country code.
	 * @param bool   $buy     True for the buy label, false for the see label.
	 */
	public function button_text( string $country, bool $buy = true ): string {
		$language = strtolower( substr( $this->locale( $country ), 0, 2 ) );
		if ( isset( self::BUTTONS[ $language ] ) ) {
			$text = self::BUTTONS[ $language ][ $buy ? 0 : 1 ];
		} else {
			$text = $buy ? __( 'Buy on Amazon', 'creators-connect-for-amazon' ) : __( 'See on Amazon', 'creators-connect-for-amazon' );
		}
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
	 * Amazon points (Japan) in the marketplace's language, as amazon.co.jp prints them beside the
	 * price ("328ポイント"); other languages go through __().
	 *
	 * @param int    $points  Points.
	 * @param string $country Marketplace country code.
	 */
	public function points( int $points, string $country ): string {
		$number = $this->number( (float) $points, $country, 0 );
		if ( str_starts_with( $this->locale( $country ), 'ja' ) ) {
			return $number . 'ポイント';
		}
		/* translators: %s: number of Amazon points the offer earns. */
		return sprintf( _n( '%s Amazon point', '%s Amazon points', $points, 'creators-connect-for-amazon' ), $number );
	}

	/**
	 * A savings percentage in the marketplace's locale ("33 %" in German, "33%" in English).
	 *
	 * @param int    $percent Whole percent.
	 * @param string $country Marketplace country code.
	 */
	public function percent( int $percent, string $country ): string {
		$formatter = $this->number_formatter( $this->locale( $country ), 'percent', 0 );
		$text      = null !== $formatter ? $formatter->format( $percent / 100 ) : false;
		return is_string( $text ) ? $text : $percent . '%';
	}

	/**
	 * A decimal number in the marketplace's locale (ratings: "4.5", "4,5").
	 *
	 * @param float  $number   Number.
	 * @param string $country  Marketplace country code.
	 * @param int    $decimals Fraction digits.
	 */
	public function number( float $number, string $country, int $decimals = 1 ): string {
		$formatter = $this->number_formatter( $this->locale( $country ), 'decimal', $decimals );
		$text      = null !== $formatter ? $formatter->format( $number ) : false;
		return is_string( $text ) ? $text : number_format( $number, $decimals );
	}

	/**
	 * An amount in a currency, formatted for the marketplace's locale, or the site's without one
	 * (when Amazon sent no display string).
	 *
	 * @param float  $amount   Amount.
	 * @param string $currency ISO 4217 code.
	 * @param string $country  Marketplace country code ('' for the site's locale).
	 */
	public function money( float $amount, string $currency, string $country = '' ): string {
		$formatter = '' !== $currency ? $this->number_formatter( $this->locale( $country ), 'currency', 0 ) : null;
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
	 * Forgets the fetch times formatted so far: the site's date or time format, its time zone or
	 * the locale changed (Renderer::register_hooks() calls this on those changes).
	 */
	public function forget_times(): void {
		$this->times = array();
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
