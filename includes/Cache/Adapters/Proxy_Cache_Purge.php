<?php
/**
 * Page-cache adapter for Proxy Cache Purge.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Cache\Adapters;

use Creators_Connect\Cache\Page_Cache;

/**
 * Proxy Cache Purge adapter: queues a post's URLs with the public `purge_post( $post_id )` method of its global `$purger` (VarnishPurger), which sends the PURGE requests at shutdown; Varnish itself reads the headers.
 */
final class Proxy_Cache_Purge implements Page_Cache {

	/**
	 * {@inheritDoc}
	 */
	public function name(): string {
		return 'Proxy Cache Purge';
	}

	/**
	 * {@inheritDoc}
	 */
	public function is_active(): bool {
		return isset( $GLOBALS['purger'] ) && is_object( $GLOBALS['purger'] ) && method_exists( $GLOBALS['purger'], 'purge_post' );
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
			$GLOBALS['purger']->purge_post( $post_id );
		}
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param int $seconds Seconds.
	 */
	public function set_ttl( int $seconds ): bool {
		unset( $seconds );
		return false; // No per-page lifetime API: it keeps its own lifetime.
	}
}
