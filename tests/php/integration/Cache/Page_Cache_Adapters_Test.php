<?php
/**
 * Each page-cache adapter calls its plugin's public API, and only when the plugin is there.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Cache;

use Creators_Connect\Cache\Adapters;
use Creators_Connect\Cache\Page_Cache;
use Creators_Connect\Cache\Page_Caches;
use Creators_Connect\Tests\Integration_Test_Case;

/**
 * Against stand-ins defined in this process (page-cache-stand-ins.php) that record each call.
 */
final class Page_Cache_Adapters_Test extends Integration_Test_Case {

	private const POSTS = array( 11, 12 );
	private const URLS  = array( 'http://example.test/a/', 'http://example.test/b/' );

	/**
	 * Loads the stand-ins and forgets earlier calls.
	 */
	protected function setUp(): void {
		parent::setUp();
		require_once __DIR__ . '/page-cache-stand-ins.php';
		Page_Cache_Calls::$calls = array();
	}

	/**
	 * Removes the global purgers a test set.
	 */
	protected function tearDown(): void {
		unset( $GLOBALS['nginx_purger'], $GLOBALS['purger'] );
		parent::tearDown();
	}

	/**
	 * The plugins whose API is a function or class: each post (or URL) purged once, by post,
	 * and none of them has a per-page lifetime API.
	 */
	public function test_function_and_class_adapters(): void {
		$cases = array(
			array( new Adapters\Wp_Rocket(), 'rocket_clean_post', self::POSTS ),
			array( new Adapters\W3_Total_Cache(), 'w3tc_flush_post', self::POSTS ),
			array( new Adapters\Wp_Super_Cache(), 'wpsc_delete_post_cache', self::POSTS ),
			array( new Adapters\Siteground_Optimizer(), 'sg_cachepress_purge_cache', self::URLS ),
			array( new Adapters\Cloudflare(), 'CF\WordPress\Hooks->purgeCacheByRelevantURLs', array( self::POSTS ) ),
		);
		foreach ( $cases as list( $adapter, $function, $expected ) ) {
			Page_Cache_Calls::$calls = array();
			$this->assertTrue( $adapter->is_active(), $adapter->name() );
			$adapter->purge( self::POSTS, self::URLS );
			$this->assertSame( $expected, Page_Cache_Calls::of( $function ), $adapter->name() );
			$this->assertCount( count( $expected ), Page_Cache_Calls::$calls, $adapter->name() . ' made no other call' );
			$this->assertFalse( $adapter->set_ttl( 300 ), $adapter->name() . ' has no per-page TTL API' );
		}
	}

	/**
	 * SiteGround's function purges everything without a URL: an empty URL is never passed.
	 */
	public function test_siteground_never_purges_without_a_url(): void {
		( new Adapters\Siteground_Optimizer() )->purge( array( 5 ), array( '' ) );
		$this->assertSame( array(), Page_Cache_Calls::$calls );
	}

	/**
	 * LiteSpeed Cache: its API actions, active only while LiteSpeed listens to them; the page's
	 * TTL goes through `litespeed_control_set_ttl`.
	 */
	public function test_litespeed_actions(): void {
		$adapter = new Adapters\Litespeed_Cache();
		$this->assertFalse( $adapter->is_active(), 'LiteSpeed is not there' );
		add_action( 'litespeed_purge_post', static fn( $id ) => Page_Cache_Calls::record( 'litespeed_purge_post', $id ) );
		add_action( 'litespeed_control_set_ttl', static fn( $ttl ) => Page_Cache_Calls::record( 'litespeed_control_set_ttl', $ttl ) );
		$this->assertTrue( $adapter->is_active() );

		$adapter->purge( self::POSTS, self::URLS );
		$this->assertSame( self::POSTS, Page_Cache_Calls::of( 'litespeed_purge_post' ) );
		$this->assertTrue( $adapter->set_ttl( 321 ) );
		$this->assertSame( array( 321 ), Page_Cache_Calls::of( 'litespeed_control_set_ttl' ) );
	}

	/**
	 * Nginx Helper and Proxy Cache Purge: their global purger objects, active only when present.
	 */
	public function test_global_purger_adapters(): void {
		$nginx   = new Adapters\Nginx_Helper();
		$varnish = new Adapters\Proxy_Cache_Purge();
		$this->assertFalse( $nginx->is_active() );
		$this->assertFalse( $varnish->is_active() );

		$GLOBALS['nginx_purger'] = new Nginx_Purger_Stand_In();
		$GLOBALS['purger']       = new Varnish_Purger_Stand_In();
		$this->assertTrue( $nginx->is_active() );
		$this->assertTrue( $varnish->is_active() );
		$nginx->purge( self::POSTS, self::URLS );
		$varnish->purge( self::POSTS, self::URLS );
		$this->assertSame( self::URLS, Page_Cache_Calls::of( 'nginx_purger->purge_url' ) );
		$this->assertSame( self::POSTS, Page_Cache_Calls::of( 'purger->purge_post' ) );
		$this->assertFalse( $nginx->set_ttl( 60 ) );
		$this->assertFalse( $varnish->set_ttl( 60 ) );
	}

	/**
	 * The wired list holds one adapter per supported plugin.
	 */
	public function test_every_plugin_has_an_adapter(): void {
		$names = array_map( static fn( Page_Cache $cache ): string => $cache->name(), Page_Caches::all() );
		$this->assertSame( array( 'LiteSpeed Cache', 'WP Rocket', 'W3 Total Cache', 'WP Super Cache', 'SiteGround Speed Optimizer', 'Nginx Helper', 'Proxy Cache Purge', 'Cloudflare' ), $names );
	}
}
