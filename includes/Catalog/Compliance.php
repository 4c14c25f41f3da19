<?php
/**
 * Amazon's data-age rules for product data.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Catalog;

use Creators_Connect\Model\Product;

/**
 * Offer data (price, availability) is refreshed at least hourly by default (filter
 * `acapi_offer_ttl`, seconds, at most 24 h); nothing older than 24 hours shows a price,
 * availability or image: such a product is reduced to its title and link.
 */
final class Compliance {

	/**
	 * The oldest data that may be shown with price, availability and images, in seconds.
	 */
	public const MAX_AGE = 86400;

	/**
	 * Default seconds after which offer data is refreshed.
	 */
	public const OFFER_TTL = 3600;

	/**
	 * Share of an expiry added or taken at random so that products fetched together do not all
	 * expire together.
	 */
	public const JITTER = 0.1;

	/**
	 * Seconds before its maximum age from which a product shows no price, availability or image.
	 * A cached page may keep product data only until that data reaches its maximum age, so a
	 * product this close to it would leave a page almost uncacheable: it shows the no-price
	 * fallback instead, and a page keeps at least this long in a cache.
	 */
	public const CACHE_FLOOR = 60;

	/**
	 * Seconds after which nothing but title and link may show (filter `acapi_catalog_max_age`,
	 * which the general settings feed; 1 h – Amazon's 24 h, never longer).
	 */
	public static function max_age(): int {
		$age = function_exists( 'apply_filters' ) ? apply_filters( 'acapi_catalog_max_age', self::MAX_AGE ) : self::MAX_AGE;
		$age = is_numeric( $age ) ? (int) $age : self::MAX_AGE;
		return max( 3600, min( self::MAX_AGE, $age ) );
	}

	/**
	 * Seconds after which a product's offer data is refreshed (filter `acapi_offer_ttl`, which the
	 * general settings feed; 60 s – max_age()).
	 */
	public static function offer_ttl(): int {
		$ttl = function_exists( 'apply_filters' ) ? apply_filters( 'acapi_offer_ttl', self::OFFER_TTL ) : self::OFFER_TTL;
		$ttl = is_numeric( $ttl ) ? (int) $ttl : self::OFFER_TTL;
		return max( 60, min( self::max_age(), $ttl ) );
	}

	/**
	 * A lifetime with ±10 % jitter.
	 *
	 * @param int $seconds Lifetime.
	 */
	public static function jitter( int $seconds ): int {
		$spread = (int) round( $seconds * self::JITTER );
		return max( 1, $seconds + ( $spread > 0 ? wp_rand( -$spread, $spread ) : 0 ) );
	}

	/**
	 * When data fetched at a time expires (offer TTL with jitter, never past the 24-hour cap).
	 *
	 * @param int $fetched_at Unix time of the fetch.
	 */
	public static function expires_at( int $fetched_at ): int {
		return min( $fetched_at + self::max_age() - 60, $fetched_at + self::jitter( self::offer_ttl() ) );
	}

	/**
	 * Whether data fetched at a time may still be shown in full.
	 *
	 * @param int      $fetched_at Unix time of the fetch.
	 * @param int      $now        Unix time.
	 * @param int|null $max_age    max_age() when the caller read it already.
	 */
	public static function within_max_age( int $fetched_at, int $now, ?int $max_age = null ): bool {
		return $fetched_at > 0 && $now - $fetched_at < ( $max_age ?? self::max_age() );
	}

	/**
	 * Whether data fetched at a time may be shown in full on a page rendered now: within its
	 * maximum age with at least CACHE_FLOOR seconds to spare (the renderer's rule).
	 *
	 * @param int      $fetched_at Unix time of the fetch.
	 * @param int      $now        Unix time.
	 * @param int|null $max_age    max_age() when the caller read it already.
	 */
	public static function within_display_age( int $fetched_at, int $now, ?int $max_age = null ): bool {
		return self::within_max_age( $fetched_at, $now + self::CACHE_FLOOR, $max_age );
	}

	/**
	 * The product as it may be shown now: itself within 24 hours of its fetch, else title and
	 * link only (no price, availability, images, deal or savings).
	 *
	 * @param Product $product Product.
	 * @param int     $now     Unix time.
	 */
	public static function displayable( Product $product, int $now ): Product {
		return self::within_max_age( $product->fetched_at, $now ) ? $product : self::title_and_link( $product );
	}

	/**
	 * The product reduced to what may be shown without fresh data: title and link.
	 *
	 * @param Product $product Product.
	 */
	public static function title_and_link( Product $product ): Product {
		return new Product(
			asin: $product->asin,
			marketplace: $product->marketplace,
			title: $product->title,
			detail_page_url: $product->detail_page_url,
			fetched_at: $product->fetched_at,
			source: $product->source,
			api_version: $product->api_version,
			parent_asin: $product->parent_asin
		);
	}
}
