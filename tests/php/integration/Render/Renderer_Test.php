<?php
/**
 * Integration tests of the renderer and its templates, against fixture products.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Render;

use Creators_Connect\Model\Amazon_Error;
use Creators_Connect\Render\Output_Context;
use Creators_Connect\Render\Product_Lookup;
use Creators_Connect\Render\Render_Arguments;
use Creators_Connect\Render\Renderer;
use Creators_Connect\Render\Stylesheet;
use Creators_Connect\Tests\Fixture_Product_Source;
use Creators_Connect\Tests\Emulator;
use Creators_Connect\Tests\Integration_Test_Case;
use Creators_Connect\Settings\General_Settings;

/**
 * Renderer, templates, degraded states.
 */
final class Renderer_Test extends Integration_Test_Case {

	/**
	 * Hostile fixture products: country => ASINs (script in titles, quotes and &, very long,
	 * Japanese, German, no offer, out of stock, no image).
	 */
	private const HOSTILE = array(
		'us' => array( 'B0B8RZ4XJQ', 'B0DLONGT1T', 'B0CNOOFFR1', 'B0COUTSTK2', 'B0CNOIMG03' ),
		'de' => array( 'B0DSCRIPT9', 'B0DKEINANG', 'B0DAUSVERK', 'B0DFLASCHE' ),
		'jp' => array( 'B0C7KX2Q4M', 'B0JNOIMAGE', 'B0JZAIKO00' ),
		'uk' => array( 'B0BQUOTEA1' ),
		'fr' => array( 'B0FAMP0006', 'B0FSANSIMG' ),
	);

	/**
	 * The fixture source.
	 *
	 * @var Fixture_Product_Source
	 */
	private Fixture_Product_Source $source;

	/**
	 * The renderer under test.
	 *
	 * @var Renderer
	 */
	private Renderer $renderer;

	/**
	 * Fresh source and renderer; a clean style queue.
	 */
	protected function setUp(): void {
		parent::setUp();
		$this->source   = new Fixture_Product_Source();
		$this->renderer = new Renderer( new Product_Lookup( $this->source ), array( General_Settings::class, 'read' ), ACAPI_DIR . 'templates', new Output_Context(), new Stylesheet( 'https://example.org/product.css' ) );
		wp_dequeue_style( Stylesheet::HANDLE );
		wp_deregister_style( Stylesheet::HANDLE );
		$GLOBALS['wp_query']->is_feed = false;
	}

	/**
	 * Undoes feed mode and filters.
	 */
	protected function tearDown(): void {
		$GLOBALS['wp_query']->is_feed = false;
		remove_all_filters( 'acapi_plain_output' );
		remove_all_filters( 'acapi_template_data' );
		parent::tearDown();
	}

	/**
	 * Parses HTML; fails on any parse error except HTML5 elements libxml does not know.
	 *
	 * @param string $html HTML fragment.
	 */
	private function dom( string $html ): \DOMXPath {
		$previous = libxml_use_internal_errors( true );
		libxml_clear_errors();
		$doc = new \DOMDocument();
		$doc->loadHTML( '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>' . $html . '</body></html>' );
		$errors = array();
		foreach ( libxml_get_errors() as $error ) {
			if ( ! preg_match( '/Tag (details|summary|article|del) invalid/', $error->message ) ) {
				$errors[] = trim( $error->message ) . ' (line ' . $error->line . ')';
			}
		}
		libxml_clear_errors();
		libxml_use_internal_errors( $previous );
		$this->assertSame( array(), $errors, "invalid HTML:\n" . $html );
		return new \DOMXPath( $doc );
	}

	/**
	 * The first node's attribute.
	 *
	 * @param \DOMXPath $xpath XPath.
	 * @param string    $query Query.
	 * @param string    $name  Attribute.
	 */
	private function attr( \DOMXPath $xpath, string $query, string $name ): string {
		$nodes = $xpath->query( $query );
		$this->assertNotFalse( $nodes );
		$this->assertGreaterThan( 0, $nodes->length, 'no match for ' . $query );
		$node = $nodes->item( 0 );
		$this->assertInstanceOf( \DOMElement::class, $node );
		return $node->getAttribute( $name );
	}

	/**
	 * The text of every match, joined.
	 *
	 * @param \DOMXPath $xpath XPath.
	 * @param string    $query Query.
	 */
	private function text( \DOMXPath $xpath, string $query ): string {
		$nodes = $xpath->query( $query );
		$this->assertNotFalse( $nodes );
		$text = '';
		foreach ( $nodes as $node ) {
			$text .= $node->textContent; // phpcs:ignore WordPress.NamingConventions.ValidVariableName.UsedPropertyNotSnakeCase -- DOM API.
		}
		return trim( (string) preg_replace( '/\s+/u', ' ', $text ) );
	}

	/**
	 * The box shows everything Amazon's rules allow, hotlinked and attributed.
	 */
	public function test_box_renders_a_product_with_price_disclaimer_and_button(): void {
		$product = $this->source->product( 'us', 'B0B8RZ4XJQ' );
		$this->assertNotNull( $product );
		$html  = $this->renderer->render( array( 'asins' => 'B0B8RZ4XJQ' ) );
		$xpath = $this->dom( $html );

		$this->assertSame( 0, $xpath->query( '//script' )->length ?? -1 );
		$this->assertSame( $product->title, $this->text( $xpath, '//h2[@class="acapi-title"]/a/text()' ) );
		$this->assertSame( $product->detail_page_url, $this->attr( $xpath, '//h2/a', 'href' ) );
		$this->assertStringContainsString( '&linkCode=ogi', $product->detail_page_url );
		$this->assertSame( 'sponsored nofollow noopener', $this->attr( $xpath, '//a[@class="acapi-button"]', 'rel' ) );
		$this->assertSame( '_blank', $this->attr( $xpath, '//a[@class="acapi-button"]', 'target' ) );
		$this->assertSame( 'Buy on Amazon (opens in a new tab)', $this->text( $xpath, '//a[@class="acapi-button"]' ) );

		$this->assertSame( $product->title, $this->attr( $xpath, '//img', 'alt' ) );
		$this->assertSame( 'lazy', $this->attr( $xpath, '//img', 'loading' ) );
		$this->assertSame( '160', $this->attr( $xpath, '//img', 'width' ) );
		$this->assertSame( '160', $this->attr( $xpath, '//img', 'height' ) );
		$this->assertStringStartsWith( 'https://m.media-amazon.com/', $this->attr( $xpath, '//img', 'src' ) );
		// The 160 px image and the next size up for high-density screens; not the 75 px or 1500 px ones.
		$this->assertMatchesRegularExpression( '#^https://m\.media-amazon\.com/\S+ 160w, https://m\.media-amazon\.com/\S+ 500w$#', $this->attr( $xpath, '//img', 'srcset' ) );

		$this->assertSame( '$39.99', $this->text( $xpath, '//span[@class="acapi-price__amount"]' ) );
		$this->assertSame( '$59.99', $this->text( $xpath, '//del' ) );
		$this->assertStringContainsString( 'You save', $this->text( $xpath, '//span[@class="acapi-price__savings"]' ) );
		$this->assertStringStartsWith( 'Price as of ', $this->text( $xpath, '//details/summary' ) );
		$this->assertStringEndsWith( '– Details', $this->text( $xpath, '//details/summary' ) );
		$this->assertStringContainsString( 'displayed on Amazon.com at the time of purchase', $this->text( $xpath, '//details/p' ) );
		$this->assertLessThanOrEqual( 3, $xpath->query( '//ul[@class="acapi-features"]/li' )->length ?? 99 );
		$this->assertSame( 'In Stock', $this->text( $xpath, '//p[contains(@class,"acapi-availability")]' ) );
		$this->assertTrue( wp_style_is( Stylesheet::HANDLE, 'enqueued' ) );
		$this->assertSame( 0, $xpath->query( '//*[@class="acapi-notice"]' )->length ?? -1 );
	}

	/**
	 * Every template escapes hostile data and keeps URLs intact.
	 */
	public function test_every_template_escapes_hostile_data(): void {
		$this->act_as( 'editor' );
		foreach ( Render_Arguments::TEMPLATES as $template ) {
			foreach ( self::HOSTILE as $country => $asins ) {
				$html  = $this->renderer->render(
					array(
						'asins'    => $asins,
						'country'  => $country,
						'template' => $template,
						'field'    => 'field' === $template ? 'title' : '',
					)
				);
				$xpath = $this->dom( $html );
				$this->assertSame( 0, $xpath->query( '//script' )->length ?? -1, $template . ' ' . $country );
				$this->assertStringNotContainsString( '<script>', $html, $template . ' ' . $country );
				$links = $xpath->query( '//a' );
				$this->assertNotFalse( $links );
				foreach ( $links as $link ) {
					$this->assertInstanceOf( \DOMElement::class, $link );
					$this->assertMatchesRegularExpression( '#^https://www\.amazon\.[a-z.]+/dp/[A-Z0-9]{10}\?tag=[a-z0-9-]+&linkCode=ogi&th=1&psc=1$#', $link->getAttribute( 'href' ), $template );
					$this->assertSame( 'sponsored nofollow noopener', $link->getAttribute( 'rel' ) );
				}
			}
		}
	}

	/**
	 * Hostile titles arrive as text, complete: script tags, quotes, ampersands, Japanese.
	 */
	public function test_titles_survive_as_text(): void {
		foreach ( array( array( 'us', 'B0B8RZ4XJQ' ), array( 'uk', 'B0BQUOTEA1' ), array( 'jp', 'B0JSUIHAN1' ), array( 'us', 'B0DLONGT1T' ), array( 'de', 'B0DSCRIPT9' ) ) as $case ) {
			$product = $this->source->product( $case[0], $case[1] );
			$this->assertNotNull( $product );
			$xpath = $this->dom(
				$this->renderer->render(
					array(
						'asins'   => $case[1],
						'country' => $case[0],
					)
				)
			);
			$this->assertSame( $product->title, $this->text( $xpath, '//h2/a/text()' ) );
			$this->assertSame( $product->title, $this->attr( $xpath, '//img', 'alt' ) );
		}
	}

	/**
	 * An English site: a German or Japanese product gets English labels and English number formats (one language per box).
	 */
	public function test_site_locale_for_button_and_numbers(): void {
		$xpath = $this->dom(
			$this->renderer->render(
				array(
					'asins'   => 'B0C7KX2Q4M',
					'country' => 'de',
				)
			)
		);
		$this->assertSame( 'Buy on Amazon (opens in a new tab)', $this->text( $xpath, '//a[@class="acapi-button"]' ) );
		$this->assertStringContainsString( 'Amazon.de', $this->text( $xpath, '//details/p' ) );
		$savings = $this->text( $xpath, '//span[@class="acapi-price__savings"]' );
		if ( '' !== $savings ) {
			$this->assertMatchesRegularExpression( '/\(\d+%\)$/u', $savings );
		}
		$jp = $this->dom(
			$this->renderer->render(
				array(
					'asins'   => 'B0JSUIHAN1',
					'country' => 'jp',
				)
			)
		);
		$this->assertSame( 'Buy on Amazon (opens in a new tab)', $this->text( $jp, '//a[@class="acapi-button"]' ) );
	}

	/**
	 * A German product sold by volume shows its unit price next to the price in the box, list,
	 * grid and table templates ("1,99 € / 100 ml"); a filter turns it off; no points outside Japan.
	 */
	public function test_unit_price_in_every_product_template_for_de(): void {
		foreach ( array( 'box', 'list', 'grid', 'table' ) as $template ) {
			$xpath = $this->dom(
				$this->renderer->render(
					array(
						'asins'    => 'B0DDUSCHE6',
						'country'  => 'de',
						'template' => $template,
					)
				)
			);
			$this->assertSame( '€9.95', $this->text( $xpath, '//span[@class="acapi-price__amount"]' ), $template );
			$this->assertSame( '(€1.99 / 100 ml)', $this->text( $xpath, '//span[@class="acapi-price__amount"]/following-sibling::span[@class="acapi-price__unit"]' ), $template );
			$this->assertSame( 0, $xpath->query( '//*[@class="acapi-points"]' )->length ?? -1, $template );
		}
		// A product without a unit price shows none.
		$plain = $this->dom(
			$this->renderer->render(
				array(
					'asins'   => 'B0DKOCHER2',
					'country' => 'de',
				)
			)
		);
		$this->assertSame( 0, $plain->query( '//*[@class="acapi-price__unit"]' )->length ?? -1 );

		add_filter( 'acapi_show_unit_price', '__return_false' );
		$off = $this->dom(
			$this->renderer->render(
				array(
					'asins'   => 'B0DDUSCHE6',
					'country' => 'de',
				)
			)
		);
		remove_all_filters( 'acapi_show_unit_price' );
		$this->assertSame( '€9.95', $this->text( $off, '//span[@class="acapi-price__amount"]' ) );
		$this->assertSame( 0, $off->query( '//*[@class="acapi-price__unit"]' )->length ?? -1 );
	}

	/**
	 * A Japanese box shows the points the offer earns (and the unit price where there is one); the
	 * points need a price that may be shown.
	 */
	public function test_points_on_jp_boxes(): void {
		$xpath = $this->dom(
			$this->renderer->render(
				array(
					'asins'   => 'B0JSUIHAN1',
					'country' => 'jp',
				)
			)
		);
		$this->assertSame( '328 Amazon points', $this->text( $xpath, '//div[contains(@class,"acapi-box")]//p[@class="acapi-points"]' ) );

		$tea = $this->dom(
			$this->renderer->render(
				array(
					'asins'   => 'B0JOCHA100',
					'country' => 'jp',
				)
			)
		);
		$this->assertSame( '13 Amazon points', $this->text( $tea, '//p[@class="acapi-points"]' ) );
		$this->assertSame( '(¥13 / 袋)', $this->text( $tea, '//span[@class="acapi-price__unit"]' ) );

		$stale = new Renderer( new Product_Lookup( new Fixture_Product_Source( time() - 2 * DAY_IN_SECONDS ) ), array( General_Settings::class, 'read' ), ACAPI_DIR . 'templates', new Output_Context(), new Stylesheet( 'https://example.org/product.css' ) );
		$old   = $this->dom(
			$stale->render(
				array(
					'asins'   => 'B0JSUIHAN1',
					'country' => 'jp',
				)
			)
		);
		$this->assertSame( 0, $old->query( '//*[@class="acapi-points"]' )->length ?? -1 );
	}

	/**
	 * Search filters from a shortcode or a block are checked before Amazon is asked: an editor
	 * reads which values are allowed, a visitor sees nothing.
	 */
	public function test_search_filters_from_shortcode_and_block(): void {
		$this->act_as( 'editor' );
		$reference = \Creators_Connect\Reference\Product_Reference::from_shortcode(
			array(
				'search'             => 'kettle',
				'sort_by'            => 'Cheapest',
				'min_reviews_rating' => '5',
				'title'              => 'Shown title, not a filter',
			)
		);
		$this->assertNotNull( $reference );
		$args = $reference->arguments();
		$this->assertSame(
			array(
				'sort_by'            => 'Cheapest',
				'min_reviews_rating' => '5',
			),
			$args['filters']
		);
		$notice = $this->text( $this->dom( $this->renderer->render( $args ) ), '//*[@class="acapi-notice"]' );
		$this->assertStringContainsString( 'sort_by “Cheapest” is not allowed. Use one of: AvgCustomerReviews, Featured, NewestArrivals, Price:HighToLow, Price:LowToHigh, Relevance.', $notice );
		$this->assertStringContainsString( 'min_reviews_rating must be a whole number from 1 to 4', $notice );

		$block = $this->renderer->render_block(
			array(
				'search'        => 'kettle',
				'searchFilters' => array( 'delivery_flags' => array( 'Drone' ) ),
			)
		);
		$this->assertStringContainsString( 'Use one of: AmazonGlobal, FreeShipping, FulfilledByAmazon, Prime.', $block );

		$this->act_as( 'subscriber' );
		$this->assertSame( '', trim( wp_strip_all_tags( $this->renderer->render( $args ) ) ) );
	}

	/**
	 * No offer or out of stock: no price, a "See on Amazon" button; no image: no img.
	 */
	public function test_no_offer_and_no_image(): void {
		$xpath = $this->dom( $this->renderer->render( array( 'asins' => 'B0CNOOFFR1' ) ) );
		$this->assertSame( 0, $xpath->query( '//*[@class="acapi-price"]' )->length ?? -1 );
		$this->assertSame( 0, $xpath->query( '//details' )->length ?? -1 );
		$this->assertSame( 'See on Amazon (opens in a new tab)', $this->text( $xpath, '//a[@class="acapi-button"]' ) );

		$xpath = $this->dom( $this->renderer->render( array( 'asins' => 'B0CNOIMG03' ) ) );
		$this->assertSame( 0, $xpath->query( '//img' )->length ?? -1 );
		$this->assertSame( 1, $xpath->query( '//h2/a' )->length ?? -1 );
	}

	/**
	 * Data older than 24 hours (second rung): the no-price box, title and link only, for
	 * everyone; the reason for editors only. A button stays a button, a link a link.
	 */
	public function test_stale_data_degrades_to_the_no_price_box(): void {
		$this->source->stale = array( 'B0B8RZ4XJQ' );
		$product             = $this->source->product( 'us', 'B0B8RZ4XJQ' );
		$html                = $this->renderer->render( array( 'asins' => 'B0B8RZ4XJQ' ) );
		$xpath               = $this->dom( $html );
		$this->assertSame( 0, $xpath->query( '//img' )->length ?? -1 );
		$this->assertStringNotContainsString( '$39.99', $html );
		$this->assertStringNotContainsString( 'Price as of', $html );
		$this->assertStringNotContainsString( 'acapi-features', $html );
		$this->assertSame( (string) $product?->title, $this->text( $xpath, '//div[contains(@class,"acapi-no-price")]//h2[@class="acapi-title"]/a/text()' ) );
		$this->assertSame( 'See on Amazon (opens in a new tab)', $this->text( $xpath, '//div[contains(@class,"acapi-no-price")]//a[@class="acapi-button"]' ) );
		$this->assertStringContainsString( 'B0B8RZ4XJQ?tag=', $this->attr( $xpath, '//div[contains(@class,"acapi-no-price")]//a[@class="acapi-button"]', 'href' ) );
		$this->assertStringNotContainsString( 'acapi-notice', $html );

		$xpath = $this->dom(
			$this->renderer->render(
				array(
					'asins'    => 'B0B8RZ4XJQ',
					'template' => 'button',
				)
			)
		);
		$this->assertSame( 1, $xpath->query( '//p[@class="acapi acapi-no-price"]/a[@class="acapi-button"]' )->length ?? -1 );
		$xpath = $this->dom(
			$this->renderer->render(
				array(
					'asins' => 'B0B8RZ4XJQ',
					'field' => 'price',
				)
			)
		);
		$this->assertSame( (string) $product?->title, $this->text( $xpath, '//span[@class="acapi acapi-no-price"]/a/text()' ) );

		$this->act_as( 'editor' );
		$html = $this->renderer->render( array( 'asins' => 'B0B8RZ4XJQ' ) );
		$this->assertStringContainsString( 'acapi-notice', $html );
		$this->assertStringContainsString( 'older than 24 hours', $html );
	}

	/**
	 * No working API but a partner tag (third rung): a plain tagged link in the product's place,
	 * with the given link text or "View on Amazon"; without a tag (fourth): nothing.
	 */
	public function test_no_api_gives_a_tagged_link_and_nothing_without_a_tag(): void {
		$this->source->fail_all = new Amazon_Error( Amazon_Error::NOT_CONFIGURED, 'creators' );
		$this->assertSame( '', $this->renderer->render( array( 'asins' => 'B0B8RZ4XJQ' ) ) );

		$this->source->tagged = array( 'us' );
		$url                  = 'https://www.amazon.com/dp/B0B8RZ4XJQ?tag=' . Emulator::partner_tag( 'us' );
		$xpath                = $this->dom( $this->renderer->render( array( 'asins' => 'B0B8RZ4XJQ' ) ) );
		$this->assertSame( $url, $this->attr( $xpath, '//p[@class="acapi acapi-link-only"]/a', 'href' ) );
		$this->assertSame( 'sponsored nofollow noopener', $this->attr( $xpath, '//p[@class="acapi acapi-link-only"]/a', 'rel' ) );
		$this->assertSame( 'View on Amazon (opens in a new tab)', $this->text( $xpath, '//p[@class="acapi acapi-link-only"]/a' ) );

		$xpath = $this->dom(
			$this->renderer->render(
				array(
					'asins'     => 'B0B8RZ4XJQ',
					'template'  => 'text_link',
					'link_text' => 'this kettle',
				)
			)
		);
		$this->assertSame( 'this kettle (opens in a new tab)', $this->text( $xpath, '//span[@class="acapi acapi-link-only"]/a' ) );
		$xpath = $this->dom(
			$this->renderer->render(
				array(
					'asins'    => 'B0B8RZ4XJQ',
					'template' => 'box',
					'title'    => 'Our kettle',
				)
			)
		);
		$this->assertSame( 'Our kettle', $this->text( $xpath, '//div[@class="acapi acapi-box acapi-link-only"]//h2/a/text()' ) );

		$this->act_as( 'editor' );
		$this->assertStringContainsString( 'Visitors see a plain link to the product on Amazon', $this->renderer->render( array( 'asins' => 'B0B8RZ4XJQ' ) ) );
		$this->source->tagged = array();
		$this->assertStringContainsString( 'Visitors see nothing here', $this->renderer->render( array( 'asins' => 'B0B8RZ4XJQ' ) ) );
	}

	/**
	 * The title's heading level follows the argument (h2 by default, 2–6 only).
	 */
	public function test_heading_level(): void {
		$xpath = $this->dom(
			$this->renderer->render(
				array(
					'asins'         => 'B0B8RZ4XJQ',
					'heading_level' => 4,
				)
			)
		);
		$this->assertSame( 1, $xpath->query( '//h4[@class="acapi-title"]' )->length ?? -1 );
		$xpath = $this->dom(
			$this->renderer->render(
				array(
					'asins'         => 'B0B8RZ4XJQ',
					'template'      => 'grid',
					'heading_level' => 9,
				)
			)
		);
		$this->assertSame( 1, $xpath->query( '//h2[@class="acapi-title"]' )->length ?? -1 );
	}

	/**
	 * The single-field variation's link.
	 */
	public function test_field_link(): void {
		$xpath = $this->dom(
			$this->renderer->render(
				array(
					'asins'     => 'B0B8RZ4XJQ',
					'field'     => 'link',
					'link_text' => 'see it',
				)
			)
		);
		$this->assertSame( 'see it (opens in a new tab)', $this->text( $xpath, '//span[@class="acapi acapi-field acapi-field--link"]/a' ) );
	}

	/**
	 * A product handed out with a price but an old fetch time still shows no price.
	 */
	public function test_old_fetch_time_hides_price_even_if_the_source_did_not(): void {
		$source   = new Fixture_Product_Source( time() - DAY_IN_SECONDS - 10 );
		$renderer = new Renderer( new Product_Lookup( $source ), array( General_Settings::class, 'read' ), ACAPI_DIR . 'templates', new Output_Context(), new Stylesheet() );
		$html     = $renderer->render( array( 'asins' => 'B0B8RZ4XJQ' ) );
		$this->assertStringNotContainsString( '$39.99', $html );
		$this->assertStringNotContainsString( '<img', $html );
		$this->assertStringContainsString( 'See on Amazon', $html );
	}

	/**
	 * Failures render nothing for visitors and the reason for editors.
	 */
	public function test_failures_show_reasons_to_editors_only(): void {
		$kinds = array( Amazon_Error::NOT_CONFIGURED, Amazon_Error::NOT_ELIGIBLE, Amazon_Error::THROTTLED, Amazon_Error::INVALID_ASIN, Amazon_Error::PAAPI_RETIRED );
		foreach ( $kinds as $kind ) {
			$error                  = new Amazon_Error( $kind, 'creators' );
			$this->source->fail_all = $error;
			wp_set_current_user( 0 );
			$this->assertSame( '', $this->renderer->render( array( 'asins' => 'B0B8RZ4XJQ' ) ), $kind );
			$this->act_as( 'author' );
			$html  = $this->renderer->render( array( 'asins' => 'B0B8RZ4XJQ' ) );
			$xpath = $this->dom( $html );
			$this->assertStringContainsString( esc_html( $error->for_asin( 'B0B8RZ4XJQ' )->message() ), $html, $kind );
			$this->assertSame( 1, $xpath->query( '//p[@class="acapi-notice"]' )->length ?? -1 );
		}
		$this->act_as( 'subscriber' );
		$this->assertSame( '', $this->renderer->render( array( 'asins' => 'B0B8RZ4XJQ' ) ) );
	}

	/**
	 * One failed ASIN among good ones: the good ones render.
	 */
	public function test_partial_failure_keeps_the_other_products(): void {
		$this->source->errors['B0C7KX2Q5N'] = new Amazon_Error( Amazon_Error::ITEM_NOT_ACCESSIBLE, 'creators' );
		$html                               = $this->renderer->render( array( 'asins' => 'B0B8RZ4XJQ,B0C7KX2Q5N,B0BQ3WN8ZK' ) );
		$xpath                              = $this->dom( $html );
		$this->assertSame( 2, $xpath->query( '//div[@class="acapi acapi-box"]' )->length ?? -1 );
		$this->assertStringNotContainsString( 'acapi-notice', $html );
	}

	/**
	 * Without a product source: the not-configured notice for editors, nothing for visitors.
	 */
	public function test_without_a_source(): void {
		$renderer = new Renderer( new Product_Lookup( null ), array( General_Settings::class, 'read' ), ACAPI_DIR . 'templates', new Output_Context(), new Stylesheet() );
		$this->assertSame( '', $renderer->render( array( 'asins' => 'B0B8RZ4XJQ' ) ) );
		$this->act_as( 'editor' );
		$this->assertStringContainsString( esc_html( ( new Amazon_Error( Amazon_Error::NOT_CONFIGURED ) )->message() ), $renderer->render( array( 'asins' => 'B0B8RZ4XJQ' ) ) );
	}

	/**
	 * Invalid ASINs and countries: a notice for editors, no request, no PHP warning.
	 */
	public function test_invalid_asin_and_country(): void {
		$log = $this->debug_log();
		$this->assertSame( '', $this->renderer->render( array( 'asins' => 'nope' ) ) );
		$this->assertSame(
			'',
			$this->renderer->render(
				array(
					'asins'   => 'B0B8RZ4XJQ',
					'country' => 'xx',
				)
			)
		);
		$this->act_as( 'editor' );
		$this->assertStringContainsString( 'NOPE', $this->renderer->render( array( 'asins' => 'nope' ) ) );
		$this->assertStringContainsString(
			'is not an Amazon marketplace',
			$this->renderer->render(
				array(
					'asins'   => 'B0B8RZ4XJQ',
					'country' => 'xx',
				)
			)
		);
		$this->assertStringContainsString( 'No product chosen', $this->renderer->render( array() ) );
		$this->assertSame( array(), $this->source->calls );
		$this->assertSame( $log, $this->debug_log() );
	}

	/**
	 * Country codes are normalised (gb is uk); at most 50 ASINs are requested.
	 */
	public function test_country_alias_and_asin_limit(): void {
		$this->renderer->render(
			array(
				'asins'   => 'B0BKETTLE1',
				'country' => 'GB',
			)
		);
		$this->assertSame( 'uk', $this->source->calls[0][1] );
		$asins = array();
		for ( $i = 0; $i < 60; $i++ ) {
			$asins[] = sprintf( 'B0TEST%04d', $i );
		}
		$this->renderer->render( array( 'asins' => $asins ) );
		$this->assertCount( 50, $this->source->calls[1][2] );
	}

	/**
	 * Feeds and e-mail renders get plain text links: no image, no price, no notice.
	 */
	public function test_feed_and_plain_output(): void {
		$this->act_as( 'editor' );
		$GLOBALS['wp_query']->is_feed = true;
		$html                         = $this->renderer->render(
			array(
				'asins'    => 'B0B8RZ4XJQ,B0NOTEXIST',
				'template' => 'grid',
			)
		);
		$xpath                        = $this->dom( $html );
		$this->assertSame( 0, $xpath->query( '//img' )->length ?? -1 );
		$this->assertSame( 1, $xpath->query( '//p/a' )->length ?? -1 );
		$this->assertStringNotContainsString( '$39.99', $html );
		$this->assertStringNotContainsString( 'acapi-notice', $html );
		$GLOBALS['wp_query']->is_feed = false;

		add_filter( 'acapi_plain_output', '__return_true' );
		$html = $this->renderer->render( array( 'asins' => 'B0B8RZ4XJQ' ) );
		$this->assertStringNotContainsString( '<img', $html );
		$this->assertStringContainsString( 'rel="sponsored nofollow"', $html );
	}

	/**
	 * Price timestamp in the site's time zone and formats.
	 */
	public function test_price_as_of_uses_site_time_zone_and_format(): void {
		update_option( 'timezone_string', 'Europe/Berlin' );
		update_option( 'date_format', 'Y-m-d' );
		update_option( 'time_format', 'H:i' );
		$fetched  = time() - 3600;
		$source   = new Fixture_Product_Source( $fetched );
		$renderer = new Renderer( new Product_Lookup( $source ), array( General_Settings::class, 'read' ), ACAPI_DIR . 'templates', new Output_Context(), new Stylesheet() );
		$expected = ( new \DateTimeImmutable( '@' . $fetched ) )->setTimezone( new \DateTimeZone( 'Europe/Berlin' ) )->format( 'Y-m-d H:i' );
		$xpath    = $this->dom( $renderer->render( array( 'asins' => 'B0B8RZ4XJQ' ) ) );
		$this->assertSame( 'Price as of ' . $expected . ' – Details', $this->text( $xpath, '//summary' ) );

		// Formatted times are remembered for the request, and forgotten when the zone changes.
		$renderer->register_hooks();
		update_option( 'timezone_string', 'Asia/Tokyo' );
		$expected = ( new \DateTimeImmutable( '@' . $fetched ) )->setTimezone( new \DateTimeZone( 'Asia/Tokyo' ) )->format( 'Y-m-d H:i' );
		$xpath    = $this->dom( $renderer->render( array( 'asins' => 'B0B8RZ4XJQ' ) ) );
		$this->assertSame( 'Price as of ' . $expected . ' – Details', $this->text( $xpath, '//summary' ) );
	}

	/**
	 * Link target and the affiliate label follow the general settings; parts can be chosen.
	 */
	public function test_settings_parts_and_overrides(): void {
		update_option(
			'acapi_general',
			array(
				'link_target'     => '_self',
				'affiliate_label' => true,
			)
		);
		$html  = $this->renderer->render(
			array(
				'asins'       => 'B0B8RZ4XJQ',
				'show'        => array( 'title', 'button' ),
				'title'       => 'My "own" title & more',
				'button_text' => 'Go & buy',
			)
		);
		$xpath = $this->dom( $html );
		$this->assertSame( 0, $xpath->query( '//a[@target]' )->length ?? -1 );
		$this->assertSame( 0, $xpath->query( '//img' )->length ?? -1 );
		$this->assertSame( 0, $xpath->query( '//*[@class="acapi-price"]' )->length ?? -1 );
		$this->assertSame( 'Affiliate link', $this->text( $xpath, '//span[@class="acapi-label"]' ) );
		$this->assertSame( 'My "own" title & more', $this->text( $xpath, '//h2/a' ) );
		$this->assertSame( 'Go & buy', $this->text( $xpath, '//a[@class="acapi-button"]' ) );

		update_option(
			'acapi_general',
			array(
				'default_template' => 'grid',
				'button_text'      => 'Shop now',
				'price_disclaimer' => 'Prices change.',
			)
		);
		$xpath = $this->dom( $this->renderer->render( array( 'asins' => 'B0B8RZ4XJQ' ) ) );
		$this->assertSame( 1, $xpath->query( '//ul[@class="acapi acapi-grid"]' )->length ?? -1 );
		$this->assertSame( 'Shop now (opens in a new tab)', $this->text( $xpath, '//a[@class="acapi-button"]' ) );
		$this->assertSame( 'Prices change.', $this->text( $xpath, '//details/p' ) );

		update_option( 'acapi_general', 'garbage' );
		$xpath = $this->dom( $this->renderer->render( array( 'asins' => 'B0B8RZ4XJQ' ) ) );
		$this->assertSame( '_blank', $this->attr( $xpath, '//a[@class="acapi-button"]', 'target' ) );
	}

	/**
	 * The field template prints one value inline.
	 */
	public function test_fields(): void {
		$product = $this->source->product( 'us', 'B0B8RZ4XJQ' );
		$this->assertNotNull( $product );
		$expect = array(
			'title'        => $product->title,
			'list_price'   => '$59.99',
			'availability' => 'In Stock',
			'url'          => $product->detail_page_url,
		);
		foreach ( $expect as $field => $value ) {
			$xpath = $this->dom(
				$this->renderer->render(
					array(
						'asins' => 'B0B8RZ4XJQ',
						'field' => $field,
					)
				)
			);
			$this->assertSame( $value, $this->text( $xpath, '//span[contains(@class,"acapi-field--' . $field . '")]' ), $field );
		}
		$xpath = $this->dom(
			$this->renderer->render(
				array(
					'asins' => 'B0B8RZ4XJQ',
					'field' => 'price',
				)
			)
		);
		$this->assertStringStartsWith( '$39.99 (Price as of ', $this->text( $xpath, '//span[contains(@class,"acapi-field--price")]' ) );
		$xpath = $this->dom(
			$this->renderer->render(
				array(
					'asins' => 'B0B8RZ4XJQ',
					'field' => 'image',
				)
			)
		);
		$this->assertSame( 1, $xpath->query( '//img' )->length ?? -1 );
		$xpath = $this->dom(
			$this->renderer->render(
				array(
					'asins' => 'B0B8RZ4XJQ',
					'field' => 'button',
				)
			)
		);
		$this->assertSame( 1, $xpath->query( '//a[@class="acapi-button"]' )->length ?? -1 );
		$this->assertStringContainsString(
			'You save',
			$this->renderer->render(
				array(
					'asins' => 'B0B8RZ4XJQ',
					'field' => 'savings',
				)
			)
		);
	}

	/**
	 * Each multi-product template renders one entry per product.
	 */
	public function test_templates_structure(): void {
		$asins = 'B0C7KX2Q4M,B0C7KX2Q5N,B0BQ3WN8ZK';
		$this->assertSame(
			3,
			$this->dom(
				$this->renderer->render(
					array(
						'asins'    => $asins,
						'template' => 'list',
					)
				)
			)->query( '//ul[@class="acapi acapi-list"]/li' )->length ?? -1
		);
		$this->assertSame(
			3,
			$this->dom(
				$this->renderer->render(
					array(
						'asins'    => $asins,
						'template' => 'grid',
					)
				)
			)->query( '//ul[@class="acapi acapi-grid"]/li' )->length ?? -1
		);
		$table = $this->dom(
			$this->renderer->render(
				array(
					'asins'    => $asins,
					'template' => 'table',
				)
			)
		);
		$this->assertSame( 3, $table->query( '//table/tbody/tr' )->length ?? -1 );
		$this->assertSame( 3, $table->query( '//tbody//a[@class="acapi-button"]' )->length ?? -1 );
		$this->assertSame(
			3,
			$this->dom(
				$this->renderer->render(
					array(
						'asins'    => $asins,
						'template' => 'button',
					)
				)
			)->query( '//a[@class="acapi-button"]' )->length ?? -1
		);
		$this->assertSame(
			3,
			$this->dom(
				$this->renderer->render(
					array(
						'asins'    => $asins,
						'template' => 'image_link',
					)
				)
			)->query( '//a/img' )->length ?? -1
		);
		$this->assertSame(
			3,
			$this->dom(
				$this->renderer->render(
					array(
						'asins'    => $asins,
						'template' => 'text-link',
					)
				)
			)->query( '//a[@class="acapi-text-link"]' )->length ?? -1
		);
		$this->assertSame(
			2,
			$this->dom(
				$this->renderer->render(
					array(
						'asins'    => $asins,
						'template' => 'grid',
						'items'    => 2,
					)
				)
			)->query( '//li' )->length ?? -1
		);
	}

	/**
	 * Themes can override a template and filter the data.
	 */
	public function test_theme_override_and_data_filter(): void {
		$dir = get_temp_dir() . 'acapi-theme-' . wp_generate_password( 6, false );
		wp_mkdir_p( $dir . '/creators-connect-for-amazon' );
		file_put_contents( $dir . '/creators-connect-for-amazon/box.php', '<?php foreach ( $data["items"] as $i ) { echo "<p class=\"theme-box\">" . esc_html( $i["title"] ) . "</p>"; }' );
		$saved                         = array( $GLOBALS['wp_stylesheet_path'] ?? null, $GLOBALS['wp_template_path'] ?? null );
		$GLOBALS['wp_stylesheet_path'] = $dir;
		$GLOBALS['wp_template_path']   = $dir;
		add_filter(
			'acapi_template_data',
			static function ( array $data ): array {
				$data['items'][0]['title'] = 'Filtered <b>title</b>';
				return $data;
			}
		);
		$html                          = $this->renderer->render( array( 'asins' => 'B0B8RZ4XJQ' ) );
		$GLOBALS['wp_stylesheet_path'] = $saved[0];
		$GLOBALS['wp_template_path']   = $saved[1];
		unlink( $dir . '/creators-connect-for-amazon/box.php' );
		rmdir( $dir . '/creators-connect-for-amazon' );
		rmdir( $dir );
		$this->assertSame( '<p class="theme-box">Filtered &lt;b&gt;title&lt;/b&gt;</p>', $html );
	}

	/**
	 * Search-driven lists ask the source once with the count and index.
	 */
	public function test_search(): void {
		$html = $this->renderer->render(
			array(
				'search'   => 'kettle',
				'items'    => 1,
				'index'    => 'HomeAndKitchen',
				'template' => 'list',
			)
		);
		$this->assertSame(
			array(
				'search',
				'',
				'kettle',
				array(
					'item_count'   => 1,
					'search_index' => 'HomeAndKitchen',
				),
			),
			$this->source->calls[0]
		);
		$this->assertSame( 1, $this->dom( $html )->query( '//li' )->length ?? -1 );
		$this->act_as( 'editor' );
		$this->assertStringContainsString( 'found no products', $this->renderer->render( array( 'search' => 'zzzqqq' ) ) );
	}

	/**
	 * The block wrapper and attribute mapping.
	 */
	public function test_render_block(): void {
		$html  = $this->renderer->render_block(
			array(
				'asins'      => array( 'B0B8RZ4XJQ', 'B0C7KX2Q5N' ),
				'template'   => 'grid',
				'buttonText' => 'Check it',
				'show'       => array( 'title', 'button' ),
			)
		);
		$xpath = $this->dom( $html );
		$this->assertSame( 1, $xpath->query( '/html/body/div[contains(@class,"wp-block-creators-connect-for-amazon-product")]' )->length ?? -1 );
		$this->assertSame( 2, $xpath->query( '//a[@class="acapi-button"]' )->length ?? -1 );
		$this->assertSame( 0, $xpath->query( '//img' )->length ?? -1 );
		$this->assertSame( '', $this->renderer->render_block( array( 'asins' => array() ) ) );
	}
}
