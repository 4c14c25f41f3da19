<?php
/**
 * Registers the WP-CLI commands: `wp creators-connect-for-amazon …` and its alias `wp acapi …`.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Cli;

/**
 * `item get`, `search`, `cache status|flush|refresh`, `marketplace list|test`, `route`. Each
 * subcommand is a small class over the plugin's services; WP-CLI creates the two namespaces.
 */
final class Registrar {

	/**
	 * The two top-level names.
	 */
	public const NAMES = array( 'creators-connect-for-amazon', 'acapi' );

	/**
	 * Registers the commands when WP-CLI runs.
	 *
	 * @param array<string, object> $commands Command objects by subcommand name (`item`, `search`…).
	 */
	public static function register( array $commands ): void {
		if ( ! defined( 'WP_CLI' ) || ! constant( 'WP_CLI' ) || ! class_exists( '\WP_CLI' ) ) {
			return;
		}
		foreach ( self::NAMES as $name ) {
			// The namespace first, for its description in `wp help`.
			\WP_CLI::add_command( $name, Command_Namespace::class );
			foreach ( $commands as $subcommand => $command ) {
				\WP_CLI::add_command( $name . ' ' . $subcommand, $command );
			}
		}
	}
}
