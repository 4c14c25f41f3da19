<?php
/**
 * Bootstrap for the unit tests: the plugin's classes and the test helpers, no WordPress.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

require_once dirname( __DIR__, 2 ) . '/vendor/autoload.php';
