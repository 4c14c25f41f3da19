<?php
/**
 * The product table (and the object cache in front of it).
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Catalog;

use Creators_Connect\Model\Amazon_Error;
use Creators_Connect\Model\Product;
use Creators_Connect\Support\Plugin_Table;

/**
 * `{$wpdb->prefix}acapi_products`: one row per (marketplace, ASIN) with the normalised product as
 * JSON, when it was fetched, when it expires, the last error and the error count, and when a page
 * last asked for it. Created with dbDelta on activation and whenever the schema version option is
 * behind. Plain SQL that the SQLite Database Integration translates (INSERT … ON DUPLICATE KEY
 * UPDATE with VALUES()), so it works alike on MySQL/MariaDB and SQLite. With a persistent object
 * cache, rows are cached in the `acapi_products` group (Row_Cache).
 *
 * Errors never replace a product: a failed fetch keeps the stored product and records the error.
 *
 * Over 350 lines on purpose: it is the one place that speaks SQL to the product table (schema,
 * reads, writes, the refresh queue, stats), so every statement can be checked on both databases
 * in one file.
 */
final class Product_Store {

	/**
	 * Schema version of the table.
	 */
	public const SCHEMA_VERSION = 1;

	/**
	 * Option holding the installed schema version.
	 */
	public const VERSION_OPTION = 'acapi_products_schema';

	/**
	 * Object cache group: its own, so that clearing products never flushes the rate limiter's
	 * slots, locks, tokens and circuit breakers (Shared_Store's `acapi` group).
	 */
	public const CACHE_GROUP = Row_Cache::GROUP;

	/**
	 * Seconds between two writes of a row's last_requested_at.
	 */
	public const TOUCH_INTERVAL = 300;

	/**
	 * Rows in the object cache, in front of the table.
	 *
	 * @var Row_Cache
	 */
	private Row_Cache $cache;

	/**
	 * The table, without the site's table prefix.
	 */
	public const TABLE = 'acapi_products';

	/**
	 * Builds the store.
	 *
	 * @param bool|null $use_cache Whether to cache rows in the object cache (default: when it is persistent).
	 */
	public function __construct( ?bool $use_cache = null ) {
		$this->cache = new Row_Cache( $use_cache );
	}

	/**
	 * The table: its name, schema version and columns.
	 */
	public static function schema(): Plugin_Table {
		// dbDelta's format: two spaces after PRIMARY KEY, one column or key per line.
		return new Plugin_Table(
			self::TABLE,
			self::SCHEMA_VERSION,
			self::VERSION_OPTION,
			"id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
marketplace varchar(8) NOT NULL DEFAULT '',
asin varchar(10) NOT NULL DEFAULT '',
product longtext NULL,
api varchar(16) NOT NULL DEFAULT '',
route varchar(64) NOT NULL DEFAULT '',
fetched_at bigint(20) unsigned NOT NULL DEFAULT 0,
expires_at bigint(20) unsigned NOT NULL DEFAULT 0,
last_error text NULL,
error_count int(10) unsigned NOT NULL DEFAULT 0,
last_error_at bigint(20) unsigned NOT NULL DEFAULT 0,
last_requested_at bigint(20) unsigned NOT NULL DEFAULT 0,
PRIMARY KEY  (id),
UNIQUE KEY marketplace_asin (marketplace,asin),
KEY expires_at (expires_at),
KEY last_requested_at (last_requested_at)"
		);
	}

	/**
	 * The table name with the site's prefix.
	 */
	public static function table(): string {
		return self::schema()->name();
	}

	/**
	 * Creates or upgrades the table and records the schema version. Runs on activation.
	 */
	public static function install(): void {
		self::schema()->install();
	}

	/**
	 * Drops the table (uninstall, when the site asked for its data to go).
	 */
	public static function drop(): void {
		self::schema()->drop();
	}

	/**
	 * Creates or upgrades the table when the schema version option is behind (once per request).
	 */
	public static function maybe_install(): void {
		self::schema()->maybe_install();
	}

	/**
	 * Rows of one marketplace by ASIN, in one query (cached rows first when the cache is on).
	 *
	 * @param string       $country Country code.
	 * @param list<string> $asins   ASINs.
	 * @return array<string, Stored_Product>
	 */
	public function get_many( string $country, array $asins ): array {
		return $this->get_grouped( array( $country => $asins ) )[ $country ] ?? array();
	}

	/**
	 * Rows of several marketplaces by country and ASIN, in one query for all of them (a page that
	 * shows products of two marketplaces reads the table once).
	 *
	 * @param array<string, list<string>> $groups ASINs by country code.
	 * @return array<string, array<string, Stored_Product>> Rows by country code, then ASIN.
	 */
	public function get_grouped( array $groups ): array {
		global $wpdb;
		$groups = array_filter( array_map( static fn( array $asins ): array => array_values( array_unique( $asins ) ), $groups ) );
		if ( array() === $groups ) {
			return array();
		}
		self::maybe_install();
		$rows    = array();
		$missing = array();
		foreach ( $groups as $country => $asins ) {
			$country = (string) $country;
			$cached  = $this->cache->get( $country, $asins );
			foreach ( $cached as $asin => $row ) {
				$rows[ $country ][ $asin ] = $row;
			}
			$left = array_values( array_diff( $asins, array_map( 'strval', array_keys( $cached ) ) ) );
			if ( array() !== $left ) {
				$missing[ $country ] = $left;
			}
		}
		if ( array() !== $missing ) {
			$table  = self::table();
			$where  = array();
			$values = array();
			foreach ( $missing as $country => $asins ) {
				$where[] = '(marketplace = %s AND asin IN (' . implode( ',', array_fill( 0, count( $asins ), '%s' ) ) . '))';
				$values  = array_merge( $values, array( (string) $country ), $asins );
			}
			$condition = implode( ' OR ', $where );
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare, WordPress.DB.PreparedSQLPlaceholders.ReplacementsWrongNumber -- The plugin's own table; placeholders built above.
			$found = $wpdb->get_results( $wpdb->prepare( "SELECT * FROM {$table} WHERE {$condition}", $values ), 'ARRAY_A' );
			foreach ( is_array( $found ) ? $found : array() as $row ) {
				$country = (string) $row['marketplace'];
				$asin    = strtoupper( (string) $row['asin'] );
				if ( ! isset( $missing[ $country ] ) ) {
					continue;
				}
				$rows[ $country ][ $asin ] = $row;
				$this->cache->set( $country, $asin, $row );
			}
		}
		$out = array();
		foreach ( $groups as $country => $asins ) {
			$country         = (string) $country;
			$out[ $country ] = array();
			foreach ( $asins as $asin ) {
				if ( isset( $rows[ $country ][ $asin ] ) ) {
					$out[ $country ][ $asin ] = Stored_Product::from_row( $rows[ $country ][ $asin ] );
				}
			}
		}
		return $out;
	}

	/**
	 * One row, or null.
	 *
	 * @param string $country Country code.
	 * @param string $asin    ASIN.
	 */
	public function get( string $country, string $asin ): ?Stored_Product {
		return $this->get_many( $country, array( $asin ) )[ $asin ] ?? null;
	}

	/**
	 * Stores freshly fetched products (one statement): clears their error, sets the expiry.
	 *
	 * @param string                 $country   Country code.
	 * @param array<string, Product> $products Products by ASIN.
	 * @param array<string, string>  $routes    Route code per ASIN (Route_Decision::reason_code()).
	 * @param int|null               $requested Unix time a page asked for them (null: leave as is).
	 * @param int|null               $now       Unix time (default: now).
	 */
	public function save( string $country, array $products, array $routes = array(), ?int $requested = null, ?int $now = null ): void {
		global $wpdb;
		if ( array() === $products ) {
			return;
		}
		self::maybe_install();
		$now    = $now ?? time();
		$values = array();
		$args   = array();
		foreach ( $products as $asin => $product ) {
			$fetched  = $product->fetched_at > 0 ? $product->fetched_at : $now;
			$values[] = '(%s, %s, %s, %s, %s, %d, %d, NULL, 0, 0, %d)';
			array_push(
				$args,
				$country,
				(string) $asin,
				(string) wp_json_encode( $product->to_array() ),
				$product->source,
				$routes[ $asin ] ?? '',
				$fetched,
				Compliance::expires_at( $fetched ),
				$requested ?? 0
			);
		}
		$table  = self::table();
		$update = 'product = VALUES(product), api = VALUES(api), route = VALUES(route), fetched_at = VALUES(fetched_at), expires_at = VALUES(expires_at), last_error = NULL, error_count = 0, last_error_at = 0';
		if ( null !== $requested ) {
			$update .= ', last_requested_at = VALUES(last_requested_at)';
		}
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare, WordPress.DB.PreparedSQLPlaceholders.ReplacementsWrongNumber -- The plugin's own table; placeholders built above.
		$wpdb->query( $wpdb->prepare( "INSERT INTO {$table} (marketplace, asin, product, api, route, fetched_at, expires_at, last_error, error_count, last_error_at, last_requested_at) VALUES " . implode( ', ', $values ) . " ON DUPLICATE KEY UPDATE {$update}", $args ) );
		$this->cache->forget( $country, array_map( 'strval', array_keys( $products ) ) );
		self::written( $country, array_keys( $products ), $now );
	}

	/**
	 * Records failed fetches: keeps any stored product, counts the error, sets the retry time.
	 *
	 * @param string                      $country   Country code.
	 * @param array<string, Amazon_Error> $errors    Errors by ASIN.
	 * @param array<string, int>          $previous  Error counts before this failure, by ASIN.
	 * @param int|null                    $requested Unix time a page asked for them (null: leave as is).
	 * @param int|null                    $now       Unix time (default: now).
	 */
	public function record_errors( string $country, array $errors, array $previous = array(), ?int $requested = null, ?int $now = null ): void {
		global $wpdb;
		if ( array() === $errors ) {
			return;
		}
		self::maybe_install();
		$now    = $now ?? time();
		$values = array();
		$args   = array();
		foreach ( $errors as $asin => $error ) {
			$values[] = '(%s, %s, %d, %s, 1, %d, %d)';
			array_push( $args, $country, (string) $asin, $now + self::retry_delay( $error, ( $previous[ $asin ] ?? 0 ) + 1 ), (string) wp_json_encode( $error->to_array() ), $now, $requested ?? 0 );
		}
		$table  = self::table();
		$update = 'expires_at = VALUES(expires_at), last_error = VALUES(last_error), error_count = error_count + 1, last_error_at = VALUES(last_error_at)';
		if ( null !== $requested ) {
			$update .= ', last_requested_at = VALUES(last_requested_at)';
		}
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare, WordPress.DB.PreparedSQLPlaceholders.ReplacementsWrongNumber -- The plugin's own table; placeholders built above.
		$wpdb->query( $wpdb->prepare( "INSERT INTO {$table} (marketplace, asin, expires_at, last_error, error_count, last_error_at, last_requested_at) VALUES " . implode( ', ', $values ) . " ON DUPLICATE KEY UPDATE {$update}", $args ) );
		$this->cache->forget( $country, array_map( 'strval', array_keys( $errors ) ) );
		self::written( $country, array_keys( $errors ), $now );
	}

	/**
	 * Marks ASINs as wanted and due now (rows without data are created), for the refresh job.
	 *
	 * @param string       $country Country code.
	 * @param list<string> $asins   ASINs.
	 * @param int|null     $now     Unix time.
	 */
	public function queue( string $country, array $asins, ?int $now = null ): void {
		global $wpdb;
		if ( array() === $asins ) {
			return;
		}
		self::maybe_install();
		$now    = $now ?? time();
		$values = array();
		$args   = array();
		foreach ( $asins as $asin ) {
			$values[] = '(%s, %s, 0, %d)';
			array_push( $args, $country, $asin, $now );
		}
		$table = self::table();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare, WordPress.DB.PreparedSQLPlaceholders.ReplacementsWrongNumber -- The plugin's own table; placeholders built above.
		$wpdb->query( $wpdb->prepare( "INSERT INTO {$table} (marketplace, asin, expires_at, last_requested_at) VALUES " . implode( ', ', $values ) . ' ON DUPLICATE KEY UPDATE last_requested_at = VALUES(last_requested_at)', $args ) );
		$this->cache->forget( $country, $asins );
	}

	/**
	 * Records that pages asked for rows now (one statement; skips rows touched in the last 5 minutes).
	 *
	 * @param string       $country Country code.
	 * @param list<string> $asins   ASINs.
	 * @param int|null     $now     Unix time.
	 */
	public function touch( string $country, array $asins, ?int $now = null ): void {
		global $wpdb;
		if ( array() === $asins ) {
			return;
		}
		$now   = $now ?? time();
		$table = self::table();
		$in    = implode( ',', array_fill( 0, count( $asins ), '%s' ) );
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare, WordPress.DB.PreparedSQLPlaceholders.ReplacementsWrongNumber -- The plugin's own table; placeholders built above.
		$wpdb->query( $wpdb->prepare( "UPDATE {$table} SET last_requested_at = %d WHERE marketplace = %s AND last_requested_at < %d AND asin IN ($in)", array_merge( array( $now, $country, $now - self::TOUCH_INTERVAL ), $asins ) ) );
		$this->cache->forget( $country, $asins );
	}

	/**
	 * Rows due for a refresh, most recently requested first: expiring before $before and asked
	 * for since $since.
	 *
	 * @param int $before Unix time: rows whose expiry is at or before it.
	 * @param int $since  Unix time: rows requested since.
	 * @param int $limit  Most rows.
	 * @return list<array{marketplace: string, asin: string}>
	 */
	public function due( int $before, int $since, int $limit ): array {
		global $wpdb;
		self::maybe_install();
		$table = self::table();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- The plugin's own table.
		$rows = $wpdb->get_results( $wpdb->prepare( "SELECT marketplace, asin FROM {$table} WHERE expires_at <= %d AND last_requested_at >= %d ORDER BY last_requested_at DESC, id ASC LIMIT %d", $before, $since, max( 1, $limit ) ), 'ARRAY_A' );
		$out  = array();
		foreach ( is_array( $rows ) ? $rows : array() as $row ) {
			$out[] = array(
				'marketplace' => (string) $row['marketplace'],
				'asin'        => (string) $row['asin'],
			);
		}
		return $out;
	}

	/**
	 * Products whose data passed the renderer's display age (Compliance::within_display_age())
	 * between two times: pages showing them switched to the no-price fallback then.
	 *
	 * @param int $from Unix time (excluded).
	 * @param int $to   Unix time (included).
	 * @return array<string, list<string>> ASINs by country code.
	 */
	public function turned_stale( int $from, int $to ): array {
		global $wpdb;
		self::maybe_install();
		$age   = Compliance::max_age() - Compliance::CACHE_FLOOR;
		$table = self::table();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- The plugin's own table.
		$rows = $wpdb->get_results( $wpdb->prepare( "SELECT marketplace, asin FROM {$table} WHERE fetched_at > %d AND fetched_at <= %d LIMIT 1000", max( 0, $from - $age ), $to - $age ), 'ARRAY_A' );
		$out  = array();
		foreach ( is_array( $rows ) ? $rows : array() as $row ) {
			$out[ (string) $row['marketplace'] ][] = (string) $row['asin'];
		}
		return $out;
	}

	/**
	 * Counts for Site Health and WP-CLI.
	 *
	 * @param int|null $now Unix time.
	 * @return array{total: int, fresh: int, stale: int, expired: int, never_fetched: int, failing: int}
	 */
	public function stats( ?int $now = null ): array {
		global $wpdb;
		self::maybe_install();
		$now     = $now ?? time();
		$table   = self::table();
		$expired = $now - Compliance::max_age();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- The plugin's own table.
		$row = $wpdb->get_row( $wpdb->prepare( "SELECT COUNT(*) AS total, SUM(CASE WHEN fetched_at > 0 AND expires_at > %d AND fetched_at > %d THEN 1 ELSE 0 END) AS fresh, SUM(CASE WHEN fetched_at > 0 AND expires_at <= %d AND fetched_at > %d THEN 1 ELSE 0 END) AS stale, SUM(CASE WHEN fetched_at > 0 AND fetched_at <= %d THEN 1 ELSE 0 END) AS expired, SUM(CASE WHEN fetched_at = 0 THEN 1 ELSE 0 END) AS never_fetched, SUM(CASE WHEN error_count > 0 THEN 1 ELSE 0 END) AS failing FROM {$table}", $now, $expired, $now, $expired, $expired ), 'ARRAY_A' );
		$out = array();
		foreach ( array( 'total', 'fresh', 'stale', 'expired', 'never_fetched', 'failing' ) as $key ) {
			$out[ $key ] = is_array( $row ) && is_numeric( $row[ $key ] ?? null ) ? (int) $row[ $key ] : 0;
		}
		return $out;
	}

	/**
	 * Deletes rows: of some ASINs of a marketplace, of a marketplace, or all.
	 *
	 * @param string|null       $country Country code (null: every marketplace).
	 * @param list<string>|null $asins   ASINs (null: all of the marketplace).
	 * @return int Rows deleted.
	 */
	public function delete( ?string $country = null, ?array $asins = null ): int {
		global $wpdb;
		self::maybe_install();
		$table = self::table();
		// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare -- The plugin's own table; placeholders built here.
		if ( null === $country ) {
			$deleted = $wpdb->query( "DELETE FROM {$table}" );
		} elseif ( null === $asins ) {
			$deleted = $wpdb->query( $wpdb->prepare( "DELETE FROM {$table} WHERE marketplace = %s", $country ) );
		} elseif ( array() === $asins ) {
			$deleted = 0;
		} else {
			$in      = implode( ',', array_fill( 0, count( $asins ), '%s' ) );
			$deleted = $wpdb->query( $wpdb->prepare( "DELETE FROM {$table} WHERE marketplace = %s AND asin IN ($in)", array_merge( array( $country ), $asins ) ) );
		}
		// phpcs:enable
		if ( null !== $country && null !== $asins ) {
			$this->cache->forget( $country, $asins );
		} else {
			$this->cache->flush();
		}
		return is_int( $deleted ) ? $deleted : 0;
	}

	/**
	 * Seconds until a failed fetch is retried: item errors (unknown or inaccessible ASIN) 1 hour,
	 * doubling to 6 hours; other errors 1 minute, doubling to 1 hour; with jitter.
	 *
	 * @param Amazon_Error $error Error.
	 * @param int          $count Consecutive failures including this one.
	 */
	public static function retry_delay( Amazon_Error $error, int $count ): int {
		$count = max( 1, min( 10, $count ) );
		if ( $error->is_item_error() ) {
			$delay = min( 6 * 3600, 3600 * ( 2 ** ( $count - 1 ) ) );
		} else {
			$delay = min( 3600, 60 * ( 2 ** ( $count - 1 ) ) );
			if ( null !== $error->retry_after && $error->retry_after > $delay ) {
				$delay = min( 3600, $error->retry_after );
			}
		}
		return Compliance::jitter( $delay );
	}

	/**
	 * Fires `acapi_product_rows_written` after a fetch's answer (products or errors) was stored,
	 * whoever fetched (a page, the refresh job, WP-CLI, a search): product health reads the rows.
	 *
	 * @param string            $country Country code.
	 * @param array<int|string> $asins   ASINs written.
	 * @param int               $now     Unix time of the write.
	 */
	private static function written( string $country, array $asins, int $now ): void {
		/**
		 * Fires after fetched products or fetch errors were stored.
		 *
		 * @param string       $country Country code.
		 * @param list<string> $asins   ASINs whose rows were written.
		 * @param int          $now     Unix time of the write.
		 */
		do_action( 'acapi_product_rows_written', $country, array_map( 'strval', array_values( $asins ) ), $now );
	}
}
