<?php
/**
 * Which posts show which products.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Cache;

use Creators_Connect\Support\Plugin_Table;

/**
 * `{$wpdb->prefix}acapi_post_products`: one row per (post, marketplace, ASIN) a published post
 * shows, marketplace '' meaning the default one. Its own table rather than post meta because the
 * lookup that matters runs the other way, product → posts, and wp_postmeta has no index on
 * meta_value; the primary key (marketplace, asin, post_id) answers it. Per site like the product
 * table (multisite: each site's prefix), dropped on uninstall (drop(), which the Uninstaller calls).
 *
 * Rows come from the same extraction as the prefetcher (one callable, so the reference parser can
 * replace it in one place): on save; for every post that includes a reusable block when that
 * block is saved; for every post that includes a pattern when themes or plugins change; and for
 * posts saved before the index existed, a batch per refresh run (backfill()).
 */
final class Post_Product_Index {

	public const SCHEMA_VERSION = 1;

	/**
	 * The table, without the site's table prefix.
	 */
	public const TABLE          = 'acapi_post_products';
	public const VERSION_OPTION = 'acapi_post_products_schema';
	public const CURSOR_OPTION  = 'acapi_post_products_cursor';

	/**
	 * How many posts one backfill batch or one reindex handles.
	 */
	public const BATCH = 200;

	/**
	 * The product references of a content, by marketplace ('' = default).
	 *
	 * @var callable(string): array<string, list<string>>
	 */
	private $references;

	/**
	 * Builds the index.
	 *
	 * @param callable(string): array<string, list<string>> $references The prefetcher's extraction.
	 */
	public function __construct( callable $references ) {
		$this->references = $references;
	}

	/**
	 * Keeps the index current with saves, deletions, reusable blocks and patterns.
	 */
	public function register_hooks(): void {
		add_action( 'save_post', array( $this, 'on_save_post' ), 20, 2 );
		add_action( 'deleted_post', array( $this, 'forget' ) );
		add_action( 'switch_theme', array( $this, 'reindex_pattern_users' ) );
		add_action( 'upgrader_process_complete', array( $this, 'reindex_pattern_users' ) );
	}

	/**
	 * The table: its name, schema version and columns.
	 */
	public static function schema(): Plugin_Table {
		return new Plugin_Table(
			self::TABLE,
			self::SCHEMA_VERSION,
			self::VERSION_OPTION,
			"post_id bigint(20) unsigned NOT NULL DEFAULT 0,
marketplace varchar(8) NOT NULL DEFAULT '',
asin varchar(10) NOT NULL DEFAULT '',
PRIMARY KEY  (marketplace,asin,post_id),
KEY post_id (post_id)"
		);
	}

	/**
	 * The table name with the site's prefix.
	 */
	public static function table(): string {
		return self::schema()->name();
	}

	/**
	 * Creates or upgrades the table. Runs on activation, and when the schema version is behind.
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
	 * Action `save_post`: indexes the post; a saved reusable block reindexes the posts that include it.
	 *
	 * @param mixed $post_id Post id.
	 * @param mixed $post    Post.
	 */
	public function on_save_post( $post_id, $post = null ): void {
		$post = $post instanceof \WP_Post ? $post : get_post( is_numeric( $post_id ) ? (int) $post_id : 0 );
		if ( ! $post instanceof \WP_Post || wp_is_post_revision( $post ) || wp_is_post_autosave( $post ) ) {
			return;
		}
		if ( 'wp_block' === $post->post_type ) {
			$this->reindex_including( $post->ID );
			return;
		}
		$this->index( $post );
	}

	/**
	 * Replaces a post's rows with what its content shows now (none unless it is published).
	 *
	 * @param \WP_Post $post Post.
	 */
	public function index( \WP_Post $post ): void {
		global $wpdb;
		$this->maybe_install();
		$table = self::table();
		$rows  = array();
		$args  = array();
		if ( 'publish' === $post->post_status && 'wp_block' !== $post->post_type ) {
			foreach ( ( $this->references )( $post->post_content ) as $country => $asins ) {
				foreach ( $asins as $asin ) {
					$rows[] = '(%d, %s, %s)';
					array_push( $args, $post->ID, (string) $country, $asin );
				}
			}
		}
		// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare, WordPress.DB.PreparedSQLPlaceholders.ReplacementsWrongNumber -- the plugin's own table; placeholders built above.
		$wpdb->query( $wpdb->prepare( "DELETE FROM {$table} WHERE post_id = %d", $post->ID ) );
		if ( array() !== $rows ) {
			$wpdb->query( $wpdb->prepare( "INSERT INTO {$table} (post_id, marketplace, asin) VALUES " . implode( ', ', $rows ), $args ) );
		}
		// phpcs:enable
	}

	/**
	 * Action `deleted_post`: drops a post's rows.
	 *
	 * @param mixed $post_id Post id.
	 */
	public function forget( $post_id ): void {
		global $wpdb;
		$this->maybe_install();
		$table = self::table();
		$wpdb->query( $wpdb->prepare( "DELETE FROM {$table} WHERE post_id = %d", is_numeric( $post_id ) ? (int) $post_id : 0 ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the plugin's own table.
	}

	/**
	 * The published posts that show any of some products.
	 *
	 * @param array<string, list<string>> $products ASINs by country code.
	 * @param string                      $default  The default marketplace's code (its '' rows count too).
	 * @return list<int>
	 */
	public function posts_for( array $products, string $default ): array {
		global $wpdb;
		$where = array();
		$args  = array();
		foreach ( $products as $country => $asins ) {
			if ( array() === $asins ) {
				continue;
			}
			$codes   = (string) $country === $default ? array( (string) $country, '' ) : array( (string) $country );
			$where[] = '(marketplace IN (' . implode( ',', array_fill( 0, count( $codes ), '%s' ) ) . ') AND asin IN (' . implode( ',', array_fill( 0, count( $asins ), '%s' ) ) . '))';
			$args    = array_merge( $args, $codes, array_values( $asins ) );
		}
		if ( array() === $where ) {
			return array();
		}
		$this->maybe_install();
		$table = self::table();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare, WordPress.DB.PreparedSQLPlaceholders.ReplacementsWrongNumber -- the plugin's own table; placeholders built above.
		$ids = $wpdb->get_col( $wpdb->prepare( "SELECT DISTINCT post_id FROM {$table} WHERE " . implode( ' OR ', $where ) . ' ORDER BY post_id', $args ) );
		return array_values( array_map( 'intval', is_array( $ids ) ? $ids : array() ) );
	}

	/**
	 * Reindexes the posts (and, through them, reusable blocks) that include a reusable block.
	 *
	 * @param int              $block_id The reusable block (`wp_block`) id.
	 * @param array<int, true> $seen    Blocks done (cycle guard).
	 */
	public function reindex_including( int $block_id, array $seen = array() ): void {
		$seen[ $block_id ] = true;
		foreach ( $this->posts_containing( array( '"ref":' . $block_id . '}', '"ref":' . $block_id . ',' ) ) as $post ) {
			if ( 'wp_block' !== $post->post_type ) {
				$this->index( $post );
			} elseif ( ! isset( $seen[ $post->ID ] ) ) {
				$this->reindex_including( $post->ID, $seen ); // A reusable block inside another one.
			}
		}
	}

	/**
	 * Action on theme switches and upgrades (patterns may have changed): reindexes the posts that
	 * include a pattern.
	 */
	public function reindex_pattern_users(): void {
		foreach ( $this->posts_containing( array( '<!-- wp:pattern ' ) ) as $post ) {
			$this->index( $post );
		}
	}

	/**
	 * Indexes the next batch of published posts saved before the index existed (the refresh job
	 * calls it once per run until every post is done).
	 *
	 * @param int $limit Posts per batch.
	 * @return int Posts indexed.
	 */
	public function backfill( int $limit = self::BATCH ): int {
		global $wpdb;
		$cursor = (int) get_option( self::CURSOR_OPTION, 0 );
		if ( $cursor < 0 ) {
			return 0; // Done.
		}
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- one batch of ids, in id order.
		$ids = $wpdb->get_col( $wpdb->prepare( "SELECT ID FROM {$wpdb->posts} WHERE ID > %d AND post_status = 'publish' AND post_type NOT IN ('revision', 'nav_menu_item', 'attachment', 'wp_block') ORDER BY ID LIMIT %d", $cursor, $limit ) );
		$ids = array_map( 'intval', is_array( $ids ) ? $ids : array() );
		foreach ( $ids as $id ) {
			$post = get_post( $id );
			if ( $post instanceof \WP_Post ) {
				$this->index( $post );
			}
		}
		update_option( self::CURSOR_OPTION, count( $ids ) < $limit ? -1 : (int) end( $ids ), false );
		return count( $ids );
	}

	/**
	 * A published post that shows a product (the settings' getting-started checklist), or null.
	 */
	public function first_published_post(): ?int {
		global $wpdb;
		$this->maybe_install();
		$table = self::table();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the plugin's own table; a cheap indexed read on the settings screen only.
		$id = $wpdb->get_var( "SELECT i.post_id FROM {$table} i INNER JOIN {$wpdb->posts} p ON p.ID = i.post_id WHERE p.post_status = 'publish' LIMIT 1" );
		return null === $id ? null : (int) $id;
	}

	/**
	 * Published posts whose content contains any of some strings (at most one batch).
	 *
	 * @param list<string> $needles Strings.
	 * @return list<\WP_Post>
	 */
	private function posts_containing( array $needles ): array {
		global $wpdb;
		$like = array();
		$args = array();
		foreach ( $needles as $needle ) {
			$like[] = 'post_content LIKE %s';
			$args[] = '%' . $wpdb->esc_like( $needle ) . '%';
		}
		$args[] = self::BATCH;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare, WordPress.DB.PreparedSQLPlaceholders.ReplacementsWrongNumber -- placeholders built above.
		$ids   = $wpdb->get_col( $wpdb->prepare( "SELECT ID FROM {$wpdb->posts} WHERE post_status = 'publish' AND post_type <> 'revision' AND (" . implode( ' OR ', $like ) . ') ORDER BY ID LIMIT %d', $args ) );
		$posts = array();
		foreach ( is_array( $ids ) ? $ids : array() as $id ) {
			$post = get_post( (int) $id );
			if ( $post instanceof \WP_Post ) {
				$posts[] = $post;
			}
		}
		return $posts;
	}

	/**
	 * Creates the table when its schema version is behind (the option is autoloaded: no query).
	 */
	private function maybe_install(): void {
		self::schema()->maybe_install();
	}
}
