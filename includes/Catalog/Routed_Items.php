<?php
/**
 * A GetItems answer together with the route that produced it.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Catalog;

use Creators_Connect\Model\Get_Items_Result;
use Creators_Connect\Model\Product;

/**
 * What Router::get_items() returns: the products and per-ASIN errors, the route tried first and,
 * when the Creators API failed and PA-API answered, the fallback route (with the Creators error).
 */
final class Routed_Items {

	/**
	 * Builds the value.
	 *
	 * @param Get_Items_Result    $result   Products and errors.
	 * @param Route_Decision      $decision The route tried first.
	 * @param Route_Decision|null $fallback The fallback route, when PA-API answered for the Creators API.
	 */
	public function __construct(
		public readonly Get_Items_Result $result,
		public readonly Route_Decision $decision,
		public readonly ?Route_Decision $fallback = null
	) {
	}

	/**
	 * The route code stored with a product: the fallback's (`fallback:not_eligible`) when PA-API
	 * answered for a failing Creators API, else the first route's.
	 *
	 * @param Product $product A product of the result.
	 */
	public function reason_for( Product $product ): string {
		if ( null !== $this->fallback && Route_Decision::API_PAAPI === $product->source && Route_Decision::API_CREATORS === $this->decision->api ) {
			return $this->fallback->reason_code();
		}
		return $this->decision->reason_code();
	}
}
