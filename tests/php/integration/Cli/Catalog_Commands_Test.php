<?php
/**
 * WP-CLI `item get`, `search`, `cache status|flush|refresh` and `route` on the test's fixed routing
 * table, called directly with a writer. Through the real `wp`: tests/php/site/Wp_Cli_Test.php.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Cli;

use Creators_Connect\Catalog\Product_Store;
use Creators_Connect\Catalog\Refresh_Job;
use Creators_Connect\Cli\Cache_Command;
use Creators_Connect\Cli\Item_Command;
use Creators_Connect\Cli\Output;
use Creators_Connect\Cli\Product_Rows;
use Creators_Connect\Cli\Route_Command;
use Creators_Connect\Cli\Search_Command;
use Creators_Connect\Tests\Emulator;
use Creators_Connect\Tests\Fixed_Credentials_Source;
use Creators_Connect\Tests\Integration\Catalog\Catalog_Test_Case;
use Creators_Connect\Tests\Read_Path;
use Creators_Connect\Support\Shared_Store;

require_once dirname( __DIR__ ) . '/Catalog/Catalog_Test_Case.php';

/**
 * The catalog's commands on the test's routing table (DE Cognito, US LWA, UK and FR PA-API only).
 */
final class Catalog_Commands_Test extends Catalog_Test_Case {

	/**
	 * Output lines.
	 *
	 * @var list<string>
	 */
	private array $out = array();

	/**
	 * An output that collects the lines.
	 */
	private function output(): Output {
		$this->out = array();
		return new Output(
			function ( string $line ): void {
				$this->out[] = $line;
			}
		);
	}

	/**
	 * The output so far.
	 */
	private function text(): string {
		return implode( "\n", $this->out );
	}

	/**
	 * The first output line, decoded as JSON.
	 *
	 * @return array<mixed>
	 */
	private function json(): array {
		$data = json_decode( $this->out[0] ?? '', true );
		$this->assertIsArray( $data, $this->text() );
		return $data;
	}

	/**
	 * Runs a command that must fail and returns its message.
	 *
	 * @param callable(): void $run The call.
	 */
	private function failure( callable $run ): string {
		try {
			$run();
		} catch ( \RuntimeException $exception ) {
			return $exception->getMessage();
		}
		$this->fail( 'The command did not fail. Output: ' . $this->text() );
	}

	/**
	 * `cache` on a fresh service.
	 */
	private function cache(): Cache_Command {
		$router  = $this->router();
		$store   = new Product_Store();
		$fetcher = Read_Path::fetcher( $router, $store, new Shared_Store() );
		return new Cache_Command( $fetcher, $router, $store, new Refresh_Job( $fetcher, $this->summary( $router ), $store ), $this->output() );
	}

	/**
	 * `route` with the statuses of the test's routing table.
	 */
	private function route(): Route_Command {
		return new Route_Command(
			$this->summary(),
			fn( string $country ): string => null === $this->source->creators_credentials( $country ) ? 'not_configured' : 'enabled',
			$this->output()
		);
	}

	/**
	 * `item get`: a table (products and errors), JSON, --refresh; one getItems call for a batch.
	 */
	public function test_item_get(): void {
		$asins = array_slice( Emulator::catalog_asins( 'de' ), 0, 2 );
		( new Item_Command( $this->service(), $this->router(), $this->output() ) )->get( array_merge( $asins, array( 'B0ZZZZZZZ1' ) ), array( 'country' => 'de' ) );
		$this->assertSame( implode( "\t", Product_Rows::FIELDS ), $this->out[0] );
		$this->assertCount( 4, $this->out );
		$this->assertStringStartsWith( $asins[0] . "\t", $this->out[1] );
		$this->assertStringContainsString( "creators 2.2\t", $this->out[1] );
		$this->assertStringContainsString( 'invalid_asin', $this->out[3] );
		$this->assertSame( 1, $this->get_items_calls() );

		// Stored now: JSON from the store, no call; the default marketplace (de) without --country.
		( new Item_Command( $this->service(), $this->router(), $this->output() ) )->get( $asins, array( 'format' => 'json' ) );
		$rows = $this->json();
		$this->assertCount( 2, $rows );
		$this->assertSame( Product_Rows::FIELDS, array_keys( $rows[0] ) );
		$this->assertSame( $asins[0], $rows[0]['asin'] );
		$this->assertSame( '', $rows[0]['error'] );
		$this->assertSame( 1, $this->get_items_calls() );

		( new Item_Command( $this->service(), $this->router(), $this->output() ) )->get(
			array( $asins[0] ),
			array(
				'country' => 'DE',
				'refresh' => true,
			)
		);
		$this->assertSame( 2, $this->get_items_calls() );
		$this->assertCount( 2, $this->out );
	}

	/**
	 * `item get` errors: no ASIN, unknown marketplace, unknown format, no default marketplace.
	 */
	public function test_item_get_errors(): void {
		$this->assertSame( 'Give at least one ASIN.', $this->failure( fn() => ( new Item_Command( $this->service(), $this->router(), $this->output() ) )->get( array(), array() ) ) );
		$this->assertStringStartsWith( 'Unknown marketplace "zz"', $this->failure( fn() => ( new Item_Command( $this->service(), $this->router(), $this->output() ) )->get( array( 'B0C7KX2Q4M' ), array( 'country' => 'zz' ) ) ) );
		$this->assertStringStartsWith( 'Unknown format "xml"', $this->failure( fn() => ( new Item_Command( $this->service(), $this->router(), $this->output() ) )->get( array( 'B0C7KX2Q4M' ), array( 'format' => 'xml' ) ) ) );
		$this->source = new Fixed_Credentials_Source();
		$this->assertSame( 'No default marketplace is set: pass --country.', $this->failure( fn() => ( new Item_Command( $this->service(), $this->router(), $this->output() ) )->get( array( 'B0C7KX2Q4M' ), array() ) ) );
		$this->assertSame( 0, $this->get_items_calls() );
	}

	/**
	 * `search`: table and JSON, --index, and its errors.
	 */
	public function test_search(): void {
		( new Search_Command( $this->service(), $this->output() ) )->__invoke( array( 'wireless', 'headphones' ), array( 'country' => 'us' ) );
		$this->assertSame( "asin\ttitle\tprice\tapi\tfetched_at", $this->out[0] );
		$this->assertGreaterThan( 1, count( $this->out ) );

		( new Search_Command( $this->service(), $this->output() ) )->__invoke(
			array( 'wireless headphones' ),
			array(
				'country' => 'us',
				'index'   => 'Electronics',
				'format'  => 'json',
			)
		);
		$rows = $this->json();
		$this->assertNotEmpty( $rows );
		$this->assertSame( array( 'asin', 'title', 'price', 'api', 'fetched_at' ), array_keys( $rows[0] ) );
		$this->assertSame( 2, $this->emulator->count( 'searchItems' ) );

		$this->assertSame( 'Give some keywords.', $this->failure( fn() => ( new Search_Command( $this->service(), $this->output() ) )->__invoke( array( ' ' ), array() ) ) );
		$this->assertNotSame( '', $this->failure( fn() => ( new Search_Command( $this->service(), $this->output() ) )->__invoke( array( 'x' ), array( 'country' => 'it' ) ) ), 'Italy is not configured' );
		$this->assertStringStartsWith( 'Unknown marketplace', $this->failure( fn() => ( new Search_Command( $this->service(), $this->output() ) )->__invoke( array( 'x' ), array( 'country' => 'xx' ) ) ) );

		// Amazon's filters: passed on when allowed, refused with the allowed values named.
		( new Search_Command( $this->service(), $this->output() ) )->__invoke(
			array( 'headphones' ),
			array(
				'country'            => 'us',
				'sort-by'            => 'Price:HighToLow',
				'delivery-flags'     => 'Prime,FreeShipping',
				'min-reviews-rating' => '3',
				'format'             => 'json',
			)
		);
		$this->assertSame( 3, $this->emulator->count( 'searchItems' ) );
		$this->assertSame(
			'sort_by “Cheapest” is not allowed. Use one of: AvgCustomerReviews, Featured, NewestArrivals, Price:HighToLow, Price:LowToHigh, Relevance.',
			$this->failure( fn() => ( new Search_Command( $this->service(), $this->output() ) )->__invoke( array( 'x' ), array( 'sort-by' => 'Cheapest' ) ) )
		);
		$this->assertStringContainsString( 'from 1 to 99', $this->failure( fn() => ( new Search_Command( $this->service(), $this->output() ) )->__invoke( array( 'x' ), array( 'min-saving-percent' => '0' ) ) ) );
		$this->assertStringContainsString( 'at most 200 characters', $this->failure( fn() => ( new Search_Command( $this->service(), $this->output() ) )->__invoke( array( str_repeat( 'k', 201 ) ), array( 'country' => 'us' ) ) ) );
		$this->assertStringContainsString( 'is not one of Amazon', $this->failure( fn() => ( new Search_Command( $this->service(), $this->output() ) )->__invoke( array( 'headphones' ), array( 'index' => 'Bücher' ) ) ) );
		$this->assertSame( 3, $this->emulator->count( 'searchItems' ), 'refused before Amazon' );
	}

	/**
	 * `cache status`: counts and the last run, as a table and JSON; the overdue warning.
	 */
	public function test_cache_status(): void {
		delete_option( Refresh_Job::LAST_RUN_OPTION );
		$this->store_product( 'de', 'B0STORED01', 60 );
		$this->store_product( 'de', 'B0STORED02', 2 * 86400 );
		$this->cache()->status( array(), array() );
		$this->assertSame( "total\tfresh\tstale\tover_24h\tnever_fetched\tfailing\tlast_refresh\tlast_result", $this->out[0] );
		$this->assertStringStartsWith( "2\t1\t0\t1\t0\t0\tnever\t", $this->out[1] );

		update_option(
			Refresh_Job::LAST_RUN_OPTION,
			array(
				'started'   => time() - 7300,
				'finished'  => time() - 7200,
				'refreshed' => 4,
				'failed'    => 1,
			)
		);
		$this->cache()->status( array(), array( 'format' => 'json' ) );
		$rows = $this->json();
		$this->assertSame( '2', $rows[0]['total'] );
		$this->assertSame( '4 refreshed, 1 failed', $rows[0]['last_result'] );
		$this->assertStringStartsWith( 'Warning: WP-Cron has not run', $this->out[1] );
	}

	/**
	 * `cache flush`: a marketplace, some ASINs of the default marketplace, everything; errors.
	 */
	public function test_cache_flush(): void {
		$this->store_product( 'de', 'B0STORED01', 60 );
		$this->store_product( 'de', 'B0STORED02', 60 );
		$this->store_product( 'de', 'B0STORED03', 60 );
		$this->store_product( 'us', 'B0STORED01', 60 );

		$this->cache()->flush( array( 'b0stored01' ), array() );
		$this->assertSame( array( 'Success: Deleted 1 stored product.' ), $this->out );
		$this->assertNotNull( ( new Product_Store() )->get( 'us', 'B0STORED01' ), 'Only the default marketplace (de)' );

		$this->cache()->flush( array(), array( 'country' => 'de' ) );
		$this->assertSame( array( 'Success: Deleted 2 stored products.' ), $this->out );

		$this->cache()->flush( array(), array( 'yes' => true ) );
		$this->assertSame( array( 'Success: Deleted 1 stored product.' ), $this->out );

		$this->assertStringStartsWith( 'Unknown marketplace', $this->failure( fn() => $this->cache()->flush( array(), array( 'country' => 'zz' ) ) ) );
		$this->source = new Fixed_Credentials_Source();
		$this->assertSame( 'No default marketplace is set: pass --country.', $this->failure( fn() => $this->cache()->flush( array( 'B0STORED01' ), array() ) ) );
	}

	/**
	 * `cache refresh`: the job's run; --country refreshes every stored product of a marketplace.
	 */
	public function test_cache_refresh(): void {
		$asins = array_slice( Emulator::catalog_asins( 'de' ), 0, 3 );
		foreach ( $asins as $asin ) {
			$this->store_product( 'de', $asin, 60 );
		}
		$this->store_product( 'us', Emulator::catalog_asins( 'us' )[0], 60 );

		$this->cache()->refresh( array(), array( 'budget' => '5' ) );
		$this->assertStringStartsWith( 'Success: Refreshed', $this->out[0] );

		$before = $this->get_items_calls( 'de' );
		$this->cache()->refresh( array(), array( 'country' => 'de' ) );
		$this->assertSame( array( 'Success: Refreshed 3 stored products of de; 0 failed.' ), $this->out );
		$this->assertSame( $before + 1, $this->get_items_calls( 'de' ), 'Three ASINs: one request' );
		$this->assertNotSame( 'Stored title', ( new Product_Store() )->get( 'de', $asins[0] )?->product->title );

		$this->assertSame( 'The it marketplace is not configured.', $this->failure( fn() => $this->cache()->refresh( array(), array( 'country' => 'it' ) ) ) );
	}

	/**
	 * `route`: which API answers and why, as a table and JSON; errors.
	 */
	public function test_route(): void {
		$this->route()->__invoke( array( 'de' ), array() );
		$this->assertSame( "field\tvalue", $this->out[0] );
		$this->assertContains( "api\tcreators", $this->out );
		$this->assertContains( "api_version\t2.2", $this->out );
		$this->assertContains( "circuit\tclosed", $this->out );
		$this->assertContains( "paapi_retired_warning\tno", $this->out );

		$this->route()->__invoke( array( 'UK' ), array( 'format' => 'json' ) );
		$route = $this->json();
		$this->assertSame( 'uk', $route['country'] );
		$this->assertSame( 'paapi', $route['api'] );
		$this->assertTrue( $route['paapi_retired_warning'] );
		$this->assertSame( $this->summary()->describe( 'uk', 'not_configured' ), $route );

		$this->route()->__invoke( array( 'it' ), array( 'format' => 'json' ) );
		$this->assertSame( 'none', $this->json()['api'] );

		$this->assertStringStartsWith( 'Unknown marketplace "zz"', $this->failure( fn() => $this->route()->__invoke( array( 'zz' ), array() ) ) );
		$this->assertSame( 'Give a marketplace country code.', $this->failure( fn() => $this->route()->__invoke( array(), array() ) ) );
		$this->assertStringStartsWith( 'Unknown format', $this->failure( fn() => $this->route()->__invoke( array( 'de' ), array( 'format' => 'xml' ) ) ) );
	}
}
