<?php
/**
 * Stores what Amazon answered to a GetItems call.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Catalog;

use Creators_Connect\Model\Amazon_Error;
use Creators_Connect\Reference\Asin;

/**
 * One way to store an answer, for both fetch paths (a page's Batch_Fetcher, the refresh job's
 * Product_Refresher): products with the route that produced them, and errors counted on top of
 * the row's previous count. An error never replaces a stored product (Product_Store keeps it);
 * a marketplace without credentials and a value that is no ASIN leave no row.
 */
final class Answer_Keeper {

	/**
	 * Store.
	 *
	 * @var Product_Store
	 */
	private Product_Store $store;

	/**
	 * Builds the keeper.
	 *
	 * @param Product_Store $store Store.
	 */
	public function __construct( Product_Store $store ) {
		$this->store = $store;
	}

	/**
	 * Stores what a fetch brought: products (with their route) and errors (keeping old products).
	 *
	 * @param string                        $code      Country code.
	 * @param Routed_Items                  $routed    Answer.
	 * @param array<string, Stored_Product> $rows      Rows before the fetch.
	 * @param int|null                      $requested Unix time a page asked (null: the refresh job).
	 */
	public function keep( string $code, Routed_Items $routed, array $rows, ?int $requested ): void {
		$routes = array();
		foreach ( $routed->result->products as $asin => $product ) {
			$routes[ $asin ] = $routed->reason_for( $product );
		}
		$this->store->save( $code, $routed->result->products, $routes, $requested );

		$errors   = array();
		$previous = array();
		foreach ( $routed->result->errors as $asin => $error ) {
			if ( Amazon_Error::NOT_CONFIGURED === $error->kind || ! Asin::is_valid( (string) $asin ) ) {
				continue;
			}
			$errors[ $asin ]   = $error;
			$previous[ $asin ] = $rows[ $asin ]->error_count ?? 0;
		}
		$this->store->record_errors( $code, $errors, $previous, $requested );
	}
}
