<?php
/**
 * Where the renderer gets products: the product service (store, router, Amazon) implements it.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Catalog;

use Creators_Connect\Model\Get_Items_Result;
use Creators_Connect\Model\Product;
use Creators_Connect\Model\Search_Result;

/**
 * Products for display. Every product it hands out is within Amazon's rules: older than 24 hours,
 * it has no price, availability or images (title and link only).
 */
interface Product_Source {

	/**
	 * Products by ASIN for a marketplace ('' = the default marketplace), with a per-ASIN error
	 * for each one it could not provide. Never throws: a configuration problem comes back as the
	 * same error for every ASIN.
	 *
	 * @param string       $country A marketplace country code, or '' for the default.
	 * @param list<string> $asins   ASINs, upper case.
	 */
	public function get_products( string $country, array $asins ): Get_Items_Result;

	/**
	 * Whether a page may ask for a partner tag in a marketplace ('' = the default one): one of the
	 * tracking IDs it lists, or its own tag. get_products() takes `country#tag` for such a tag
	 * (the products then carry Amazon's links for it); any other tag gets the marketplace's own.
	 *
	 * @param string $country A marketplace country code, or '' for the default.
	 * @param string $tag     Partner tag.
	 */
	public function accepts_tag( string $country, string $tag ): bool;

	/**
	 * A keyword search (cached briefly), for search-driven lists and the editor.
	 *
	 * @param string               $country A marketplace country code, or '' for the default.
	 * @param string               $keywords The keywords.
	 * @param array<string, mixed> $params   search_index, item_count (1–10), item_page (1–10).
	 */
	public function search( string $country, string $keywords, array $params = array() ): Search_Result;

	/**
	 * A product that is only a link: `https://www.amazon.<tld>/dp/<ASIN>?tag=<partner tag>`, no
	 * data (for a marketplace without a working API, or an item Amazon does not serve). Null when
	 * the marketplace has no partner tag or the ASIN is not valid.
	 *
	 * @param string $country A marketplace country code, or '' for the default.
	 * @param string $asin    ASIN.
	 */
	public function link_product( string $country, string $asin ): ?Product;
}
