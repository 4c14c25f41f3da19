<?php
/**
 * Plugin Name: Offline local site (Creators Connect for Amazon dev tooling)
 * Description: This machine has no internet: WordPress's update checks would fail and log a warning on every admin page. They are reported as just done instead.
 *
 * Installed by tools/wp-site.sh into the local development and test sites only; not part of the plugin.
 *
 * @package Creators_Connect
 */

$acapi_checked_now = static function () {
	return (object) array(
		'last_checked'    => time(),
		'version_checked' => get_bloginfo( 'version' ),
		'updates'         => array(),
		'translations'    => array(),
		'response'        => array(),
		'checked'         => array(),
	);
};
add_filter( 'pre_site_transient_update_core', $acapi_checked_now );
foreach ( array( 'load-plugins.php', 'load-update.php', 'load-update-core.php', 'wp_update_plugins' ) as $acapi_hook ) {
	remove_action( $acapi_hook, 'wp_update_plugins' );
}
foreach ( array( 'load-themes.php', 'load-update.php', 'load-update-core.php', 'wp_update_themes' ) as $acapi_hook ) {
	remove_action( $acapi_hook, 'wp_update_themes' );
}
remove_action( 'admin_init', '_maybe_update_core' );
remove_action( 'admin_init', '_maybe_update_plugins' );
remove_action( 'admin_init', '_maybe_update_themes' );
remove_action( 'wp_version_check', 'wp_version_check' );
add_filter( 'pre_site_transient_update_plugins', $acapi_checked_now );
add_filter( 'pre_site_transient_update_themes', $acapi_checked_now );
// Nor can it fetch the dashboard's news feeds or the browser and PHP version checks.
add_filter(
	'pre_http_request',
	static function ( $response, $args, $url ) {
		$host = (string) wp_parse_url( $url, PHP_URL_HOST );
		if ( 'api.wordpress.org' === $host || str_ends_with( $host, '.wordpress.org' ) ) {
			return new WP_Error( 'acapi_offline', 'No internet on this machine.' );
		}
		return $response;
	},
	10,
	3
);
