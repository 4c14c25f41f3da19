<?php
/**
 * Stand-ins for the page-cache plugins' public functions and classes, defined in the test
 * process: each records its call in Page_Cache_Calls. The adapters call them exactly as they
 * would call the real plugins.
 *
 * @package Creators_Connect
 */

// phpcs:disable -- other plugins' names and signatures, as those plugins publish them.

namespace Creators_Connect\Tests\Integration\Cache {
	/** What the stand-ins were asked. */
	final class Page_Cache_Calls {
		/** @var list<array{0: string, 1: mixed}> */
		public static array $calls = array();

		/** Records a call. */
		public static function record( string $what, $arg ): void {
			self::$calls[] = array( $what, $arg );
		}

		/** @return list<mixed> The arguments of one function's calls. */
		public static function of( string $what ): array {
			return array_values( array_map( static fn( array $call ) => $call[1], array_filter( self::$calls, static fn( array $call ): bool => $call[0] === $what ) ) );
		}
	}

	/** Nginx Helper's purger (its global $nginx_purger). */
	final class Nginx_Purger_Stand_In {
		public function purge_url( $url, $feed = true ) {
			Page_Cache_Calls::record( 'nginx_purger->purge_url', $url );
		}
	}

	/** Proxy Cache Purge's VarnishPurger (its global $purger). */
	final class Varnish_Purger_Stand_In {
		public function purge_post( $post_id ) {
			Page_Cache_Calls::record( 'purger->purge_post', $post_id );
		}
	}
}

namespace {
	if ( ! function_exists( 'rocket_clean_post' ) ) {
		function rocket_clean_post( $post_id ) {
			\Creators_Connect\Tests\Integration\Cache\Page_Cache_Calls::record( 'rocket_clean_post', $post_id );
		}
		function w3tc_flush_post( $post_id ) {
			\Creators_Connect\Tests\Integration\Cache\Page_Cache_Calls::record( 'w3tc_flush_post', $post_id );
		}
		function wpsc_delete_post_cache( $post_id ) {
			\Creators_Connect\Tests\Integration\Cache\Page_Cache_Calls::record( 'wpsc_delete_post_cache', $post_id );
		}
		function sg_cachepress_purge_cache( $url = false ) {
			\Creators_Connect\Tests\Integration\Cache\Page_Cache_Calls::record( 'sg_cachepress_purge_cache', $url );
			return true;
		}
	}
}

namespace CF\WordPress {
	if ( ! class_exists( Hooks::class ) ) {
		/** Cloudflare's plugin hooks class. */
		class Hooks {
			public function purgeCacheByRelevantURLs( $post_ids ) {
				\Creators_Connect\Tests\Integration\Cache\Page_Cache_Calls::record( 'CF\WordPress\Hooks->purgeCacheByRelevantURLs', $post_ids );
			}
		}
	}
}
