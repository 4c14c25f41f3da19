<?php
/**
 * The renderer and the shortcode with `tag="…"`: a listed tracking ID is asked for as
 * `country#tag`; any other gets the marketplace's own and a note only editors see.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Render;

use Creators_Connect\Reference\Product_Reference;
use Creators_Connect\Render\Output_Context;
use Creators_Connect\Render\Product_Lookup;
use Creators_Connect\Render\Renderer;
use Creators_Connect\Render\Stylesheet;
use Creators_Connect\Settings\General_Settings;
use Creators_Connect\Tests\Fixture_Product_Source;
use Creators_Connect\Tests\Integration_Test_Case;

/**
 * Renderer + Product_Reference with tracking IDs.
 */
final class Tracking_Id_Render_Test extends Integration_Test_Case {

	/**
	 * The shortcode's and the block's tag reach the renderer's arguments.
	 */
	public function test_references_carry_the_tag(): void {
		$shortcode = Product_Reference::from_shortcode(
			array(
				'asin' => 'B0DKOCHER2',
				'tag'  => ' mysite-sidebar-21 ',
			)
		);
		$this->assertNotNull( $shortcode );
		$this->assertSame( 'mysite-sidebar-21', $shortcode->tag() );
		$this->assertSame( 'mysite-sidebar-21', $shortcode->arguments()['tag'] );
		$block = Product_Reference::from_block(
			array(
				'asins'      => array( 'B0DKOCHER2' ),
				'trackingId' => 'mysite-news-21',
			)
		);
		$this->assertSame( 'mysite-news-21', $block->tag() );
		$this->assertSame( '', Product_Reference::from_block( array( 'asins' => array( 'B0DKOCHER2' ) ) )->tag() );
		$this->assertArrayNotHasKey( 'tag', Product_Reference::from_block( array( 'asins' => array( 'B0DKOCHER2' ) ) )->options );
	}

	/**
	 * Listed: asked for as `de#tag`, no note. Not listed: the marketplace's own, and a note for editors only.
	 */
	public function test_listed_and_unlisted_tags(): void {
		$source       = new Fixture_Product_Source();
		$source->tags = array( 'mysite-sidebar-21' );
		$renderer     = new Renderer( new Product_Lookup( $source ), array( General_Settings::class, 'read' ), ACAPI_DIR . 'templates', new Output_Context(), new Stylesheet( 'https://example.org/product.css' ) );
		$asin         = 'B0DKAFFEE1';

		$this->act_as( 'editor' );
		$html = $renderer->render(
			array(
				'asins'   => $asin,
				'country' => 'de',
				'tag'     => 'mysite-sidebar-21',
			)
		);
		$this->assertSame( array( 'get_products', 'de#mysite-sidebar-21', array( $asin ), array() ), $source->calls[0] );
		$this->assertStringNotContainsString( 'acapi-notice', $html );

		$html = $renderer->render(
			array(
				'asins'   => $asin,
				'country' => 'de',
				'tag'     => 'stranger-21',
			)
		);
		$this->assertSame( 'de', $source->calls[1][1] );
		$this->assertStringContainsString( 'The tracking ID “stranger-21” is not listed for this marketplace', $html );

		$this->act_as( null );
		$html = $renderer->render(
			array(
				'asins'   => $asin,
				'country' => 'de',
				'tag'     => 'stranger-21',
			)
		);
		$this->assertStringNotContainsString( 'stranger-21', $html );
		$this->assertStringContainsString( 'acapi-', $html );
	}
}
