<?php
/**
 * Installs WordPress into an empty database and activates the plugin.
 *
 * Usage: php tools/wp-install.php <site-dir> <site-url>
 * The database is the one the site's wp-config.php picks (ACAPI_DB_* environment variables).
 *
 * @package Creators_Connect
 */

// phpcs:disable WordPress.NamingConventions.PrefixAllGlobals -- a command-line script, not plugin code.

if ( PHP_SAPI !== 'cli' || $argc < 3 ) {
	fwrite( STDERR, "usage: php tools/wp-install.php <site-dir> <site-url>\n" );
	exit( 2 );
}

$acapi_site_dir = rtrim( $argv[1], '/' );
$acapi_url      = $argv[2];
$acapi_host     = (string) parse_url( $acapi_url, PHP_URL_HOST ) . ( parse_url( $acapi_url, PHP_URL_PORT ) ? ':' . parse_url( $acapi_url, PHP_URL_PORT ) : '' );

define( 'WP_INSTALLING', true );
$_SERVER['HTTP_HOST']   = $acapi_host;
$_SERVER['SERVER_NAME'] = (string) parse_url( $acapi_url, PHP_URL_HOST );
$_SERVER['REQUEST_URI'] = '/';

require $acapi_site_dir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

// There is no sendmail here: without this, the install's welcome mail prints "sendmail: not found".
add_filter( 'pre_wp_mail', '__return_false' );

if ( is_blog_installed() ) {
	fwrite( STDOUT, "WordPress is already installed.\n" );
} else {
	$acapi_result = wp_install( 'Creators Connect for Amazon Dev', 'admin', 'admin@example.com', true, '', 'password' );
	$acapi_user   = (int) $acapi_result['user_id'];
	// The editor's welcome guide hides the page from tests and newcomers alike.
	update_user_meta(
		$acapi_user,
		$GLOBALS['wpdb']->get_blog_prefix() . 'persisted_preferences',
		array(
			'core/edit-post' => array(
				'welcomeGuide'   => false,
				'fullscreenMode' => false,
			),
			'core'           => array( 'fullscreenMode' => false ),
			'_modified'      => gmdate( 'c' ),
		)
	);
	update_option( 'show_avatars', 0 );
	update_option( 'permalink_structure', '/%postname%/' );
	update_option( 'blogdescription', 'A local site with the Amazon emulator' );
	flush_rewrite_rules( true );
}

$acapi_activation = activate_plugin( 'creators-connect-for-amazon/plugin.php' );
if ( is_wp_error( $acapi_activation ) ) {
	fwrite( STDERR, 'Could not activate the plugin: ' . $acapi_activation->get_error_message() . "\n" );
	exit( 1 );
}
fwrite( STDOUT, "WordPress {$GLOBALS['wp_version']} installed at {$acapi_url}; plugin active.\n" );
