<?php
/**
 * Bootstrap for the site tests: no WordPress in this process. Each test class makes its own
 * site (Creators_Connect\Tests\Test_Site) on SQLite and drives it with vendor/bin/wp and PHP
 * processes; tools/test-php.sh starts the Amazon emulator.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

require_once dirname( __DIR__, 2 ) . '/vendor/autoload.php';

if ( ! is_file( dirname( __DIR__, 2 ) . '/vendor/bin/wp' ) ) {
	fwrite( STDERR, "vendor/bin/wp is missing: run composer install (composer.json requires wp-cli/wp-cli).\n" );
	exit( 1 );
}
// Each site's own database file, whatever the shell exported for the integration suites.
putenv( 'ACAPI_DB_ENGINE=sqlite' );
putenv( 'ACAPI_DB_FILE' );
if ( ! getenv( 'ACAPI_EMULATOR_URL' ) ) {
	putenv( 'ACAPI_EMULATOR_URL=http://127.0.0.1:9411' );
}
