<?php
/**
 * Page-cache adapter for Nginx Helper.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Cache\Adapters;

use Creators_Connect\Cache\Page_Cache;

/**
 * Nginx Helper adapter: purges a page through the public `purge_url( $url )` method of its global purger `$nginx_purger`; nginx itself reads `X-Accel-Expires`.
 */
final class Nginx_Helper implements Page_Cache {

	/**
	 * {@inheritDoc}
	 */
	public function name(): string {
		return 'Nginx Helper';
	}

	/**
	 * {@inheritDoc}
	 */
	public function is_active(): bool {
		return isset( $GLOBALS['nginx_purger'] ) && is_object( $GLOBALS['nginx_purger'] ) && method_exists( $GLOBALS['nginx_purger'], 'purge_url' );
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
			if ( '' !== $url ) {
				$GLOBALS['nginx_purger']->purge_url( $url );
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
