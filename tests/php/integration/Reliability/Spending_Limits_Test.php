<?php
/**
 * The spending limits (issue #14, items 1 and 3): per-user limits of editor paths by role, the
 * administrators' exemption, the per-request fetch caps and the daily quota per credential,
 * through the plugin as wired, over real HTTP to the emulator.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Reliability;

use Creators_Connect\Plugin;
use Creators_Connect\Settings\General_Settings;
use Creators_Connect\Tests\Emulator;
use Creators_Connect\Tests\Integration_Test_Case;

/**
 * Every figure is counted twice: by the emulator (the calls Amazon saw) and by the plugin.
 */
final class Spending_Limits_Test extends Integration_Test_Case {

	/**
	 * The emulator.
	 *
	 * @var Emulator
	 */
	private Emulator $emulator;

	/**
	 * ASINs handed out so far (each test asks for ASINs no cache holds).
	 *
	 * @var int
	 */
	private static int $serial = 0;

	/**
	 * Where this run's ASINs start (runs do not share a store, but share the emulator).
	 *
	 * @var int|null
	 */
	private static ?int $base = null;

	/**
	 * The US marketplace, a clean emulator log, no request spacing, a minute with room to spare.
	 */
	protected function setUp(): void {
		parent::setUp();
		$this->emulator = $this->clean_emulator();
		// Request spacing (1 call a second per credential) is the subject of other tests.
		add_filter( 'acapi_rate_limit_per_second', '__return_zero' );
		// The REST routes' own 60 requests a minute are not the subject here.
		add_filter( 'acapi_rest_rate_limit', '__return_zero' );
		$this->add_demo_us_marketplace();
		// The per-minute counters follow the clock's minute: start early in one.
		$second = (int) gmdate( 's' );
		if ( $second > 40 ) {
			sleep( 61 - $second );
		}
	}

	/**
	 * A contributor's look-ups: 6 calls a minute by default, then a clear 429 without a call.
	 */
	public function test_contributor_gets_429_past_the_minute_limit(): void {
		$this->act_as( 'contributor' );
		$first = self::new_asins( 20 );
		for ( $i = 1; $i <= 3; $i++ ) {
			$response = $this->products( 1 === $i ? $first : self::new_asins( 20 ) );
			$this->assertSame( 200, $response->get_status(), "request $i is within the limit: " . wp_json_encode( $response->get_data() ) );
		}
		$this->assertSame( 6, $this->emulator->count( 'getItems' ), '20 ASINs are two getItems calls' );

		$response = $this->products( self::new_asins( 20 ) );
		$this->assertSame( 429, $response->get_status() );
		$error = $response->as_error();
		$this->assertSame( 'acapi_user_limit', $error->get_error_code() );
		$this->assertStringContainsString( 'You have used the 6 Amazon calls a minute your role may make', $error->get_error_message() );
		$this->assertSame( 6, $this->emulator->count( 'getItems' ), 'Amazon is not asked past the limit' );

		// What the store holds is still served: the limit is on Amazon calls, not on look-ups.
		$this->assertSame( 200, $this->products( $first )->get_status() );
		$this->assertSame( 6, $this->emulator->count( 'getItems' ) );
	}

	/**
	 * The day's limit, from the settings; the per-role limits differ.
	 */
	public function test_day_limit_and_roles(): void {
		$this->set_general(
			array(
				'limit_contributor_minute' => 100,
				'limit_contributor_day'    => 3,
				'limit_author_minute'      => 100,
				'limit_author_day'         => 4,
			)
		);
		$this->act_as( 'contributor' );
		$this->assertSame( 200, $this->products( self::new_asins( 20 ) )->get_status() );
		$response = $this->products( self::new_asins( 20 ) );
		$this->assertSame( 429, $response->get_status(), 'the third call of the day is the last' );
		$this->assertStringContainsString( 'the 3 Amazon calls a day', $response->as_error()->get_error_message() );
		$this->assertSame( 3, $this->emulator->count( 'getItems' ) );

		$this->act_as( 'author' );
		$this->assertSame( 200, $this->products( self::new_asins( 20 ) )->get_status() );
		$this->assertSame( 200, $this->products( self::new_asins( 20 ) )->get_status(), 'an author may make 4 a day' );
		$this->assertSame( 429, $this->products( self::new_asins( 10 ) )->get_status() );
		$this->assertSame( 7, $this->emulator->count( 'getItems' ) );
	}

	/**
	 * Administrators are exempt by default; without the exemption their own limit applies.
	 */
	public function test_administrators_exempt_by_setting(): void {
		$this->set_general( array( 'limit_administrator_minute' => 1 ) );
		$this->act_as( 'administrator' );
		for ( $i = 0; $i < 3; $i++ ) {
			$this->assertSame( 200, $this->products( self::new_asins( 20 ) )->get_status() );
		}
		$this->assertSame( 6, $this->emulator->count( 'getItems' ) );

		$this->set_general(
			array(
				'limit_administrator_minute'  => 1,
				'limit_exempt_administrators' => false,
			)
		);
		$this->assertSame( 429, $this->products( self::new_asins( 20 ) )->get_status(), 'their 6 calls this minute count' );
		$this->assertSame( 6, $this->emulator->count( 'getItems' ) );
	}

	/**
	 * The block renderer is an editor path: 50 new ASINs fetch 20 (the editor's cap), the rest
	 * are links with a notice; past the minute limit the preview says so, without a PHP warning.
	 */
	public function test_block_renderer_caps_and_limits_a_contributor(): void {
		$this->act_as( 'contributor' );
		$log = strlen( $this->debug_log() );

		$asins = self::new_asins( 50 );
		$html  = $this->preview( $asins );
		$this->assertSame( 2, $this->emulator->count( 'getItems' ), '20 of 50 ASINs fetched: two calls' );
		$this->assertStringContainsString( 'Only 20 new products are fetched from Amazon per preview; 30 more are loaded in the background', $html );
		$this->assertStringContainsString( '/dp/' . $asins[49], $html, 'a deferred product is a link meanwhile' );

		$this->preview( self::new_asins( 50 ) );
		$this->preview( self::new_asins( 50 ) );
		$this->assertSame( 6, $this->emulator->count( 'getItems' ) );
		$html = $this->preview( self::new_asins( 50 ) );
		$this->assertSame( 6, $this->emulator->count( 'getItems' ), 'no call past the minute limit' );
		$this->assertStringContainsString( 'You have used the 6 Amazon calls a minute your role may make', $html );
		$this->assertStringContainsString( 'only editors see this', $html );
		$this->assertSame( '', substr( $this->debug_log(), $log ), 'no PHP warning' );
	}

	/**
	 * A page view fetches at most 50 uncached ASINs; the rest are queued and shown as links.
	 * Visitors are not held to any editor limit.
	 */
	public function test_page_view_fetches_at_most_50(): void {
		$this->set_general( array( 'limit_contributor_minute' => 0 ) );
		$asins   = self::new_asins( 60 );
		$content = '';
		foreach ( array_chunk( $asins, 30 ) as $chunk ) {
			$content .= '<!-- wp:creators-connect-for-amazon/product {"asins":' . wp_json_encode( $chunk ) . ',"template":"list"} /-->';
		}
		$html = $this->render_page( $content );
		$this->assertSame( 5, $this->emulator->count( 'getItems' ), '50 ASINs fetched: five calls' );
		foreach ( array_slice( $asins, 50 ) as $asin ) {
			$this->assertStringContainsString( '/dp/' . $asin, $html, "$asin is a link meanwhile" );
		}
		$queued = $this->queued( array_slice( $asins, 50 ) );
		$this->assertSame( 10, $queued, 'the other 10 wait for the refresh job' );
	}

	/**
	 * The daily quota: counted per credential where the call happens (the routing panel shows
	 * it), Site Health warns at 80 %, searches and editor look-ups stop at 90 %, everything at
	 * 100 %, never calling Amazon; a visitor then sees links, not a warning.
	 */
	public function test_daily_quota_counts_warns_and_stops(): void {
		$this->set_general( array( 'daily_quota' => 5 ) );
		// A visitor's page: 40 new ASINs, four calls.
		$this->render_page( '<!-- wp:creators-connect-for-amazon/product {"asins":' . wp_json_encode( self::new_asins( 40 ) ) . '} /-->' );
		$this->assertSame( 4, $this->emulator->count( 'getItems' ) );

		$this->act_as( 'administrator' );
		$routes = $this->rest( 'GET', '/creators-connect-for-amazon/v1/routing' )->get_data()['routes'];
		$this->assertSame(
			array(
				'calls_today' => 4,
				'daily_limit' => 5,
			),
			$routes[0]['quota']
		);
		$health = $this->health();
		$this->assertSame( 'recommended', $health['status'], '80 % of the limit warns' );
		$this->assertStringContainsString( 'US: 4 of 5 calls today', $health['description'] );

		// 90 %: an editor look-up (even an exempt administrator's) and a search are refused.
		$response = $this->products( self::new_asins( 10 ) );
		$this->assertSame( 429, $response->get_status() );
		$this->assertSame( 'acapi_daily_quota', $response->as_error()->get_error_code() );
		$this->assertStringContainsString( 'The site has used 4 of its 5 Amazon calls today', $response->as_error()->get_error_message() );
		$search = $this->rest(
			'GET',
			'/creators-connect-for-amazon/v1/search',
			null,
			array( 'keywords' => 'quota ' . self::$serial )
		);
		$this->assertSame( 429, $search->get_status() );
		$this->assertSame( 0, $this->emulator->count( 'searchItems' ) );
		$this->assertSame( 4, $this->emulator->count( 'getItems' ) );

		// A visitor's page is essential until 100 %.
		wp_set_current_user( 0 );
		$this->render_page( '<!-- wp:creators-connect-for-amazon/product {"asins":' . wp_json_encode( self::new_asins( 10 ) ) . '} /-->' );
		$this->assertSame( 5, $this->emulator->count( 'getItems' ) );
		$this->assertSame( 'critical', $this->health()['status'] );

		// 100 %: nothing goes out; the visitor sees links, no notice, no warning.
		$log   = strlen( $this->debug_log() );
		$asins = self::new_asins( 10 );
		$html  = $this->render_page( '<!-- wp:creators-connect-for-amazon/product {"asins":' . wp_json_encode( $asins ) . '} /-->' );
		$this->assertSame( 5, $this->emulator->count( 'getItems' ) );
		$this->assertStringContainsString( '/dp/' . $asins[0], $html );
		$this->assertStringNotContainsString( 'acapi-notice', $html );
		$this->assertSame( '', substr( $this->debug_log(), $log ) );
		$this->assertSame( 10, $this->queued( $asins ), 'held back, not failed: queued for tomorrow' );
	}

	/**
	 * New ASINs.
	 *
	 * @param int $count How many.
	 * @return list<string>
	 */
	private static function new_asins( int $count ): array {
		$out = array();
		for ( $i = 0; $i < $count; $i++ ) {
			self::$base = self::$base ?? random_int( 0, 8000000 );
			$out[]      = sprintf( 'B0S%07d', self::$base + ++self::$serial );
		}
		return $out;
	}

	/**
	 * GET /products as the current user, as a request of its own.
	 *
	 * @param list<string> $asins ASINs.
	 */
	private function products( array $asins ): \WP_REST_Response {
		Plugin::instance()->products()?->reset();
		return $this->rest(
			'GET',
			'/creators-connect-for-amazon/v1/products',
			null,
			array(
				'asins'   => implode( ',', $asins ),
				'country' => 'us',
			)
		);
	}

	/**
	 * The block renderer's preview of a product block, as a request of its own.
	 *
	 * @param list<string> $asins ASINs.
	 */
	private function preview( array $asins ): string {
		Plugin::instance()->products()?->reset();
		$response = $this->rest(
			'GET',
			'/wp/v2/block-renderer/creators-connect-for-amazon/product',
			null,
			array(
				'context'    => 'edit',
				'attributes' => array(
					'asins'    => $asins,
					'template' => 'list',
				),
			)
		);
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		return (string) ( $response->get_data()['rendered'] ?? '' );
	}

	/**
	 * A published page rendered as a front-end request of its own.
	 *
	 * @param string $content Post content.
	 */
	private function render_page( string $content ): string {
		$post_id = wp_insert_post(
			array(
				'post_status'  => 'publish',
				'post_title'   => 'Spending',
				'post_content' => $content,
			)
		);
		$this->assertIsInt( $post_id );
		Plugin::instance()->products()?->reset();
		$this->go_to_post( $post_id );
		$post = get_post( $post_id );
		$this->assertInstanceOf( \WP_Post::class, $post );
		return (string) apply_filters( 'the_content', $post->post_content );
	}

	/**
	 * How many of these ASINs wait in the refresh queue.
	 *
	 * @param list<string> $asins ASINs.
	 */
	private function queued( array $asins ): int {
		global $wpdb;
		$table = $wpdb->prefix . 'acapi_products';
		$list  = implode( ',', array_map( static fn( string $asin ): string => "'" . esc_sql( $asin ) . "'", $asins ) );
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- A test reads the table directly; the list is escaped above.
		return (int) $wpdb->get_var( "SELECT COUNT(*) FROM `$table` WHERE asin IN ($list) AND product IS NULL AND error_count = 0" );
	}

	/**
	 * The Site Health test of the daily quota.
	 *
	 * @return array<string, mixed>
	 */
	private function health(): array {
		$tests = apply_filters( 'site_status_tests', array( 'direct' => array() ) );
		$this->assertIsArray( $tests );
		$this->assertArrayHasKey( 'acapi_daily_quota', $tests['direct'] );
		return call_user_func( $tests['direct']['acapi_daily_quota']['test'] );
	}

	/**
	 * Saves general settings over the defaults.
	 *
	 * @param array<string, mixed> $values Values.
	 */
	private function set_general( array $values ): void {
		update_option( General_Settings::OPTION, $values + General_Settings::defaults() );
	}
}
