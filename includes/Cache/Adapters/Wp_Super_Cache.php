<?php
/**
 * Page-cache adapter for WP Super Cache.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Cache\Adapters;

use Creators_Connect\Cache\Page_Cache;

/**
 * WP Super Cache adapter: purges a post with its public function `wpsc_delete_post_cache( $post_id )`; no per-page lifetime API.
 */
final class Wp_Super_Cache implements Page_Cache {

	/**
	 * {@inheritDoc}
	 */
	public function name(): string {
		return 'WP Super Cache';
	}

	/**
	 * {@inheritDoc}
	 */
	public function is_active(): bool {
		return function_exists( 'wpsc_delete_post_cache' );
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
			wpsc_delete_post_cache( $post_id );
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
