<?php
/**
 * Uninstaller: removes the plugin's data only when the site asked for it.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Uninstall;

use Creators_Connect\Support\Shared_Store;
use Creators_Connect\Cache\Post_Product_Index;
use Creators_Connect\Catalog\Product_Store;
use Creators_Connect\Settings\General_Settings;
use Creators_Connect\Tests\Integration_Test_Case;
use Creators_Connect\Health\Health_Log;
use Creators_Connect\Uninstaller;

/**
 * Both ways of "delete data on uninstall".
 */
final class Uninstaller_Test extends Integration_Test_Case {

	/**
	 * DROP TABLE ends the transaction on MariaDB (implicit commit): give the tests that run after
	 * this one their product table and post index back.
	 */
	protected function tearDown(): void {
		parent::tearDown();
		Product_Store::install();
		Post_Product_Index::install();
		Health_Log::install();
		wp_cache_flush();
	}

	/**
	 * Stores settings, a transient and a cache entry of the plugin, and one option of someone else.
	 *
	 * @param bool $delete The "delete data on uninstall" setting.
	 */
	private function seed( bool $delete ): void {
		update_option( 'acapi_general', array( General_Settings::DELETE_DATA_KEY => $delete ), false );
		update_option( 'acapi_marketplace_de', array( 'country' => 'de' ), false );
		update_option( 'acapi_default_marketplace', 'de', false );
		update_option( 'acapi_paapi', array( 'access_key' => 'AKIAEXAMPLE0000000' ), false );
		set_transient( 'acapi_test_transient', 'x', 60 );
		update_option( 'other_plugin_option', 'kept' );
	}

	/**
	 * The option names starting with acapi_ (and our transients) still in the database.
	 *
	 * @return list<string>
	 */
	private function our_options(): array {
		global $wpdb;
		wp_cache_flush();
		return array_values(
			array_map(
				'strval',
				$wpdb->get_col( "SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE 'acapi\\_%' OR option_name LIKE '\\_transient\\_acapi\\_%' OR option_name LIKE '\\_transient\\_timeout\\_acapi\\_%'" )
			)
		);
	}

	/**
	 * Off (the default): everything is kept for a reinstall.
	 */
	public function test_keeps_data_by_default(): void {
		$this->seed( false );
		( new Uninstaller() )->run();
		$this->assertContains( 'acapi_marketplace_de', $this->our_options() );
		$this->assertContains( 'acapi_general', $this->our_options() );
		$this->assertSame( 'de', get_option( 'acapi_default_marketplace' ) );
	}

	/**
	 * On: every acapi_ option and transient goes, other options stay.
	 */
	public function test_deletes_data_when_asked(): void {
		$this->seed( true );
		wp_cache_set( 'probe', 'x', Shared_Store::GROUP );
		wp_cache_set( 'probe', 'x', Product_Store::CACHE_GROUP );
		wp_cache_set( 'probe', 'x', 'someone_else' );
		( new Uninstaller() )->run();
		// Both of the plugin's object-cache groups are flushed (in Redis too), no one else's.
		$this->assertFalse( wp_cache_get( 'probe', Shared_Store::GROUP, true ) );
		$this->assertFalse( wp_cache_get( 'probe', Product_Store::CACHE_GROUP, true ) );
		$this->assertSame( 'x', wp_cache_get( 'probe', 'someone_else', true ) );
		$this->assertSame( array(), $this->our_options() );
		$this->assertFalse( get_option( 'acapi_marketplace_de' ) );
		$this->assertSame( 'kept', get_option( 'other_plugin_option' ) );
		foreach ( array( Product_Store::table(), Post_Product_Index::table(), Health_Log::table() ) as $table ) {
			$this->assertNull( $GLOBALS['wpdb']->get_var( $GLOBALS['wpdb']->prepare( 'SHOW TABLES LIKE %s', $table ) ), $table . ' is dropped' );
		}
	}
}
