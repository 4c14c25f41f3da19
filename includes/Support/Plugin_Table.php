<?php
/**
 * One of the plugin's own database tables: its name, its schema version and its life cycle.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Support;

/**
 * Each table owner (the product store, the post → products index, the health log) describes its
 * table once and asks this class to create, upgrade or drop it. `dbDelta()` creates or upgrades;
 * an autoloaded option holds the schema version, so checking it costs no query; the check runs
 * once per request and site (on multisite a request can switch sites, and each site has its own
 * table and option).
 */
final class Plugin_Table {

	/**
	 * "blog id|table" of the tables whose version was checked in this request.
	 *
	 * @var array<string, true>
	 */
	private static array $checked = array();

	/**
	 * Describes a table.
	 *
	 * @param string $name           Table name without the site's prefix.
	 * @param int    $version        Schema version of the columns below.
	 * @param string $version_option Option that records the installed version.
	 * @param string $columns        Column and key lines in dbDelta's format (two spaces after PRIMARY KEY, one per line).
	 */
	public function __construct(
		private readonly string $name,
		private readonly int $version,
		private readonly string $version_option,
		private readonly string $columns
	) {
	}

	/**
	 * The table name with the site's prefix.
	 */
	public function name(): string {
		global $wpdb;
		return $wpdb->prefix . $this->name;
	}

	/**
	 * Creates or upgrades the table and records its version (activation, or a version behind).
	 */
	public function install(): void {
		global $wpdb;
		require_once ABSPATH . 'wp-admin/includes/upgrade.php'; // @phpstan-ignore-line -- WordPress's own file, there at run time.
		dbDelta( 'CREATE TABLE ' . $this->name() . " (\n" . $this->columns . "\n) " . $wpdb->get_charset_collate() . ';' );
		update_option( $this->version_option, $this->version, true ); // Autoloaded: read on requests that use the table.
		self::$checked[ $this->key() ] = true;
	}

	/**
	 * Creates or upgrades the table when the recorded version is behind (once per request and site).
	 */
	public function maybe_install(): void {
		$key = $this->key();
		if ( isset( self::$checked[ $key ] ) ) {
			return;
		}
		self::$checked[ $key ] = true;
		if ( (int) get_option( $this->version_option, 0 ) < $this->version ) {
			$this->install();
		}
	}

	/**
	 * Drops the table and forgets its version (uninstall, when the site asked for its data to go).
	 */
	public function drop(): void {
		global $wpdb;
		$wpdb->query( 'DROP TABLE IF EXISTS ' . $this->name() ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.DirectDatabaseQuery -- The plugin's own table, removed once.
		delete_option( $this->version_option );
		unset( self::$checked[ $this->key() ] );
	}

	/**
	 * The memo key of this table on the current site.
	 */
	private function key(): string {
		return get_current_blog_id() . '|' . $this->name;
	}
}
