<?php
/**
 * The help text of `wp acapi` (and `wp creators-connect-for-amazon`).
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Cli;

/**
 * Amazon products through the Creators API: products, searches, stored data, marketplaces.
 *
 * Every command works on the current site (on multisite, pass --url). Commands exit with
 * status 1 when their work failed: no item could be fetched, Amazon refused the credentials,
 * an option was invalid.
 *
 * ## EXAMPLES
 *
 *     wp acapi item get B0C7KX2Q4M --country=us
 *     wp acapi cache status
 *     wp acapi marketplace test de
 *
 * WP-CLI reads this docblock for `wp help`: a namespace without commands of its own. Loaded only
 * when WP-CLI runs (Registrar names the class; the autoloader finds it then).
 */
final class Command_Namespace extends \WP_CLI\Dispatcher\CommandNamespace {
}
