<?php
/**
 * What state a stored product is in, for product health.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Health;

use Creators_Connect\Catalog\Stored_Product;

/**
 * The states a publisher needs to act on, from one product row: the ASIN is gone, the offer (or
 * the buy box) is gone, it is out of stock, it has not refreshed for a day, or it keeps failing in
 * its marketplace. The first that applies wins, in the order of STATES.
 */
final class Product_State {

	public const OK           = 'ok';
	public const UNKNOWN_ASIN = 'unknown_asin';
	public const STALE        = 'stale';
	public const FAILING      = 'failing';
	public const OUT_OF_STOCK = 'out_of_stock';
	public const NO_OFFER     = 'no_offer';

	/**
	 * The problem states, most serious first.
	 */
	public const PROBLEMS = array( self::UNKNOWN_ASIN, self::STALE, self::FAILING, self::OUT_OF_STOCK, self::NO_OFFER );

	/**
	 * Seconds without a successful refresh after which a failing product is "stale".
	 */
	public const STALE_AFTER = 86400;

	/**
	 * Consecutive failed fetches after which a product "keeps failing".
	 */
	public const FAILING_AFTER = 3;

	/**
	 * Availability types (both APIs) that mean the product cannot be bought now.
	 */
	private const OUT_OF_STOCK_TYPES = array( 'OUT_OF_STOCK', 'OutOfStock', 'UNAVAILABLE', 'Unavailable' );

	/**
	 * The state of a stored row now.
	 *
	 * @param Stored_Product $row The row.
	 * @param int            $now Unix time.
	 */
	public static function of( Stored_Product $row, int $now ): string {
		$error = $row->last_error;
		if ( null !== $error ) {
			if ( $error->is_item_error() ) {
				return self::UNKNOWN_ASIN;
			}
			$since = $row->fetched_at > 0 ? $row->fetched_at : 0;
			if ( $since > 0 && $now - $since >= self::STALE_AFTER ) {
				return self::STALE;
			}
			if ( $row->error_count >= self::FAILING_AFTER ) {
				return self::FAILING;
			}
		}
		$product = $row->product;
		if ( null === $product ) {
			return self::OK; // Not fetched yet, or one failure: nothing to act on yet.
		}
		if ( null !== $product->availability && in_array( $product->availability['type'], self::OUT_OF_STOCK_TYPES, true ) ) {
			return self::OUT_OF_STOCK;
		}
		if ( null === $product->price || false === $product->is_buy_box_winner ) {
			return self::NO_OFFER;
		}
		return self::OK;
	}

	/**
	 * What the last error was (an error kind and Amazon's code), for the view's detail column.
	 *
	 * @param Stored_Product $row The row.
	 */
	public static function detail( Stored_Product $row ): string {
		if ( null === $row->last_error ) {
			return '';
		}
		return trim( $row->last_error->kind . ' ' . $row->last_error->code );
	}

	/**
	 * The translated label of a state.
	 *
	 * @param string $state A state.
	 */
	public static function label( string $state ): string {
		switch ( $state ) {
			case self::UNKNOWN_ASIN:
				return __( 'Unknown ASIN (gone from Amazon)', 'creators-connect-for-amazon' );
			case self::STALE:
				return __( 'Not refreshed for a day', 'creators-connect-for-amazon' );
			case self::FAILING:
				return __( 'Keeps failing in its marketplace', 'creators-connect-for-amazon' );
			case self::OUT_OF_STOCK:
				return __( 'Out of stock', 'creators-connect-for-amazon' );
			case self::NO_OFFER:
				return __( 'No offer or lost the buy box', 'creators-connect-for-amazon' );
			default:
				return __( 'Fine', 'creators-connect-for-amazon' );
		}
	}
}
