<?php
/**
 * WP-CLI: `wp acapi search <keywords>`.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Cli;

use Creators_Connect\Amazon\Search_Options;
use Creators_Connect\Catalog\Product_Service;

/**
 * Searches Amazon.
 */
final class Search_Command {

	/**
	 * Product service.
	 *
	 * @var Product_Service
	 */
	private Product_Service $service;

	/**
	 * Output.
	 *
	 * @var Output
	 */
	private Output $out;

	/**
	 * Builds the command.
	 *
	 * @param Product_Service $service Product service.
	 * @param Output          $out     Output.
	 */
	public function __construct( Product_Service $service, Output $out ) {
		$this->service = $service;
		$this->out     = $out;
	}

	/**
	 * Searches Amazon.
	 *
	 * ## OPTIONS
	 *
	 * <keywords>...
	 * : Keywords.
	 *
	 * [--country=<country>]
	 * : Marketplace country code (default: the default marketplace).
	 *
	 * [--index=<search-index>]
	 * : Search index (category), e.g. Electronics.
	 *
	 * [--sort-by=<sort>]
	 * : AvgCustomerReviews, Featured, NewestArrivals, Price:HighToLow, Price:LowToHigh or Relevance.
	 *
	 * [--availability=<availability>]
	 * : Available or IncludeOutOfStock.
	 *
	 * [--delivery-flags=<flags>]
	 * : Comma-separated: AmazonGlobal, FreeShipping, FulfilledByAmazon, Prime.
	 *
	 * [--condition=<condition>]
	 * : Any or New.
	 *
	 * [--min-price=<cents>]
	 * : Lowest price in the currency's smallest unit (1999 = 19.99), at least 1.
	 *
	 * [--max-price=<cents>]
	 * : Highest price in the currency's smallest unit, at least 1.
	 *
	 * [--min-reviews-rating=<stars>]
	 * : 1 to 4.
	 *
	 * [--min-saving-percent=<percent>]
	 * : 1 to 99.
	 *
	 * [--brand=<brand>]
	 * : Brand.
	 *
	 * [--browse-node-id=<id>]
	 * : Browse node (category) id.
	 *
	 * [--items=<count>]
	 * : Results per page, 1 to 10.
	 *
	 * [--page=<page>]
	 * : Result page, 1 to 10.
	 *
	 * [--format=<format>]
	 * : Output format.
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - json
	 *   - csv
	 *   - yaml
	 * ---
	 *
	 * ## EXAMPLES
	 *
	 *     wp acapi search "coffee grinder" --country=de --index=Kitchen
	 *     wp acapi search kettle --sort-by=Price:LowToHigh --min-price=1500 --delivery-flags=Prime
	 *
	 * @param list<string>         $args  Keywords.
	 * @param array<string, mixed> $assoc Options.
	 */
	public function __invoke( array $args, array $assoc ): void {
		$format   = $this->out->format( $assoc );
		$keywords = trim( implode( ' ', $args ) );
		if ( '' === $keywords ) {
			$this->out->error( 'Give some keywords.' );
		}
		$filters = array();
		foreach ( $assoc as $option => $value ) {
			$filters[ str_replace( '-', '_', (string) $option ) ] = $value;
		}
		$filters['search_index']   = $assoc['index'] ?? null;
		$filters['item_count']     = $assoc['items'] ?? null;
		$filters['item_page']      = $assoc['page'] ?? null;
		list( $params, $problems ) = Search_Options::validate( $filters );
		if ( array() !== $problems ) {
			$this->out->error( implode( ' ', $problems ) );
		}
		$result = $this->service->search( $this->out->country( $assoc ), $keywords, $params );
		if ( $result->is_empty() && array() !== $result->errors ) {
			$this->out->error( $result->errors[0]->message() );
		}
		$rows = array();
		foreach ( $result->products as $product ) {
			$rows[] = Product_Rows::product( $product->asin, $product );
		}
		$this->out->items( $format, $rows, array( 'asin', 'title', 'price', 'api', 'fetched_at' ) );
	}
}
