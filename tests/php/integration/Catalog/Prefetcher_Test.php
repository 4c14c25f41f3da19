<?php
/**
 * Page prefetch: every product of a page in ⌈N/10⌉ calls cold, none warm.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Catalog;

use Creators_Connect\Catalog\Prefetcher;
use Creators_Connect\Catalog\Product_Service;
use Creators_Connect\Tests\Emulator;

require_once __DIR__ . '/Catalog_Test_Case.php';

/**
 * Prefetcher on real posts (shortcodes, blocks, reusable blocks, patterns) and the main query.
 */
final class Prefetcher_Test extends Catalog_Test_Case {

	/**
	 * The prefetcher hooked by this test, removed afterwards.
	 *
	 * @var Prefetcher|null
	 */
	private ?Prefetcher $hooked = null;

	/**
	 * Unhooks the test's prefetcher and the pattern.
	 */
	protected function tearDown(): void {
		if ( null !== $this->hooked ) {
			remove_filter( 'the_posts', array( $this->hooked, 'on_the_posts' ), 10 );
		}
		if ( \WP_Block_Patterns_Registry::get_instance()->is_registered( 'acapi-test/products' ) ) {
			unregister_block_pattern( 'acapi-test/products' );
		}
		parent::tearDown();
	}

	/**
	 * 25 ASINs on one page (shortcodes in several forms and blocks): 3 getItems calls cold, 0 warm,
	 * and the renderer's later calls cost no query.
	 */
	public function test_25_asins_cost_3_calls_cold_and_none_warm(): void {
		global $wpdb;
		$this->source->default_country = 'us';
		$asins                         = Emulator::catalog_asins( 'us' );
		$this->assertGreaterThanOrEqual( 24, count( $asins ) );
		$asins   = array_slice( $asins, 0, 24 );
		$asins[] = 'B0ZZZZZZZ9'; // 25th: not in the catalog (a per-item error, still one batch slot).

		$content  = '<!-- wp:paragraph --><p>Intro [amazon asin="' . implode( ',', array_slice( $asins, 0, 6 ) ) . '" country="us"]</p><!-- /wp:paragraph -->';
		$content .= '<!-- wp:creators-connect-for-amazon/product {"asins":' . wp_json_encode( array_slice( $asins, 6, 6 ) ) . ',"country":"us"} /-->';
		$content .= '<!-- wp:shortcode -->[amazon box="' . implode( ',', array_slice( $asins, 12, 4 ) ) . '"]<!-- /wp:shortcode -->';
		$content .= '<!-- wp:paragraph --><p>[amazon link="' . $asins[16] . '" title="x"] and [amazon fields="' . $asins[17] . '" value="price"]</p><!-- /wp:paragraph -->';
		$content .= '<!-- wp:creators-connect-for-amazon/product {"asins":' . wp_json_encode( array_slice( $asins, 18, 4 ) ) . '} /-->';
		$content .= '<!-- wp:paragraph --><p>[amazon_product asin="' . implode( ',', array_slice( $asins, 22, 3 ) ) . '" country="US"] [[amazon asin="B0ESCAPED1"]]</p><!-- /wp:paragraph -->';
		$post_id  = $this->create_post( $content );

		// Cold: the main query of the singular post triggers the prefetch.
		$service = $this->service();
		$this->hook( $service );
		$this->go_to_post( $post_id );
		$this->assertSame( 3, $this->get_items_calls( 'us' ), '⌈25/10⌉ calls' );
		$this->assertSame( 3, $this->get_items_calls() );
		$logged = array();
		foreach ( $this->emulator->requests( 'getItems' ) as $request ) {
			$logged = array_merge( $logged, (array) $request['asins'] );
		}
		sort( $logged );
		$expected = $asins;
		sort( $expected );
		$this->assertSame( $expected, $logged, 'each ASIN asked once; the escaped shortcode is ignored' );

		// The renderer's calls (one per shortcode or block) use the memo: no query.
		$queries = $wpdb->num_queries;
		$this->assertCount( 6, $service->get_products( 'us', array_slice( $asins, 6, 6 ) )->products );
		$block = $service->get_products( '', array_slice( $asins, 18, 4 ) );
		$this->assertCount( 4, $block->products + $block->errors );
		$this->assertSame( $queries, $wpdb->num_queries );

		// Warm: a new request costs no call.
		$this->unhook();
		$warm = $this->service();
		$this->hook( $warm );
		$this->go_to_post( $post_id );
		$this->assertSame( 3, $this->get_items_calls() );
		$this->assertSame( 1, $warm->stats()['queries'], 'one store query for the whole page' );
	}

	/**
	 * Shortcodes and blocks of one marketplace batch together; two marketplaces make separate batches.
	 */
	public function test_mixed_forms_batch_together_and_marketplaces_apart(): void {
		$us      = array_slice( Emulator::catalog_asins( 'us' ), 0, 5 );
		$de      = array_slice( Emulator::catalog_asins( 'de' ), 0, 5 );
		$content = '[amazon asin="' . implode( ',', array_slice( $us, 0, 2 ) ) . '" country="us"]'
			. '<!-- wp:creators-connect-for-amazon/product {"asins":' . wp_json_encode( array_slice( $us, 2, 3 ) ) . ',"country":"us"} /-->'
			. '[amazon box="' . implode( ',', array_slice( $de, 0, 3 ) ) . '"]'
			. '<!-- wp:creators-connect-for-amazon/product {"asins":' . wp_json_encode( array_slice( $de, 3, 2 ) ) . ',"country":"de"} /-->';
		$groups  = ( new Prefetcher( $this->service() ) )->prefetch_posts( array( get_post( $this->create_post( $content ) ) ) );
		$this->assertSame( $us, $groups['us'] );
		$this->assertSame( 1, $this->get_items_calls( 'us' ) );
		$this->assertSame( 1, $this->get_items_calls( 'de' ) );
		$this->assertSame( 2, $this->get_items_calls() );
		$this->assertEqualsCanonicalizing( $de, array_merge( $groups[''], $groups['de'] ) );
	}

	/**
	 * The prefetcher reads a shortcode as the renderer does (Product_Reference): every separator,
	 * the `asins` attribute, AAWP's `box` in place of `asin`, only registered tags, and no
	 * ten-letter word or unchecked ISBN as an ASIN.
	 */
	public function test_reads_shortcodes_as_the_renderer_does(): void {
		$us      = array_slice( Emulator::catalog_asins( 'us' ), 0, 6 );
		$content = '[amazon_product asin="' . $us[0] . ' ' . $us[1] . '" asins="' . $us[2] . '|' . $us[0] . '" country="US"]'
			. '[amazon_product asin="' . $us[3] . '" box="' . $us[4] . '" country="us"]'
			. '[amazon_products asin="' . $us[5] . '" country="us"]'
			. '[amazon_product asin="HEADPHONES,0306406153" country="us"]';
		$found   = ( new Prefetcher( $this->service() ) )->collect( $content );
		$this->assertSame( array( 'us' => array( $us[0], $us[1], $us[2], $us[4] ) ), $found );
	}

	/**
	 * When another plugin (AAWP) owns `[amazon]`, its ASINs are not ours: nothing is fetched for
	 * them, while `[amazon_product]` still is.
	 */
	public function test_amazon_tag_of_another_plugin_is_not_fetched(): void {
		$de      = array_slice( Emulator::catalog_asins( 'de' ), 0, 2 );
		$content = '[amazon box="' . $de[0] . '" country="de"][amazon_product asin="' . $de[1] . '" country="de"]';
		$this->assertSame( array( 'de' => $de ), ( new Prefetcher( $this->service() ) )->collect( $content ), 'ours: both' );

		$saved = $GLOBALS['shortcode_tags'];
		remove_shortcode( 'amazon' );
		add_shortcode(
			'amazon',
			static function (): string {
				return 'AAWP';
			}
		);
		try {
			$post_id = wp_insert_post(
				array(
					'post_status'  => 'publish',
					'post_title'   => 'AAWP page',
					'post_content' => $content,
				)
			);
			$this->assertIsInt( $post_id );
			$this->hook( $this->service() );
			$this->go_to_post( $post_id );
			$this->assertSame( array( array( $de[1] ) ), array_column( $this->emulator->requests( 'getItems' ), 'asins' ), 'only [amazon_product] is fetched' );
		} finally {
			$GLOBALS['shortcode_tags'] = $saved;
		}
	}

	/**
	 * A main query loop (archive) prefetches every post of the page together.
	 */
	public function test_loop_of_posts_is_prefetched_together(): void {
		$us = array_slice( Emulator::catalog_asins( 'us' ), 0, 8 );
		foreach ( array_chunk( $us, 2 ) as $chunk ) {
			$this->create_post( '[amazon asin="' . implode( ',', $chunk ) . '" country="us"]' );
		}
		$this->hook( $this->service() );
		$GLOBALS['wp_the_query']->query( array( 'post_type' => 'post' ) );
		$this->assertSame( 1, $this->get_items_calls( 'us' ) );
	}

	/**
	 * Product blocks inside reusable blocks and patterns are found too.
	 */
	public function test_reusable_blocks_and_patterns(): void {
		$asins    = Emulator::catalog_asins( 'de' );
		$reusable = wp_insert_post(
			array(
				'post_type'    => 'wp_block',
				'post_status'  => 'publish',
				'post_title'   => 'Products',
				'post_content' => '<!-- wp:creators-connect-for-amazon/product {"asins":["' . $asins[0] . '"],"country":"de"} /-->[amazon asin="' . $asins[1] . '" country="de"]',
			)
		);
		register_block_pattern(
			'acapi-test/products',
			array(
				'title'   => 'Products',
				'content' => '<!-- wp:group --><div class="wp-block-group"><!-- wp:creators-connect-for-amazon/product {"asins":["' . $asins[2] . '"],"country":"de"} /--></div><!-- /wp:group -->',
			)
		);
		$content = '<!-- wp:block {"ref":' . $reusable . '} /--><!-- wp:pattern {"slug":"acapi-test/products"} /--><!-- wp:group --><div><!-- wp:creators-connect-for-amazon/product {"asins":["' . $asins[3] . '"],"country":"de"} /--></div><!-- /wp:group -->';
		$found   = ( new Prefetcher( $this->service() ) )->collect( $content );
		$this->assertEqualsCanonicalizing( array_slice( $asins, 0, 4 ), $found['de'] );
	}

	/**
	 * Not the main query, the admin or a REST request: nothing is fetched.
	 */
	public function test_secondary_queries_are_ignored(): void {
		$this->create_post( '[amazon asin="' . Emulator::catalog_asins( 'de' )[0] . '"]' );
		$this->hook( $this->service() );
		new \WP_Query( array( 'post_type' => 'post' ) );
		$this->assertSame( 0, $this->get_items_calls() );
	}

	/**
	 * Creates a published post.
	 *
	 * @param string $content Content.
	 */
	private function create_post( string $content ): int {
		$id = wp_insert_post(
			array(
				'post_status'  => 'publish',
				'post_title'   => 'Products ' . wp_generate_password( 6, false ),
				'post_content' => $content,
			)
		);
		$this->assertIsInt( $id );
		return $id;
	}

	/**
	 * Hooks a prefetcher with a service.
	 *
	 * @param Product_Service $service Service.
	 */
	private function hook( Product_Service $service ): void {
		$this->hooked = new Prefetcher( $service );
		$this->hooked->register_hooks();
	}

	/**
	 * Unhooks the prefetcher.
	 */
	private function unhook(): void {
		if ( null !== $this->hooked ) {
			remove_filter( 'the_posts', array( $this->hooked, 'on_the_posts' ), 10 );
			$this->hooked = null;
		}
	}
}
