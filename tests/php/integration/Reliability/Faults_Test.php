<?php
/**
 * Faults over the real stack: Router + Product_Service + Renderer, real HTTP to the emulator.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Reliability;

use Creators_Connect\Model\Amazon_Error;
use Creators_Connect\Amazon\Circuit_Breaker;
use Creators_Connect\Amazon\Creators_Client;
use Creators_Connect\Amazon\Http_Transport;
use Creators_Connect\Amazon\Paapi_Client;
use Creators_Connect\Amazon\Rate_Limiter;
use Creators_Connect\Support\Shared_Store;
use Creators_Connect\Amazon\Sigv4_Signer;
use Creators_Connect\Amazon\Token_Provider;
use Creators_Connect\Catalog\Product_Service;
use Creators_Connect\Catalog\Product_Store;
use Creators_Connect\Catalog\Refresh_Job;
use Creators_Connect\Catalog\Fallback_Memory;
use Creators_Connect\Catalog\Router;
use Creators_Connect\Render\Output_Context;
use Creators_Connect\Render\Product_Lookup;
use Creators_Connect\Render\Renderer;
use Creators_Connect\Render\Stylesheet;
use Creators_Connect\Tests\Emulator;
use Creators_Connect\Tests\Fixed_Credentials_Source;
use Creators_Connect\Tests\Integration_Test_Case;
use Creators_Connect\Tests\Read_Path;
use Creators_Connect\Settings\General_Settings;

/**
 * For each emulator fault: the page answers in time, visitors get the stored product or the
 * compliant fallback, editors get the reason, the stored row survives and records the error,
 * and one refresh after the fault clears brings fresh data back.
 */
final class Faults_Test extends Integration_Test_Case {

	/**
	 * A product in every fixture store.
	 */
	private const ASIN = 'B0C7KX2Q4M';

	/**
	 * Seconds a page may spend fetching in these tests (filter `acapi_fetch_budget`).
	 */
	private const BUDGET = 2.0;

	/**
	 * Seconds one HTTP call may take (filter `acapi_http_timeout`): the hang gives up after this.
	 */
	private const HTTP_TIMEOUT = 1.0;

	/**
	 * The emulator.
	 *
	 * @var Emulator
	 */
	private Emulator $emulator;

	/**
	 * The routing table: US on the Creators API (LWA), UK on PA-API only.
	 *
	 * @var Fixed_Credentials_Source
	 */
	private Fixed_Credentials_Source $source;

	/**
	 * Resets the emulator and sets small budgets.
	 */
	protected function setUp(): void {
		parent::setUp();
		if ( ! defined( 'ACAPI_ENDPOINT_OVERRIDE' ) ) {
			$this->markTestSkipped( 'ACAPI_ENDPOINT_OVERRIDE is not defined: these tests need the Amazon emulator.' );
		}
		$this->emulator = $this->clean_emulator();
		$this->source   = Fixed_Credentials_Source::demo();
		add_filter( 'acapi_rate_limit_per_second', '__return_zero' );
		add_filter( 'acapi_fetch_budget', static fn(): float => self::BUDGET );
		add_filter( 'acapi_http_timeout', static fn(): float => self::HTTP_TIMEOUT );
	}

	/**
	 * Clears faults and filters.
	 */
	protected function tearDown(): void {
		foreach ( array( 'acapi_rate_limit_per_second', 'acapi_fetch_budget', 'acapi_http_timeout' ) as $hook ) {
			remove_all_filters( $hook );
		}
		$this->emulator->clear_faults();
		$this->emulator->default_config();
		parent::tearDown();
	}

	/**
	 * The eight faults: name => [ emulator fault, marketplace, error kind recorded ].
	 *
	 * @return array<string, array{0: array<string, mixed>, 1: string, 2: string}>
	 */
	public static function faults(): array {
		return array(
			'429 with retry-after'   => array(
				array(
					'fault'       => 'throttle',
					'retry_after' => 1,
				),
				'us',
				Amazon_Error::THROTTLED,
			),
			'HTTP 500'               => array( array( 'fault' => 'server_error' ), 'us', Amazon_Error::SERVER_ERROR ),
			'hung connection'        => array( array( 'fault' => 'hang' ), 'us', Amazon_Error::TIMEOUT ),
			'malformed JSON'         => array( array( 'fault' => 'malformed' ), 'us', Amazon_Error::MALFORMED_RESPONSE ),
			// The Creators API token is refreshed and the call fails again; the PA-API fallback fails alike.
			'token expired'          => array( array( 'fault' => 'token_expired' ), 'us', Amazon_Error::INVALID_CREDENTIALS ),
			'account not eligible'   => array( array( 'fault' => 'not_eligible' ), 'us', Amazon_Error::NOT_ELIGIBLE ),
			'invalid associate'      => array( array( 'fault' => 'invalid_associate' ), 'us', Amazon_Error::INVALID_PARTNER_TAG ),
			'PA-API retired (on uk)' => array( array( 'fault' => 'paapi_retired' ), 'uk', Amazon_Error::PAAPI_RETIRED ),
		);
	}

	/**
	 * The whole fault cycle for one fault.
	 *
	 * @dataProvider faults
	 *
	 * @param array<string, mixed> $fault   Emulator fault.
	 * @param string               $country Marketplace.
	 * @param string               $kind    Error kind the store records.
	 */
	public function test_fault_keeps_the_page_and_the_stored_data( array $fault, string $country, string $kind ): void {
		$log = $this->debug_log();

		// 1. Fresh data for the product.
		$fresh = $this->service()->get_products( $country, array( self::ASIN ) )->product( self::ASIN );
		$this->assertNotNull( $fresh, 'the product could not be fetched before the fault' );
		$this->assertNotSame( '', $fresh->title );

		// 2. Stale: fetched 25 hours ago, refresh due. Past 24 hours the page must try Amazon again.
		$this->age( $country, 25 * HOUR_IN_SECONDS, 24 * HOUR_IN_SECONDS );
		$before = $this->row( $country );
		$this->assertNotNull( $before['product'] );

		// 3. The fault, until cleared.
		$this->emulator->fault( $fault + array( 'times' => -1 ) );
		$calls = $this->emulator->count( 'getItems' );

		// 4. Visitor: 200-style output in time, the stored product as title and link, no price.
		wp_set_current_user( 0 );
		list( $html, $seconds ) = $this->render( $country, self::ASIN );
		$this->assertLessThan( self::BUDGET + 1.5, $seconds, 'the page took too long' );
		$this->assertGreaterThan( $calls, $this->emulator->count( 'getItems' ), 'the page did not try Amazon' );
		$this->assertStringContainsString( 'acapi-no-price', $html, 'no compliant fallback for visitors' );
		$this->assertStringContainsString( '/dp/' . self::ASIN, $html );
		$this->assertStringNotContainsString( 'acapi-price', $html );
		$this->assertStringNotContainsString( '<img', $html );
		$this->assertStringNotContainsString( 'acapi-notice', $html );

		// A never-stored ASIN: visitors see a plain link with the partner tag (the third rung of
		// the ladder, never a gap), editors see why.
		$missing                = 'US' === strtoupper( $country ) ? 'B0COUTSTK2' : 'B0BQUOTEA1';
		list( $html, $seconds ) = $this->render( $country, $missing );
		$this->assertLessThan( self::BUDGET + 1.5, $seconds );
		$this->assertStringContainsString( 'acapi-link-only', $html );
		$this->assertStringContainsString( '/dp/' . $missing . '?tag=' . Emulator::partner_tag( $country ), $html );
		$this->assertStringNotContainsString( 'acapi-notice', $html );
		$this->act_as( 'editor' );
		list( $html, $seconds ) = $this->render( $country, $missing );
		$this->assertLessThan( self::BUDGET + 1.5, $seconds );
		$this->assertStringContainsString( 'acapi-notice', $html, 'editors get no reason' );
		$this->assertStringContainsString( 'only editors see this', $html );
		list( $html ) = $this->render( $country, self::ASIN );
		$this->assertStringContainsString( 'older than 24 hours', $html, 'editors are not told why the product is degraded' );

		// 5. The stored product is untouched; the error is recorded.
		$after = $this->row( $country );
		$this->assertSame( $before['product'], $after['product'], 'an error overwrote the stored product' );
		$this->assertSame( $before['fetched_at'], $after['fetched_at'] );
		$this->assertNotEmpty( $after['last_error'], 'the error was not recorded' );
		$this->assertGreaterThan( 0, (int) $after['error_count'] );
		$error = json_decode( (string) $after['last_error'], true );
		$this->assertIsArray( $error );
		$this->assertSame( $kind, $error['kind'] ?? null, 'another error was recorded: ' . (string) $after['last_error'] );
		$this->assert_clean_log( $log );

		// 6. The fault clears: one refresh brings fresh data back.
		$this->emulator->clear_faults();
		wp_set_current_user( 0 );
		// The retry after a failure is due within the job's look-ahead: the next run takes it.
		$this->assertLessThanOrEqual( time() + Refresh_Job::INTERVAL, (int) $after['expires_at'], 'the back-off outlasts the next refresh' );
		$report = $this->job()->run( 10.0 );
		$this->assertSame( 0, $report['failed'], 'the refresh failed: ' . (string) wp_json_encode( $report ) );
		$this->assertGreaterThanOrEqual( 1, $report['refreshed'], 'the refresh did not run: ' . (string) wp_json_encode( $report ) );
		$fresh_row = $this->row( $country );
		$this->assertGreaterThanOrEqual( time() - 30, (int) $fresh_row['fetched_at'] );
		$this->assertEmpty( $fresh_row['last_error'] );
		list( $html ) = $this->render( $country, self::ASIN );
		$this->assertStringNotContainsString( 'acapi-no-price', $html );
		$this->assertStringContainsString( 'acapi-price', $html, 'fresh data does not show its price' );
		$this->assert_clean_log( $log );
	}

	/**
	 * Under 24 hours the stored product is served in full during a fault, without calling Amazon
	 * on the page, and a refresh during the fault keeps it.
	 */
	public function test_stale_product_under_24_hours_is_served_during_a_fault(): void {
		$this->assertNotNull( $this->service()->get_products( 'us', array( self::ASIN ) )->product( self::ASIN ) );
		$this->age( 'us', 2 * HOUR_IN_SECONDS, 60 );
		$before = $this->row( 'us' );
		$this->emulator->fault(
			array(
				'fault' => 'server_error',
				'times' => -1,
			)
		);

		list( $html, $seconds ) = $this->render( 'us', self::ASIN );
		$this->assertLessThan( 1.0, $seconds );
		$this->assertStringContainsString( 'acapi-price', $html );
		$this->assertStringNotContainsString( 'acapi-no-price', $html );

		$report = $this->job()->run( 10.0 );
		$this->assertGreaterThanOrEqual( 1, $report['failed'] + $report['remaining'] + count( $report['skipped'] ) );
		$after = $this->row( 'us' );
		$this->assertSame( $before['product'], $after['product'] );
		$this->assertNotEmpty( $after['last_error'] );
		list( $html ) = $this->render( 'us', self::ASIN );
		$this->assertStringContainsString( 'acapi-price', $html, 'a failed refresh hid a product that is under 24 hours old' );
	}

	/**
	 * Renders one ASIN through a fresh request's stack.
	 *
	 * @param string $country Marketplace.
	 * @param string $asin    ASIN.
	 * @return array{0: string, 1: float} HTML and seconds.
	 */
	private function render( string $country, string $asin ): array {
		$renderer = new Renderer( new Product_Lookup( $this->service() ), array( General_Settings::class, 'read' ), ACAPI_DIR . 'templates', new Output_Context(), new Stylesheet() );
		$start    = microtime( true );
		$html     = $renderer->render(
			array(
				'asins'   => $asin,
				'country' => $country,
			)
		);
		return array( $html, microtime( true ) - $start );
	}

	/**
	 * A router as one request of the plugin has it.
	 */
	private function router(): Router {
		$store     = new Shared_Store();
		$transport = new Http_Transport();
		$creators  = new Creators_Client( $transport, new Token_Provider( $transport, $store ), new Rate_Limiter( $store ), new Circuit_Breaker( $store ) );
		$paapi     = new Paapi_Client( $transport, new Sigv4_Signer(), new Rate_Limiter( $store ), new Circuit_Breaker( $store ) );
		return new Router( $this->source, $creators, $paapi, new Fallback_Memory( $store ) );
	}

	/**
	 * A product service as one request of the plugin has it.
	 */
	private function service(): Product_Service {
		return Read_Path::service( $this->router(), new Product_Store( false ), new Shared_Store() );
	}

	/**
	 * The refresh job as the plugin wires it.
	 */
	private function job(): Refresh_Job {
		$router = $this->router();
		return new Refresh_Job( Read_Path::refresher( $router, new Product_Store( false ) ), Read_Path::summary( $router, $this->source ), new Product_Store(), new Shared_Store() );
	}

	/**
	 * Moves the stored product's fetch time back (row and stored JSON alike) and its expiry into the past.
	 *
	 * @param string $country Marketplace.
	 * @param int    $age     Seconds since the fetch.
	 * @param int    $expired Seconds since the expiry.
	 */
	private function age( string $country, int $age, int $expired ): void {
		global $wpdb;
		$table   = Product_Store::table();
		$product = json_decode( (string) $this->row( $country )['product'], true );
		$this->assertIsArray( $product );
		$product['fetched_at'] = time() - $age;
		$wpdb->query( $wpdb->prepare( "UPDATE {$table} SET product = %s, fetched_at = %d, expires_at = %d WHERE marketplace = %s AND asin = %s", (string) wp_json_encode( $product ), time() - $age, time() - $expired, $country, self::ASIN ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- The plugin's own table.
	}

	/**
	 * The stored row of the test product.
	 *
	 * @param string $country Marketplace.
	 * @return array<string, mixed>
	 */
	private function row( string $country ): array {
		global $wpdb;
		$table = Product_Store::table();
		$row   = $wpdb->get_row( $wpdb->prepare( "SELECT product, fetched_at, expires_at, last_error, error_count FROM {$table} WHERE marketplace = %s AND asin = %s", $country, self::ASIN ), ARRAY_A ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- The plugin's own table.
		$this->assertIsArray( $row, 'no stored row' );
		return $row;
	}

	/**
	 * No PHP warning, notice or error was logged since $before.
	 *
	 * @param string $before The log at the start.
	 */
	private function assert_clean_log( string $before ): void {
		$new = substr( $this->debug_log(), strlen( $before ) );
		$this->assertDoesNotMatchRegularExpression( '/PHP (Warning|Notice|Deprecated|Fatal|Parse)|Uncaught/i', $new, 'PHP logged: ' . $new );
	}
}
