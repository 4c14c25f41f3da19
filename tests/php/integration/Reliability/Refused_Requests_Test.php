<?php
/**
 * Requests Amazon would refuse, or already refused, are not made again by anonymous page views:
 * the caps where search input enters and the negative cache, through the plugin as it is wired
 * for a real request, over real HTTP to the emulator.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Reliability;

use Creators_Connect\Catalog\Product_Store;
use Creators_Connect\Tests\Emulator;
use Creators_Connect\Tests\Integration_Test_Case;

/**
 * Issue #14, item 2 and the odd data of item 4: 12 anonymous views of a badly written page make
 * no search call; a search Amazon refused is asked once; an unknown ASIN once a day; a hit that is
 * not an ASIN is neither stored nor returned, and a link off Amazon becomes the canonical one.
 */
final class Refused_Requests_Test extends Integration_Test_Case {

	/**
	 * Anonymous views per page, as the issue measured them.
	 */
	private const VIEWS = 12;

	/**
	 * The emulator, its log counting this test's calls.
	 *
	 * @var Emulator
	 */
	private Emulator $emulator;

	/**
	 * The US marketplace (LWA demo credentials), no request spacing, a clean emulator log.
	 */
	protected function setUp(): void {
		parent::setUp();
		$this->emulator = $this->counting_emulator();
	}

	/**
	 * The issue's bad search page: 1,001-character keywords, a 101-character index and a
	 * 1,200-character bestseller list make no searchItems call in 12 anonymous views; an editor
	 * sees why.
	 */
	public function test_bad_search_page_makes_no_search_call(): void {
		$post_id = $this->page(
			'[amazon_product search="' . str_repeat( 'k', 1001 ) . '"]'
			. '[amazon_product search="kestrel" index="' . str_repeat( 'I', 101 ) . '"]'
			. '[amazon bestseller="' . str_repeat( 'b', 1200 ) . '"]'
		);
		for ( $view = 0; $view < self::VIEWS; $view++ ) {
			$this->view( $post_id );
		}
		$this->assertSame( 0, $this->emulator->count( 'searchItems' ), 'no searchItems call from 12 anonymous views' );

		$this->act_as( 'administrator' );
		$html = $this->view( $post_id );
		$this->assertSame( 0, $this->emulator->count( 'searchItems' ) );
		$this->assertStringContainsString( 'at most 200 characters', $html, 'the editor sees why the keywords were refused' );
		$this->assertStringContainsString( 'is not one of Amazon', $html, 'and why the index was' );
	}

	/**
	 * A search Amazon refuses (400) is asked once in 12 anonymous views; a search that failed for a
	 * transient reason (500) is asked again on the next view.
	 */
	public function test_refused_search_is_asked_once(): void {
		$post_id = $this->page( '[amazon_product search="kestrel B00REJECTS"]' );
		for ( $view = 0; $view < self::VIEWS; $view++ ) {
			$this->view( $post_id );
		}
		$this->assertSame( 1, $this->emulator->count( 'searchItems' ), 'Amazon refused it once; 12 views ask once' );

		$other = $this->page( '[amazon_product search="kestrel" items="2"]' );
		$this->emulator->fault(
			array(
				'fault'     => 'server_error',
				'operation' => 'searchItems',
				'times'     => -1,
			)
		);
		$this->view( $other );
		$failed = $this->emulator->count( 'searchItems' );
		$this->assertGreaterThan( 1, $failed, 'the failing search was asked' );
		$this->emulator->clear_faults();
		$html = $this->view( $other );
		$this->assertGreaterThan( $failed, $this->emulator->count( 'searchItems' ), 'a 500 is not remembered: the next view asks again' );
		$this->assertStringContainsString( '/dp/', $html, 'and shows the products' );
	}

	/**
	 * An ASIN Amazon does not know is asked once in 12 views and not again for 24 hours (the
	 * row's times are moved back to stand for the hours passing); one Amazon knows is unaffected.
	 */
	public function test_unknown_asin_is_asked_once_a_day(): void {
		$known   = Emulator::catalog_asins( 'us' )[0];
		$unknown = 'B0UNKNOWN7';
		$post_id = $this->page( '[amazon asin="' . $known . ',' . $unknown . '"]' );
		for ( $view = 0; $view < self::VIEWS; $view++ ) {
			$this->view( $post_id );
		}
		$this->assertSame( 1, $this->asked_for( $unknown ), 'asked once in 12 views' );

		$this->hours_pass( $unknown, 2 );
		$this->view( $post_id );
		$this->assertSame( 1, $this->asked_for( $unknown ), 'not asked again 2 hours later' );

		$this->hours_pass( $unknown, 21 );
		$this->view( $post_id );
		$this->assertSame( 1, $this->asked_for( $unknown ), 'nor 23 hours later' );

		$this->hours_pass( $unknown, 4 );
		$this->view( $post_id );
		$this->assertSame( 2, $this->asked_for( $unknown ), 'asked again once the day (and its jitter) has passed' );
	}

	/**
	 * A search hit whose `asin` is markup is dropped before the store and never returned by REST;
	 * a hit linking off Amazon gets the canonical link with the request's partner tag.
	 */
	public function test_hostile_search_hit_is_neither_stored_nor_returned(): void {
		global $wpdb;
		$this->act_as( 'editor' );
		$response = $this->rest( 'GET', '/creators-connect-for-amazon/v1/search', null, array( 'keywords' => 'kestrel B00HOSTILE' ) );
		$this->assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		$this->assertIsArray( $data );
		$asins = array_column( $data['products'], 'asin' );
		$this->assertNotSame( array(), $asins );
		foreach ( $asins as $asin ) {
			$this->assertMatchesRegularExpression( '/^B0[A-Z0-9]{8}$/', $asin, 'only ASINs reach the editor' );
		}
		$this->assertSame( 1, $this->emulator->count( 'searchItems' ) );

		$table  = Product_Store::table();
		$stored = $wpdb->get_col( "SELECT asin FROM {$table}" ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- The plugin's own table.
		$this->assertNotSame( array(), $stored );
		foreach ( $stored as $asin ) {
			$this->assertMatchesRegularExpression( '/^B0[A-Z0-9]{8}$/', (string) $asin, 'only ASINs are stored' );
		}

		// The first real hit came with `//evil.example/dp/<ASIN>`; the others with Amazon's own link.
		$first = $data['products'][0];
		$this->assertSame( 'https://www.amazon.com/dp/' . $first['asin'] . '?tag=' . Emulator::partner_tag( 'us' ), $first['detail_page_url'] );
		foreach ( array_slice( $data['products'], 1 ) as $product ) {
			$this->assertStringStartsWith( 'https://www.amazon.com/dp/' . $product['asin'] . '?tag=', $product['detail_page_url'] );
			$this->assertStringContainsString( 'linkCode=osi', $product['detail_page_url'], 'Amazon\'s link is kept exactly' );
		}
	}

	/**
	 * A published page.
	 *
	 * @param string $content Content.
	 */
	private function page( string $content ): int {
		$post_id = wp_insert_post(
			array(
				'post_status'  => 'publish',
				'post_title'   => 'Odd page',
				'post_content' => '<!-- wp:shortcode -->' . $content . '<!-- /wp:shortcode -->',
			)
		);
		$this->assertIsInt( $post_id );
		return $post_id;
	}

	/**
	 * One page view as a new request: the plugin's per-request memos and the runtime cache start
	 * empty, so only what the plugin stored (table, transients) carries over.
	 *
	 * @param int $post_id Post id.
	 */
	private function view( int $post_id ): string {
		wp_cache_flush_runtime(); // A new request: the runtime cache goes, a persistent object cache (the Redis run) stays.
		\Creators_Connect\Plugin::instance()->products()?->reset();
		\Creators_Connect\Plugin::instance()->renderer()->reset();
		$this->go_to_post( $post_id );
		$post = get_post( $post_id );
		$this->assertInstanceOf( \WP_Post::class, $post );
		return (string) apply_filters( 'the_content', $post->post_content );
	}

	/**
	 * GetItems calls that asked for an ASIN.
	 *
	 * @param string $asin ASIN.
	 */
	private function asked_for( string $asin ): int {
		return count( array_filter( $this->emulator->requests( 'getItems' ), static fn( array $request ): bool => in_array( $asin, (array) ( $request['asins'] ?? array() ), true ) ) );
	}

	/**
	 * Moves a row's times back as if hours had passed.
	 *
	 * @param string $asin  ASIN.
	 * @param int    $hours Hours.
	 */
	private function hours_pass( string $asin, int $hours ): void {
		global $wpdb;
		$table   = Product_Store::table();
		$seconds = $hours * 3600;
		$wpdb->query( $wpdb->prepare( "UPDATE {$table} SET expires_at = expires_at - %d, last_error_at = last_error_at - %d, last_requested_at = last_requested_at - %d WHERE marketplace = 'us' AND asin = %s", $seconds, $seconds, $seconds, $asin ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- The plugin's own table.
		// The row as a persistent object cache (the Redis run) still holds it would hide the rewrite.
		wp_cache_flush_group( Product_Store::CACHE_GROUP );
	}
}
