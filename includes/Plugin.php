<?php
/**
 * The plugin's main class: builds every service by hand and adds its hooks.
 *
 * @package Amazon_Creators_API
 */

declare( strict_types = 1 );

namespace Amazon_Creators_API;

use Amazon_Creators_API\Blocks\Block_Registry;
use Amazon_Creators_API\Settings\Settings_Page;

/**
 * Composition root. No service looks another up: each gets what it needs through its constructor.
 */
final class Plugin {

	/**
	 * The one instance.
	 *
	 * @var Plugin|null
	 */
	private static ?Plugin $instance = null;

	/**
	 * Whether boot() ran.
	 *
	 * @var bool
	 */
	private bool $booted = false;

	/**
	 * The one instance.
	 */
	public static function instance(): self {
		if ( null === self::$instance ) {
			self::$instance = new self();
		}
		return self::$instance;
	}

	/**
	 * Checks the requirements, then wires the services once every plugin is loaded.
	 */
	public function boot(): void {
		if ( $this->booted ) {
			return;
		}
		$this->booted = true;

		$requirements = new Requirements( ACAPI_DIR );
		if ( ! $requirements->are_met() ) {
			add_action( 'admin_notices', array( $requirements, 'render_notice' ) );
			return;
		}

		add_action( 'plugins_loaded', array( $this, 'wire' ) );
	}

	/**
	 * Builds the services and adds their hooks. Runs on `plugins_loaded`.
	 */
	public function wire(): void {
		( new Block_Registry( ACAPI_DIR . 'build/blocks' ) )->register_hooks();
		( new Settings_Page( ACAPI_DIR, ACAPI_FILE ) )->register_hooks();
	}
}
