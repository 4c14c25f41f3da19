<?php
/**
 * The field tests' hands on the field site (tests/field only): loads its WordPress (MariaDB and
 * the Redis object cache, from the environment tools/field.sh writes) and acts on it. Prints JSON.
 *
 * Commands:
 *   php tests/field/ctl.php <site-dir> asins <country> <n>              first n ASINs that answer with a product
 *   php tests/field/ctl.php <site-dir> page <slug> <country> <a,b,…>   writes a page of product boxes
 *   php tests/field/ctl.php <site-dir> reset-store                     empties the product table and its cache
 *   php tests/field/ctl.php <site-dir> age <seconds> [country a,b,…]   data fetched <seconds> ago, due for refresh
 *   php tests/field/ctl.php <site-dir> old <seconds> <country> <a,b,…> data fetched <seconds> ago, not yet due
 *                                                                       (as when refreshes failed for that long)
 *   php tests/field/ctl.php <site-dir> set-price <country> <asin> <amount>   the stored price, as if Amazon had said so
 *   php tests/field/ctl.php <site-dir> rows                            the stored rows
 *   php tests/field/ctl.php <site-dir> schedule-refresh                the refresh job due now (for wp-cron.php)
 *   php tests/field/ctl.php <site-dir> cookie <role>                   a logged-in cookie of a user with that role
 *   php tests/field/ctl.php <site-dir> geo <targets|off> [fallback]    geotargeting on for these marketplaces (a,b), or off
 *
 * Time moves by rewriting fetched_at and expires_at in the store, never by sleeping.
 *
 * @package Creators_Connect
 */

use Creators_Connect\Catalog\Product_Store;
use Creators_Connect\Catalog\Refresh_Job;

// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- test tooling on the plugin's own table.

if ( PHP_SAPI !== 'cli' || $argc < 3 ) {
	fwrite( STDERR, "usage: php tests/field/ctl.php <site-dir> <command> …\n" );
	exit( 2 );
}

$_SERVER['HTTP_HOST']   = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
require rtrim( $argv[1], '/' ) . '/wp-load.php';

/**
 * Prints a JSON answer and ends.
 *
 * @param mixed $value Answer.
 */
function acapi_field_out( $value ): void {
	echo wp_json_encode( $value ) . "\n";
	exit( 0 );
}

/**
 * After a direct write to the table, the rows cached in the object cache are stale: drop them.
 */
function acapi_field_forget_rows(): void {
	wp_cache_flush_group( Product_Store::CACHE_GROUP );
}

global $wpdb;
$acapi_field_table = Product_Store::table();
$acapi_field_args  = array_slice( $argv, 3 );

switch ( (string) $argv[2] ) {
	case 'asins':
		$acapi_field_data = json_decode( (string) file_get_contents( dirname( __DIR__ ) . '/fixtures/catalog/' . basename( $acapi_field_args[0] ) . '.json' ), true );
		$acapi_field_out  = array();
		foreach ( $acapi_field_data['items'] ?? array() as $acapi_field_item ) {
			$acapi_field_meta = $acapi_field_item['_emulator'] ?? array();
			if ( empty( $acapi_field_meta['notAccessible'] ) && empty( $acapi_field_meta['variationParent'] ) && isset( $acapi_field_item['asin'] ) ) {
				$acapi_field_out[] = (string) $acapi_field_item['asin'];
			}
		}
		acapi_field_out( array_slice( $acapi_field_out, 0, (int) ( $acapi_field_args[1] ?? 10 ) ) );
		break;

	case 'page':
		list( $acapi_field_slug, $acapi_field_country, $acapi_field_list ) = $acapi_field_args;
		$acapi_field_blocks = array();
		foreach ( explode( ',', $acapi_field_list ) as $acapi_field_asin ) {
			$acapi_field_blocks[] = '<!-- wp:creators-connect-for-amazon/product ' . wp_json_encode(
				array(
					'asins'    => array( $acapi_field_asin ),
					'country'  => $acapi_field_country,
					'template' => 'box',
				)
			) . ' /-->';
		}
		$acapi_field_page = get_page_by_path( $acapi_field_slug );
		$acapi_field_id   = wp_insert_post(
			wp_slash(
				array(
					'ID'           => $acapi_field_page instanceof WP_Post ? $acapi_field_page->ID : 0,
					'post_type'    => 'page',
					'post_status'  => 'publish',
					'post_title'   => 'Field ' . $acapi_field_slug,
					'post_name'    => $acapi_field_slug,
					'post_content' => implode( "\n\n", $acapi_field_blocks ),
				)
			),
			true
		);
		if ( is_wp_error( $acapi_field_id ) ) {
			fwrite( STDERR, $acapi_field_id->get_error_message() . "\n" );
			exit( 1 );
		}
		acapi_field_out(
			array(
				'id'   => $acapi_field_id,
				'path' => (string) wp_parse_url( (string) get_permalink( $acapi_field_id ), PHP_URL_PATH ),
			)
		);
		break;

	case 'geo':
		$acapi_field_targets = (string) ( $acapi_field_args[0] ?? 'off' );
		update_option(
			\Creators_Connect\Settings\Geo_Settings::OPTION,
			array(
				'enabled'  => 'off' !== $acapi_field_targets,
				'targets'  => 'off' === $acapi_field_targets ? array() : explode( ',', $acapi_field_targets ),
				'fallback' => (string) ( $acapi_field_args[1] ?? 'original' ),
			)
		);
		acapi_field_out( \Creators_Connect\Settings\Geo_Settings::read() );
		break;

	case 'reset-store':
		acapi_field_out( array( 'deleted' => ( new Product_Store() )->delete() ) );
		break;

	case 'age':
	case 'old':
		$acapi_field_seconds = (int) $acapi_field_args[0];
		$acapi_field_where   = '';
		if ( isset( $acapi_field_args[2] ) ) {
			$acapi_field_asins = explode( ',', $acapi_field_args[2] );
			$acapi_field_where = $wpdb->prepare( ' WHERE marketplace = %s AND asin IN (' . implode( ',', array_fill( 0, count( $acapi_field_asins ), '%s' ) ) . ')', array_merge( array( $acapi_field_args[1] ), $acapi_field_asins ) ); // phpcs:ignore WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare -- placeholders built here.
		}
		$acapi_field_now = time();
		$acapi_field_exp = 'old' === $argv[2] ? $acapi_field_now + 3600 : $acapi_field_now - 1;
		// The fetch time lives twice: in its column and in the product JSON the renderer reads.
		$acapi_field_rows = $wpdb->get_results( "SELECT id, product FROM {$acapi_field_table}" . $acapi_field_where, ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- the WHERE clause was prepared above.
		foreach ( $acapi_field_rows as $acapi_field_row ) {
			$acapi_field_product               = (array) json_decode( (string) $acapi_field_row['product'], true );
			$acapi_field_product['fetched_at'] = $acapi_field_now - $acapi_field_seconds;
			$wpdb->update(
				$acapi_field_table,
				array(
					'product'           => wp_json_encode( $acapi_field_product ),
					'fetched_at'        => $acapi_field_now - $acapi_field_seconds,
					'expires_at'        => $acapi_field_exp,
					'last_requested_at' => $acapi_field_now,
				),
				array( 'id' => (int) $acapi_field_row['id'] )
			);
		}
		$acapi_field_n = count( $acapi_field_rows );
		acapi_field_forget_rows();
		acapi_field_out(
			array(
				'rows'       => $acapi_field_n,
				'fetched_at' => $acapi_field_now - $acapi_field_seconds,
			)
		);
		break;

	case 'set-price':
		list( $acapi_field_country, $acapi_field_asin, $acapi_field_amount ) = $acapi_field_args;
		$acapi_field_json = $wpdb->get_var( $wpdb->prepare( "SELECT product FROM {$acapi_field_table} WHERE marketplace = %s AND asin = %s", $acapi_field_country, $acapi_field_asin ) );
		$acapi_field_data = json_decode( (string) $acapi_field_json, true );
		if ( ! is_array( $acapi_field_data ) || ! is_array( $acapi_field_data['price'] ?? null ) ) {
			fwrite( STDERR, "no stored price for $acapi_field_country $acapi_field_asin\n" );
			exit( 1 );
		}
		$acapi_field_data['price']['amount']  = (float) $acapi_field_amount;
		$acapi_field_data['price']['display'] = '$' . number_format( (float) $acapi_field_amount, 2 );
		$wpdb->update(
			$acapi_field_table,
			array( 'product' => wp_json_encode( $acapi_field_data ) ),
			array(
				'marketplace' => $acapi_field_country,
				'asin'        => $acapi_field_asin,
			)
		);
		acapi_field_forget_rows();
		acapi_field_out( array( 'display' => $acapi_field_data['price']['display'] ) );
		break;

	case 'rows':
		$acapi_field_rows = $wpdb->get_results( "SELECT marketplace, asin, fetched_at, expires_at, product FROM {$acapi_field_table} ORDER BY id", ARRAY_A );
		foreach ( $acapi_field_rows as &$acapi_field_row ) {
			$acapi_field_product      = json_decode( (string) $acapi_field_row['product'], true );
			$acapi_field_row['price'] = is_array( $acapi_field_product ) ? ( $acapi_field_product['price']['display'] ?? null ) : null;
			unset( $acapi_field_row['product'] );
		}
		acapi_field_out( $acapi_field_rows );
		break;

	case 'schedule-refresh':
		wp_clear_scheduled_hook( Refresh_Job::HOOK, array( 'cron' ) );
		wp_schedule_single_event( time() - 1, Refresh_Job::HOOK, array( 'cron' ) );
		acapi_field_out(
			array(
				'scheduled' => true,
				'last_run'  => Refresh_Job::last_run(),
			)
		);
		break;

	case 'last-run':
		acapi_field_out( Refresh_Job::last_run() );
		break;

	case 'cookie':
		$acapi_field_role  = sanitize_key( $acapi_field_args[0] ?? 'editor' );
		$acapi_field_login = 'field-' . $acapi_field_role;
		$acapi_field_user  = get_user_by( 'login', $acapi_field_login );
		$acapi_field_uid   = $acapi_field_user instanceof WP_User ? $acapi_field_user->ID : wp_insert_user(
			array(
				'user_login' => $acapi_field_login,
				'user_pass'  => wp_generate_password(),
				'user_email' => $acapi_field_login . '@example.com',
				'role'       => $acapi_field_role,
			)
		);
		if ( is_wp_error( $acapi_field_uid ) ) {
			fwrite( STDERR, $acapi_field_uid->get_error_message() . "\n" );
			exit( 1 );
		}
		acapi_field_out(
			array(
				'name'  => LOGGED_IN_COOKIE,
				'value' => wp_generate_auth_cookie( (int) $acapi_field_uid, time() + 3600, 'logged_in' ),
			)
		);
		break;

	default:
		fwrite( STDERR, "unknown command\n" );
		exit( 2 );
}
