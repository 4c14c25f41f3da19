<?php
/**
 * The answer to a SearchItems or GetVariations request.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Model;

/**
 * Products in Amazon's order, the total count, Amazon's search URL (exactly as returned) and, for
 * GetVariations, the variation summary. No hits is an empty result, not an error.
 */
final class Search_Result {

	/**
	 * Builds the result.
	 *
	 * @param list<Product>        $products   Products in Amazon's order.
	 * @param int                  $total      Total result count (search) or variation count (variations).
	 * @param string               $search_url Amazon's search URL ('' for variations).
	 * @param array<string, mixed> $summary    Variation summary: page_count, variation_count, lowest_price, highest_price, dimensions.
	 * @param list<Amazon_Error>   $errors     Partial errors Amazon reported.
	 */
	public function __construct(
		public readonly array $products = array(),
		public readonly int $total = 0,
		public readonly string $search_url = '',
		public readonly array $summary = array(),
		public readonly array $errors = array()
	) {
	}

	/**
	 * Whether there are no products.
	 */
	public function is_empty(): bool {
		return array() === $this->products;
	}

	/**
	 * The ASINs in order.
	 *
	 * @return list<string>
	 */
	public function asins(): array {
		return array_map(
			static function ( Product $product ): string {
				return $product->asin;
			},
			$this->products
		);
	}
}
