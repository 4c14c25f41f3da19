<?php
/**
 * Base of the tests that request the test site over real HTTP.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Cache;

use Creators_Connect\Model\Product;
use Creators_Connect\Catalog\Product_Store;
use Creators_Connect\Tests\Front_End_Server;
use Creators_Connect\Tests\Integration_Test_Case;

/**
 * The server is another process, so what a test stores must be committed: these tests leave the
 * transaction (as the stampede test does) and delete what they wrote afterwards.
 */
abstract class Front_End_Test_Case extends Integration_Test_Case {

	/**
	 * The web server (one per test class).
	 *
	 * @var Front_End_Server|null
	 */
	protected static ?Front_End_Server $server = null;

	/**
	 * Posts the test created.
	 *
	 * @var list<int>
	 */
	private array $posts = array();

	/**
	 * Options the test changed, with their values before.
	 *
	 * @var array<string, mixed>
	 */
	private array $options = array();

	/**
	 * Starts the server; copies the fixture themes into the test site.
	 */
	public static function setUpBeforeClass(): void {
		parent::setUpBeforeClass();
		$themes = dirname( __DIR__, 3 ) . '/fixtures/themes';
		foreach ( (array) glob( $themes . '/*/*' ) as $file ) {
			$target = get_theme_root() . substr( (string) $file, strlen( $themes ) );
			wp_mkdir_p( dirname( $target ) );
			copy( (string) $file, $target );
		}
		self::$server = Front_End_Server::start();
	}

	/**
	 * Stops the server.
	 */
	public static function tearDownAfterClass(): void {
		self::$server?->stop();
		self::$server = null;
		parent::tearDownAfterClass();
	}

	/**
	 * Leaves the transaction: the server must see what the test writes.
	 */
	protected function setUp(): void {
		parent::setUp();
		global $wpdb;
		$wpdb->query( 'ROLLBACK' );
		$this->clean_products();
	}

	/**
	 * Deletes what the test committed, then opens the transaction tearDown() rolls back.
	 */
	protected function tearDown(): void {
		global $wpdb;
		foreach ( $this->posts as $post_id ) {
			wp_delete_post( $post_id, true );
		}
		foreach ( $this->options as $name => $value ) {
			false === $value ? delete_option( $name ) : update_option( $name, $value );
		}
		$this->posts   = array();
		$this->options = array();
		$this->clean_products();
		$wpdb->query( 'START TRANSACTION' );
		parent::tearDown();
	}

	/**
	 * A published post (or page), deleted after the test.
	 *
	 * @param string $content   Content.
	 * @param string $post_type Post type.
	 */
	protected function publish( string $content, string $post_type = 'post' ): int {
		$post_id = wp_insert_post(
			array(
				'post_status'  => 'publish',
				'post_type'    => $post_type,
				'post_title'   => 'Front end ' . wp_generate_password( 6, false ),
				'post_content' => $content,
			)
		);
		$this->assertIsInt( $post_id );
		$this->posts[] = $post_id;
		return $post_id;
	}

	/**
	 * Sets an option for the test (restored afterwards).
	 *
	 * @param string $name  Option.
	 * @param mixed  $value Value.
	 */
	protected function set_option( string $name, $value ): void {
		if ( ! array_key_exists( $name, $this->options ) ) {
			$this->options[ $name ] = get_option( $name );
		}
		update_option( $name, $value );
	}

	/**
	 * Stores a German product with a price, fetched some seconds ago.
	 *
	 * @param string $asin ASIN.
	 * @param int    $age  Seconds since it was fetched.
	 */
	protected function store_product( string $asin, int $age ): void {
		$fetched = time() - $age;
		$product = new Product(
			asin: $asin,
			marketplace: 'de',
			title: 'Produkt ' . $asin,
			detail_page_url: 'https://www.amazon.de/dp/' . $asin . '?tag=acapidemode-21',
			price: array(
				'amount'   => 19.99,
				'currency' => 'EUR',
				'display'  => '19,99 €',
			),
			fetched_at: $fetched,
			source: 'creators',
			api_version: '2.2'
		);
		( new Product_Store() )->save( 'de', array( $asin => $product ), array( $asin => 'creators_configured' ), time(), $fetched );
	}

	/**
	 * A page of the site, requested over HTTP.
	 *
	 * @param string                $url_or_path A URL of the site or a path.
	 * @param array<string, string> $headers     Request headers.
	 * @return array{status: int, headers: array<string, string>, body: string}
	 */
	protected function get( string $url_or_path, array $headers = array() ): array {
		$this->assertNotNull( self::$server );
		$response = self::$server->request( Front_End_Server::path_of( $url_or_path ), $headers );
		$this->assertSame( 200, $response['status'], 'status of ' . $url_or_path . ': ' . substr( $response['body'], 0, 500 ) );
		return $response;
	}

	/**
	 * The s-maxage of a response (null: none).
	 *
	 * @param array{status: int, headers: array<string, string>, body: string} $response Response.
	 */
	protected static function s_maxage( array $response ): ?int {
		return 1 === preg_match( '/s-maxage=(\d+)/', $response['headers']['cache-control'] ?? '', $m ) ? (int) $m[1] : null;
	}

	/**
	 * Asserts the freshness contract: the three headers agree on N, max-age ≤ N, and N is within bounds.
	 *
	 * @param array{status: int, headers: array<string, string>, body: string} $response Response.
	 * @param int                                                              $min      Smallest N expected.
	 * @param int                                                              $max      Largest N allowed.
	 */
	protected function assertFreshnessHeaders( array $response, int $min, int $max ): int {
		$headers = $response['headers'];
		$this->assertMatchesRegularExpression( '/^public, s-maxage=\d+, max-age=\d+$/', $headers['cache-control'] ?? '', wp_json_encode( $headers ) );
		preg_match( '/s-maxage=(\d+), max-age=(\d+)/', $headers['cache-control'], $m );
		$n = (int) $m[1];
		$this->assertGreaterThanOrEqual( $min, $n );
		$this->assertLessThanOrEqual( $max, $n );
		$this->assertLessThanOrEqual( $n, (int) $m[2], 'max-age ≤ s-maxage' );
		$this->assertSame( (string) $n, $headers['x-accel-expires'] ?? null );
		$this->assertSame( 'max-age=' . $n, $headers['surrogate-control'] ?? null );
		return $n;
	}

	/**
	 * Asserts the plugin left the caching headers alone.
	 *
	 * @param array{status: int, headers: array<string, string>, body: string} $response Response.
	 */
	protected function assertNoFreshnessHeaders( array $response ): void {
		$this->assertNull( self::s_maxage( $response ), wp_json_encode( $response['headers'] ) );
		$this->assertArrayNotHasKey( 'x-accel-expires', $response['headers'] );
		$this->assertArrayNotHasKey( 'surrogate-control', $response['headers'] );
	}

	/**
	 * Deletes every stored product and cached row.
	 */
	private function clean_products(): void {
		global $wpdb;
		$wpdb->query( 'DELETE FROM ' . Product_Store::table() ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared -- test cleanup of committed rows.
		wp_cache_flush();
	}
}
