<?php
/**
 * One PHP process of the quota counter test: loads the test site's WordPress and counts N calls
 * of one credential by one editor through the Call_Guard, as Api_Client::execute() does.
 *
 * Usage: php quota-child.php <site-dir> <credential-id> <user-id> <count>
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

// phpcs:disable WordPress.NamingConventions.PrefixAllGlobals -- a test script, not plugin code.

use Creators_Connect\Amazon\Call_Guard;
use Creators_Connect\Support\Request_Purpose;
use Creators_Connect\Support\Shared_Store;

require dirname( __DIR__, 4 ) . '/vendor/autoload.php';
$_SERVER['HTTP_HOST']   = '127.0.0.1:8890';
$_SERVER['SERVER_NAME'] = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
require $argv[1] . '/wp-load.php';

$guard   = new Call_Guard( new Shared_Store(), static fn(): array => array() );
$purpose = new Request_Purpose( Request_Purpose::EDITOR, (int) $argv[3], 'contributor' );
for ( $i = 0; $i < (int) $argv[4]; $i++ ) {
	$guard->count( $argv[2], $purpose );
}
echo 'ok';
