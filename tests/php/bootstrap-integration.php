<?php
/**
 * Bootstrap for the integration tests: a real WordPress with the plugin active, on a throwaway
 * database (SQLite, or MariaDB when ACAPI_DB_ENGINE=mysql), and real HTTP to the Amazon emulator.
 *
 * WordPress's own test library (wp-phpunit) is not served here, so this installs a fresh site the
 * way it does: a separate `php tools/wp-install.php` process, then WordPress loaded in this one.
 * tools/test-php.sh creates the site (.wp/sites/phpunit) and starts the emulator and MariaDB.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

require_once dirname( __DIR__, 2 ) . '/vendor/autoload.php';

$acapi_root   = dirname( __DIR__, 2 );
$acapi_site   = getenv( 'ACAPI_TEST_SITE' ) ? (string) getenv( 'ACAPI_TEST_SITE' ) : $acapi_root . '/.wp/sites/phpunit';
$acapi_url    = 'http://127.0.0.1:8890';
$acapi_engine = 'mysql' === getenv( 'ACAPI_DB_ENGINE' ) ? 'mysql' : 'sqlite';

if ( ! is_file( $acapi_site . '/wp-config.php' ) ) {
	fwrite( STDERR, "No test site at $acapi_site: run the PHP tests with `npm run test:php`.\n" );
	exit( 1 );
}

// A fresh database for this run.
if ( 'mysql' === $acapi_engine ) {
	$acapi_db_name = 'acapi_test_' . getmypid();
	$acapi_mysqli  = new mysqli( 'localhost', 'root', '', '', 0, (string) getenv( 'ACAPI_DB_SOCKET' ) );
	$acapi_mysqli->query( "DROP DATABASE IF EXISTS `$acapi_db_name`" );
	$acapi_mysqli->query( "CREATE DATABASE `$acapi_db_name` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci" );
	putenv( "ACAPI_DB_NAME=$acapi_db_name" );
	register_shutdown_function(
		static function () use ( $acapi_mysqli, $acapi_db_name ): void {
			$acapi_mysqli->query( "DROP DATABASE IF EXISTS `$acapi_db_name`" );
		}
	);
} else {
	$acapi_db_file = sys_get_temp_dir() . '/acapi-phpunit-' . getmypid() . '.sqlite';
	@unlink( $acapi_db_file ); // phpcs:ignore WordPress.PHP.NoSilencedErrors -- it may not exist.
	putenv( "ACAPI_DB_FILE=$acapi_db_file" );
	register_shutdown_function(
		static function () use ( $acapi_db_file ): void {
			@unlink( $acapi_db_file ); // phpcs:ignore WordPress.PHP.NoSilencedErrors -- best effort.
		}
	);
}
$acapi_debug_log = sys_get_temp_dir() . '/acapi-phpunit-' . getmypid() . '-debug.log';
putenv( "ACAPI_DEBUG_LOG=$acapi_debug_log" );
if ( ! getenv( 'ACAPI_EMULATOR_URL' ) ) {
	putenv( 'ACAPI_EMULATOR_URL=http://127.0.0.1:9411' );
}

exec( escapeshellarg( PHP_BINARY ) . ' ' . escapeshellarg( $acapi_root . '/tools/wp-install.php' ) . ' ' . escapeshellarg( $acapi_site ) . ' ' . escapeshellarg( $acapi_url ) . ' 2>&1', $acapi_output, $acapi_status );
if ( 0 !== $acapi_status ) {
	fwrite( STDERR, "Could not install the test site:\n" . implode( "\n", $acapi_output ) . "\n" );
	exit( 1 );
}

// WordPress expects to load in the global scope; PHPUnit includes this file inside a method.
global $wpdb, $table_prefix, $current_site, $current_blog, $wp_rewrite, $shortcode_tags, $wp, $wp_query, $wp_the_query, $phpmailer, $wp_theme_directories, $wp_version, $wp_db_version, $wp_filter, $wp_actions, $wp_current_filter, $wp_roles, $wp_locale, $wp_embed, $wp_widget_factory, $pagenow, $post;

$_SERVER['HTTP_HOST']   = '127.0.0.1:8890';
$_SERVER['SERVER_NAME'] = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_PORT'] = '8890';

define( 'ACAPI_RUNNING_TESTS', true );
define( 'ACAPI_TEST_DEBUG_LOG', $acapi_debug_log );
require $acapi_site . '/wp-load.php';
// What wp-admin loads for its screens, so tests can act as the admin does.
require_once ABSPATH . 'wp-admin/includes/admin.php';
