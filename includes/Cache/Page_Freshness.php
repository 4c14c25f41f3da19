<?php
/**
 * How long a cache may keep the page being rendered, from the products it shows.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Cache;

use Creators_Connect\Catalog\Compliance;
use Creators_Connect\Model\Product;

/**
 * Listens to `acapi_product_rendered` (every product any renderer path shows: post content,
 * archives, block templates, widgets) and keeps the oldest fetch time of the products shown with
 * price, availability or image. The page may be cached for
 * N = min( seconds until that data reaches Compliance::max_age(), the page TTL cap ),
 * where the cap is the offer refresh interval (filter `acapi_page_cache_ttl`). The renderer
 * shows the no-price fallback for data within Compliance::CACHE_FLOOR seconds of its maximum age,
 * so N never falls below that floor for lack of time.
 */
final class Page_Freshness {

	/**
	 * Oldest fetch time of the product data shown in full (null: none shown in full).
	 *
	 * @var int|null
	 */
	private ?int $oldest = null;

	/**
	 * Whether the page shows any product (in full or as the fallback).
	 *
	 * @var bool
	 */
	private bool $shown = false;

	/**
	 * Subscribes to the renderer's action.
	 */
	public function register_hooks(): void {
		add_action( 'acapi_product_rendered', array( $this, 'record' ), 10, 2 );
	}

	/**
	 * Action `acapi_product_rendered`: notes a product the page shows.
	 *
	 * @param mixed $product The product.
	 * @param mixed $full    Whether it shows price, availability and image.
	 */
	public function record( $product, $full = true ): void {
		if ( ! $product instanceof Product ) {
			return;
		}
		$this->shown = true;
		if ( $full && $product->fetched_at > 0 ) {
			$this->oldest = null === $this->oldest ? $product->fetched_at : min( $this->oldest, $product->fetched_at );
		}
	}

	/**
	 * Whether the page shows product data.
	 */
	public function has_products(): bool {
		return $this->shown;
	}

	/**
	 * Seconds a shared cache may keep the page (null: the page shows no product).
	 *
	 * @param int $now Unix time.
	 */
	public function ttl( int $now ): ?int {
		if ( ! $this->shown ) {
			return null;
		}
		$ttl = self::cap();
		if ( null !== $this->oldest ) {
			$ttl = min( $ttl, $this->oldest + Compliance::max_age() - $now );
		}
		return max( 1, $ttl );
	}

	/**
	 * The longest a page with products may be cached (filter `acapi_page_cache_ttl`, seconds;
	 * default the offer refresh interval; kept between the floor and the maximum age).
	 */
	public static function cap(): int {
		$ttl = apply_filters( 'acapi_page_cache_ttl', Compliance::offer_ttl() );
		$ttl = is_numeric( $ttl ) ? (int) $ttl : Compliance::offer_ttl();
		return max( Compliance::CACHE_FLOOR, min( Compliance::max_age(), $ttl ) );
	}

	/**
	 * Forgets the page (a new request in long-running processes and tests).
	 */
	public function reset(): void {
		$this->oldest = null;
		$this->shown  = false;
	}
}
