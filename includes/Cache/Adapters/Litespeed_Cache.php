<?php
/**
 * Page-cache adapter for LiteSpeed Cache.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Cache\Adapters;

use Creators_Connect\Cache\Page_Cache;

/**
 * LiteSpeed Cache adapter: purges a post with the action `litespeed_purge_post` and sets the page's lifetime with `litespeed_control_set_ttl` (LiteSpeed's documented API actions).
 */
final class Litespeed_Cache implements Page_Cache {

	/**
	 * {@inheritDoc}
	 */
	public function name(): string {
		return 'LiteSpeed Cache';
	}

	/**
	 * {@inheritDoc}
	 */
	public function is_active(): bool {
		return false !== has_action( 'litespeed_purge_post' );
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param list<int>    $post_ids Post ids.
	 * @param list<string> $urls     Their permalinks.
	 */
	public function purge( array $post_ids, array $urls ): void {
		unset( $urls );
		foreach ( $post_ids as $post_id ) {
			do_action( 'litespeed_purge_post', $post_id ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- LiteSpeed's own API action.
		}
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param int $seconds Seconds.
	 */
	public function set_ttl( int $seconds ): bool {
		do_action( 'litespeed_control_set_ttl', $seconds ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- LiteSpeed's own API action.
		return true;
	}
}
