<?php
/**
 * The plugin boots in a real WordPress: active, its services wired, its page and block registered.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Core;

use Creators_Connect\Tests\Integration_Test_Case;

/**
 * Boot of the plugin.
 */
final class Plugin_Boot_Test extends Integration_Test_Case {

	/**
	 * The plugin is active and its requirements are met on the test site.
	 */
	public function test_plugin_is_active_and_requirements_met(): void {
		$this->assertTrue( is_plugin_active( 'creators-connect-for-amazon/plugin.php' ) );
		$this->assertTrue( ( new \Creators_Connect\Requirements( ACAPI_DIR ) )->are_met() );
	}

	/**
	 * The product block is registered, dynamic, from the built block.json.
	 */
	public function test_product_block_is_registered(): void {
		$block = \WP_Block_Type_Registry::get_instance()->get_registered( 'creators-connect-for-amazon/product' );
		$this->assertInstanceOf( \WP_Block_Type::class, $block );
		$this->assertSame( 3, $block->api_version );
		$this->assertTrue( $block->is_dynamic() );
	}

	/**
	 * The settings page sits under Settings for administrators only.
	 */
	public function test_settings_page_is_added_for_administrators(): void {
		global $submenu, $_wp_submenu_nopriv;
		$this->act_as( 'administrator' );
		set_current_screen( 'dashboard' );
		do_action( 'admin_menu' );
		$slugs = array_column( $submenu['options-general.php'] ?? array(), 2 );
		$this->assertContains( 'creators-connect-for-amazon', $slugs );
		$submenu            = array();
		$_wp_submenu_nopriv = array();
	}
}
