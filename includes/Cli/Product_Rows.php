<?php
/**
 * Products as rows of a WP-CLI table.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Cli;

use Creators_Connect\Model\Amazon_Error;
use Creators_Connect\Catalog\Compliance;
use Creators_Connect\Model\Product;

/**
 * One shape for `item get` and `search`.
 */
final class Product_Rows {

	/**
	 * The columns.
	 */
	public const FIELDS = array( 'asin', 'title', 'price', 'api', 'fetched_at', 'error' );

	/**
	 * A product's row.
	 *
	 * @param string  $asin    ASIN.
	 * @param Product $product Product.
	 * @return array<string, string>
	 */
	public static function product( string $asin, Product $product ): array {
		return array(
			'asin'       => $asin,
			'title'      => $product->title,
			'price'      => $product->has_price() && null !== $product->price ? $product->price['display'] : '',
			'api'        => $product->source . ' ' . $product->api_version,
			'fetched_at' => $product->fetched_at > 0 ? gmdate( 'Y-m-d H:i:s', $product->fetched_at ) . ( Compliance::within_max_age( $product->fetched_at, time() ) ? '' : ' (over 24 h)' ) : 'not yet',
			'error'      => '',
		);
	}

	/**
	 * The row of an ASIN that failed.
	 *
	 * @param string       $asin  ASIN.
	 * @param Amazon_Error $error Error.
	 * @return array<string, string>
	 */
	public static function error( string $asin, Amazon_Error $error ): array {
		return array(
			'asin'       => $asin,
			'title'      => '',
			'price'      => '',
			'api'        => '',
			'fetched_at' => '',
			'error'      => $error->kind . ': ' . $error->message(),
		);
	}
}
