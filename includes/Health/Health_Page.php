<?php
/**
 * Tools → Product health: the problem products, the posts that show them, the digest switch.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Health;

use Creators_Connect\Marketplace\Marketplace_Registry;

/**
 * A server-rendered Tools page (it works without JavaScript and needs no REST route): filters by
 * state and marketplace as GET parameters, a table of problem products with the posts that show
 * them (edit links that ask the editor to select the product's block), a count badge on the menu,
 * and the weekly digest switch (a nonce-checked POST to admin-post.php). On the post editor, a
 * small script selects the block named by `acapi_asin`.
 */
final class Health_Page {

	public const MENU_SLUG     = 'acapi-product-health';
	public const CAPABILITY    = 'manage_options';
	public const DIGEST_ACTION = 'acapi_health_digest';
	public const SELECT_HANDLE = 'acapi-select-product-block';

	/**
	 * Report.
	 *
	 * @var Health_Report
	 */
	private Health_Report $report;

	/**
	 * Digest.
	 *
	 * @var Health_Digest
	 */
	private Health_Digest $digest;

	/**
	 * Plugin directory and main file (for the editor script's URL).
	 *
	 * @var array{0: string, 1: string}
	 */
	private array $plugin;

	/**
	 * Builds the page.
	 *
	 * @param Health_Report $report      Report.
	 * @param Health_Digest $digest      Digest.
	 * @param string        $plugin_dir  Plugin directory (trailing slash).
	 * @param string        $plugin_file Plugin main file.
	 */
	public function __construct( Health_Report $report, Health_Digest $digest, string $plugin_dir, string $plugin_file ) {
		$this->report = $report;
		$this->digest = $digest;
		$this->plugin = array( $plugin_dir, $plugin_file );
	}

	/**
	 * Adds the menu, the digest switch's handler and the editor script.
	 */
	public function register_hooks(): void {
		add_action( 'admin_menu', array( $this, 'add_page' ) );
		add_action( 'admin_post_' . self::DIGEST_ACTION, array( $this, 'save_digest' ) );
		add_action( 'enqueue_block_editor_assets', array( $this, 'enqueue_block_selector' ) );
	}

	/**
	 * Adds Tools → Product health, with the number of problem products as a badge.
	 */
	public function add_page(): void {
		if ( ! current_user_can( self::CAPABILITY ) ) {
			return;
		}
		$count = $this->report->total();
		$title = __( 'Product health', 'creators-connect-for-amazon' );
		$menu  = $title;
		if ( $count > 0 ) {
			$menu .= sprintf( ' <span class="awaiting-mod count-%1$d"><span class="pending-count">%2$s</span></span>', $count, esc_html( number_format_i18n( $count ) ) );
		}
		add_management_page( $title, $menu, self::CAPABILITY, self::MENU_SLUG, array( $this, 'render' ) );
	}

	/**
	 * The filters from the request: a known problem state and a known marketplace, else ''.
	 *
	 * @return array{state: string, marketplace: string, all: bool}
	 */
	public static function filters(): array {
		// phpcs:disable WordPress.Security.NonceVerification.Recommended -- read-only filters of a list.
		$state   = isset( $_GET['state'] ) ? sanitize_key( wp_unslash( $_GET['state'] ) ) : '';
		$country = isset( $_GET['marketplace'] ) ? sanitize_key( wp_unslash( $_GET['marketplace'] ) ) : '';
		$all     = isset( $_GET['all'] ) && '1' === $_GET['all'];
		// phpcs:enable
		return array(
			'state'       => in_array( $state, Product_State::PROBLEMS, true ) ? $state : '',
			'marketplace' => null !== Marketplace_Registry::get( $country ) ? $country : '',
			'all'         => $all,
		);
	}

	/**
	 * Prints the page.
	 */
	public function render(): void {
		if ( ! current_user_can( self::CAPABILITY ) ) {
			wp_die( esc_html__( 'Sorry, you are not allowed to see product health.', 'creators-connect-for-amazon' ), 403 );
		}
		$filters = self::filters();
		$items   = $this->report->items( $filters['state'], $filters['marketplace'], $filters['all'] );
		$counts  = $this->report->counts();
		echo '<div class="wrap acapi-health"><h1>' . esc_html__( 'Product health', 'creators-connect-for-amazon' ) . '</h1>';
		echo '<p>' . esc_html__( 'Amazon products your posts show that are gone, without an offer, out of stock, or failing to refresh. Each row lists the posts that show the product; "Edit" opens the post with the product\'s block selected.', 'creators-connect-for-amazon' ) . '</p>';
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a notice after the redirect.
		if ( isset( $_GET['digest-saved'] ) ) {
			echo '<div class="notice notice-success is-dismissible"><p>' . esc_html__( 'Digest setting saved.', 'creators-connect-for-amazon' ) . '</p></div>';
		}
		$this->render_filters( $filters, $counts );
		$this->render_table( $items );
		$this->render_digest_form();
		echo '</div>';
	}

	/**
	 * Handles the digest switch (admin-post.php): capability, nonce, then the option and schedule.
	 */
	public function save_digest(): void {
		if ( ! current_user_can( self::CAPABILITY ) ) {
			wp_die( esc_html__( 'Sorry, you are not allowed to change the digest.', 'creators-connect-for-amazon' ), 403 );
		}
		check_admin_referer( self::DIGEST_ACTION );
		$this->digest->set_enabled( ! empty( $_POST['acapi_digest'] ) );
		wp_safe_redirect(
			add_query_arg(
				array(
					'page'         => self::MENU_SLUG,
					'digest-saved' => 1,
				),
				admin_url( 'tools.php' )
			)
		);
		exit;
	}

	/**
	 * On the post editor, when the URL names an ASIN: the script that selects its block.
	 */
	public function enqueue_block_selector(): void {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- only selects a block in the editor.
		if ( ! isset( $_GET['acapi_asin'] ) || ! is_admin() ) {
			return;
		}
		$asset = $this->plugin[0] . 'build/admin/select-product-block.asset.php';
		if ( ! is_readable( $asset ) ) {
			return;
		}
		$asset = require $asset;
		wp_enqueue_script( self::SELECT_HANDLE, plugins_url( 'build/admin/select-product-block.js', $this->plugin[1] ), $asset['dependencies'], $asset['version'], true );
	}

	/**
	 * The filter form: state (with counts) and marketplace.
	 *
	 * @param array{state: string, marketplace: string, all: bool} $filters Current filters.
	 * @param array<string, int>                                   $counts  Problem products per state.
	 */
	private function render_filters( array $filters, array $counts ): void {
		echo '<form method="get" class="acapi-health-filters"><input type="hidden" name="page" value="' . esc_attr( self::MENU_SLUG ) . '" />';
		echo '<label for="acapi-health-state">' . esc_html__( 'State', 'creators-connect-for-amazon' ) . '</label> <select id="acapi-health-state" name="state"><option value="">' . esc_html__( 'All problems', 'creators-connect-for-amazon' ) . '</option>';
		foreach ( Product_State::PROBLEMS as $state ) {
			printf( '<option value="%1$s"%2$s>%3$s (%4$d)</option>', esc_attr( $state ), selected( $filters['state'], $state, false ), esc_html( Product_State::label( $state ) ), (int) ( $counts[ $state ] ?? 0 ) );
		}
		echo '</select> <label for="acapi-health-marketplace">' . esc_html__( 'Marketplace', 'creators-connect-for-amazon' ) . '</label> <select id="acapi-health-marketplace" name="marketplace"><option value="">' . esc_html__( 'All marketplaces', 'creators-connect-for-amazon' ) . '</option>';
		foreach ( Marketplace_Registry::all() as $marketplace ) {
			printf( '<option value="%1$s"%2$s>%3$s</option>', esc_attr( $marketplace->country ), selected( $filters['marketplace'], $marketplace->country, false ), esc_html( $marketplace->name ) );
		}
		echo '</select> <label><input type="checkbox" name="all" value="1"' . checked( $filters['all'], true, false ) . ' /> ' . esc_html__( 'Also products no published post shows (other stores\' copies for geotargeting, widgets)', 'creators-connect-for-amazon' ) . '</label> ';
		submit_button( __( 'Filter', 'creators-connect-for-amazon' ), 'secondary', '', false );
		echo '</form>';
	}

	/**
	 * The table of problem products.
	 *
	 * @param list<array{marketplace: string, asin: string, state: string, label: string, since: int, detail: string, history: list<array{0: string, 1: int}>, posts: list<array{id: int, title: string, edit_url: string}>}> $items Problem products.
	 */
	private function render_table( array $items ): void {
		echo '<table class="widefat striped acapi-health-table"><thead><tr>';
		foreach ( array( __( 'Product (ASIN)', 'creators-connect-for-amazon' ), __( 'Marketplace', 'creators-connect-for-amazon' ), __( 'State', 'creators-connect-for-amazon' ), __( 'Since', 'creators-connect-for-amazon' ), __( 'Posts that show it', 'creators-connect-for-amazon' ), __( 'History', 'creators-connect-for-amazon' ) ) as $heading ) {
			echo '<th scope="col">' . esc_html( $heading ) . '</th>';
		}
		echo '</tr></thead><tbody>';
		if ( array() === $items ) {
			echo '<tr><td colspan="6">' . esc_html__( 'No problem products. Every product your posts show is fine.', 'creators-connect-for-amazon' ) . '</td></tr>';
		}
		foreach ( $items as $item ) {
			$marketplace = Marketplace_Registry::get( $item['marketplace'] );
			echo '<tr data-state="' . esc_attr( $item['state'] ) . '" data-marketplace="' . esc_attr( $item['marketplace'] ) . '">';
			echo '<td><code>' . esc_html( $item['asin'] ) . '</code></td>';
			echo '<td>' . esc_html( null !== $marketplace ? $marketplace->name : strtoupper( $item['marketplace'] ) ) . '</td>';
			$detail = '' !== $item['detail'] ? '<br /><small>' . esc_html( $item['detail'] ) . '</small>' : '';
			echo '<td>' . esc_html( $item['label'] ) . $detail . '</td>'; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- $detail is escaped above.
			echo '<td>' . esc_html( self::when( $item['since'] ) ) . '</td><td>';
			if ( array() === $item['posts'] ) {
				echo '<em>' . esc_html__( 'No published post', 'creators-connect-for-amazon' ) . '</em>';
			}
			foreach ( $item['posts'] as $post ) {
				echo '<div>' . esc_html( $post['title'] ) . ' &ndash; <a href="' . esc_url( $post['edit_url'] ) . '">' . esc_html__( 'Edit', 'creators-connect-for-amazon' ) . '</a></div>';
			}
			echo '</td><td><small>';
			$steps = array();
			foreach ( array_reverse( $item['history'] ) as $step ) {
				$steps[] = Product_State::label( $step[0] ) . ' (' . self::when( $step[1] ) . ')';
			}
			echo esc_html( implode( ' ← ', $steps ) );
			echo '</small></td></tr>';
		}
		echo '</tbody></table>';
	}

	/**
	 * The weekly digest switch.
	 */
	private function render_digest_form(): void {
		echo '<h2>' . esc_html__( 'Weekly e-mail digest', 'creators-connect-for-amazon' ) . '</h2>';
		echo '<form method="post" action="' . esc_url( admin_url( 'admin-post.php' ) ) . '">';
		wp_nonce_field( self::DIGEST_ACTION );
		echo '<input type="hidden" name="action" value="' . esc_attr( self::DIGEST_ACTION ) . '" />';
		printf(
			'<p><label><input type="checkbox" name="acapi_digest" value="1"%1$s /> %2$s</label></p>',
			checked( $this->digest->is_enabled(), true, false ),
			esc_html(
				sprintf(
					/* translators: %s: the site admin's e-mail address. */
					__( 'Once a week, e-mail %s the number of problem products and the titles of the posts that show them, with edit links. Amazon does not allow its content in e-mail, so the digest has no product links, prices or images.', 'creators-connect-for-amazon' ),
					(string) get_option( 'admin_email' )
				)
			)
		);
		submit_button( __( 'Save digest setting', 'creators-connect-for-amazon' ), 'secondary', 'submit', false );
		echo '</form>';
	}

	/**
	 * A time as "3 hours ago (2026-12-06 08:00)", in the site's time zone.
	 *
	 * @param int $time Unix time.
	 */
	private static function when( int $time ): string {
		if ( $time <= 0 ) {
			return '—';
		}
		return sprintf(
			/* translators: 1: time difference ("3 hours"), 2: date and time. */
			__( '%1$s ago (%2$s)', 'creators-connect-for-amazon' ),
			human_time_diff( $time ),
			wp_date( 'Y-m-d H:i', $time )
		);
	}
}
