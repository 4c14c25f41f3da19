<?php
/**
 * Runs PHP code (read from standard input) inside a test site, as a request to <url> would, and
 * prints what the code returns as JSON. For the site tests, which check a site from outside.
 *
 * Usage: php tests/php/site/site-run.php <site-dir> <url> < code.php-fragment
 *
 * @package Creators_Connect
 */

// phpcs:disable WordPress.NamingConventions.PrefixAllGlobals, WordPress.WP.AlternativeFunctions, Squiz.PHP.Eval -- a test tool, not plugin code.

if ( PHP_SAPI !== 'cli' || $argc < 3 ) {
	fwrite( STDERR, "usage: php tests/php/site/site-run.php <site-dir> <url> < code\n" );
	exit( 2 );
}
$acapi_parts               = acapi_site_run_url( $argv[2] );
$_SERVER['HTTP_HOST']      = $acapi_parts['host'];
$_SERVER['SERVER_NAME']    = $acapi_parts['name'];
$_SERVER['REQUEST_URI']    = $acapi_parts['path'];
$_SERVER['SERVER_PORT']    = $acapi_parts['port'];
$_SERVER['REQUEST_METHOD'] = 'GET';
$_SERVER['REMOTE_ADDR']    = '127.0.0.1';

/**
 * Host (with port), name, path and port of a URL.
 *
 * @param string $url URL.
 * @return array{host: string, name: string, path: string, port: string}
 */
function acapi_site_run_url( string $url ): array {
	$name = (string) parse_url( $url, PHP_URL_HOST );
	$port = (string) parse_url( $url, PHP_URL_PORT );
	return array(
		'host' => $name . ( '' === $port ? '' : ':' . $port ),
		'name' => $name,
		'path' => (string) ( parse_url( $url, PHP_URL_PATH ) ?? '/' ),
		'port' => '' === $port ? '80' : $port,
	);
}

$acapi_code = (string) stream_get_contents( STDIN );
require rtrim( $argv[1], '/' ) . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/admin.php';
$acapi_result = eval( $acapi_code );
echo wp_json_encode( $acapi_result );
