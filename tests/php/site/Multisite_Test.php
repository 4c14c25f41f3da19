<?php
/**
 * The plugin on a real subdirectory multisite network (tools/wp-install.php --multisite, SQLite):
 * per-site settings, network activation, sites added later, network deactivation and uninstall.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Site;

use Creators_Connect\Tests\Test_Site;
use PHPUnit\Framework\TestCase;

/**
 * Each test gets a fresh network with a main site and the sites /two/ and /three/.
 */
final class Multisite_Test extends TestCase {

	/**
	 * The plugin's main file, as WordPress names it.
	 */
	private const PLUGIN = 'creators-connect-for-amazon/plugin.php';

	/**
	 * The network.
	 *
	 * @var Test_Site
	 */
	private Test_Site $network;

	/**
	 * A fresh network with three sites and the plugin not active anywhere.
	 */
	protected function setUp(): void {
		parent::setUp();
		$this->network = Test_Site::create( 'site-multisite', 8894, true );
		$ids           = $this->network->run(
			'return array(
				wpmu_create_blog( DOMAIN_CURRENT_SITE, "/two/", "Two", 1 ),
				wpmu_create_blog( DOMAIN_CURRENT_SITE, "/three/", "Three", 1 ),
			);'
		);
		$this->assertSame( array( 2, 3 ), $ids );
	}

	/**
	 * No PHP notice, warning or deprecation in the network's debug log.
	 */
	protected function tearDown(): void {
		$log = $this->network->dir . '/wp-content/debug.log';
		$this->assertFileDoesNotExist( $log, is_file( $log ) ? (string) file_get_contents( $log ) : '' );
		parent::tearDown();
	}

	/**
	 * Per site: whether the product table exists, the schema option, the refresh event.
	 *
	 * @return array<int, array{table: bool, schema: int, event: bool}>
	 */
	private function sites_state(): array {
		return $this->per_site(
			'array(
				"table"  => $has_table,
				"schema" => (int) get_option( "acapi_products_schema", 0 ),
				"event"  => false !== wp_next_scheduled( "acapi_refresh_products" ),
			)'
		);
	}

	/**
	 * A PHP expression evaluated on every site of the network ($wpdb and $has_table, whether the
	 * site's product table exists, are set), by site id.
	 *
	 * @param string $expression PHP expression.
	 * @return array<int, mixed>
	 */
	private function per_site( string $expression ): array {
		$result = $this->network->run(
			'$out = array();
			foreach ( get_sites( array( "fields" => "ids", "number" => 0 ) ) as $id ) {
				switch_to_blog( $id );
				global $wpdb;
				$table      = $wpdb->prefix . "acapi_products";
				$has_table  = $table === $wpdb->get_var( $wpdb->prepare( "SHOW TABLES LIKE %s", $table ) );
				$out[ $id ] = ' . $expression . ';
				restore_current_blog();
			}
			return $out;'
		);
		$this->assertIsArray( $result );
		return $result;
	}

	/**
	 * Network activation sets up every site; a site created afterwards is set up too.
	 */
	public function test_network_activation_and_sites_added_later(): void {
		$this->assertNull( $this->network->run( 'return activate_plugin( "' . self::PLUGIN . '", "", true );' ) );
		$this->assertTrue( $this->network->run( 'return is_plugin_active_for_network( "' . self::PLUGIN . '" );' ) );
		$expected = array(
			'table'  => true,
			'schema' => 1,
			'event'  => true,
		);
		$this->assertSame(
			array(
				1 => $expected,
				2 => $expected,
				3 => $expected,
			),
			$this->sites_state()
		);

		$this->assertSame( 4, $this->network->run( 'return wpmu_create_blog( DOMAIN_CURRENT_SITE, "/four/", "Four", 1 );' ) );
		$this->assertSame( $expected, $this->sites_state()[4] );
	}

	/**
	 * A site activation touches that site only; a new site then gets nothing.
	 */
	public function test_activation_on_one_site(): void {
		$this->assertNull( $this->network->run( 'return activate_plugin( "' . self::PLUGIN . '" );', '/two/' ) );
		$state = $this->sites_state();
		$this->assertTrue( $state[2]['table'] && $state[2]['event'] );
		$this->assertFalse( $state[1]['table'] || $state[1]['event'] || $state[3]['table'] || $state[3]['event'] );
		$this->network->run( 'return wpmu_create_blog( DOMAIN_CURRENT_SITE, "/four/", "Four", 1 );' );
		$this->assertFalse( $this->sites_state()[4]['table'] );
	}

	/**
	 * Each site has its own marketplaces: WP-CLI with --url shows the site's own.
	 */
	public function test_settings_are_per_site(): void {
		$this->network->run( 'return activate_plugin( "' . self::PLUGIN . '", "", true );' );
		$add = static fn( string $country ): string => 'return ! is_wp_error( ( new Creators_Connect\Settings\Marketplace_Rows( new Creators_Connect\Settings\Secret_Box() ) )->add( array(
			"country" => "' . $country . '", "enabled" => true, "credential_type" => "lwa",
			"credential_id" => "amzn1.application-oa2-client.acab1e00000000000000000000000032",
			"credential_secret" => "amzn1.oa2-cs.v1.acab1e5ec0000000000000000000000000000000000000000000000000000032",
			"partner_tag" => "acapidemo' . $country . '-21" ) ) );';
		$this->assertTrue( $this->network->run( $add( 'de' ), '/two/' ) );
		$this->assertTrue( $this->network->run( $add( 'fr' ), '/three/' ) );

		foreach ( array(
			'/'       => array(),
			'/two/'   => array( 'de' ),
			'/three/' => array( 'fr' ),
		) as $path => $countries ) {
			$result = $this->network->wp( array( 'acapi', 'marketplace', 'list', '--format=json' ), $path );
			$this->assertSame( 0, $result['status'], $result['stderr'] );
			$this->assertSame( $countries, array_column( (array) json_decode( $result['stdout'], true ), 'country' ), "site $path" );
		}
	}

	/**
	 * Network deactivation removes every site's events and keeps their data.
	 */
	public function test_network_deactivation_unschedules_every_site(): void {
		$this->network->run( 'return activate_plugin( "' . self::PLUGIN . '", "", true );' );
		$this->assertSame( array( true, true, true ), array_column( $this->sites_state(), 'event' ) );
		$this->network->run( 'deactivate_plugins( "' . self::PLUGIN . '", false, true ); return true;' );
		$this->assertFalse( $this->network->run( 'return is_plugin_active_for_network( "' . self::PLUGIN . '" );' ) );
		$state = $this->sites_state();
		$this->assertSame( array( false, false, false ), array_column( $state, 'event' ) );
		$this->assertSame( array( true, true, true ), array_column( $state, 'table' ) );
	}

	/**
	 * Gives every site settings (with the given "delete data on uninstall"), a product, a token
	 * transient and a refresh event; then deactivates the plugin as the network admin must first.
	 *
	 * @param array<int, bool> $delete The opt-in per site id.
	 */
	private function seed_and_deactivate( array $delete ): void {
		$this->network->run( 'return activate_plugin( "' . self::PLUGIN . '", "", true );' );
		foreach ( $delete as $id => $opt_in ) {
			$this->network->run(
				'switch_to_blog( ' . $id . ' );
				update_option( "acapi_general", array( "delete_data_on_uninstall" => ' . ( $opt_in ? 'true' : 'false' ) . ' ), false );
				update_option( "acapi_marketplace_de", array( "country" => "de", "credential_secret" => "sealed" ), false );
				update_option( "acapi_default_marketplace", "de" );
				set_transient( "acapi_token_test", "a token", 3600 );
				global $wpdb;
				$wpdb->insert( $wpdb->prefix . "acapi_products", array( "marketplace" => "de", "asin" => "B0STORED01", "product" => "{}" ) );
				restore_current_blog();
				return true;'
			);
		}
		$this->network->run( 'deactivate_plugins( "' . self::PLUGIN . '", false, true ); return true;' );
		// Events a site may still hold (a one-off "soon" run, say): uninstall must take them too.
		foreach ( array_keys( $delete ) as $id ) {
			$this->network->run( 'switch_to_blog( ' . $id . ' ); wp_schedule_single_event( time() + 600, "acapi_refresh_products", array( "soon" ) ); restore_current_blog(); return true;' );
		}
	}

	/**
	 * What is left of the plugin on each site.
	 *
	 * @return array<int, array{options: list<string>, products: bool, event: bool}>
	 */
	private function leftovers(): array {
		return $this->per_site(
			'array(
				"options"  => $wpdb->get_col( "SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE \'%acapi%\' ORDER BY option_name" ),
				"products" => $has_table,
				"event"    => false !== wp_next_scheduled( "acapi_refresh_products", array( "soon" ) ),
			)'
		);
	}

	/**
	 * Runs uninstall.php as the Plugins screen does when the network admin deletes the plugin.
	 */
	private function uninstall(): void {
		$this->assertTrue( $this->network->run( 'uninstall_plugin( "' . self::PLUGIN . '" ); return true;' ) );
	}

	/**
	 * With the opt-in on every site, uninstall removes every site's options, transients, table
	 * and events.
	 */
	public function test_uninstall_with_the_opt_in_removes_every_sites_data(): void {
		$this->seed_and_deactivate(
			array(
				1 => true,
				2 => true,
				3 => true,
			)
		);
		$before = $this->leftovers();
		$this->assertContains( 'acapi_marketplace_de', $before[2]['options'] );
		$this->assertContains( '_transient_acapi_token_test', $before[3]['options'] );
		$this->uninstall();
		$empty = array(
			'options'  => array(),
			'products' => false,
			'event'    => false,
		);
		$this->assertSame(
			array(
				1 => $empty,
				2 => $empty,
				3 => $empty,
			),
			$this->leftovers()
		);
	}

	/**
	 * Without the opt-in, uninstall removes nothing anywhere; each site decides for its own data.
	 */
	public function test_uninstall_without_the_opt_in_removes_nothing(): void {
		$this->seed_and_deactivate(
			array(
				1 => false,
				2 => false,
				3 => true,
			)
		);
		$before = $this->leftovers();
		$this->uninstall();
		$after = $this->leftovers();
		$this->assertSame( $before[1], $after[1] );
		$this->assertSame( $before[2], $after[2] );
		$this->assertTrue( $after[2]['products'] && $after[2]['event'] );
		$this->assertContains( 'acapi_marketplace_de', $after[2]['options'] );
		$this->assertSame( array(), $after[3]['options'], 'site 3 opted in' );
		$this->assertFalse( $after[3]['products'] );
	}
}
