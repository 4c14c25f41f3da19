<?php
/**
 * The post → products index and the purge after a refresh run, on the wired plugin.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Cache;

use Creators_Connect\Cache\Post_Product_Index;
use Creators_Connect\Cache\Purge_On_Change;
use Creators_Connect\Catalog\Compliance;
use Creators_Connect\Model\Product;
use Creators_Connect\Catalog\Product_Store;
use Creators_Connect\Plugin;
use Creators_Connect\Tests\Integration_Test_Case;

/**
 * Real WordPress, real HTTP to the emulator; product ages are moved by writing `fetched_at`.
 */
final class Purge_On_Change_Test extends Integration_Test_Case {

	/**
	 * What `acapi_products_changed` was called with.
	 *
	 * @var list<array{0: list<int>, 1: list<string>}>
	 */
	private array $changed = array();

	/**
	 * US marketplace on the emulator's demo credentials; records `acapi_products_changed` and
	 * LiteSpeed's purge action (a page-cache plugin that listens).
	 */
	protected function setUp(): void {
		parent::setUp();
		require_once __DIR__ . '/page-cache-stand-ins.php';
		Page_Cache_Calls::$calls = array();
		$this->clean_emulator();
		add_filter( 'acapi_rate_limit_per_second', '__return_zero' );
		$this->add_demo_us_marketplace();
		add_action(
			'acapi_products_changed',
			function ( $post_ids, $urls ): void {
				$this->changed[] = array( $post_ids, $urls );
			},
			10,
			2
		);
		add_action( 'litespeed_purge_post', static fn( $id ) => Page_Cache_Calls::record( 'litespeed_purge_post', $id ) );
	}

	/**
	 * Shortcodes, blocks, a reusable block and a pattern are indexed on save, by marketplace;
	 * drafts and deleted posts are not.
	 */
	public function test_index_follows_saves_reusable_blocks_and_patterns(): void {
		register_block_pattern(
			'acapi-test/deal',
			array(
				'title'   => 'Deal',
				'content' => '<!-- wp:shortcode -->[amazon asin="B0PATTERN1" country="de"]<!-- /wp:shortcode -->',
			)
		);
		$reusable = $this->post( '<!-- wp:creators-connect-for-amazon/product {"asins":["B0REUSABL1"]} /-->', 'wp_block' );
		$post_id  = $this->post(
			'[amazon asin="B0SHORTCD1" country="uk"]<!-- wp:creators-connect-for-amazon/product {"asins":["B0BLOCKAA1"],"country":"de"} /-->'
			. '<!-- wp:block {"ref":' . $reusable . '} /--><!-- wp:pattern {"slug":"acapi-test/deal"} /-->'
		);
		$draft    = $this->post( '[amazon asin="B0SHORTCD1" country="uk"]', 'post', 'draft' );
		$index    = $this->index();

		$this->assertSame( array( $post_id ), $index->posts_for( array( 'uk' => array( 'B0SHORTCD1' ) ), 'us' ), 'a shortcode; not the draft' );
		$this->assertSame( array( $post_id ), $index->posts_for( array( 'de' => array( 'B0BLOCKAA1', 'B0PATTERN1' ) ), 'us' ), 'a block and a pattern' );
		$this->assertSame( array( $post_id ), $index->posts_for( array( 'us' => array( 'B0REUSABL1' ) ), 'us' ), 'a reusable block, default marketplace' );
		$this->assertSame( array(), $index->posts_for( array( 'de' => array( 'B0REUSABL1' ) ), 'us' ), 'the default marketplace is not Germany' );

		// The reusable block changes: the post that includes it is reindexed.
		wp_update_post(
			array(
				'ID'           => $reusable,
				'post_content' => '[amazon asin="B0REUSABL2"]',
			)
		);
		$this->assertSame( array( $post_id ), $index->posts_for( array( 'us' => array( 'B0REUSABL2' ) ), 'us' ) );
		$this->assertSame( array(), $index->posts_for( array( 'us' => array( 'B0REUSABL1' ) ), 'us' ) );

		wp_delete_post( $post_id, true );
		$this->assertSame( array(), $index->posts_for( array( 'uk' => array( 'B0SHORTCD1' ) ), 'us' ) );
		$this->assertIsInt( $draft );
		unregister_block_pattern( 'acapi-test/deal' );
	}

	/**
	 * Posts saved before the index existed are indexed in batches by the refresh runs.
	 */
	public function test_backfill(): void {
		$post_id = $this->post( '[amazon asin="B0BACKFIL1" country="de"]' );
		global $wpdb;
		$wpdb->query( 'DELETE FROM ' . Post_Product_Index::table() ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared -- as if the post predated the index.
		$index = $this->index();
		$this->assertSame( array(), $index->posts_for( array( 'de' => array( 'B0BACKFIL1' ) ), 'us' ) );
		delete_option( Post_Product_Index::CURSOR_OPTION );
		while ( $index->backfill( 1 ) > 0 ) {
			$this->assertGreaterThan( 0, (int) get_option( Post_Product_Index::CURSOR_OPTION ) );
		}
		$this->assertSame( -1, (int) get_option( Post_Product_Index::CURSOR_OPTION ), 'done' );
		$this->assertSame( array( $post_id ), $index->posts_for( array( 'de' => array( 'B0BACKFIL1' ) ), 'us' ) );
	}

	/**
	 * One refresh run, two batches of 10, prices that changed on Amazon: one
	 * `acapi_products_changed` with both posts and their URLs, one purge per post; a post with
	 * other products is not purged. A second run that changes nothing purges nothing.
	 */
	public function test_a_refresh_run_purges_once_by_post(): void {
		$asins = array_slice( self::offered( 'us' ), 0, 12 );
		$this->assertCount( 12, $asins );
		$first  = $this->post( '[amazon asin="' . implode( ',', array_slice( $asins, 0, 6 ) ) . '"]' );
		$second = $this->post( '<!-- wp:creators-connect-for-amazon/product {"asins":' . wp_json_encode( array_slice( $asins, 6 ) ) . ',"country":"us"} /-->' );
		$other  = $this->post( '[amazon asin="B0NOTHERE1"]' );
		foreach ( $asins as $asin ) {
			$this->store( 'us', $asin, 7200, 1.0 ); // Two hours old, due, and a price Amazon no longer has.
		}

		$report = $this->refresh_run();
		$this->assertSame( 2, $report['batches'], 'two getItems batches' );
		$this->assertCount( 1, $this->changed, 'one acapi_products_changed for the run' );
		$this->assertSame( array( $first, $second ), $this->changed[0][0] );
		$this->assertSame( array( get_permalink( $first ), get_permalink( $second ) ), $this->changed[0][1] );
		$this->assertSame( array( $first, $second ), Page_Cache_Calls::of( 'litespeed_purge_post' ), 'by post, once each' );
		$this->assertNotContains( $other, $this->changed[0][0] );

		// Due again, but Amazon answers the same: nothing to purge.
		$this->make_due( 'us' );
		$this->changed           = array();
		Page_Cache_Calls::$calls = array();
		$this->assertSame( 2, $this->refresh_run()['batches'] );
		$this->assertSame( array(), $this->changed );
		$this->assertSame( array(), Page_Cache_Calls::$calls );
	}

	/**
	 * A product that could not be refreshed turns stale (its marketplace is not configured):
	 * the run's end purges the post that shows it.
	 */
	public function test_a_product_turning_stale_is_purged(): void {
		$post_id = $this->post( '[amazon asin="B0STALEFR1" country="fr"]' );
		$this->store( 'fr', 'B0STALEFR1', Compliance::max_age() - Compliance::CACHE_FLOOR + 30, 9.0 );
		update_option( Purge_On_Change::STALE_CHECKED_OPTION, time() - 600, false );

		$report = $this->refresh_run();
		$this->assertContains( 'fr', $report['skipped'] );
		$this->assertSame( array( array( array( $post_id ), array( get_permalink( $post_id ) ) ) ), $this->changed );
	}

	/**
	 * Changes in price, availability, title, image or URL count; a new fetch time alone does not.
	 */
	public function test_what_counts_as_a_change(): void {
		$now    = time();
		$before = new \Creators_Connect\Catalog\Stored_Product( 'us', 'B0CHANGE01', self::product( 5.0, $now - 100 ), $now - 100, $now + 3000 );
		$this->assertFalse( Purge_On_Change::changes_display( $before, self::product( 5.0, $now ), $now ) );
		$this->assertTrue( Purge_On_Change::changes_display( $before, self::product( 6.0, $now ), $now ) );
		$this->assertTrue( Purge_On_Change::changes_display( $before, self::product( 5.0, $now, 'Other title' ), $now ) );
		$this->assertTrue( Purge_On_Change::changes_display( null, self::product( 5.0, $now ), $now ), 'never shown in full before' );
		$old = new \Creators_Connect\Catalog\Stored_Product( 'us', 'B0CHANGE01', self::product( 5.0, $now - 90000 ), $now - 90000, $now );
		$this->assertTrue( Purge_On_Change::changes_display( $old, self::product( 5.0, $now ), $now ), 'the page showed the fallback' );
	}

	/**
	 * Runs the wired refresh job once.
	 *
	 * @return array<string, mixed>
	 */
	private function refresh_run(): array {
		$products = Plugin::instance()->products();
		$this->assertNotNull( $products );
		$products->reset();
		$job = Plugin::instance()->refresh_job();
		$this->assertNotNull( $job );
		return $job->run( 30.0 );
	}

	/**
	 * The wired index (built the same way as the plugin's).
	 */
	private function index(): Post_Product_Index {
		$products = Plugin::instance()->products();
		$this->assertNotNull( $products );
		return new Post_Product_Index( ( new \Creators_Connect\Catalog\Prefetcher( $products ) )->collect( ... ) );
	}

	/**
	 * A post, saved through WordPress (its hooks index it).
	 *
	 * @param string $content Content.
	 * @param string $type    Post type.
	 * @param string $status  Status.
	 */
	private function post( string $content, string $type = 'post', string $status = 'publish' ): int {
		$id = wp_insert_post(
			array(
				'post_status'  => $status,
				'post_type'    => $type,
				'post_title'   => 'Purge ' . wp_generate_password( 6, false ),
				'post_content' => $content,
			)
		);
		$this->assertIsInt( $id );
		return $id;
	}

	/**
	 * Stores a product fetched some seconds ago, requested by a page just now.
	 *
	 * @param string $country Country code.
	 * @param string $asin    ASIN.
	 * @param int    $age     Seconds since its fetch.
	 * @param float  $price   Its price.
	 */
	private function store( string $country, string $asin, int $age, float $price ): void {
		$product = self::product( $price, time() - $age, 'Stored ' . $asin, $asin, $country );
		( new Product_Store() )->save( $country, array( $asin => $product ), array(), time(), time() - $age );
	}

	/**
	 * Makes every row of a marketplace due for a refresh.
	 *
	 * @param string $country Country code.
	 */
	private function make_due( string $country ): void {
		global $wpdb;
		$wpdb->query( $wpdb->prepare( 'UPDATE ' . Product_Store::table() . ' SET expires_at = 0 WHERE marketplace = %s', $country ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared -- test setup.
		wp_cache_flush();
	}

	/**
	 * A product.
	 *
	 * @param float  $price   Price.
	 * @param int    $fetched Fetch time.
	 * @param string $title   Title.
	 * @param string $asin    ASIN.
	 * @param string $country Country code.
	 */
	private static function product( float $price, int $fetched, string $title = 'Title', string $asin = 'B0CHANGE01', string $country = 'us' ): Product {
		return new Product(
			asin: $asin,
			marketplace: $country,
			title: $title,
			detail_page_url: 'https://www.amazon.com/dp/' . $asin . '?tag=acapidemous-20',
			price: array(
				'amount'   => $price,
				'currency' => 'USD',
				'display'  => '$' . number_format( $price, 2 ),
			),
			fetched_at: $fetched
		);
	}

	/**
	 * Catalog ASINs getItems answers with an item (no inaccessible item, no variation parent).
	 *
	 * @param string $country Country code.
	 * @return list<string>
	 */
	private static function offered( string $country ): array {
		$catalog = json_decode( (string) file_get_contents( dirname( __DIR__, 3 ) . '/fixtures/catalog/' . $country . '.json' ), true ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local fixture.
		$out     = array();
		foreach ( $catalog['items'] as $item ) {
			if ( empty( $item['_emulator']['notAccessible'] ) && empty( $item['_emulator']['variationParent'] ) ) {
				$out[] = $item['asin'];
			}
		}
		return $out;
	}
}
