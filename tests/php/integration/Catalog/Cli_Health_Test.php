<?php
/**
 * The WP-CLI command class (WP-CLI itself is not installable here) and the Site Health checks.
 *
 * @package Amazon_Creators_API
 */

declare( strict_types = 1 );

namespace Amazon_Creators_API\Tests\Integration\Catalog;

use Amazon_Creators_API\Cli\Command;
use Amazon_Creators_API\Catalog\Product_Store;
use Amazon_Creators_API\Catalog\Refresh_Job;
use Amazon_Creators_API\Health\Site_Health;
use Amazon_Creators_API\Tests\Emulator;
use Amazon_Creators_API\Tests\Fixed_Credentials_Source;

require_once __DIR__ . '/Catalog_Test_Case.php';

/**
 * Command called directly with a writer; Site_Health's results.
 */
final class Cli_Health_Test extends Catalog_Test_Case {

	/**
	 * Output lines.
	 *
	 * @var list<string>
	 */
	private array $out = array();

	/**
	 * The command on the test's routing table.
	 */
	private function command(): Command {
		$service = $this->service();
		$store   = new Product_Store();
		return new Command(
			$service,
			$store,
			new Refresh_Job( $service, $store ),
			function ( string $line ): void {
				$this->out[] = $line;
			}
		);
	}

	/**
	 * Get, status, refresh, flush.
	 */
	public function test_commands(): void {
		$asins = array_slice( Emulator::catalog_asins( 'de' ), 0, 2 );
		$this->command()->get( array_merge( $asins, array( 'B0ZZZZZZZ1' ) ), array( 'country' => 'de' ) );
		$text = implode( "\n", $this->out );
		$this->assertStringContainsString( $asins[0], $text );
		$this->assertStringContainsString( 'invalid_asin', $text );
		$this->assertSame( 1, $this->get_items_calls() );

		$this->out = array();
		$this->command()->status( array(), array() );
		$text = implode( "\n", $this->out );
		$this->assertStringContainsString( "de\tcreators\t2.2\tclosed", $text );
		$this->assertStringContainsString( 'Stored products: 3', $text );

		$this->out = array();
		$this->command()->get(
			array( $asins[0] ),
			array(
				'country' => 'de',
				'refresh' => '1',
			)
		);
		$this->assertSame( 2, $this->get_items_calls() );

		$this->out = array();
		$this->command()->refresh( array(), array() );
		$this->assertStringStartsWith( 'Success: Refreshed', $this->out[0] );

		$this->out = array();
		$this->command()->flush( array(), array( 'country' => 'de' ) );
		$this->assertSame( 'Success: Deleted 3 stored products.', $this->out[0] );

		$this->out = array();
		$this->command()->search(
			array( 'wireless', 'headphones' ),
			array(
				'country' => 'us',
				'format'  => 'json',
			)
		);
		$this->assertNotEmpty( json_decode( $this->out[0], true ) );
		$this->expectException( \RuntimeException::class );
		$this->command()->search( array( 'x' ), array( 'country' => 'it' ) );
	}

	/**
	 * Site Health: routing, cron and table checks.
	 */
	public function test_site_health(): void {
		delete_option( Refresh_Job::LAST_RUN_OPTION );
		$health = new Site_Health( $this->router(), new Product_Store() );
		$tests  = $health->add_tests( array( 'direct' => array() ) );
		$this->assertArrayHasKey( 'acapi_routing', $tests['direct'] );

		$this->assertSame( 'recommended', $health->test_routing()['status'], 'UK and FR rely on PA-API' );
		$this->assertSame( 'good', $health->test_product_table()['status'] );
		$this->assertSame( 'good', $health->test_refresh_cron()['status'] );
		update_option(
			Refresh_Job::LAST_RUN_OPTION,
			array(
				'started'  => time() - 7300,
				'finished' => time() - 7200,
			)
		);
		$this->assertSame( 'critical', $health->test_refresh_cron()['status'] );

		$this->source = new Fixed_Credentials_Source( 'de' );
		$this->source->with_creators( 'cognito', 'de' );
		$this->assertSame( 'good', ( new Site_Health( $this->router(), new Product_Store() ) )->test_routing()['status'] );
		$this->source = new Fixed_Credentials_Source();
		$this->assertSame( 'recommended', ( new Site_Health( $this->router(), new Product_Store() ) )->test_routing()['status'] );

		$info = $health->add_debug_information( array() );
		$this->assertArrayHasKey( 'amazon-creators-api', $info );
	}
}
