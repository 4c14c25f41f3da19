<?php
/**
 * Integration tests of the product block as the plugin wires it.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Render;

use Creators_Connect\Plugin;
use Creators_Connect\Render\Stylesheet;
use Creators_Connect\Tests\Integration_Test_Case;

/**
 * The block's registration, render.php and the renderer accessor.
 */
final class Block_Test extends Integration_Test_Case {

	/**
	 * The block is registered from block.json with the renderer's stylesheet.
	 */
	public function test_block_is_registered(): void {
		$block = \WP_Block_Type_Registry::get_instance()->get_registered( 'creators-connect-for-amazon/product' );
		$this->assertNotNull( $block );
		$this->assertSame( 3, $block->api_version );
		$this->assertContains( Stylesheet::HANDLE, $block->style_handles );
		$this->assertTrue( wp_style_is( Stylesheet::HANDLE, 'registered' ) );
		$this->assertArrayHasKey( 'template', $block->attributes );
		$this->assertSame( array( 'wide', 'full' ), $block->supports['align'] );
	}

	/**
	 * The accessor hands out the one renderer.
	 */
	public function test_renderer_accessor(): void {
		$this->assertSame( Plugin::instance()->renderer(), Plugin::instance()->renderer() );
		$this->assertTrue( Plugin::instance()->renderer()->has_source() );
	}

	/**
	 * Without a configured marketplace: the reason for editors, nothing for visitors, no warning.
	 */
	public function test_unconfigured_site_renders_notice_for_editors_only(): void {
		$log    = $this->debug_log();
		$markup = '<!-- wp:creators-connect-for-amazon/product {"asins":["B0B8RZ4XJQ"],"country":"us"} /-->';
		$this->assertSame( '', trim( do_blocks( $markup ) ) );
		$this->act_as( 'editor' );
		$html = do_blocks( $markup );
		$this->assertStringContainsString( 'class="wp-block-creators-connect-for-amazon-product', $html );
		$this->assertStringContainsString( 'acapi-notice', $html );
		$this->assertSame( $log, $this->debug_log() );
	}

	/**
	 * An empty block tells editors what to do.
	 */
	public function test_empty_block(): void {
		$this->act_as( 'editor' );
		$this->assertStringContainsString( 'No product chosen', do_blocks( '<!-- wp:creators-connect-for-amazon/product /-->' ) );
	}

	/**
	 * The disclosure block prints Amazon's statement, or the site's own wording.
	 */
	public function test_disclosure_block(): void {
		$html = do_blocks( '<!-- wp:creators-connect-for-amazon/disclosure /-->' );
		$this->assertMatchesRegularExpression( '#^<p class="[^"]*acapi-disclosure[^"]*">As an Amazon Associate I earn from qualifying purchases\.</p>$#', trim( $html ) );
		update_option( 'acapi_general', array( 'disclosure_text' => 'Werbung & "Partnerlinks" <script>alert(1)</script>' ) );
		$html = do_blocks( '<!-- wp:creators-connect-for-amazon/disclosure /-->' );
		$this->assertStringContainsString( '>Werbung &amp; &quot;Partnerlinks&quot;</p>', $html );
		$this->assertStringNotContainsString( '<script', $html );
	}
}
