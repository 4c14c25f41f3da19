<?php
/**
 * Product HTML stays out of core's content filters, through the plugin as it is wired.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Render;

use Creators_Connect\Model\Product;
use Creators_Connect\Catalog\Product_Store;
use Creators_Connect\Plugin;
use Creators_Connect\Render\Content_Placeholders;
use Creators_Connect\Tests\Integration_Test_Case;

/**
 * A product whose title has quotes, a double dash and a smiley, shown by a block and a shortcode
 * next to ordinary text: core's filters still change the text, never the product.
 */
final class Content_Placeholders_Test extends Integration_Test_Case {

	/**
	 * ASIN of the stored product.
	 */
	private const ASIN = 'B0QUOTES01';

	/**
	 * Its title as Amazon sent it.
	 */
	private const TITLE = 'Tasse "Deluxe" -- 2er Pack :)';

	/**
	 * Post content: text core's filters change, a product block and a shortcode.
	 */
	private const CONTENT = '<!-- wp:paragraph --><p>Intro "quoted" -- text :)</p><!-- /wp:paragraph -->'
		. '<!-- wp:creators-connect-for-amazon/product {"asins":["' . self::ASIN . '"],"country":"de"} /-->'
		. '<!-- wp:paragraph --><p>Inline: [amazon_product asin="' . self::ASIN . '" country="de" template="text_link"]</p><!-- /wp:paragraph -->';

	/**
	 * Stores a fresh German product (no Amazon call needed to show it).
	 */
	protected function setUp(): void {
		parent::setUp();
		update_option( 'use_smilies', '1' );
		$product = new Product(
			asin: self::ASIN,
			marketplace: 'de',
			title: self::TITLE,
			detail_page_url: 'https://www.amazon.de/dp/' . self::ASIN . '?tag=acapidemode-21',
			price: array(
				'amount'   => 12.5,
				'currency' => 'EUR',
				'display'  => '12,50 €',
			),
			fetched_at: time() - 60,
			source: 'creators',
			api_version: '2.2'
		);
		( new Product_Store() )->save( 'de', array( self::ASIN => $product ), array( self::ASIN => 'creators_configured' ), time() - 60, time() - 60 );
	}

	/**
	 * `the_content`: the paragraph is texturized and gets its smiley; the box and the inline link
	 * keep the title as Amazon sent it, and no placeholder is left.
	 */
	public function test_the_content_changes_text_but_not_products(): void {
		$html = (string) apply_filters( 'the_content', self::CONTENT );

		$this->assertStringContainsString( '&#8220;quoted&#8221;', $html, 'core\'s filters ran on the text' );
		$this->assertStringContainsString( '&#8212; text', $html );
		$this->assertSame( 1, substr_count( $html, '🙂' ) + substr_count( $html, 'wp-smiley' ), 'only the text\'s smiley was converted' );

		$title = esc_html( self::TITLE );
		$this->assertStringContainsString( 'class="acapi acapi-box"', $html );
		$this->assertGreaterThanOrEqual( 2, substr_count( $html, $title ), 'box and inline link show the title unchanged' );
		$this->assertStringContainsString( '<p>Inline: <span class="acapi acapi-text-links"><a ', $html, 'the inline link stays inside its paragraph' );
		$this->assertStringNotContainsString( '<!--acapi-product:', $html );
	}

	/**
	 * Outside `the_content` (a theme's own do_blocks, widgets) the HTML comes back directly, and
	 * a placeholder-like comment an author typed is left alone.
	 */
	public function test_outside_the_content_and_forged_placeholders(): void {
		$html = do_shortcode( do_blocks( self::CONTENT ) );
		$this->assertStringContainsString( 'class="acapi acapi-box"', $html );
		$this->assertStringNotContainsString( '<!--acapi-product:', $html );

		$forged = '<!-- wp:html --><!--acapi-product:0123456789abcdef:1--><!-- /wp:html -->' . self::CONTENT;
		$html   = (string) apply_filters( 'the_content', $forged );
		$this->assertStringContainsString( '<!--acapi-product:0123456789abcdef:1-->', $html, 'not a placeholder of this request' );
		$this->assertStringContainsString( 'class="acapi acapi-box"', $html );
	}

	/**
	 * A `the_content` inside another (a post rendered within a post) restores its own products;
	 * the outer one restores the rest.
	 */
	public function test_nested_the_content(): void {
		$inner = static function ( string $content ) use ( &$inner ): string {
			remove_filter( 'the_content', $inner, 10 ); // Once, not in the inner call too.
			return $content . '<div class="inner">' . apply_filters( 'the_content', '[amazon_product asin="' . self::ASIN . '" country="de" template="button"]' ) . '</div>';
		};
		add_filter( 'the_content', $inner, 10 );
		$html = (string) apply_filters( 'the_content', self::CONTENT );
		remove_filter( 'the_content', $inner, 10 );

		$this->assertMatchesRegularExpression( '#<div class="inner">.*acapi-button.*</div>#s', $html );
		$this->assertStringContainsString( 'class="acapi acapi-box"', $html );
		$this->assertStringNotContainsString( '<!--acapi-product:', $html );
	}

	/**
	 * A block theme's template runs wptexturize and convert_smilies once more over everything it
	 * rendered, post content included: the page is buffered and the products put back after them.
	 */
	public function test_block_template_keeps_products_out_of_the_template_filters(): void {
		global $_wp_current_template_content, $_wp_current_template_id;
		$post_id = wp_insert_post(
			array(
				'post_status'  => 'publish',
				'post_title'   => 'Block template',
				'post_content' => self::CONTENT,
			)
		);
		$this->assertIsInt( $post_id );
		// The front end's main query: the plugin's prefetcher sees the products.
		$this->go_to_post( $post_id );
		$_wp_current_template_content = '<!-- wp:paragraph --><p>Template -- text</p><!-- /wp:paragraph --><!-- wp:post-content /-->';
		$_wp_current_template_id      = get_stylesheet() . '//single';

		$level = ob_get_level();
		ob_start();
		try {
			$template = apply_filters( 'template_include', ABSPATH . WPINC . '/template-canvas.php' );
			$this->assertSame( 'template-canvas.php', basename( (string) $template ) );
			$this->assertSame( $level + 2, ob_get_level(), 'the plugin buffers the page' );
			echo get_the_block_template_html(); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- core's rendered template.
			ob_end_flush();
		} finally {
			$html = (string) ob_get_clean();
			while ( ob_get_level() > $level ) {
				ob_end_clean();
			}
		}

		$this->assertStringContainsString( 'Template &#8212; text', $html, 'the template\'s filters ran' );
		$this->assertStringContainsString( 'class="acapi acapi-box"', $html );
		$this->assertGreaterThanOrEqual( 2, substr_count( $html, esc_html( self::TITLE ) ), 'box and inline link show the title unchanged' );
		$this->assertStringNotContainsString( '<!--acapi-product:', $html );

		// The buffer is done: the next template (another request in a long-running process) starts afresh.
		ob_start();
		apply_filters( 'template_include', ABSPATH . WPINC . '/template-canvas.php' );
		$this->assertSame( $level + 2, ob_get_level() );
		ob_end_clean();
		ob_end_clean();
	}

	/**
	 * A page without products is not buffered.
	 */
	public function test_no_buffer_without_products(): void {
		$post_id = wp_insert_post(
			array(
				'post_status'  => 'publish',
				'post_title'   => 'No products',
				'post_content' => '<!-- wp:paragraph --><p>Text only.</p><!-- /wp:paragraph -->',
			)
		);
		$this->assertIsInt( $post_id );
		$this->go_to_post( $post_id );
		$level = ob_get_level();
		apply_filters( 'template_include', ABSPATH . WPINC . '/template-canvas.php' );
		$this->assertSame( $level, ob_get_level() );
	}

	/**
	 * The wired plugin's `the_content` hook is in place (the mechanism above is the plugin's).
	 */
	public function test_wired(): void {
		$this->assertSame( PHP_INT_MAX, $this->restore_priority() );
		$this->assertTrue( Plugin::instance()->renderer()->has_source() );
	}

	/**
	 * Priority of the Content_Placeholders callback on `the_content`.
	 */
	private function restore_priority(): ?int {
		global $wp_filter;
		foreach ( $wp_filter['the_content']->callbacks as $priority => $callbacks ) {
			foreach ( $callbacks as $callback ) {
				if ( is_array( $callback['function'] ) && $callback['function'][0] instanceof Content_Placeholders ) {
					return (int) $priority;
				}
			}
		}
		return null;
	}
}
