<?php
/**
 * Page-cache adapter for W3 Total Cache.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Cache\Adapters;

use Creators_Connect\Cache\Page_Cache;

/**
 * W3 Total Cache adapter: purges a post with its public function `w3tc_flush_post( $post_id )`; no per-page lifetime API.
 */
final class W3_Total_Cache implements Page_Cache {

	/**
	 * {@inheritDoc}
	 */
	public function name(): string {
		return 'W3 Total Cache';
	}

	/**
	 * {@inheritDoc}
	 */
	public function is_active(): bool {
		return function_exists( 'w3tc_flush_post' );
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
			w3tc_flush_post( $post_id );
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
