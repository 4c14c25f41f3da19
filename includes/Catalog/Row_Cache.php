<?php
/**
 * Product rows in the object cache, in front of the table.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Catalog;

/**
 * With a persistent object cache (Redis, Memcached) a page's rows come from memory, not from a
 * query; without one this does nothing (the table is the only copy). A row lives at most as long
 * as Amazon lets product data be shown (Compliance::max_age()), and every write to the table drops
 * the rows it changed.
 */
final class Row_Cache {

	/**
	 * The object cache group: its own, so that clearing products never flushes the rate limiter's
	 * slots, locks, tokens and circuit breakers (Shared_Store's `acapi` group). Flushed on uninstall.
	 */
	public const GROUP = 'acapi_products';

	/**
	 * Builds the cache.
	 *
	 * @param bool|null $enabled Whether rows are cached (default: when the object cache is persistent).
	 */
	public function __construct( private readonly ?bool $enabled = null ) {
	}

	/**
	 * Whether rows go through the object cache.
	 */
	public function enabled(): bool {
		return $this->enabled ?? (bool) wp_using_ext_object_cache();
	}

	/**
	 * The cached rows of some ASINs of a marketplace, by ASIN (the ones not cached are missing).
	 *
	 * @param string       $country Country code.
	 * @param list<string> $asins   ASINs.
	 * @return array<string, array<mixed>>
	 */
	public function get( string $country, array $asins ): array {
		if ( ! $this->enabled() ) {
			return array();
		}
		$keys   = array_map( static fn( string $asin ): string => self::key( $country, $asin ), $asins );
		$cached = wp_cache_get_multiple( $keys, self::GROUP );
		$out    = array();
		foreach ( $asins as $i => $asin ) {
			$row = $cached[ $keys[ $i ] ] ?? false;
			if ( is_array( $row ) ) {
				$out[ $asin ] = $row;
			}
		}
		return $out;
	}

	/**
	 * Caches a row read from the table.
	 *
	 * @param string       $country Country code.
	 * @param string       $asin    ASIN.
	 * @param array<mixed> $row     The row.
	 */
	public function set( string $country, string $asin, array $row ): void {
		if ( $this->enabled() ) {
			wp_cache_set( self::key( $country, $asin ), $row, self::GROUP, Compliance::max_age() );
		}
	}

	/**
	 * Drops cached rows.
	 *
	 * @param string       $country Country code.
	 * @param list<string> $asins   ASINs.
	 */
	public function forget( string $country, array $asins ): void {
		if ( ! $this->enabled() ) {
			return;
		}
		foreach ( $asins as $asin ) {
			wp_cache_delete( self::key( $country, $asin ), self::GROUP );
		}
	}

	/**
	 * Drops every cached row (where the cache can flush a group).
	 */
	public function flush(): void {
		if ( $this->enabled() && function_exists( 'wp_cache_flush_group' ) && wp_cache_supports( 'flush_group' ) ) {
			wp_cache_flush_group( self::GROUP );
		}
	}

	/**
	 * Cache key of a row.
	 *
	 * @param string $country Country code.
	 * @param string $asin    ASIN.
	 */
	private static function key( string $country, string $asin ): string {
		return 'p_' . $country . '_' . $asin;
	}
}
