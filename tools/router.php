<?php
/**
 * Router for PHP's built-in web server: files as they are, every other path through WordPress.
 *
 * No realpath() here: a site's paths may pass through symlinks, and a realpath-based check turns
 * every such file into a WordPress 404.
 *
 * @package Creators_Connect
 */

// phpcs:disable WordPress.Security.ValidatedSanitizedInput -- the server's own variables, only used to find a file.

$acapi_root = rtrim( (string) $_SERVER['DOCUMENT_ROOT'], '/' );
$acapi_path = urldecode( (string) ( parse_url( (string) $_SERVER['REQUEST_URI'], PHP_URL_PATH ) ?? '/' ) );

/*
 * What a production server refuses, refused here too: the SQLite database (it holds cached bearer
 * tokens), the debug log, wp-config.php and every dotfile (.ht.sqlite, .git, .env…). Apache reads
 * .htaccess for this and nginx has its own rules; PHP's built-in server has neither.
 */
$acapi_base = strtolower( basename( $acapi_path ) );
if (
	1 === preg_match( '#(^|/)\.[^/]#', $acapi_path )
	|| 1 === preg_match( '#^/+wp-content/+database(/|$)#i', $acapi_path )
	|| 1 === preg_match( '/\.(sqlite3?|db)$/', $acapi_base )
	|| in_array( $acapi_base, array( 'debug.log', 'wp-config.php' ), true )
) {
	http_response_code( 403 );
	header( 'Content-Type: text/plain; charset=utf-8' );
	echo "Forbidden\n";
	return true;
}

if ( false === strpos( $acapi_path, '..' ) ) {
	$acapi_file = $acapi_root . $acapi_path;
	if ( is_file( $acapi_file ) ) {
		return false;
	}
	if ( is_dir( $acapi_file ) && is_file( rtrim( $acapi_file, '/' ) . '/index.php' ) ) {
		if ( '/' !== substr( $acapi_path, -1 ) ) {
			header( 'Location: ' . $acapi_path . '/', true, 301 );
			exit;
		}
		return false;
	}
}

$_SERVER['SCRIPT_NAME']     = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $acapi_root . '/index.php';
$_SERVER['PHP_SELF']        = '/index.php';
chdir( $acapi_root );
require $acapi_root . '/index.php';
