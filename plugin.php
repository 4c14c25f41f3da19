<?php
/**
 * Plugin Name:       Creators Connect for Amazon
 * Description:       Amazon products on your site through Amazon's Creators API (with a PA-API 5.0 fallback): a product block, an [amazon] shortcode and per-marketplace credentials.
 * Version:           0.1.0
 * Requires at least: 6.6
 * Requires PHP:      8.1
 * Author:            Creators Connect contributors
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       creators-connect-for-amazon
 * Domain Path:       /languages
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

define( 'ACAPI_VERSION', '0.1.0' );
define( 'ACAPI_FILE', __FILE__ );
define( 'ACAPI_DIR', plugin_dir_path( __FILE__ ) );
define( 'ACAPI_MIN_PHP', '8.1' );
define( 'ACAPI_MIN_WP', '6.6' );

require_once __DIR__ . '/includes/autoload.php';

Plugin::instance()->boot();
