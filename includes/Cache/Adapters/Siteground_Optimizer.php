<?php
/**
 * Page-cache adapter for SiteGround Speed Optimizer.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Cache\Adapters;

use Creators_Connect\Cache\Page_Cache;

/**
 * SiteGround Speed Optimizer adapter: purges a page with its public function `sg_cachepress_purge_cache( $url )` (never without a URL: that purges the home page's whole tree); no per-page lifetime API.
 */
final class Siteground_Optimizer implements Page_Cache {

	/**
	 * {@inheritDoc}
	 */
	public function name(): string {
		return 'SiteGround Speed Optimizer';
	}

	/**
	 * {@inheritDoc}
	 */
	public function is_active(): bool {
		return function_exists( 'sg_cachepress_purge_cache' );
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param list<int>    $post_ids Post ids.
	 * @param list<string> $urls     Their permalinks.
	 */
	public function purge( array $post_ids, array $urls ): void {
		unset( $post_ids );
		foreach ( $urls as $url ) {
			if ( '' !== $url ) { // An empty URL would purge the whole site.
				sg_cachepress_purge_cache( $url );
			}
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
