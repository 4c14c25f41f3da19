<?php
/**
 * The plugin's WP-CLI commands through the real `wp` (vendor/bin/wp, WP-CLI 2.11), on a site
 * with the emulator's demo credentials (tools/seed-demo.php): help texts, exit statuses, option
 * checks and plural forms as a user sees them.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Site;

use Creators_Connect\Tests\Emulator;
use Creators_Connect\Tests\Test_Site;
use PHPUnit\Framework\TestCase;

/**
 * `wp acapi …` on one site (US on LWA, Germany on Cognito, the UK disabled, France PA-API only).
 */
final class Wp_Cli_Test extends TestCase {

	/**
	 * The site, made once for the class.
	 *
	 * @var Test_Site|null
	 */
	private static ?Test_Site $site = null;

	/**
	 * The emulator.
	 *
	 * @var Emulator
	 */
	private Emulator $emulator;

	/**
	 * Makes the site and seeds the demo credentials.
	 */
	public static function setUpBeforeClass(): void {
		parent::setUpBeforeClass();
		self::$site = Test_Site::create( 'site-cli', 8893 );
		exec( escapeshellarg( PHP_BINARY ) . ' ' . escapeshellarg( dirname( __DIR__, 3 ) . '/tools/seed-demo.php' ) . ' ' . escapeshellarg( self::site()->dir ) . ' 2>&1', $output, $status );
		self::assertSame( 0, $status, implode( "\n", $output ) );
	}

	/**
	 * The site.
	 */
	private static function site(): Test_Site {
		if ( null === self::$site ) {
			self::fail( 'No site' );
		}
		return self::$site;
	}

	/**
	 * A clean emulator and an empty product table for each test.
	 */
	protected function setUp(): void {
		parent::setUp();
		$this->emulator = new Emulator();
		if ( ! $this->emulator->is_up() ) {
			$this->markTestSkipped( 'The Amazon emulator is not running (tools/test-php.sh starts it).' );
		}
		$this->emulator->reset();
		$this->wp_ok( array( 'acapi', 'cache', 'flush', '--yes' ) );
		$this->emulator->reset();
	}

	/**
	 * No PHP notice, warning or deprecation of the plugin in the site's debug log.
	 */
	protected function tearDown(): void {
		$log = self::site()->dir . '/wp-content/debug.log';
		$this->assertFileDoesNotExist( $log, is_file( $log ) ? (string) file_get_contents( $log ) : '' );
		parent::tearDown();
	}

	/**
	 * Runs `wp` and expects success and nothing on stderr.
	 *
	 * @param list<string> $args Arguments.
	 */
	private function wp_ok( array $args ): string {
		$result = self::site()->wp( $args );
		$this->assertSame( 0, $result['status'], 'wp ' . implode( ' ', $args ) . ' failed: ' . $result['stdout'] . $result['stderr'] );
		$this->assertSame( '', $result['stderr'], 'wp ' . implode( ' ', $args ) );
		return $result['stdout'];
	}

	/**
	 * Runs `wp` and expects exit status 1 and an error line.
	 *
	 * @param list<string> $args Arguments.
	 * @return array{stdout: string, error: string}
	 */
	private function wp_fails( array $args ): array {
		$result = self::site()->wp( $args );
		$this->assertSame( 1, $result['status'], 'wp ' . implode( ' ', $args ) . ' should fail: ' . $result['stdout'] . $result['stderr'] );
		$this->assertMatchesRegularExpression( '/^Error: /m', $result['stderr'] );
		return array(
			'stdout' => $result['stdout'],
			'error'  => trim( (string) preg_replace( '/^.*?Error: /s', '', $result['stderr'] ) ),
		);
	}

	/**
	 * Help text with the line breaks of the terminal taken out.
	 *
	 * @param string $text Help output.
	 */
	private static function flat( string $text ): string {
		return (string) preg_replace( '/\s+/', ' ', $text );
	}

	/**
	 * `wp help acapi` and its subcommands show whole descriptions, from the docblocks.
	 */
	public function test_help_shows_the_descriptions(): void {
		$help = self::flat( $this->wp_ok( array( 'help', 'acapi' ) ) );
		$this->assertStringContainsString( 'DESCRIPTION Amazon products through the Creators API: products, searches, stored data, marketplaces.', $help );
		foreach ( array( 'cache', 'health', 'item', 'marketplace', 'route', 'search' ) as $command ) {
			$this->assertMatchesRegularExpression( '/ ' . $command . ' [A-Z][^.]+\./', $help, "`$command` has no description" );
		}
		$this->assertStringContainsString( 'DESCRIPTION Amazon products through the Creators API', self::flat( $this->wp_ok( array( 'help', 'creators-connect-for-amazon' ) ) ) );

		// Every summary is a whole sentence, not the first line of a paragraph.
		$cache = self::flat( $this->wp_ok( array( 'help', 'acapi', 'cache' ) ) );
		$this->assertStringContainsString( 'refresh Refreshes stored products now, like the cron event or for one marketplace.', $cache );
		$this->assertStringContainsString( 'flush Deletes stored products; pages fetch them again when they show them.', $cache );
		$market = self::flat( $this->wp_ok( array( 'help', 'acapi', 'marketplace' ) ) );
		$this->assertStringContainsString( 'test Tests a marketplace\'s stored credentials against Amazon, like "Test connection".', $market );

		// The long description and the options come from the method's docblock.
		$refresh = self::flat( $this->wp_ok( array( 'help', 'acapi', 'cache', 'refresh' ) ) );
		$this->assertStringContainsString( 'With --country: every stored product of that marketplace', $refresh );
		$this->assertStringContainsString( '[--budget=<seconds>] Longest run time of the refresh job in seconds', $refresh );
	}

	/**
	 * `item get`: exit 0 with products, exit 1 when every item failed (the table still shows why).
	 */
	public function test_item_get_exit_status(): void {
		$asins = array_slice( Emulator::catalog_asins( 'us' ), 0, 2 );
		$json  = json_decode( $this->wp_ok( array_merge( array( 'acapi', 'item', 'get' ), $asins, array( '--country=us', '--format=json' ) ) ), true );
		$this->assertIsArray( $json );
		$this->assertSame( $asins, array_column( $json, 'asin' ) );
		$this->assertSame( 1, $this->emulator->count( 'getItems' ) );

		// One good, one unknown: some work done, exit 0.
		$this->wp_ok( array( 'acapi', 'item', 'get', $asins[0], 'B0ZZZZZZZ1', '--country=us' ) );

		$failed = $this->wp_fails( array( 'acapi', 'item', 'get', 'B0ZZZZZZZ1', 'B0ZZZZZZZ2', '--country=us' ) );
		$this->assertSame( 'Could not fetch any of the 2 items.', $failed['error'] );
		$this->assertStringContainsString( 'B0ZZZZZZZ1', $failed['stdout'] );
		$this->assertStringContainsString( 'invalid_asin', $failed['stdout'] );
		$this->assertSame( 'Could not fetch the 1 item.', $this->wp_fails( array( 'acapi', 'item', 'get', 'B0ZZZZZZZ1', '--country=us' ) )['error'] );

		$this->assertStringStartsWith( 'Unknown marketplace "zz"', $this->wp_fails( array( 'acapi', 'item', 'get', $asins[0], '--country=zz' ) )['error'] );
		// WP-CLI itself checks the options listed in the docblock.
		$this->assertStringContainsString( "Invalid value specified for 'format'", $this->wp_fails( array( 'acapi', 'item', 'get', $asins[0], '--format=xml' ) )['error'] );
	}

	/**
	 * `cache refresh --budget` takes a number of seconds above 0 and nothing else.
	 */
	public function test_cache_refresh_validates_the_budget(): void {
		foreach ( array( 'abc', '0', '-5', '' ) as $budget ) {
			$failed = $this->wp_fails( array( 'acapi', 'cache', 'refresh', '--budget=' . $budget ) );
			$this->assertStringStartsWith( 'Invalid --budget "' . $budget . '"', $failed['error'] );
		}
		$this->assertSame( 0, $this->emulator->count( 'getItems' ) );
		$this->assertMatchesRegularExpression( '/^Success: Refreshed 0 products in 0 batches; 0 failed; 0 left for the next run\.$/m', $this->wp_ok( array( 'acapi', 'cache', 'refresh', '--budget=2.5' ) ) );
	}

	/**
	 * `cache refresh --country` and `cache flush`: singular and plural forms.
	 */
	public function test_plural_forms(): void {
		$asins = array_slice( Emulator::catalog_asins( 'de' ), 0, 2 );
		$this->wp_ok( array( 'acapi', 'item', 'get', $asins[0], '--country=de' ) );
		$this->assertSame( "Success: Refreshed 1 stored product of de; 0 failed.\n", $this->wp_ok( array( 'acapi', 'cache', 'refresh', '--country=de' ) ) );
		$this->assertSame( "Success: Deleted 1 stored product.\n", $this->wp_ok( array( 'acapi', 'cache', 'flush', '--country=de', '--yes' ) ) );

		$this->wp_ok( array_merge( array( 'acapi', 'item', 'get' ), $asins, array( '--country=de' ) ) );
		$this->assertSame( "Success: Refreshed 2 stored products of de; 0 failed.\n", $this->wp_ok( array( 'acapi', 'cache', 'refresh', '--country=de' ) ) );
		$this->assertSame( "Success: Deleted 2 stored products.\n", $this->wp_ok( array( 'acapi', 'cache', 'flush', '--yes' ) ) );
		$this->assertSame( "Success: Deleted 0 stored products.\n", $this->wp_ok( array( 'acapi', 'cache', 'flush', '--yes' ) ) );
	}

	/**
	 * `cache refresh` exits 1 when products were due and none could be refreshed.
	 */
	public function test_cache_refresh_fails_when_nothing_could_be_refreshed(): void {
		$asin = Emulator::catalog_asins( 'de' )[0];
		$this->wp_ok( array( 'acapi', 'item', 'get', $asin, '--country=de' ) );
		$this->emulator->fault(
			array(
				'fault'       => 'server_error',
				'times'       => -1,
				'operation'   => 'getItems',
				'marketplace' => 'de',
			)
		);
		try {
			$failed = $this->wp_fails( array( 'acapi', 'cache', 'refresh', '--country=de' ) );
			$this->assertSame( 'Refreshed 0 stored products of de; 1 failed.', $failed['error'] );
		} finally {
			$this->emulator->clear_faults();
		}
	}

	/**
	 * `marketplace test`: the whole verdict and exit 0, exit 1 when Amazon refuses or nothing is set up.
	 */
	public function test_marketplace_test_exit_status(): void {
		$this->assertMatchesRegularExpression( '/^Success: us: Connected\. [^\n]+\.\n$/', $this->wp_ok( array( 'acapi', 'marketplace', 'test', 'us' ) ) );

		$this->emulator->fault(
			array(
				'fault' => 'not_eligible',
				'times' => -1,
			)
		);
		try {
			$failed = $this->wp_fails( array( 'acapi', 'marketplace', 'test', 'us' ) );
			$this->assertStringStartsWith( 'us: ', $failed['error'] );
			$this->assertStringContainsString( '(not_eligible)', $failed['error'] );
		} finally {
			$this->emulator->clear_faults();
		}
		$this->assertSame( 'This marketplace is not configured.', $this->wp_fails( array( 'acapi', 'marketplace', 'test', 'it' ) )['error'] );
	}

	/**
	 * `marketplace list`, `route` and `search` answer through WP-CLI's formatter, never with a secret.
	 */
	public function test_list_route_and_search(): void {
		$list = json_decode( $this->wp_ok( array( 'acapi', 'marketplace', 'list', '--format=json' ) ), true );
		$this->assertIsArray( $list );
		$this->assertEqualsCanonicalizing( array( 'us', 'de', 'jp', 'uk' ), array_column( $list, 'country' ) );
		$secrets = Emulator::credentials();
		$listed  = (string) json_encode( $list ); // phpcs:ignore WordPress.WP.AlternativeFunctions.json_encode_json_encode -- No WordPress in this process.
		$this->assertStringNotContainsString( (string) $secrets['lwa']['NA']['credential_secret'], $listed );

		$route = json_decode( $this->wp_ok( array( 'acapi', 'route', 'uk', '--format=json' ) ), true );
		$this->assertIsArray( $route );
		$this->assertSame( 'paapi', $route['api'] );

		$search = json_decode( $this->wp_ok( array( 'acapi', 'search', 'wireless', 'headphones', '--country=us', '--format=json' ) ), true );
		$this->assertIsArray( $search );
		$this->assertNotEmpty( $search );
		$this->assertGreaterThan( 0, $this->emulator->count( 'searchItems' ) );
	}

	/**
	 * `wp acapi settings export|import`: no secret out; an import without a secret it needs fails
	 * with exit status 1 and changes nothing; with `--secrets` it imports; the export imports back.
	 */
	public function test_settings_export_and_import(): void {
		$export = $this->wp_ok( array( 'acapi', 'settings', 'export' ) );
		$file   = json_decode( $export, true );
		$this->assertIsArray( $file );
		$this->assertSame( 'creators-connect-for-amazon/settings', $file['format'] );
		$credentials = Emulator::credentials();
		foreach ( array( 'cognito', 'lwa' ) as $type ) {
			foreach ( $credentials[ $type ] as $set ) {
				$this->assertStringNotContainsString( (string) $set['credential_secret'], $export );
			}
		}
		$this->assertStringNotContainsString( (string) $credentials['paapi']['secret_key'], $export );
		$countries = array_column( $file['marketplaces'], 'country' );
		$this->assertContains( 'de', $countries );

		$dir      = sys_get_temp_dir() . '/acapi-cli-' . getmypid();
		$original = $dir . '/settings.json';
		if ( ! is_dir( $dir ) ) {
			mkdir( $dir ); // phpcs:ignore WordPress.WP.AlternativeFunctions -- a test directory; WordPress is not loaded here.
		}
		file_put_contents( $original, $export ); // phpcs:ignore WordPress.WP.AlternativeFunctions -- a test file.

		// On the site it came from: nothing to ask for.
		$dry = self::flat( $this->wp_ok( array( 'acapi', 'settings', 'import', $original, '--dry-run' ) ) );
		$this->assertMatchesRegularExpression( '/de\s+update\s+yes\s+\S+\s+\S+\s+kept/', $dry );
		$this->assertStringContainsString( 'nothing was changed', $dry );

		// Other credentials for Germany: their secret is needed.
		$changed = $file;
		foreach ( $changed['marketplaces'] as $index => $item ) {
			if ( 'de' === $item['country'] ) {
				$changed['marketplaces'][ $index ]['credential_type'] = 'lwa';
				$changed['marketplaces'][ $index ]['credential_id']   = $credentials['lwa']['EU']['credential_id'];
				$changed['marketplaces'][ $index ]['api_version']     = '';
			}
		}
		$other = $dir . '/other.json';
		file_put_contents( $other, (string) json_encode( $changed ) ); // phpcs:ignore WordPress.WP.AlternativeFunctions -- a test file.
		$before = $this->wp_ok( array( 'acapi', 'marketplace', 'list', '--format=json' ) );
		$failed = $this->wp_fails( array( 'acapi', 'settings', 'import', $other ) );
		$this->assertStringContainsString( 'Nothing was imported. secrets.de: Germany:', $failed['error'] );
		$this->assertSame( $before, $this->wp_ok( array( 'acapi', 'marketplace', 'list', '--format=json' ) ) );

		$secrets = $dir . '/secrets.json';
		file_put_contents( $secrets, (string) json_encode( array( 'de' => $credentials['lwa']['EU']['credential_secret'] ) ) ); // phpcs:ignore WordPress.WP.AlternativeFunctions -- a test file.
		$this->assertStringContainsString( 'Success: Imported', $this->wp_ok( array( 'acapi', 'settings', 'import', $other, '--secrets=' . $secrets ) ) );
		$germany = array_values( array_filter( (array) json_decode( $this->wp_ok( array( 'acapi', 'marketplace', 'list', '--format=json' ) ), true ), static fn( $row ): bool => is_array( $row ) && 'de' === $row['country'] ) );
		$this->assertSame( 'lwa', $germany[0]['credential_type'] );
		$this->assertSame( '3.2', $germany[0]['api_version'] );
		$this->assertStringContainsString( 'Success: de:', $this->wp_ok( array( 'acapi', 'marketplace', 'test', 'de' ) ) );

		// And back to the original, with its secret.
		file_put_contents( $secrets, (string) json_encode( array( 'de' => $credentials['cognito']['EU']['credential_secret'] ) ) ); // phpcs:ignore WordPress.WP.AlternativeFunctions -- a test file.
		$this->wp_ok( array( 'acapi', 'settings', 'import', $original, '--secrets=' . $secrets ) );
		$this->assertSame( $before, $this->wp_ok( array( 'acapi', 'marketplace', 'list', '--format=json' ) ) );

		// A file that is not ours.
		file_put_contents( $other, '{"format":"asa2"}' ); // phpcs:ignore WordPress.WP.AlternativeFunctions -- a test file.
		$this->assertStringContainsString( 'not a settings file', $this->wp_fails( array( 'acapi', 'settings', 'import', $other ) )['error'] );
		array_map( 'unlink', (array) glob( $dir . '/*' ) );
		rmdir( $dir ); // phpcs:ignore WordPress.WP.AlternativeFunctions -- a test directory.
	}

	/**
	 * `health`: a product a published post shows goes out of stock; the command lists it with the
	 * post's id, filters by state, and WP-CLI itself refuses an unknown state.
	 */
	public function test_health_lists_problem_products_with_their_posts(): void {
		$post = (string) self::site()->run( "return wp_insert_post( array( 'post_status' => 'publish', 'post_title' => 'Camping checklist', 'post_content' => '<!-- wp:creators-connect-for-amazon/product {\"asins\":[\"B0COUTSTK2\",\"B0CNOOFFR1\"],\"country\":\"us\"} /-->' ) );" );
		$this->assertMatchesRegularExpression( '/^\d+$/', $post );
		$this->wp_ok( array( 'acapi', 'item', 'get', 'B0COUTSTK2', 'B0CNOOFFR1', '--country=us' ) );

		$rows = json_decode( $this->wp_ok( array( 'acapi', 'health', '--marketplace=us', '--format=json' ) ), true );
		$this->assertIsArray( $rows );
		$states = array_column( $rows, 'state', 'asin' );
		$this->assertSame( 'out_of_stock', $states['B0COUTSTK2'] ?? null );
		$this->assertSame( 'no_offer', $states['B0CNOOFFR1'] ?? null );
		foreach ( $rows as $row ) {
			$this->assertContains( $post, explode( ',', (string) $row['posts'] ) );
		}
		$only = json_decode( $this->wp_ok( array( 'acapi', 'health', '--state=out_of_stock', '--format=json' ) ), true );
		$this->assertIsArray( $only );
		$this->assertSame( array( 'out_of_stock' ), array_values( array_unique( array_column( $only, 'state' ) ) ) );
		$this->assertStringContainsString( "Invalid value specified for 'state'", $this->wp_fails( array( 'acapi', 'health', '--state=broken' ) )['error'] );
		$this->assertStringContainsString( 'Lists products that are gone, without an offer, out of stock, or failing to refresh.', self::flat( $this->wp_ok( array( 'help', 'acapi', 'health' ) ) ) );
		self::site()->run( 'return wp_delete_post( ' . (int) $post . ', true ) instanceof WP_Post;' );
	}
}
