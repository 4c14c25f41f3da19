<?php
/**
 * Installs WordPress into an empty database and activates the plugin.
 *
 * Usage: php tools/wp-install.php <site-dir> <site-url> [--multisite]
 * The database is the one the site's wp-config.php picks (ACAPI_DB_* environment variables).
 * --multisite converts the site into a subdirectory multisite network (the network tables, the
 * constants in wp-config.php) and leaves the plugin inactive: a test activates it for the
 * network or for one site, as a network admin would.
 *
 * @package Creators_Connect
 */

// phpcs:disable WordPress.NamingConventions.PrefixAllGlobals -- a command-line script, not plugin code.

if ( PHP_SAPI !== 'cli' || $argc < 3 ) {
	fwrite( STDERR, "usage: php tools/wp-install.php <site-dir> <site-url> [--multisite]\n" );
	exit( 2 );
}
$acapi_multisite = in_array( '--multisite', $argv, true );

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

if ( $acapi_multisite ) {
	if ( ! is_multisite() ) {
		require_once ABSPATH . 'wp-admin/includes/network.php';
		// The network tables, then the network and its main site (subdirectories, not subdomains).
		// As wp-admin/network.php does: a single site's $wpdb has no names for the network tables.
		$acapi_db = $GLOBALS['wpdb'];
		foreach ( $acapi_db->tables( 'ms_global' ) as $acapi_table => $acapi_prefixed ) {
			$acapi_db->$acapi_table = $acapi_prefixed;
		}
		install_network();
		$acapi_result = populate_network( 1, $acapi_host, 'admin@example.com', 'Creators Connect for Amazon Network', '/', false );
		if ( is_wp_error( $acapi_result ) ) {
			fwrite( STDERR, 'Could not create the network: ' . $acapi_result->get_error_message() . "\n" );
			exit( 1 );
		}
		$acapi_config = (string) file_get_contents( $acapi_site_dir . '/wp-config.php' );
		$acapi_block  = "// Multisite: a subdirectory network (tools/wp-install.php --multisite).\n"
			. "define( 'WP_ALLOW_MULTISITE', true );\ndefine( 'MULTISITE', true );\ndefine( 'SUBDOMAIN_INSTALL', false );\n"
			. 'define( \'DOMAIN_CURRENT_SITE\', ' . var_export( $acapi_host, true ) . " );\ndefine( 'PATH_CURRENT_SITE', '/' );\n"
			. "define( 'SITE_ID_CURRENT_SITE', 1 );\ndefine( 'BLOG_ID_CURRENT_SITE', 1 );\n\n";
		$acapi_anchor = "defined( 'ABSPATH' ) || define( 'ABSPATH', __DIR__ . '/' );";
		file_put_contents( $acapi_site_dir . '/wp-config.php', str_replace( $acapi_anchor, $acapi_block . $acapi_anchor, $acapi_config ) );
	}
	fwrite( STDOUT, "WordPress {$GLOBALS['wp_version']} installed at {$acapi_url} as a subdirectory multisite; plugin not active.\n" );
	exit( 0 );
}

$acapi_activation = activate_plugin( 'creators-connect-for-amazon/plugin.php' );
if ( is_wp_error( $acapi_activation ) ) {
	fwrite( STDERR, 'Could not activate the plugin: ' . $acapi_activation->get_error_message() . "\n" );
	exit( 1 );
}
fwrite( STDOUT, "WordPress {$GLOBALS['wp_version']} installed at {$acapi_url}; plugin active.\n" );
