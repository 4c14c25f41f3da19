<?php
/**
 * Site Health tests and debug information about Amazon routing, cron and the product table.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Health;

use Creators_Connect\Catalog\Product_Store;
use Creators_Connect\Catalog\Refresh_Job;
use Creators_Connect\Catalog\Routing_Summary;

/**
 * Three direct tests (Tools → Site Health): the routing (a marketplace is set up; none relies on
 * the retired PA-API; no circuit is open), the product refresh cron (ran within the last hour),
 * the product table (exists; how many products fail). A section of Site Health → Info as well.
 */
final class Site_Health {

	/**
	 * The routing summary.
	 *
	 * @var Routing_Summary
	 */
	private Routing_Summary $routes;

	/**
	 * Store.
	 *
	 * @var Product_Store
	 */
	private Product_Store $store;

	/**
	 * Builds the checks.
	 *
	 * @param Routing_Summary $routes The routing summary.
	 * @param Product_Store   $store  Store.
	 */
	public function __construct( Routing_Summary $routes, Product_Store $store ) {
		$this->routes = $routes;
		$this->store  = $store;
	}

	/**
	 * Adds the filters.
	 */
	public function register_hooks(): void {
		add_filter( 'site_status_tests', array( $this, 'add_tests' ) );
		add_filter( 'debug_information', array( $this, 'add_debug_information' ) );
	}

	/**
	 * Filter `site_status_tests`.
	 *
	 * @param mixed $tests Tests.
	 * @return mixed
	 */
	public function add_tests( $tests ) {
		if ( ! is_array( $tests ) ) {
			return $tests;
		}
		$tests['direct']['acapi_routing']       = array(
			'label' => __( 'Amazon Creators API routing', 'creators-connect-for-amazon' ),
			'test'  => array( $this, 'test_routing' ),
		);
		$tests['direct']['acapi_refresh_cron']  = array(
			'label' => __( 'Amazon product refresh', 'creators-connect-for-amazon' ),
			'test'  => array( $this, 'test_refresh_cron' ),
		);
		$tests['direct']['acapi_product_table'] = array(
			'label' => __( 'Amazon product table', 'creators-connect-for-amazon' ),
			'test'  => array( $this, 'test_product_table' ),
		);
		return $tests;
	}

	/**
	 * Routing: configured, not on PA-API, no open circuit.
	 *
	 * @return array<string, mixed>
	 */
	public function test_routing(): array {
		$countries = $this->routes->configured_countries();
		$routes    = array_map( array( $this->routes, 'describe' ), $countries );
		$serving   = array_filter( $routes, static fn( array $route ): bool => 'none' !== $route['api'] );
		if ( array() === $serving ) {
			return $this->result( 'acapi_routing', 'recommended', __( 'No Amazon marketplace is set up yet', 'creators-connect-for-amazon' ), __( 'Add Creators API credentials for a marketplace on the plugin\'s settings page; until then products show no Amazon data.', 'creators-connect-for-amazon' ) );
		}
		$open = array_filter( $routes, static fn( array $route ): bool => 'open' === $route['circuit'] );
		if ( array() !== $open ) {
			return $this->result(
				'acapi_routing',
				'recommended',
				__( 'Requests to Amazon are paused for some marketplaces', 'creators-connect-for-amazon' ),
				sprintf(
					/* translators: %s: marketplace names. */
					__( 'After repeated failures, requests for %s are paused for a minute; pages show stored data meanwhile.', 'creators-connect-for-amazon' ),
					implode( ', ', array_column( $open, 'name' ) )
				)
			);
		}
		$paapi = array_filter( $routes, static fn( array $route ): bool => (bool) $route['paapi_retired_warning'] );
		if ( array() !== $paapi ) {
			return $this->result(
				'acapi_routing',
				'recommended',
				__( 'Some marketplaces rely on the retired PA-API 5.0', 'creators-connect-for-amazon' ),
				sprintf(
					/* translators: %s: marketplace names. */
					__( 'Amazon retired PA-API 5.0 on 15 May 2026. Add Creators API credentials for: %s.', 'creators-connect-for-amazon' ),
					implode( ', ', array_column( $paapi, 'name' ) )
				)
			);
		}
		return $this->result( 'acapi_routing', 'good', __( 'Amazon products come from the Creators API', 'creators-connect-for-amazon' ), __( 'Every set-up marketplace uses the Creators API.', 'creators-connect-for-amazon' ) );
	}

	/**
	 * Cron: the refresh ran within the last hour.
	 *
	 * @return array<string, mixed>
	 */
	public function test_refresh_cron(): array {
		if ( Refresh_Job::is_overdue() ) {
			$text = __( 'The scheduled refresh of Amazon product data has not run for more than an hour, so prices and availability are getting old (after 24 hours they are hidden).', 'creators-connect-for-amazon' );
			if ( defined( 'DISABLE_WP_CRON' ) && constant( 'DISABLE_WP_CRON' ) ) {
				$text .= ' ' . __( 'DISABLE_WP_CRON is set: make sure a system cron job calls wp-cron.php (or runs "wp cron event run --due-now") every few minutes.', 'creators-connect-for-amazon' );
			}
			return $this->result( 'acapi_refresh_cron', 'critical', __( 'The Amazon product refresh is not running', 'creators-connect-for-amazon' ), $text );
		}
		return $this->result( 'acapi_refresh_cron', 'good', __( 'The Amazon product refresh runs', 'creators-connect-for-amazon' ), __( 'WP-Cron refreshes Amazon product data in the background.', 'creators-connect-for-amazon' ) );
	}

	/**
	 * Table: present, and how many products fail to refresh.
	 *
	 * @return array<string, mixed>
	 */
	public function test_product_table(): array {
		global $wpdb;
		$table = Product_Store::table();
		if ( $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $table ) ) ) !== $table ) { // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- A health check of our own table.
			return $this->result( 'acapi_product_table', 'critical', __( 'The Amazon product table is missing', 'creators-connect-for-amazon' ), __( 'Deactivate and activate the plugin to create it.', 'creators-connect-for-amazon' ) );
		}
		$stats = $this->store->stats();
		if ( $stats['failing'] > 0 ) {
			return $this->result(
				'acapi_product_table',
				'recommended',
				__( 'Some Amazon products could not be refreshed', 'creators-connect-for-amazon' ),
				sprintf(
					/* translators: 1: failing products, 2: stored products. */
					__( '%1$d of %2$d stored products failed at their last refresh; run "wp acapi status" or check the settings page for details.', 'creators-connect-for-amazon' ),
					$stats['failing'],
					$stats['total']
				)
			);
		}
		return $this->result(
			'acapi_product_table',
			'good',
			__( 'The Amazon product table is in order', 'creators-connect-for-amazon' ),
			/* translators: %d: number of stored products. */
			sprintf( __( '%d products are stored.', 'creators-connect-for-amazon' ), $stats['total'] )
		);
	}

	/**
	 * Filter `debug_information`: a section with routes, stored products and the last refresh.
	 *
	 * @param mixed $info Sections.
	 * @return mixed
	 */
	public function add_debug_information( $info ) {
		if ( ! is_array( $info ) ) {
			return $info;
		}
		$fields = array();
		foreach ( $this->routes->configured_countries() as $country ) {
			$route                         = $this->routes->describe( $country );
			$fields[ 'route_' . $country ] = array(
				'label' => $route['name'],
				'value' => trim( $route['api'] . ' ' . (string) $route['api_version'] . ' (' . $route['circuit'] . ')' ),
			);
		}
		$stats                               = $this->store->stats();
		$fields['products']                  = array(
			'label' => __( 'Stored products', 'creators-connect-for-amazon' ),
			'value' => (string) wp_json_encode( $stats ),
		);
		$last                                = Refresh_Job::last_run();
		$fields['last_run']                  = array(
			'label' => __( 'Last product refresh', 'creators-connect-for-amazon' ),
			'value' => null === $last ? __( 'never', 'creators-connect-for-amazon' ) : gmdate( 'Y-m-d H:i:s', (int) $last['finished'] ) . ' UTC',
		);
		$info['creators-connect-for-amazon'] = array(
			'label'  => __( 'Creators Connect for Amazon', 'creators-connect-for-amazon' ),
			'fields' => $fields,
		);
		return $info;
	}

	/**
	 * A test result.
	 *
	 * @param string $test        Test id.
	 * @param string $status      good, recommended or critical.
	 * @param string $label       Label.
	 * @param string $description Description.
	 * @return array<string, mixed>
	 */
	private function result( string $test, string $status, string $label, string $description ): array {
		return array(
			'label'       => $label,
			'status'      => $status,
			'badge'       => array(
				'label' => __( 'Amazon', 'creators-connect-for-amazon' ),
				'color' => 'good' === $status ? 'blue' : 'orange',
			),
			'description' => '<p>' . esc_html( $description ) . '</p>',
			'actions'     => '',
			'test'        => $test,
		);
	}
}
