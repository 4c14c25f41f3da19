<?php
/**
 * Removes the plugin's data when it is deleted, but only if the site asked for that.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect;

/**
 * Data removal on uninstall.
 */
final class Uninstaller {

	/**
	 * The general settings option and the key that allows the removal.
	 */
	public const SETTINGS_OPTION = 'acapi_general';
	public const DELETE_DATA_KEY = 'delete_data_on_uninstall';

	/**
	 * The product table, without the site's table prefix.
	 */
	public const PRODUCT_TABLE = 'acapi_products';

	/**
	 * The post → products index table (Cache\Post_Product_Index), without the table prefix.
	 */
	public const POST_INDEX_TABLE = 'acapi_post_products';

	/**
	 * On every site of a network (each site decides for its own data), else on the site.
	 */
	public function run(): void {
		Network::each_site( true, array( $this, 'run_on_site' ) );
	}

	/**
	 * Deletes options, transients, cached data, events, the product table and the post index when
	 * "delete data on uninstall" is on; keeps everything otherwise, so a reinstall finds its
	 * settings again.
	 */
	public function run_on_site(): void {
		$settings = get_option( self::SETTINGS_OPTION, array() );
		if ( ! is_array( $settings ) || empty( $settings[ self::DELETE_DATA_KEY ] ) ) {
			return;
		}
		global $wpdb;
		// phpcs:disable WordPress.DB.DirectDatabaseQuery -- removing the plugin's own data, once.
		$wpdb->query(
			$wpdb->prepare(
				"DELETE FROM {$wpdb->options} WHERE option_name LIKE %s OR option_name LIKE %s OR option_name LIKE %s",
				$wpdb->esc_like( 'acapi_' ) . '%',
				$wpdb->esc_like( '_transient_acapi_' ) . '%',
				$wpdb->esc_like( '_transient_timeout_acapi_' ) . '%'
			)
		);
		foreach ( array( self::PRODUCT_TABLE, self::POST_INDEX_TABLE ) as $table ) {
			$wpdb->query( 'DROP TABLE IF EXISTS ' . $wpdb->prefix . $table ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.DirectDatabaseQuery.SchemaChange -- constant table names.
		}
		// phpcs:enable
		delete_metadata( 'user', 0, Settings\Getting_Started::DISMISSED_META, '', true );
		wp_unschedule_hook( 'acapi_refresh_products' ); // Every event of the hook, whatever its arguments.
		// Only a persistent object cache that can drop one group; without one nothing outlives the request.
		if ( function_exists( 'wp_cache_supports' ) && wp_cache_supports( 'flush_group' ) ) {
			wp_cache_flush_group( 'acapi' ); // Shared_Store::GROUP: tokens, rate limits, locks, breakers.
			wp_cache_flush_group( 'acapi_products' ); // Product_Store::CACHE_GROUP.
		}
	}
}
