<?php
/**
 * Constants that plugin.php and wp-config.php define at run time, for PHPStan.
 *
 * @package Creators_Connect
 */

define( 'ABSPATH', '/tmp/wordpress/' );
define( 'ACAPI_VERSION', '0.0.0' );
define( 'ACAPI_FILE', __DIR__ . '/../plugin.php' );
define( 'ACAPI_DIR', __DIR__ . '/../' );
define( 'ACAPI_MIN_PHP', '8.1' );
define( 'ACAPI_MIN_WP', '6.6' );
define( 'WP_UNINSTALL_PLUGIN', 'creators-connect-for-amazon/plugin.php' );
