<?php
/**
 * Fetches products from Amazon now, whatever their state, and stores them.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Catalog;

use Creators_Connect\Amazon\Api_Client;
use Creators_Connect\Model\Get_Items_Result;
use Creators_Connect\Reference\Asin;

/**
 * The fetch without a page waiting: the refresh job, `wp acapi cache refresh` and `item get
 * --refresh`. Every batch is fetched (no budget, no fetch cap, no stampede lock: the clients' own
 * timeouts apply), each stored through the Answer_Keeper like a page's fetch, and each announced
 * with `acapi_products_refreshed` so the page-cache purge can compare old and new.
 */
final class Product_Refresher {

	/**
	 * Router.
	 *
	 * @var Router
	 */
	private Router $router;

	/**
	 * Store (the rows before a batch).
	 *
	 * @var Product_Store
	 */
	private Product_Store $store;

	/**
	 * Stores each batch's answer.
	 *
	 * @var Answer_Keeper
	 */
	private Answer_Keeper $keeper;

	/**
	 * Builds the refresher.
	 *
	 * @param Router        $router Router.
	 * @param Product_Store $store  Store.
	 * @param Answer_Keeper $keeper Stores each batch's answer.
	 */
	public function __construct( Router $router, Product_Store $store, Answer_Keeper $keeper ) {
		$this->router = $router;
		$this->store  = $store;
		$this->keeper = $keeper;
	}

	/**
	 * Fetches products from Amazon now, whatever their state, and stores them: any number of
	 * ASINs, a batch (and a store read) per call.
	 *
	 * @param string       $country Country code or ''.
	 * @param list<string> $asins   ASINs.
	 */
	public function refresh( string $country, array $asins ): Get_Items_Result {
		$code                = $this->router->country( $country );
		list( $valid, $bad ) = Asin::partition( $asins );
		$errors              = Get_Items_Result::malformed( $bad )->errors;
		if ( '' === $code ) {
			$error = $this->router->decide( $country )->error();
			foreach ( $valid as $asin ) {
				$errors[ $asin ] = $error->for_asin( $asin );
			}
			return new Get_Items_Result( array(), $errors, 0 );
		}
		$products = array();
		$calls    = 0;
		foreach ( array_chunk( $valid, Api_Client::MAX_IDS_PER_CALL ) as $chunk ) {
			$rows   = $this->store->get_many( $code, $chunk );
			$routed = $this->router->get_items( $code, $chunk );
			$calls += $routed->result->calls;
			$this->keeper->keep( $code, $routed, $rows, null );
			/**
			 * Fires after a refresh stored what Amazon answered (the page-cache purge compares).
			 *
			 * @param string                        $code     Country code.
			 * @param array<string, Stored_Product> $rows     The rows before the refresh, by ASIN.
			 * @param array<string, Product>        $products The products Amazon answered, by ASIN.
			 */
			do_action( 'acapi_products_refreshed', $code, $rows, $routed->result->products );
			foreach ( $chunk as $asin ) {
				$product = $routed->result->product( $asin );
				if ( null !== $product ) {
					$products[ $asin ] = $product;
				} else {
					$errors[ $asin ] = $routed->result->why_missing( $asin );
				}
			}
		}
		return new Get_Items_Result( $products, $errors, $calls );
	}
}
