<?php
/**
 * Plugin Name: Benchmark probe (Creators Connect for Amazon dev tooling)
 * Description: For tools/bench only. A loopback request with the header `X-Acapi-Bench: 1` (or `q`: with SAVEQUERIES) gets an HTML comment at the end of the page with the server time, the peak memory and the database queries (all, and those touching acapi_products). `X-Acapi-Bench-Plugin: off` serves the request with the plugin deactivated (for this request only).
 *
 * Installed by tools/bench/run.sh into the bench site only; not part of the plugin.
 *
 * @package Creators_Connect
 */

// phpcs:disable WordPress.Security.ValidatedSanitizedInput -- the server's own variables and a loopback-only probe header, compared with fixed values.

$acapi_bench_mode = isset( $_SERVER['HTTP_X_ACAPI_BENCH'] ) ? (string) $_SERVER['HTTP_X_ACAPI_BENCH'] : '';
$acapi_bench_peer = isset( $_SERVER['REMOTE_ADDR'] ) ? (string) $_SERVER['REMOTE_ADDR'] : '';

if ( '' !== $acapi_bench_mode && in_array( $acapi_bench_peer, array( '127.0.0.1', '::1' ), true ) ) {
	// SAVEQUERIES from here on: the few core queries before the mu-plugins load are not plugin queries.
	if ( 'q' === $acapi_bench_mode && ! defined( 'SAVEQUERIES' ) ) {
		define( 'SAVEQUERIES', true );
	}

	// The plugin deactivated for this request only (no database write, so runs can interleave).
	if ( isset( $_SERVER['HTTP_X_ACAPI_BENCH_PLUGIN'] ) && 'off' === $_SERVER['HTTP_X_ACAPI_BENCH_PLUGIN'] ) {
		add_filter(
			'option_active_plugins',
			static function ( $plugins ) {
				return is_array( $plugins ) ? array_values( array_diff( $plugins, array( 'creators-connect-for-amazon/plugin.php' ) ) ) : $plugins;
			}
		);
	}

	$GLOBALS['acapi_bench_counts'] = array(
		'queries' => 0,
		'product' => 0,
	);
	add_filter(
		'query',
		static function ( $sql ) {
			++$GLOBALS['acapi_bench_counts']['queries'];
			if ( is_string( $sql ) && str_contains( $sql, 'acapi_products' ) ) {
				++$GLOBALS['acapi_bench_counts']['product'];
			}
			return $sql;
		},
		PHP_INT_MAX
	);

	add_action(
		'shutdown',
		static function () use ( $acapi_bench_mode ) {
			global $wpdb;
			$start   = isset( $_SERVER['REQUEST_TIME_FLOAT'] ) ? (float) $_SERVER['REQUEST_TIME_FLOAT'] : microtime( true );
			$metrics = array(
				'server_ms'      => round( ( microtime( true ) - $start ) * 1000, 3 ),
				'peak_bytes'     => memory_get_peak_usage(),
				'queries'        => $GLOBALS['acapi_bench_counts']['queries'],
				'product_query'  => $GLOBALS['acapi_bench_counts']['product'],
				'plugin_active'  => class_exists( 'Creators_Connect\Plugin', false ),
				'savequeries'    => null,
				'savequeries_pq' => null,
			);
			if ( 'q' === $acapi_bench_mode && isset( $wpdb->queries ) && is_array( $wpdb->queries ) ) {
				$metrics['savequeries']    = count( $wpdb->queries );
				$metrics['savequeries_pq'] = count(
					array_filter(
						$wpdb->queries,
						static fn( $entry ): bool => is_array( $entry ) && isset( $entry[0] ) && str_contains( (string) $entry[0], 'acapi_products' )
					)
				);
			}
			echo "\n<!-- acapi-bench " . wp_json_encode( $metrics ) . " -->\n"; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- JSON of numbers and booleans only.
		},
		PHP_INT_MAX
	);
}
