<?php
/**
 * The Site Health checks (the WP-CLI commands are tested in tests/php/integration/Cli/).
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Catalog;

use Creators_Connect\Catalog\Product_Store;
use Creators_Connect\Catalog\Refresh_Job;
use Creators_Connect\Health\Site_Health;
use Creators_Connect\Tests\Fixed_Credentials_Source;

require_once __DIR__ . '/Catalog_Test_Case.php';

/**
 * Site_Health's results.
 */
final class Cli_Health_Test extends Catalog_Test_Case {

	/**
	 * Site Health: routing, cron and table checks.
	 */
	public function test_site_health(): void {
		delete_option( Refresh_Job::LAST_RUN_OPTION );
		$health = new Site_Health( $this->summary(), new Product_Store() );
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
		$this->assertSame( 'good', ( new Site_Health( $this->summary(), new Product_Store() ) )->test_routing()['status'] );
		$this->source = new Fixed_Credentials_Source();
		$this->assertSame( 'recommended', ( new Site_Health( $this->summary(), new Product_Store() ) )->test_routing()['status'] );

		$info = $health->add_debug_information( array() );
		$this->assertArrayHasKey( 'creators-connect-for-amazon', $info );
	}
}
