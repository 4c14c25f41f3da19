<?php
/**
 * One language per box: labels in the site's language, money in the marketplace's currency with
 * the site's number format.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Render;

use Creators_Connect\Render\Output_Context;
use Creators_Connect\Render\Product_Lookup;
use Creators_Connect\Render\Renderer;
use Creators_Connect\Render\Stylesheet;
use Creators_Connect\Settings\General_Settings;
use Creators_Connect\Tests\Fixture_Product_Source;
use Creators_Connect\Tests\Integration_Test_Case;

/**
 * An English site with a German product, a German site (with the plugin's German strings) with a
 * US product, and a German site without them.
 */
final class One_Language_Test extends Integration_Test_Case {

	/**
	 * The plugin's text domain.
	 */
	private const DOMAIN = 'creators-connect-for-amazon';

	/**
	 * German strings for the labels a box prints (what a translation of the plugin holds).
	 */
	private const GERMAN = array(
		'Buy on Amazon'                   => 'Bei Amazon kaufen',
		'List price:'                     => 'Listenpreis:',
		'You save %s'                     => 'Sie sparen %s',
		'%s out of 5 stars'               => '%s von 5 Sternen',
		'In stock'                        => 'Auf Lager',
		'Price as of %s – Details'        => 'Preis vom %s – Details',
		'(opens in a new tab)'            => '(öffnet in einem neuen Tab)',
		'%s rating'                       => '%s Bewertung',
		'Product prices and availability' => 'Produktpreise und Verfügbarkeit',
	);

	/**
	 * The renderer, on the fixture catalog.
	 *
	 * @var Renderer
	 */
	private Renderer $renderer;

	/**
	 * A fresh renderer.
	 */
	protected function setUp(): void {
		parent::setUp();
		$this->renderer = new Renderer( new Product_Lookup( new Fixture_Product_Source() ), array( General_Settings::class, 'read' ), ACAPI_DIR . 'templates', new Output_Context(), new Stylesheet() );
	}

	/**
	 * Back to the site's locale and no loaded German strings.
	 */
	protected function tearDown(): void {
		remove_all_filters( 'determine_locale' );
		unset( $GLOBALS['l10n'][ self::DOMAIN ] );
		parent::tearDown();
	}

	/**
	 * The box's visible text, white space collapsed.
	 *
	 * @param string $html HTML.
	 */
	private static function text( string $html ): string {
		return trim( (string) preg_replace( '/[\s\x{00A0}\x{202F}]+/u', ' ', html_entity_decode( wp_strip_all_tags( $html ), ENT_QUOTES, 'UTF-8' ) ) );
	}

	/**
	 * The site in German, with or without the plugin's German strings.
	 *
	 * @param bool $translated Whether the plugin's German strings are loaded.
	 */
	private function german_site( bool $translated ): void {
		add_filter( 'determine_locale', static fn(): string => 'de_DE' );
		if ( $translated ) {
			$mo = new \MO();
			foreach ( self::GERMAN as $english => $german ) {
				$mo->add_entry(
					new \Translation_Entry(
						array(
							'singular'     => $english,
							'translations' => array( $german ),
						)
					)
				);
			}
			$GLOBALS['l10n'][ self::DOMAIN ] = $mo;
		}
		$this->renderer->reset();
	}

	/**
	 * English site, German product: English labels, euros in English number format.
	 */
	public function test_english_site_german_product(): void {
		$text = self::text(
			$this->renderer->render(
				array(
					'asins'   => 'B0DKAFFEE1',
					'country' => 'de',
				)
			)
		);
		foreach ( array( 'List price: €699.00', '€449.99', 'You save €249.01 (36%)', '4.3 out of 5 stars (5,640 ratings)', 'In stock', 'Buy on Amazon' ) as $expected ) {
			$this->assertStringContainsString( $expected, $text );
		}
		foreach ( array( 'UVP', 'Auf Lager', 'Bei Amazon', '449,99', '36 %', '4,3' ) as $german ) {
			$this->assertStringNotContainsString( $german, $text );
		}
	}

	/**
	 * German site with the plugin's German strings, US product: German labels, dollars in
	 * German number format.
	 */
	public function test_german_site_us_product(): void {
		$this->german_site( true );
		$text = self::text( $this->renderer->render( array( 'asins' => 'B0B8RZ4XJQ' ) ) );
		foreach ( array( 'Listenpreis: 59,99 $', '39,99 $', 'Sie sparen 20,00 $ (33 %)', '4,1 von 5 Sternen', 'Auf Lager', 'Bei Amazon kaufen' ) as $expected ) {
			$this->assertStringContainsString( $expected, $text );
		}
		foreach ( array( 'List Price', 'In Stock', 'Buy on Amazon', '$39.99', 'out of 5' ) as $english ) {
			$this->assertStringNotContainsString( $english, $text );
		}
	}

	/**
	 * A German site without a German translation of the plugin: English labels, so English
	 * numbers beside them (never "You save 20,00 $").
	 */
	public function test_untranslated_locale_stays_english(): void {
		$this->german_site( false );
		$text = self::text( $this->renderer->render( array( 'asins' => 'B0B8RZ4XJQ' ) ) );
		$this->assertStringContainsString( 'You save $20.00 (33%)', $text );
		$this->assertStringContainsString( '4.1 out of 5 stars', $text );
	}
}
