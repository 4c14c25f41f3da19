<?php
/**
 * Removes the plugin's data when it is deleted, but only if the site asked for that.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect;

use Creators_Connect\Cache\Post_Product_Index;
use Creators_Connect\Catalog\Product_Store;
use Creators_Connect\Catalog\Refresh_Schedule;
use Creators_Connect\Settings\General_Settings;

/**
 * Data removal on uninstall. Each owner names its own data (the general settings their option
 * and the "delete data" switch, the product store and the post index their tables, the refresh
 * schedule its cron hook); this class only asks them, so nothing below the composition root
 * depends on it.
 */
final class Uninstaller {

	/**
	 * Prefix of every option and transient of the plugin.
	 */
	public const OPTION_PREFIX = 'acapi_';

	/**
	 * Deletes options, transients, cached data, the product table and the post → products index
	 * when "delete data on uninstall" is on; keeps everything otherwise, so a reinstall finds its
	 * settings again.
	 */
	public function run(): void {
		if ( ! General_Settings::deletes_data_on_uninstall() ) {
			return;
		}
		global $wpdb;
		// phpcs:disable WordPress.DB.DirectDatabaseQuery -- removing the plugin's own data, once.
		$wpdb->query(
			$wpdb->prepare(
				"DELETE FROM {$wpdb->options} WHERE option_name LIKE %s OR option_name LIKE %s OR option_name LIKE %s",
				$wpdb->esc_like( self::OPTION_PREFIX ) . '%',
				$wpdb->esc_like( '_transient_' . self::OPTION_PREFIX ) . '%',
				$wpdb->esc_like( '_transient_timeout_' . self::OPTION_PREFIX ) . '%'
			)
		);
		// phpcs:enable
		Product_Store::drop();
		Post_Product_Index::drop();
		Refresh_Schedule::unschedule(); // Every event of the hook, whatever its arguments.
		wp_cache_flush_group( Product_Store::CACHE_GROUP );
	}
}
