<?php
/**
 * Product health, driven by the emulator: each state recorded with its time, then the Tools page,
 * WP-CLI, Site Health and the weekly digest.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Health;

use Creators_Connect\Catalog\Product_Store;
use Creators_Connect\Cli\Health_Command;
use Creators_Connect\Cli\Output;
use Creators_Connect\Health\Health_Digest;
use Creators_Connect\Health\Health_Log;
use Creators_Connect\Health\Health_Page;
use Creators_Connect\Health\Health_Report;
use Creators_Connect\Health\Product_Health_Check;
use Creators_Connect\Health\Product_State;
use Creators_Connect\Tests\Integration\Catalog\Catalog_Test_Case;

require_once dirname( __DIR__ ) . '/Catalog/Catalog_Test_Case.php';

/**
 * The states: unknown ASIN, no offer, out of stock (emulator catalogue), not refreshed for a day
 * (500s after a fetch rewritten to 25 hours ago), keeps failing (500s, three times); recovery.
 */
final class Product_Health_Test extends Catalog_Test_Case {

	private const UNKNOWN      = 'B0ZZZGONE1';
	private const NO_OFFER     = 'B0CNOOFFR1';
	private const OUT_OF_STOCK = 'B0COUTSTK2';
	private const STALE        = 'B0C7KX2Q4M';
	private const FAILING      = 'B0DKAFFEE1';

	/**
	 * Post ids by name.
	 *
	 * @var array<string, int>
	 */
	private array $posts = array();

	/**
	 * The table exists before the transaction (dbDelta would commit it).
	 */
	public static function setUpBeforeClass(): void {
		parent::setUpBeforeClass();
		Health_Log::install();
	}

	/**
	 * Publishes the posts that show the products (the post → products index learns them on save).
	 */
	protected function setUp(): void {
		parent::setUp();
		$this->posts = array(
			'gone'    => $this->post( 'Gift ideas & more', '<!-- wp:creators-connect-for-amazon/product {"asins":["' . self::UNKNOWN . '","' . self::NO_OFFER . '"],"country":"us"} /-->' ),
			'stock'   => $this->post( 'Camping checklist', '[amazon asin="' . self::OUT_OF_STOCK . '" country="us"]' ),
			'stale'   => $this->post( 'Our favourite kettle', '[amazon asin="' . self::STALE . '" country="us"]' ),
			'failing' => $this->post( 'Kaffee im Test', '[amazon asin="' . self::FAILING . '" country="de"]' ),
		);
	}

	/**
	 * A published post.
	 *
	 * @param string $title   Title.
	 * @param string $content Content.
	 */
	private function post( string $title, string $content ): int {
		$id = wp_insert_post(
			array(
				'post_title'   => $title,
				'post_content' => $content,
				'post_status'  => 'publish',
			),
			true
		);
		$this->assertIsInt( $id );
		return $id;
	}

	/**
	 * The report as the plugin builds it (DE is this routing table's default).
	 */
	private function report(): Health_Report {
		return new Health_Report( new Health_Log(), static fn(): string => 'de' );
	}

	/**
	 * The current states, by "country|ASIN".
	 *
	 * @return array<string, string>
	 */
	private function states(): array {
		$out = array();
		foreach ( $this->report()->items() as $item ) {
			$out[ $item['marketplace'] . '|' . $item['asin'] ] = $item['state'];
		}
		ksort( $out );
		return $out;
	}

	/**
	 * Drives every state through the emulator and the read path.
	 */
	private function drive_all_states(): void {
		// A page view: the emulator answers an unknown ASIN, an offer-less and an out-of-stock item.
		$result = $this->service()->get_products( 'us', array( self::UNKNOWN, self::NO_OFFER, self::OUT_OF_STOCK ) );
		$this->assertNotNull( $result->error( self::UNKNOWN ) );

		// Fetched fine 25 hours ago (times rewritten), then Amazon answers 500 on every call.
		$this->store_product( 'us', self::STALE, 25 * 3600 );
		( new Product_Store() )->queue( 'de', array( self::FAILING ) );
		$this->emulator->fault(
			array(
				'fault'     => 'server_error',
				'times'     => -1,
				'operation' => 'getItems',
			)
		);
		add_filter( 'acapi_circuit_breaker_threshold', static fn(): int => 100 );
		add_filter( 'acapi_retry_budget', '__return_zero' );
		$this->service()->refresh( 'us', array( self::STALE ) );
		for ( $i = 0; $i < Product_State::FAILING_AFTER; $i++ ) {
			$this->service()->refresh( 'de', array( self::FAILING ) );
		}
		$this->assertGreaterThanOrEqual( 2 + Product_State::FAILING_AFTER, $this->get_items_calls(), 'one page view, then the 500s reached the emulator' );
	}

	/**
	 * Each state is recorded with its time; a recovery is recorded too and leaves the list.
	 */
	public function test_states_are_recorded_with_their_time_and_history(): void {
		$before = time();
		$this->drive_all_states();
		$expected = array(
			'de|' . self::FAILING      => Product_State::FAILING,
			'us|' . self::NO_OFFER     => Product_State::NO_OFFER,
			'us|' . self::OUT_OF_STOCK => Product_State::OUT_OF_STOCK,
			'us|' . self::STALE        => Product_State::STALE,
			'us|' . self::UNKNOWN      => Product_State::UNKNOWN_ASIN,
		);
		ksort( $expected );
		$this->assertSame( $expected, $this->states() );

		foreach ( $this->report()->items() as $item ) {
			$this->assertGreaterThanOrEqual( $before, $item['since'] );
			$this->assertNotEmpty( $item['posts'], $item['asin'] . ' is shown by a post' );
		}

		// Amazon answers again.
		$this->emulator->clear_faults();

		// A problem product no published post shows (a geotargeting copy in another store, a
		// widget) is recorded, but listed and counted only when asked for.
		$this->service()->get_products( 'us', array( 'B0ZZNOPOST' ) );
		$this->assertSame( $expected, $this->states() );
		$this->assertSame( 5, array_sum( $this->report()->counts() ) );
		$all = array_column( $this->report()->items( '', '', true ), 'state', 'asin' );
		$this->assertSame( Product_State::UNKNOWN_ASIN, $all['B0ZZNOPOST'] ?? null );

		// The stale product refreshes and goes back to fine, with its history kept.
		$this->service()->refresh( 'us', array( self::STALE ) );
		$this->assertArrayNotHasKey( 'us|' . self::STALE, $this->states() );
		$row = ( new Health_Log() )->rows( 'us', array( self::STALE ) )[ self::STALE ];
		$this->assertSame( Product_State::OK, $row['state'] );
		$this->assertSame( array( Product_State::STALE, Product_State::OK ), array_column( $row['history'], 0 ) );
		$this->assertSame( 4, array_sum( $this->report()->counts() ) );
	}

	/**
	 * Tools → Product health: rows, posts with edit links that select the block, filters, badge.
	 */
	public function test_view_lists_problems_with_posts_and_filters(): void {
		$this->drive_all_states();
		$this->act_as( 'administrator' );
		$report = $this->report();
		$page   = new Health_Page( $report, new Health_Digest( $report ), ACAPI_DIR, ACAPI_FILE );

		$html = $this->render_page( $page, array() );
		$this->assertSame( 5, substr_count( $html, '<tr data-state=' ) );
		$this->assertStringContainsString( 'data-state="out_of_stock" data-marketplace="us"', $html );
		$this->assertStringContainsString( 'Camping checklist', $html );
		$this->assertStringContainsString( 'Gift ideas &amp; more', $html );
		$edit = esc_url( Health_Report::edit_url( $this->posts['stock'], self::OUT_OF_STOCK ) );
		$this->assertStringContainsString( 'href="' . $edit . '"', $html );
		$this->assertStringContainsString( 'acapi_asin=' . self::OUT_OF_STOCK, $edit );

		$html = $this->render_page( $page, array( 'state' => 'failing' ) );
		$this->assertSame( 1, substr_count( $html, '<tr data-state=' ) );
		$this->assertStringContainsString( 'Kaffee im Test', $html );

		$html = $this->render_page( $page, array( 'marketplace' => 'us' ) );
		$this->assertSame( 4, substr_count( $html, '<tr data-state=' ) );
		$this->assertStringNotContainsString( 'Kaffee im Test', $html );

		$html = $this->render_page( $page, array( 'state' => '<script>' ) );
		$this->assertSame( 5, substr_count( $html, '<tr data-state=' ), 'an unknown filter shows all' );

		global $submenu;
		$page->add_page();
		$titles = array_column( $submenu['tools.php'] ?? array(), 0 );
		$this->assertContains( 'Product health <span class="awaiting-mod count-5"><span class="pending-count">5</span></span>', $titles );

		$this->act_as( 'editor' );
		$submenu = array(); // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- the test's own admin menu.
		$page->add_page();
		$this->assertSame( array(), $submenu['tools.php'] ?? array(), 'editors do not get the page' );
	}

	/**
	 * The page's output with some filters.
	 *
	 * @param Health_Page           $page  Page.
	 * @param array<string, string> $query GET parameters.
	 */
	private function render_page( Health_Page $page, array $query ): string {
		$_GET = $query;
		ob_start();
		try {
			$page->render();
		} finally {
			$_GET = array();
		}
		return (string) ob_get_clean();
	}

	/**
	 * `wp acapi health [--state=] [--marketplace=] [--format=]`.
	 */
	public function test_cli_lists_filters_and_refuses_unknown_states(): void {
		$this->drive_all_states();
		$lines   = array();
		$command = new Health_Command(
			$this->report(),
			new Output(
				static function ( string $line ) use ( &$lines ): void {
					$lines[] = $line;
				}
			)
		);
		$command( array(), array( 'format' => 'json' ) );
		$rows = json_decode( $lines[0], true );
		$this->assertIsArray( $rows );
		$this->assertCount( 5, $rows );
		$this->assertSame( Health_Command::FIELDS, array_keys( $rows[0] ) );

		$lines = array();
		$command(
			array(),
			array(
				'state'  => 'out_of_stock',
				'format' => 'json',
			)
		);
		$rows = json_decode( $lines[0], true );
		$this->assertIsArray( $rows );
		$this->assertSame( array( self::OUT_OF_STOCK ), array_column( $rows, 'asin' ) );
		$this->assertSame( (string) $this->posts['stock'], $rows[0]['posts'] );

		$lines = array();
		$command( array(), array( 'marketplace' => 'de' ) );
		$this->assertSame( 2, count( $lines ), 'table header and one row' );
		$this->assertStringContainsString( self::FAILING, $lines[1] );

		$this->expectException( \RuntimeException::class );
		$this->expectExceptionMessage( 'Unknown state "broken"' );
		$command( array(), array( 'state' => 'broken' ) );
	}

	/**
	 * Site Health: "recommended" with the counts while problems exist.
	 */
	public function test_site_health_summary(): void {
		$check = new Product_Health_Check( $this->report() );
		$this->assertSame( 'good', $check->run()['status'] );
		$this->drive_all_states();
		$result = $check->run();
		$this->assertSame( 'recommended', $result['status'] );
		$this->assertSame( '5 Amazon products need attention', $result['label'] );
		$this->assertStringContainsString( 'Out of stock: 1', (string) $result['description'] );
		$tests = $check->add_test( array( 'direct' => array() ) );
		$this->assertArrayHasKey( Product_Health_Check::TEST, $tests['direct'] );
	}

	/**
	 * The digest: off by default; when on, counts and post titles with edit links, and no product
	 * link, price, image, title or ASIN (Amazon content may not go in e-mail).
	 */
	public function test_digest_has_counts_and_edit_links_but_no_amazon_content(): void {
		$this->drive_all_states();
		$mails = array();
		add_filter(
			'pre_wp_mail',
			static function ( $ignored, array $atts ) use ( &$mails ) {
				$mails[] = $atts;
				return true;
			},
			10,
			2
		);
		$digest = new Health_Digest( $this->report() );
		$this->assertFalse( $digest->send(), 'off by default' );
		$this->assertSame( array(), $mails );

		$digest->set_enabled( true );
		$this->assertNotFalse( wp_next_scheduled( Health_Digest::HOOK ) );
		$this->assertTrue( $digest->send() );
		$this->assertCount( 1, $mails );
		$mail = $mails[0];
		$this->assertSame( get_option( 'admin_email' ), $mail['to'] );
		$body = (string) $mail['message'];
		$this->assertStringContainsString( '5 Amazon products', $body );
		$this->assertStringContainsString( 'Out of stock: 1', $body );
		foreach ( $this->posts as $id ) {
			$this->assertStringContainsString( wp_specialchars_decode( (string) get_post( $id )?->post_title, ENT_QUOTES ), $body, 'plain-text titles' );
			$this->assertStringContainsString( Health_Report::edit_url( $id ), $body );
		}
		$text = $mail['subject'] . "\n" . $body;
		$this->assertDoesNotMatchRegularExpression( '/amazon\.[a-z.]+\//i', $text, 'no Amazon link' );
		$this->assertDoesNotMatchRegularExpression( '/[$€£¥]\s?\d|\d\s?[$€£¥]|\d+[.,]\d\d\b/u', $text, 'no price' );
		$this->assertDoesNotMatchRegularExpression( '/<img|media-amazon|\.(jpe?g|png|gif|webp|svg)\b/i', $text, 'no image' );
		foreach ( array( self::UNKNOWN, self::NO_OFFER, self::OUT_OF_STOCK, self::STALE, self::FAILING, 'Stored title' ) as $amazon_text ) {
			$this->assertStringNotContainsString( $amazon_text, $text );
		}
		preg_match_all( '#https?://\S+#', $text, $urls );
		foreach ( $urls[0] as $url ) {
			$this->assertStringStartsWith( admin_url(), $url, 'every link is the site\'s own admin' );
		}

		$digest->set_enabled( false );
		$this->assertFalse( wp_next_scheduled( Health_Digest::HOOK ) );
		$this->assertFalse( $digest->send() );
	}
}
