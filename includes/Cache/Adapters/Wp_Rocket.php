<?php
/**
 * Page-cache adapter for WP Rocket.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Cache\Adapters;

use Creators_Connect\Cache\Page_Cache;

/**
 * WP Rocket adapter: purges a post (and its archives) with its documented function `rocket_clean_post( $post_id )`; no per-page lifetime API.
 */
final class Wp_Rocket implements Page_Cache {

	/**
	 * {@inheritDoc}
	 */
	public function name(): string {
		return 'WP Rocket';
	}

	/**
	 * {@inheritDoc}
	 */
	public function is_active(): bool {
		return function_exists( 'rocket_clean_post' );
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
			rocket_clean_post( $post_id );
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
