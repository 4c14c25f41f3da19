<?php
/**
 * PHPStan stubs: the public functions and classes of the page-cache plugins the adapters in
 * includes/Cache/Adapters call (signatures as those plugins publish them). Never loaded at run time.
 *
 * @package Creators_Connect
 */

// phpcs:disable -- signatures of other plugins, named as they name them.

namespace {
	/** WP Rocket. @param int $post_id Post id. @return void|false */
	function rocket_clean_post( $post_id ) {}
	/** W3 Total Cache. @param int $post_id Post id. @return void */
	function w3tc_flush_post( $post_id ) {}
	/** WP Super Cache. @param int $post_id Post id. @return void */
	function wpsc_delete_post_cache( $post_id ) {}
	/** SiteGround Speed Optimizer. @param string|false $url URL. @return bool|void */
	function sg_cachepress_purge_cache( $url = false ) {}
}

namespace CF\WordPress {
	/** Cloudflare's plugin. */
	class Hooks {
		/** @param int|array<int> $post_ids Post ids. @return void */
		public function purgeCacheByRelevantURLs( $post_ids ) {}
	}
}
