<?php
/**
 * Activation, deactivation and new sites on a multisite network.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect;

use Creators_Connect\Cache\Post_Product_Index;
use Creators_Connect\Catalog\Product_Store;
use Creators_Connect\Catalog\Refresh_Schedule;
use Creators_Connect\Health\Health_Digest;
use Creators_Connect\Health\Health_Log;

/**
 * Every site of a network keeps its own settings, product table and refresh event. Network
 * activation sets them up on every site, a site created later gets them when the plugin is active
 * for the network, and network deactivation removes every site's events (WordPress itself runs
 * the deactivation hook once, on the main site).
 */
final class Network {

	/**
	 * The plugin's main file.
	 *
	 * @var string
	 */
	private string $plugin_file;

	/**
	 * Builds the lifecycle.
	 *
	 * @param string $plugin_file The plugin's main file.
	 */
	public function __construct( string $plugin_file ) {
		$this->plugin_file = $plugin_file;
	}

	/**
	 * Registers the activation and deactivation hooks and the new-site handler.
	 */
	public function register_hooks(): void {
		register_activation_hook( $this->plugin_file, array( $this, 'activate' ) );
		register_deactivation_hook( $this->plugin_file, array( $this, 'deactivate' ) );
		// After core has created the new site's tables (priority 10) and its options (100).
		add_action( 'wp_initialize_site', array( $this, 'initialize_site' ), 200 );
	}

	/**
	 * Activation: the product table and the refresh event, on every site when network-wide.
	 *
	 * @param bool|mixed $network_wide Whether the plugin is activated for the whole network.
	 */
	public function activate( $network_wide = false ): void {
		self::each_site( (bool) $network_wide, array( self::class, 'set_up_site' ) );
	}

	/**
	 * Deactivation: the refresh and health digest events go, on every site when network-wide. Data stays.
	 *
	 * @param bool|mixed $network_wide Whether the plugin is deactivated for the whole network.
	 */
	public function deactivate( $network_wide = false ): void {
		self::each_site( (bool) $network_wide, array( self::class, 'stop_site' ) );
	}

	/**
	 * A site added to the network while the plugin is active for the network.
	 *
	 * @param \WP_Site $site The new site.
	 */
	public function initialize_site( \WP_Site $site ): void {
		if ( ! function_exists( 'is_plugin_active_for_network' ) ) {
			require_once ABSPATH . 'wp-admin/includes/plugin.php'; // @phpstan-ignore-line -- WordPress's own file, there at run time.
		}
		if ( ! is_plugin_active_for_network( plugin_basename( $this->plugin_file ) ) ) {
			return;
		}
		switch_to_blog( (int) $site->blog_id );
		try {
			self::set_up_site();
		} finally {
			restore_current_blog();
		}
	}

	/**
	 * One site's tables (products, the post → products index, the product health log) and refresh event.
	 */
	public static function set_up_site(): void {
		Product_Store::install();
		Post_Product_Index::install();
		Health_Log::install();
		Refresh_Schedule::ensure_scheduled();
	}

	/**
	 * One site's events go (the refresh, the health digest); its data stays.
	 */
	public static function stop_site(): void {
		Refresh_Schedule::unschedule();
		Health_Digest::unschedule();
	}

	/**
	 * Runs a callback on the current site, or on every site of the network.
	 *
	 * @param bool     $every_site Whether to run it on every site (multisite only).
	 * @param callable $callback   What to run, without arguments, in each site's context.
	 */
	public static function each_site( bool $every_site, callable $callback ): void {
		if ( ! $every_site || ! is_multisite() ) {
			$callback();
			return;
		}
		// Archived and spam sites too: they keep their data and events.
		$site_ids = get_sites(
			array(
				'fields' => 'ids',
				'number' => 0,
			)
		);
		foreach ( $site_ids as $site_id ) {
			switch_to_blog( (int) $site_id );
			try {
				$callback();
			} finally {
				restore_current_blog();
			}
		}
	}
}
