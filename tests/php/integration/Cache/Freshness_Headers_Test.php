<?php
/**
 * The freshness contract for cached pages, over real HTTP on every front-end path.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Cache;

use Creators_Connect\Catalog\Compliance;

require_once __DIR__ . '/Front_End_Test_Case.php';

/**
 * Posts and pages on the block theme (template-canvas), a classic theme's single post, archive
 * and sidebar widget, pages without products, logged-in and preview requests. Product ages are
 * set by writing `fetched_at` in the store.
 */
final class Freshness_Headers_Test extends Front_End_Test_Case {

	private const FRESH  = 'B0FRESH001';
	private const OLDER  = 'B0OLDER001';
	private const EXPIRY = 'B0EXPIRY01';

	/**
	 * A product block on a post of the block theme: N is the offer refresh interval (3600 s by
	 * default) when the data is a minute old; the three headers agree.
	 */
	public function test_block_theme_post(): void {
		$this->store_product( self::FRESH, 60 );
		$post_id  = $this->publish( '<!-- wp:creators-connect-for-amazon/product {"asins":["' . self::FRESH . '"],"country":"de"} /-->' );
		$response = $this->get( (string) get_permalink( $post_id ) );

		$this->assertStringContainsString( 'class="acapi acapi-box"', $response['body'] );
		$this->assertStringContainsString( '19.99', $response['body'] );
		$this->assertSame( 3600, $this->assertFreshnessHeaders( $response, 3600, 3600 ) );
		$this->assertSame( 'public, s-maxage=3600, max-age=60', $response['headers']['cache-control'] );
	}

	/**
	 * The oldest product on the page bounds N: data 10 minutes from its maximum age gives
	 * N ≤ 600 s, on a page (post type `page`) with a shortcode.
	 */
	public function test_oldest_product_bounds_the_ttl_on_a_page(): void {
		$this->store_product( self::FRESH, 60 );
		$this->store_product( self::OLDER, Compliance::max_age() - 600 );
		$page_id  = $this->publish( '<!-- wp:shortcode -->[amazon asin="' . self::FRESH . ',' . self::OLDER . '" country="de"]<!-- /wp:shortcode -->', 'page' );
		$response = $this->get( (string) get_permalink( $page_id ) );

		$this->assertSame( 2, substr_count( $response['body'], '19.99' ), 'both products show their price' );
		$this->assertFreshnessHeaders( $response, 590, 600 );
	}

	/**
	 * A product within the floor (60 s) of its maximum age shows the no-price fallback, and the
	 * page stays cacheable (the fallback's title and link do not age).
	 */
	public function test_product_within_the_floor_shows_the_fallback(): void {
		$this->store_product( self::EXPIRY, Compliance::max_age() - 30 );
		$post_id  = $this->publish( '<!-- wp:creators-connect-for-amazon/product {"asins":["' . self::EXPIRY . '"],"country":"de"} /-->' );
		$response = $this->get( (string) get_permalink( $post_id ) );

		$this->assertStringNotContainsString( '19.99', $response['body'], 'no price within the floor' );
		$this->assertStringContainsString( 'acapi-no-price', $response['body'] );
		$this->assertStringContainsString( 'https://www.amazon.de/dp/' . self::EXPIRY, $response['body'] );
		$this->assertGreaterThanOrEqual( Compliance::CACHE_FLOOR, $this->assertFreshnessHeaders( $response, Compliance::CACHE_FLOOR, 3600 ) );
	}

	/**
	 * A classic theme prints its header before `the_content` renders: the single post and an
	 * archive (a category's loop with full content) still get the headers.
	 */
	public function test_classic_theme_single_and_archive(): void {
		$this->store_product( self::OLDER, Compliance::max_age() - 900 );
		$post_id = $this->publish( '<p>Text</p>[amazon_product asin="' . self::OLDER . '" country="de"]' );
		$theme   = array( 'X-Acapi-Test-Theme' => 'acapi-classic' );

		$single = $this->get( (string) get_permalink( $post_id ), $theme );
		$this->assertStringContainsString( '<header><h1>', $single['body'], 'the classic theme rendered' );
		$this->assertStringContainsString( '19.99', $single['body'] );
		$this->assertFreshnessHeaders( $single, 880, 900 );

		$archive = $this->get( (string) get_category_link( (int) get_option( 'default_category' ) ), $theme );
		$this->assertStringContainsString( '19.99', $archive['body'], 'the category archive lists the post with its content' );
		$this->assertFreshnessHeaders( $archive, 880, 900 );
	}

	/**
	 * A shortcode in a sidebar's text widget, on a post without products.
	 */
	public function test_shortcode_in_a_widget(): void {
		$this->store_product( self::FRESH, 120 );
		$this->set_option(
			'widget_text',
			array(
				2              => array(
					'title'  => 'Deal',
					'text'   => '[amazon asin="' . self::FRESH . '" country="de" template="list"]',
					'filter' => false,
					'visual' => false,
				),
				'_multiwidget' => 1,
			)
		);
		$this->set_option(
			'sidebars_widgets',
			array(
				'wp_inactive_widgets' => array(),
				'sidebar-1'           => array( 'text-2' ),
				'array_version'       => 3,
			)
		);
		$post_id  = $this->publish( '<p>No products in the content.</p>' );
		$response = $this->get( (string) get_permalink( $post_id ), array( 'X-Acapi-Test-Theme' => 'acapi-classic' ) );

		$this->assertMatchesRegularExpression( '#<aside>.*19\.99.*</aside>#s', $response['body'], 'the widget shows the product' );
		$this->assertSame( 3600, $this->assertFreshnessHeaders( $response, 3600, 3600 ) );
	}

	/**
	 * A product block in the block theme's template itself (outside the post's content): the
	 * site's own `single` template, saved in the database as the Site Editor saves it.
	 */
	public function test_product_in_the_block_template(): void {
		$this->store_product( self::OLDER, Compliance::max_age() - 1200 );
		$template = $this->publish( '<!-- wp:creators-connect-for-amazon/product {"asins":["' . self::OLDER . '"],"country":"de","template":"list"} /--><!-- wp:post-content /-->', 'wp_template' );
		wp_update_post(
			array(
				'ID'        => $template,
				'post_name' => 'single',
			)
		);
		wp_set_object_terms( $template, get_stylesheet(), 'wp_theme' );
		$post_id  = $this->publish( '<!-- wp:paragraph --><p>Only text in the post.</p><!-- /wp:paragraph -->' );
		$response = $this->get( (string) get_permalink( $post_id ) );

		$this->assertStringContainsString( 'Only text in the post.', $response['body'] );
		$this->assertStringContainsString( 'acapi-list', $response['body'], 'the template shows the product' );
		$this->assertFreshnessHeaders( $response, 1180, 1200 );
	}

	/**
	 * Feeds (plain links) and HEAD requests (WordPress ends them before the template) get none.
	 */
	public function test_feed_and_head_are_untouched(): void {
		$this->store_product( self::FRESH, 60 );
		$post_id = $this->publish( '[amazon asin="' . self::FRESH . '" country="de"]' );
		$feed    = $this->get( '/feed/' );
		$this->assertStringContainsString( 'amazon.de/dp/' . self::FRESH, $feed['body'], 'the feed has the plain link' );
		$this->assertNoFreshnessHeaders( $feed );

		$this->assertNotNull( self::$server );
		$head = self::$server->request( \Creators_Connect\Tests\Front_End_Server::path_of( (string) get_permalink( $post_id ) ), array(), 'HEAD' );
		$this->assertSame( 200, $head['status'] );
		$this->assertNoFreshnessHeaders( $head );
	}

	/**
	 * Output flushed after the head, before any product rendered: the headers leave with it, and
	 * since the page's posts have products (the prefetcher loaded them) N is the floor.
	 */
	public function test_early_flush_sends_the_floor(): void {
		$this->store_product( self::FRESH, 60 );
		$post_id  = $this->publish( '[amazon asin="' . self::FRESH . '" country="de"]' );
		$headers  = array(
			'X-Acapi-Test-Theme'       => 'acapi-classic',
			'X-Acapi-Test-Early-Flush' => '1',
		);
		$response = $this->get( (string) get_permalink( $post_id ), $headers );
		$this->assertStringContainsString( '19.99', $response['body'] );
		$this->assertSame( Compliance::CACHE_FLOOR, $this->assertFreshnessHeaders( $response, Compliance::CACHE_FLOOR, Compliance::CACHE_FLOOR ) );

		$plain = $this->publish( '<p>No products.</p>' );
		$this->assertNoFreshnessHeaders( $this->get( (string) get_permalink( $plain ), $headers ) );
	}

	/**
	 * Pages without products keep their headers: neither theme gets the plugin's.
	 */
	public function test_page_without_products_is_untouched(): void {
		$post_id = $this->publish( '<!-- wp:paragraph --><p>Only text.</p><!-- /wp:paragraph -->' );
		$this->assertNoFreshnessHeaders( $this->get( (string) get_permalink( $post_id ) ) );
		$this->assertNoFreshnessHeaders( $this->get( (string) get_permalink( $post_id ), array( 'X-Acapi-Test-Theme' => 'acapi-classic' ) ) );
	}

	/**
	 * A logged-in user gets WordPress's private, uncacheable headers, and a preview is left alone.
	 */
	public function test_logged_in_and_preview_stay_private(): void {
		$this->store_product( self::FRESH, 60 );
		$post_id = $this->publish( '<!-- wp:creators-connect-for-amazon/product {"asins":["' . self::FRESH . '"],"country":"de"} /-->' );
		$user_id = $this->create_user( 'editor' );
		$this->assertNotNull( self::$server );

		$response = $this->get( (string) get_permalink( $post_id ), array( 'Cookie' => self::$server->login_cookie( $user_id ) ) );
		$this->assertStringContainsString( 'acapi-box', $response['body'] );
		$this->assertStringContainsString( 'private', $response['headers']['cache-control'] ?? '', 'WordPress made it private' );
		$this->assertNoFreshnessHeaders( $response );
		wp_delete_user( $user_id );

		$preview = $this->get( add_query_arg( 'preview', 'true', (string) get_permalink( $post_id ) ) );
		$this->assertStringContainsString( 'acapi-box', $preview['body'] );
		$this->assertNoFreshnessHeaders( $preview );
	}
}
