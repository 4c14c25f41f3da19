<?php
/**
 * WP-CLI: `wp acapi search <keywords>`.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Cli;

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
		$params = isset( $assoc['index'] ) && is_scalar( $assoc['index'] ) && '' !== (string) $assoc['index'] ? array( 'search_index' => (string) $assoc['index'] ) : array();
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
