<?php
/**
 * The product health table: each product's state, since when, and a short history.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Health;

use Creators_Connect\Cache\Post_Product_Index;
use Creators_Connect\Support\Plugin_Table;

/**
 * `{$wpdb->prefix}acapi_product_health`: one row per (marketplace, ASIN) that was ever in a problem
 * state, with its current state, when it entered it, the last error, and the last HISTORY changes
 * as compact JSON (`[[state, time], …]`). Only changes are written, so a healthy catalogue writes
 * nothing. Its own table rather than a column of the product table, so the read path's rows stay
 * as they are and a site can drop the history without touching products. Dropped by the Uninstaller.
 *
 * @phpstan-type Health_Row array{marketplace: string, asin: string, state: string, since: int, detail: string, history: list<array{0: string, 1: int}>}
 */
final class Health_Log {

	public const SCHEMA_VERSION = 1;
	public const VERSION_OPTION = 'acapi_product_health_schema';

	/**
	 * The table, without the site's table prefix.
	 */
	public const TABLE = 'acapi_product_health';

	/**
	 * State changes kept per product.
	 */
	public const HISTORY = 10;

	/**
	 * The table: its name, schema version and columns.
	 */
	public static function schema(): Plugin_Table {
		return new Plugin_Table(
			self::TABLE,
			self::SCHEMA_VERSION,
			self::VERSION_OPTION,
			"marketplace varchar(8) NOT NULL DEFAULT '',
asin varchar(10) NOT NULL DEFAULT '',
state varchar(16) NOT NULL DEFAULT '',
since bigint(20) unsigned NOT NULL DEFAULT 0,
detail varchar(191) NOT NULL DEFAULT '',
history text NULL,
PRIMARY KEY  (marketplace,asin),
KEY state (state)"
		);
	}

	/**
	 * The table name with the site's prefix.
	 */
	public static function table(): string {
		return self::schema()->name();
	}

	/**
	 * Creates or upgrades the table. Runs on activation and when the version is behind.
	 */
	public static function install(): void {
		self::schema()->install();
	}

	/**
	 * Drops the table and its version (uninstall).
	 */
	public static function drop(): void {
		self::schema()->drop();
	}

	/**
	 * Current rows of some products of one marketplace.
	 *
	 * @param string       $country Country code.
	 * @param list<string> $asins   ASINs.
	 * @return array<string, Health_Row> Rows by ASIN.
	 */
	public function rows( string $country, array $asins ): array {
		global $wpdb;
		if ( array() === $asins ) {
			return array();
		}
		self::maybe_install();
		$table = self::table();
		$in    = implode( ',', array_fill( 0, count( $asins ), '%s' ) );
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare -- the plugin's own table; placeholders built here.
		$found = $wpdb->get_results( $wpdb->prepare( "SELECT * FROM {$table} WHERE marketplace = %s AND asin IN ($in)", array_merge( array( $country ), $asins ) ), 'ARRAY_A' );
		$out   = array();
		foreach ( is_array( $found ) ? $found : array() as $row ) {
			$row                 = self::row( $row );
			$out[ $row['asin'] ] = $row;
		}
		return $out;
	}

	/**
	 * Writes state changes: the new state, since $now, and the change appended to the history.
	 *
	 * @param string                                              $country Country code.
	 * @param array<string, array{state: string, detail: string}> $changes New states by ASIN.
	 * @param array<string, Health_Row>                           $before  The rows before (rows()).
	 * @param int                                                 $now     Unix time.
	 */
	public function record( string $country, array $changes, array $before, int $now ): void {
		global $wpdb;
		self::maybe_install();
		$table = self::table();
		foreach ( $changes as $asin => $change ) {
			$history   = $before[ $asin ]['history'] ?? array();
			$history[] = array( $change['state'], $now );
			$history   = array_slice( $history, -self::HISTORY );
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the plugin's own table.
			$wpdb->query( $wpdb->prepare( "INSERT INTO {$table} (marketplace, asin, state, since, detail, history) VALUES (%s, %s, %s, %d, %s, %s) ON DUPLICATE KEY UPDATE state = VALUES(state), since = VALUES(since), detail = VALUES(detail), history = VALUES(history)", $country, (string) $asin, $change['state'], $now, substr( $change['detail'], 0, 191 ), (string) wp_json_encode( $history ) ) );
		}
	}

	/**
	 * Products in a problem state, most recent first, each with the posts that show it (from the
	 * post → products index; a default-marketplace reference is stored there as '').
	 *
	 * @param string $state   One state, or '' for every problem state.
	 * @param string $country One marketplace, or '' for all.
	 * @param string $default The default marketplace's code.
	 * @param bool   $all     Also products no published post shows (geotargeting's alternatives,
	 *                        products only in widgets or templates).
	 * @return list<array{marketplace: string, asin: string, state: string, since: int, detail: string, history: list<array{0: string, 1: int}>, posts: list<int>}>
	 */
	public function problems( string $state, string $country, string $default, bool $all = false ): array {
		global $wpdb;
		self::maybe_install();
		$table = self::table();
		$posts = Post_Product_Index::table();
		$where = array( 'h.state <> %s' );
		$args  = array( $default, Product_State::OK );
		if ( ! $all ) {
			$where[] = self::shown_by_a_post( 'h' );
			$args[]  = $default;
		}
		if ( '' !== $state ) {
			$where[] = 'h.state = %s';
			$args[]  = $state;
		}
		if ( '' !== $country ) {
			$where[] = 'h.marketplace = %s';
			$args[]  = $country;
		}
		$where = implode( ' AND ', $where );
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare, WordPress.DB.PreparedSQLPlaceholders.ReplacementsWrongNumber -- the plugin's own tables; placeholders built above.
		$found = $wpdb->get_results( $wpdb->prepare( "SELECT h.*, p.post_id FROM {$table} h LEFT JOIN {$posts} p ON p.asin = h.asin AND (p.marketplace = h.marketplace OR (p.marketplace = '' AND h.marketplace = %s)) WHERE {$where} ORDER BY h.since DESC, h.marketplace, h.asin, p.post_id LIMIT 2000", $args ), 'ARRAY_A' );
		$out   = array();
		foreach ( is_array( $found ) ? $found : array() as $raw ) {
			$key = (string) $raw['marketplace'] . '|' . (string) $raw['asin'];
			if ( ! isset( $out[ $key ] ) ) {
				$out[ $key ] = self::row( $raw ) + array( 'posts' => array() );
			}
			if ( is_numeric( $raw['post_id'] ?? null ) && (int) $raw['post_id'] > 0 ) {
				$out[ $key ]['posts'][] = (int) $raw['post_id'];
			}
		}
		return array_values( $out );
	}

	/**
	 * How many products a published post shows are in each problem state (states with none are
	 * left out).
	 *
	 * @param string $default The default marketplace's code.
	 * @return array<string, int>
	 */
	public function counts( string $default ): array {
		global $wpdb;
		self::maybe_install();
		$table = self::table();
		$shown = self::shown_by_a_post( 'h' );
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQLPlaceholders.ReplacementsWrongNumber -- the plugin's own tables.
		$found = $wpdb->get_results( $wpdb->prepare( "SELECT h.state, COUNT(*) AS n FROM {$table} h WHERE h.state <> %s AND {$shown} GROUP BY h.state", Product_State::OK, $default ), 'ARRAY_A' );
		$out   = array();
		foreach ( is_array( $found ) ? $found : array() as $row ) {
			$out[ (string) $row['state'] ] = (int) $row['n'];
		}
		return $out;
	}

	/**
	 * SQL condition: a published post shows the product of row alias $alias (one %s placeholder:
	 * the default marketplace, whose references the index keeps as '').
	 *
	 * @param string $alias The health table's alias.
	 */
	private static function shown_by_a_post( string $alias ): string {
		$posts = Post_Product_Index::table();
		return "EXISTS (SELECT 1 FROM {$posts} p2 WHERE p2.asin = {$alias}.asin AND (p2.marketplace = {$alias}.marketplace OR (p2.marketplace = '' AND {$alias}.marketplace = %s)))";
	}

	/**
	 * Creates the table when its schema version is behind (the option is autoloaded: no query).
	 */
	public static function maybe_install(): void {
		self::schema()->maybe_install();
	}

	/**
	 * A row from the database, typed.
	 *
	 * @param array<string, mixed> $raw Database row.
	 * @return Health_Row
	 */
	private static function row( array $raw ): array {
		$history = json_decode( is_string( $raw['history'] ?? null ) ? $raw['history'] : '[]', true );
		$entries = array();
		foreach ( is_array( $history ) ? $history : array() as $entry ) {
			if ( is_array( $entry ) && isset( $entry[0], $entry[1] ) && is_string( $entry[0] ) && is_numeric( $entry[1] ) ) {
				$entries[] = array( $entry[0], (int) $entry[1] );
			}
		}
		return array(
			'marketplace' => (string) ( $raw['marketplace'] ?? '' ),
			'asin'        => (string) ( $raw['asin'] ?? '' ),
			'state'       => (string) ( $raw['state'] ?? '' ),
			'since'       => is_numeric( $raw['since'] ?? null ) ? (int) $raw['since'] : 0,
			'detail'      => (string) ( $raw['detail'] ?? '' ),
			'history'     => $entries,
		);
	}
}
