<?php
/**
 * Checks that the site can run the plugin, and explains in an admin notice when it cannot.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect;

/**
 * PHP, WordPress and built-asset requirements.
 */
final class Requirements {

	/**
	 * Plugin directory with a trailing slash.
	 *
	 * @var string
	 */
	private string $plugin_dir;

	/**
	 * Constructor.
	 *
	 * @param string $plugin_dir Plugin directory with a trailing slash.
	 */
	public function __construct( string $plugin_dir ) {
		$this->plugin_dir = $plugin_dir;
	}

	/**
	 * Whether every requirement is met.
	 */
	public function are_met(): bool {
		return array() === $this->unmet();
	}

	/**
	 * The identifiers of the unmet requirements: 'php', 'wp', 'assets'.
	 *
	 * Identifiers, not messages: this runs before `init`, when translations must not load yet.
	 *
	 * @return list<string>
	 */
	public function unmet(): array {
		$unmet = array();
		if ( version_compare( PHP_VERSION, ACAPI_MIN_PHP, '<' ) ) {
			$unmet[] = 'php';
		}
		if ( version_compare( self::release_version( (string) get_bloginfo( 'version' ) ), ACAPI_MIN_WP, '<' ) ) {
			$unmet[] = 'wp';
		}
		if ( ! is_readable( $this->plugin_dir . 'build/blocks/blocks-manifest.php' ) || ! is_readable( $this->plugin_dir . 'build/admin/settings.asset.php' ) ) {
			$unmet[] = 'assets';
		}
		return $unmet;
	}

	/**
	 * The release a version string belongs to: "6.6-RC3" → "6.6".
	 *
	 * `version_compare( '6.6-RC3', '6.6' )` calls a release candidate older than its release; a
	 * pre-release of the required version has the APIs the plugin needs, so it passes.
	 *
	 * @param string $version A WordPress version string.
	 */
	public static function release_version( string $version ): string {
		return (string) preg_replace( '/-.*$/', '', $version );
	}

	/**
	 * Prints the admin notice that lists what is missing. Hooked to `admin_notices`.
	 */
	public function render_notice(): void {
		if ( ! current_user_can( 'activate_plugins' ) ) {
			return;
		}
		$messages = array();
		foreach ( $this->unmet() as $requirement ) {
			switch ( $requirement ) {
				case 'php':
					/* translators: 1: required PHP version, 2: current PHP version. */
					$messages[] = sprintf( __( 'It needs PHP %1$s or newer; this site runs PHP %2$s.', 'creators-connect-for-amazon' ), ACAPI_MIN_PHP, PHP_VERSION );
					break;
				case 'wp':
					/* translators: 1: required WordPress version, 2: current WordPress version. */
					$messages[] = sprintf( __( 'It needs WordPress %1$s or newer; this site runs WordPress %2$s.', 'creators-connect-for-amazon' ), ACAPI_MIN_WP, get_bloginfo( 'version' ) );
					break;
				case 'assets':
					$messages[] = __( 'Its built JavaScript files are missing. Install the release zip, or run "npm run build" in the plugin folder.', 'creators-connect-for-amazon' );
					break;
			}
		}
		if ( array() === $messages ) {
			return;
		}
		printf(
			'<div class="notice notice-error"><p><strong>%1$s</strong></p><ul><li>%2$s</li></ul></div>',
			esc_html__( 'Creators Connect for Amazon is not running.', 'creators-connect-for-amazon' ),
			implode( '</li><li>', array_map( 'esc_html', $messages ) )
		);
	}
}
