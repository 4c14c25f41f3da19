<?php
/**
 * Page-cache adapter for Cloudflare.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Cache\Adapters;

use Creators_Connect\Cache\Page_Cache;

/**
 * Cloudflare adapter: purges the URLs of posts with `CF\WordPress\Hooks::purgeCacheByRelevantURLs( $post_ids )`, the public method its own post hooks call (it takes an array of ids since 4.9.1); Cloudflare reads `s-maxage` itself.
 */
final class Cloudflare implements Page_Cache {

	/**
	 * {@inheritDoc}
	 */
	public function name(): string {
		return 'Cloudflare';
	}

	/**
	 * {@inheritDoc}
	 */
	public function is_active(): bool {
		return class_exists( '\\CF\\WordPress\\Hooks' );
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param list<int>    $post_ids Post ids.
	 * @param list<string> $urls     Their permalinks.
	 */
	public function purge( array $post_ids, array $urls ): void {
		unset( $urls );
		if ( array() !== $post_ids ) {
			( new \CF\WordPress\Hooks() )->purgeCacheByRelevantURLs( $post_ids );
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
