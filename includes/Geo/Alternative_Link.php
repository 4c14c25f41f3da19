<?php
/**
 * One alternative link of a product in another marketplace.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Geo;

use Creators_Connect\Model\Product;
use Creators_Connect\Marketplace\Marketplace_Registry;

/**
 * Amazon's rules for links (docs/geotargeting.md): a product link is the detail-page URL the API
 * returned for that marketplace, unchanged (it carries that store's partner tag, because the
 * request for that marketplace sent it). A product that marketplace never returned gets no
 * hand-built product link: only, when the site chose it, a keyword search in that store.
 */
final class Alternative_Link {

	/**
	 * Words of the title a search uses.
	 */
	public const SEARCH_WORDS = 5;

	/**
	 * The API's detail-page URL of the product in a marketplace, or '' (not returned by the API
	 * there: not found, not fetched yet, or a URL of another store).
	 *
	 * @param Product|null $product The product as the target marketplace answered it.
	 * @param string       $target  The target's country code.
	 */
	public static function for_product( ?Product $product, string $target ): string {
		$marketplace = Marketplace_Registry::get( $target );
		if ( null === $product || null === $marketplace || $product->fetched_at <= 0 || '' === $product->detail_page_url ) {
			return '';
		}
		return $marketplace->owns_url( $product->detail_page_url ) ? $product->detail_page_url : '';
	}

	/**
	 * A keyword search for the product's title in a store, with that store's tag (AAWP's "search"
	 * mode), or '' without a title or tag.
	 *
	 * @param string $target Country code.
	 * @param string $tag    The target's partner tag.
	 * @param string $title  The product's title (from the box's own marketplace).
	 */
	public static function search( string $target, string $tag, string $title ): string {
		$marketplace = Marketplace_Registry::get( $target );
		$split       = preg_split( '/\s+/u', trim( wp_strip_all_tags( $title ) ) );
		$words       = array_slice( false === $split ? array() : $split, 0, self::SEARCH_WORDS );
		$keywords    = trim( implode( ' ', $words ) );
		if ( null === $marketplace || '' === $tag || '' === $keywords ) {
			return '';
		}
		return $marketplace->store_url() . '/s?' . http_build_query(
			array(
				'k'   => $keywords,
				'tag' => $tag,
			),
			'',
			'&',
			PHP_QUERY_RFC3986
		);
	}
}
