<?php
/**
 * Settings → Amazon Creators API: the admin page that mounts the React settings app.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Settings;

/**
 * The settings page. Its scripts load on this page only.
 */
final class Settings_Page {

	public const MENU_SLUG = 'creators-connect-for-amazon';

	private const SCRIPT_HANDLE = 'acapi-settings';

	private const REST_NAMESPACE = 'creators-connect-for-amazon/v1';

	/**
	 * Plugin directory with a trailing slash.
	 *
	 * @var string
	 */
	private string $plugin_dir;

	/**
	 * The plugin's main file, for plugins_url().
	 *
	 * @var string
	 */
	private string $plugin_file;

	/**
	 * Constructor.
	 *
	 * @param string $plugin_dir  Plugin directory with a trailing slash.
	 * @param string $plugin_file The plugin's main file.
	 */
	public function __construct( string $plugin_dir, string $plugin_file ) {
		$this->plugin_dir  = $plugin_dir;
		$this->plugin_file = $plugin_file;
	}

	/**
	 * Adds the hooks.
	 */
	public function register_hooks(): void {
		add_action( 'admin_menu', array( $this, 'add_page' ) );
		add_filter( 'plugin_action_links_' . plugin_basename( $this->plugin_file ), array( $this, 'add_action_link' ) );
	}

	/**
	 * Adds the page under Settings, and its assets only where it shows.
	 */
	public function add_page(): void {
		$hook_suffix = add_options_page(
			__( 'Amazon Creators API', 'creators-connect-for-amazon' ),
			__( 'Amazon Creators API', 'creators-connect-for-amazon' ),
			'manage_options',
			self::MENU_SLUG,
			array( $this, 'render' )
		);
		if ( false !== $hook_suffix ) {
			add_action( 'load-' . $hook_suffix, array( $this, 'on_load' ) );
		}
	}

	/**
	 * Runs when the page loads: queues its assets.
	 */
	public function on_load(): void {
		add_action( 'admin_enqueue_scripts', array( $this, 'enqueue_assets' ) );
		Help_Tabs::add();
	}

	/**
	 * Queues the settings app, its translations and the components' styles.
	 */
	public function enqueue_assets(): void {
		$asset = require $this->plugin_dir . 'build/admin/settings.asset.php';
		wp_enqueue_script(
			self::SCRIPT_HANDLE,
			plugins_url( 'build/admin/settings.js', $this->plugin_file ),
			$asset['dependencies'],
			$asset['version'],
			true
		);
		wp_set_script_translations( self::SCRIPT_HANDLE, 'creators-connect-for-amazon', $this->plugin_dir . 'languages' );
		$this->preload();
		wp_enqueue_style( 'wp-components' );
		if ( is_readable( $this->plugin_dir . 'build/admin/settings.css' ) ) {
			wp_enqueue_style(
				self::SCRIPT_HANDLE,
				plugins_url( 'build/admin/settings.css', $this->plugin_file ),
				array( 'wp-components' ),
				$asset['version']
			);
		}
	}

	/**
	 * Preloads the screen's REST answers into apiFetch, so the app renders without a spinner.
	 * The routing summary is preloaded only when its route exists (a preloaded 404 would read as data).
	 */
	private function preload(): void {
		$paths = array(
			'/' . self::REST_NAMESPACE . '/marketplaces',
			'/' . self::REST_NAMESPACE . '/paapi',
			'/' . self::REST_NAMESPACE . '/general',
			'/' . self::REST_NAMESPACE . '/getting-started',
			'/' . self::REST_NAMESPACE . '/tracking-ids',
		);
		if ( isset( rest_get_server()->get_routes()[ '/' . self::REST_NAMESPACE . '/routing' ] ) ) {
			$paths[] = '/' . self::REST_NAMESPACE . '/routing';
		}
		$preloaded = array_reduce( $paths, 'rest_preload_api_request', array() );
		wp_add_inline_script(
			'wp-api-fetch',
			sprintf( 'wp.apiFetch.use( wp.apiFetch.createPreloadingMiddleware( %s ) );', (string) wp_json_encode( $preloaded ) ),
			'after'
		);
	}

	/**
	 * Prints the page: a root for the app, with a message for browsers without JavaScript.
	 */
	public function render(): void {
		?>
		<div class="wrap">
			<h1><?php echo esc_html( get_admin_page_title() ); ?></h1>
			<div id="acapi-settings-root" class="acapi-settings">
				<noscript><?php esc_html_e( 'The settings screen needs JavaScript.', 'creators-connect-for-amazon' ); ?></noscript>
			</div>
		</div>
		<?php
	}

	/**
	 * Adds a "Settings" link to the plugin's row on the Plugins screen.
	 *
	 * @param array<int|string, string> $links The row's links.
	 * @return array<int|string, string>
	 */
	public function add_action_link( array $links ): array {
		$url = admin_url( 'options-general.php?page=' . self::MENU_SLUG );
		array_unshift( $links, sprintf( '<a href="%s">%s</a>', esc_url( $url ), esc_html__( 'Settings', 'creators-connect-for-amazon' ) ) );
		return $links;
	}
}
