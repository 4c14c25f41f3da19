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
use Creators_Connect\Catalog\Row_Cache;
use Creators_Connect\Health\Health_Digest;
use Creators_Connect\Health\Health_Log;
use Creators_Connect\Settings\General_Settings;
use Creators_Connect\Support\Shared_Store;

/**
 * Data removal on uninstall. Each owner names its own data (the general settings their option
 * and the "delete data" switch, the product store, the post index and the health log their tables,
 * the refresh schedule and the health digest their cron hooks, the shared store and the row cache their object-cache groups); this
 * class only asks them, so nothing below the composition root depends on it.
 */
final class Uninstaller {

	/**
	 * Prefix of every option and transient of the plugin.
	 */
	public const OPTION_PREFIX = 'acapi_';

	/**
	 * On every site of a network (each site decides for its own data), else on the site.
	 */
	public function run(): void {
		Network::each_site( true, array( $this, 'run_on_site' ) );
	}

	/**
	 * Deletes options, transients, cached data, events, the product table, the post index and the
	 * product health log when "delete data on uninstall" is on; keeps everything otherwise, so a
	 * reinstall finds its settings again.
	 */
	public function run_on_site(): void {
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
		delete_metadata( 'user', 0, Settings\Getting_Started::DISMISSED_META, '', true );
		Product_Store::drop();
		Post_Product_Index::drop();
		Health_Log::drop();
		Refresh_Schedule::unschedule(); // Every event of the hook, whatever its arguments.
		Health_Digest::unschedule();
		// Only a persistent object cache that can drop one group; without one nothing outlives the request.
		if ( function_exists( 'wp_cache_supports' ) && wp_cache_supports( 'flush_group' ) ) {
			wp_cache_flush_group( Shared_Store::GROUP ); // Tokens, rate limits, locks, breakers.
			wp_cache_flush_group( Row_Cache::GROUP ); // Product rows.
		}
	}
}
