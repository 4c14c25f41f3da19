<?php
/**
 * Runs when the plugin is deleted from the Plugins screen.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}

require_once __DIR__ . '/includes/autoload.php';

( new Creators_Connect\Uninstaller() )->run();
