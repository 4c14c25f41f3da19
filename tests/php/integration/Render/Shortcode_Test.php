<?php
/**
 * Integration tests of the shortcodes: ours, AAWP's forms, tag ownership, the disclosure.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Render;

use Creators_Connect\Render\Disclosure;
use Creators_Connect\Render\Output_Context;
use Creators_Connect\Render\Product_Lookup;
use Creators_Connect\Render\Renderer;
use Creators_Connect\Render\Stylesheet;
use Creators_Connect\Render\Shortcode;
use Creators_Connect\Tests\Fixture_Product_Source;
use Creators_Connect\Tests\Integration_Test_Case;
use Creators_Connect\Settings\General_Settings;

/**
 * Shortcode and Disclosure.
 */
final class Shortcode_Test extends Integration_Test_Case {

	/**
	 * The fixture source.
	 *
	 * @var Fixture_Product_Source
	 */
	private Fixture_Product_Source $source;

	/**
	 * The shortcode under test.
	 *
	 * @var Shortcode
	 */
	private Shortcode $shortcode;

	/**
	 * Registered shortcodes before the test.
	 *
	 * @var array<string, callable>
	 */
	private array $saved_tags = array();

	/**
	 * Our shortcodes on a fixture source, the global registry saved.
	 */
	protected function setUp(): void {
		parent::setUp();
		$this->saved_tags = $GLOBALS['shortcode_tags'];
		remove_shortcode( Shortcode::TAG );
		remove_shortcode( Shortcode::OWN_TAG );
		$this->source    = new Fixture_Product_Source();
		$this->shortcode = new Shortcode( new Renderer( new Product_Lookup( $this->source ), array( General_Settings::class, 'read' ), ACAPI_DIR . 'templates', new Output_Context(), new Stylesheet() ) );
		add_shortcode( Shortcode::OWN_TAG, array( $this->shortcode, 'render' ) );
		$this->shortcode->register_shared_tag();
	}

	/**
	 * Restores the shortcode registry.
	 */
	protected function tearDown(): void {
		$GLOBALS['shortcode_tags'] = $this->saved_tags;
		parent::tearDown();
	}

	/**
	 * The last call to the source.
	 *
	 * @return array{0: string, 1: string, 2: list<string>|string, 3: array<string, mixed>}
	 */
	private function last_call(): array {
		$call = end( $this->source->calls );
		$this->assertIsArray( $call, 'the source was not called' );
		return $call;
	}

	/**
	 * [amazon asin country] and [amazon_product] render the box.
	 */
	public function test_asin_and_country(): void {
		$html = do_shortcode( '[amazon asin="b0bkettle1" country="gb"]' );
		$this->assertSame( array( 'get_products', 'uk', array( 'B0BKETTLE1' ), array() ), $this->last_call() );
		$this->assertStringContainsString( 'class="acapi acapi-box"', $html );
		$this->assertStringContainsString( 'Morrow &amp; Finch', $html );

		$html = do_shortcode( '[amazon_product asin="B0C7KX2Q4M, B0DKAFFEE1" country="de"]' );
		$this->assertSame( array( 'get_products', 'de', array( 'B0C7KX2Q4M', 'B0DKAFFEE1' ), array() ), $this->last_call() );
		$this->assertSame( 2, substr_count( $html, 'class="acapi acapi-box"' ) );

		do_shortcode( '[amazon asin="B0B8RZ4XJQ"]' );
		$this->assertSame( '', $this->last_call()[1], 'no country: the default marketplace' );
	}

	/**
	 * Template, title, button text, items, field, image size.
	 */
	public function test_attributes(): void {
		$html = do_shortcode( '[amazon asin="B0B8RZ4XJQ,B0C7KX2Q5N,B0BQ3WN8ZK" template="grid" items="2" button_text="Get it"]' );
		$this->assertStringContainsString( 'acapi-grid', $html );
		$this->assertSame( 2, substr_count( $html, 'class="acapi-card"' ) );
		$this->assertSame( 2, substr_count( $html, '>Get it<' ) );

		$html = do_shortcode( '[amazon asin="B0B8RZ4XJQ" template="text_link" title="the knife"]' );
		$this->assertMatchesRegularExpression( '#<a href="[^"]+" class="acapi-text-link" rel="sponsored nofollow noopener" target="_blank">the knife<#', $html );

		$html = do_shortcode( '[amazon asin="B0B8RZ4XJQ" field="price"]' );
		$this->assertStringStartsWith( '<span class="acapi acapi-field acapi-field--price">$39.99', $html );

		$html = do_shortcode( '[amazon asin="B0B8RZ4XJQ" template="table" image_size="large"]' );
		$this->assertStringContainsString( '<table class="acapi-table">', $html );
		$this->assertStringContainsString( 'width="500"', $html );

		$html = do_shortcode( '[amazon asin="B0B8RZ4XJQ" template="button" affiliate_label="yes"]' );
		$this->assertStringContainsString( 'acapi-label', $html );
		$this->assertStringContainsString( 'class="acapi-button"', $html );
	}

	/**
	 * Search-driven lists.
	 */
	public function test_search(): void {
		$html = do_shortcode( '[amazon search="kettle" items="3" index="HomeAndKitchen" template="list"]' );
		$this->assertSame(
			array(
				'search',
				'',
				'kettle',
				array(
					'item_count'   => 3,
					'search_index' => 'HomeAndKitchen',
				),
			),
			$this->last_call()
		);
		$this->assertStringContainsString( 'acapi-list', $html );
	}

	/**
	 * AAWP's forms render like ours.
	 */
	public function test_aawp_forms(): void {
		$html = do_shortcode( '[amazon box="B0B8RZ4XJQ,B0C7KX2Q5N"]' );
		$this->assertSame( array( 'B0B8RZ4XJQ', 'B0C7KX2Q5N' ), $this->last_call()[2] );
		$this->assertSame( 2, substr_count( $html, 'class="acapi acapi-box"' ) );

		$html = do_shortcode( '[amazon link="B0B8RZ4XJQ" title="Great knife"]' );
		$this->assertStringContainsString( 'class="acapi-text-link"', $html );
		$this->assertStringContainsString( '>Great knife<', $html );

		$html = do_shortcode( '[amazon fields="B0B8RZ4XJQ" value="price"]' );
		$this->assertStringContainsString( 'acapi-field--price', $html );
		$this->assertStringContainsString( '$39.99', $html );

		$html = do_shortcode( '[amazon bestseller="kestrel" items="5"]' );
		$this->assertSame( 'search', $this->last_call()[0] );
		$this->assertSame( 'kestrel', $this->last_call()[2] );
		$this->assertSame( 5, $this->last_call()[3]['item_count'] );
		$this->assertStringContainsString( 'acapi-list', $html );
	}

	/**
	 * The live bug of issue 12: a list separated by spaces (or `;`, `|`, new lines; the
	 * prefetcher always took those) rendered "invalid ASIN". `asins` is read like `asin`.
	 */
	public function test_every_separator_and_the_asins_attribute(): void {
		foreach ( array( 'B0B8RZ4XJQ B0C7KX2Q5N', "B0B8RZ4XJQ\nB0C7KX2Q5N", 'B0B8RZ4XJQ; B0C7KX2Q5N', 'B0B8RZ4XJQ|B0C7KX2Q5N', ' b0b8rz4xjq ,B0C7KX2Q5N ' ) as $list ) {
			$html = do_shortcode( '[amazon asin="' . $list . '"]' );
			$this->assertSame( array( 'B0B8RZ4XJQ', 'B0C7KX2Q5N' ), $this->last_call()[2], $list );
			$this->assertSame( 2, substr_count( $html, 'class="acapi acapi-box"' ), $list );
		}
		$this->act_as( 'contributor' );
		$html = do_shortcode( '[amazon_product asin="B0B8RZ4XJQ B0C7KX2Q5N"]' );
		$this->assertStringNotContainsString( 'acapi-notice', $html, 'no "invalid ASIN" for a space-separated list' );

		$html = do_shortcode( '[amazon_product asins="B0B8RZ4XJQ, B0C7KX2Q5N"]' );
		$this->assertSame( array( 'B0B8RZ4XJQ', 'B0C7KX2Q5N' ), $this->last_call()[2] );
		$this->assertSame( 2, substr_count( $html, 'class="acapi acapi-box"' ) );
	}

	/**
	 * A ten-letter word is not an ASIN (the one ASIN rule): it is never asked for, and editors
	 * are told.
	 */
	public function test_word_is_not_an_asin(): void {
		$calls = count( $this->source->calls );
		$this->assertSame( '', do_shortcode( '[amazon asin="HEADPHONES"]' ) );
		$this->assertCount( $calls, $this->source->calls, 'nothing asked of the source' );
		$this->act_as( 'contributor' );
		$this->assertStringContainsString( 'HEADPHONES', do_shortcode( '[amazon asin="HEADPHONES"]' ) );
	}

	/**
	 * Unknown attributes are ignored; invalid input warns editors only, never PHP.
	 */
	public function test_unknown_and_invalid_attributes(): void {
		$log  = $this->debug_log();
		$html = do_shortcode( '[amazon asin="B0C7KX2Q5N" colour="red" onclick="alert(1)"]' );
		$this->assertStringContainsString( 'acapi-box', $html );
		$this->assertStringNotContainsString( 'alert', $html );

		$this->assertSame( '', do_shortcode( '[amazon asin="not-an-asin"]' ) );
		$this->assertSame( '', do_shortcode( '[amazon asin="B0B8RZ4XJQ" country="zz"]' ) );
		$this->assertSame( '', do_shortcode( '[amazon]' ) );
		$this->act_as( 'contributor' );
		$this->assertStringContainsString( 'acapi-notice', do_shortcode( '[amazon asin="not-an-asin"]' ) );
		$this->assertStringContainsString( 'acapi-notice', do_shortcode( '[amazon asin="B0B8RZ4XJQ" country="zz"]' ) );
		$this->assertSame( $log, $this->debug_log() );
	}

	/**
	 * [amazon] stays with a plugin that registered it first; [amazon_product] always works.
	 */
	public function test_tag_ownership(): void {
		$this->assertFalse( $this->shortcode->is_tag_taken() );

		remove_shortcode( Shortcode::TAG );
		add_shortcode(
			Shortcode::TAG,
			static function (): string {
				return 'other plugin';
			}
		);
		$shortcode = new Shortcode( new Renderer( new Product_Lookup( $this->source ), array( General_Settings::class, 'read' ), ACAPI_DIR . 'templates', new Output_Context(), new Stylesheet() ) );
		$shortcode->register_hooks();
		$shortcode->register_shared_tag();
		$this->assertTrue( $shortcode->is_tag_taken() );
		$this->assertSame( 'other plugin', do_shortcode( '[amazon asin="B0B8RZ4XJQ"]' ) );
		$this->assertStringContainsString( 'acapi-box', do_shortcode( '[amazon_product asin="B0B8RZ4XJQ"]' ) );

		ob_start();
		$shortcode->render_tag_notice();
		$this->assertSame( '', ob_get_clean(), 'no notice for non-admins' );
		$this->act_as( 'administrator' );
		ob_start();
		$shortcode->render_tag_notice();
		$this->assertStringContainsString( '[amazon_product]', (string) ob_get_clean() );
		remove_action( 'admin_notices', array( $shortcode, 'render_tag_notice' ) );
		remove_action( 'init', array( $shortcode, 'register_shared_tag' ), 99 );
	}

	/**
	 * The plugin registered both tags on a site without another owner.
	 */
	public function test_plugin_registers_its_tags(): void {
		$this->assertArrayHasKey( Shortcode::OWN_TAG, $this->saved_tags );
		$this->assertArrayHasKey( Shortcode::TAG, $this->saved_tags );
		$this->assertArrayHasKey( Disclosure::TAG, $this->saved_tags );
	}

	/**
	 * Amazon's statement, replaceable through the general settings.
	 */
	public function test_disclosure(): void {
		$this->assertSame( '<p class="acapi-disclosure">As an Amazon Associate I earn from qualifying purchases.</p>', do_shortcode( '[amazon_disclosure]' ) );
		update_option( 'acapi_general', array( 'disclosure_text' => 'Als Amazon-Partner verdiene ich an qualifizierten Verkäufen. <b>' ) );
		// The settings keep it plain text (tags stripped); the output escapes it again.
		$this->assertSame( '<p class="acapi-disclosure">Als Amazon-Partner verdiene ich an qualifizierten Verkäufen.</p>', do_shortcode( '[amazon_disclosure]' ) );
	}
}
