<?php
/**
 * What the plugin asks of a page-cache plugin.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Cache;

/**
 * One adapter per page-cache plugin, each calling only that plugin's documented public function
 * or action (docs/contracts.md, "Page caches", names them).
 */
interface Page_Cache {

	/**
	 * The plugin's name, for logs and Site Health.
	 */
	public function name(): string;

	/**
	 * Whether the plugin is active in this request (its public API is there).
	 */
	public function is_active(): bool;

	/**
	 * Purges the cached pages of some posts (never the whole site).
	 *
	 * @param list<int>    $post_ids Post ids.
	 * @param list<string> $urls     Their permalinks, in the same order.
	 */
	public function purge( array $post_ids, array $urls ): void;

	/**
	 * Tells the plugin how long it may keep the page being served. False when the plugin has no
	 * per-page lifetime API (it then reads the response headers, or keeps its own lifetime).
	 *
	 * @param int $seconds Seconds.
	 */
	public function set_ttl( int $seconds ): bool;
}
