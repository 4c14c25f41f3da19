<?php
/**
 * The page-cache plugins the plugin knows.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Cache;

/**
 * Every adapter; each one checks in is_active() whether its plugin is there.
 */
final class Page_Caches {

	/**
	 * One adapter per supported page-cache plugin (filter `acapi_page_caches` adds others).
	 *
	 * @return list<Page_Cache>
	 */
	public static function all(): array {
		$caches = array(
			new Adapters\Litespeed_Cache(),
			new Adapters\Wp_Rocket(),
			new Adapters\W3_Total_Cache(),
			new Adapters\Wp_Super_Cache(),
			new Adapters\Siteground_Optimizer(),
			new Adapters\Nginx_Helper(),
			new Adapters\Proxy_Cache_Purge(),
			new Adapters\Cloudflare(),
		);
		/**
		 * Filters the page-cache adapters (add one for another page-cache plugin).
		 *
		 * @param list<Page_Cache> $caches Adapters.
		 */
		$filtered = apply_filters( 'acapi_page_caches', $caches );
		return is_array( $filtered ) ? array_values( array_filter( $filtered, static fn( $cache ): bool => $cache instanceof Page_Cache ) ) : $caches;
	}
}
