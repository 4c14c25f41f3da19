<?php
/**
 * Router of the test site's `php -S` (Front_End_Server): the site's URL is this server's, and the
 * request header `X-Acapi-Test-Theme` switches to one of tests/fixtures/themes (copied into the
 * site by the tests) for that request only, and `X-Acapi-Test-Early-Flush` flushes the output
 * after `wp_head`. Then the project's own router.
 *
 * @package Creators_Connect
 */

// phpcs:disable WordPress.NamingConventions.PrefixAllGlobals, WordPress.Security.ValidatedSanitizedInput -- a test server's router.

$acapi_front = 'http://127.0.0.1:' . (int) $_SERVER['SERVER_PORT'];
define( 'WP_HOME', $acapi_front );
define( 'WP_SITEURL', $acapi_front );

$acapi_theme = isset( $_SERVER['HTTP_X_ACAPI_TEST_THEME'] ) ? (string) $_SERVER['HTTP_X_ACAPI_TEST_THEME'] : '';
if ( 1 === preg_match( '/^[a-z0-9-]+$/', $acapi_theme ) ) {
	// Hooks added before WordPress loads (WP_Hook::build_preinitialized_hooks()).
	foreach ( array( 'pre_option_stylesheet', 'pre_option_template' ) as $acapi_hook ) {
		$GLOBALS['wp_filter'][ $acapi_hook ][10][] = array(
			'function'      => static fn() => $acapi_theme,
			'accepted_args' => 1,
		);
	}
}

if ( isset( $_SERVER['HTTP_X_ACAPI_TEST_EARLY_FLUSH'] ) ) {
	// What "early flush" plugins do: send the head before the body renders.
	$GLOBALS['wp_filter']['wp_head'][ PHP_INT_MAX ][] = array(
		'function'      => static function (): void {
			ob_flush();
			flush();
		},
		'accepted_args' => 0,
	);
}

require dirname( __DIR__, 4 ) . '/tools/router.php';
