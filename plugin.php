<?php
/**
 * Plugin Name:       Amazon Creators API
 * Description:       Amazon products on your site through Amazon's Creators API (with a PA-API 5.0 fallback): a product block, an [amazon] shortcode and per-marketplace credentials.
 * Version:           0.1.0
 * Requires at least: 6.6
 * Requires PHP:      8.1
 * Author:            Amazon Creators API contributors
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       amazon-creators-api
 * Domain Path:       /languages
 *
 * @package Amazon_Creators_API
 */

declare( strict_types = 1 );

namespace Amazon_Creators_API;

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
