<?php
/**
 * WP-CLI: `wp acapi item get <asin>...`.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Cli;

use Creators_Connect\Catalog\Product_Service;
use Creators_Connect\Catalog\Router;

/**
 * Shows Amazon products.
 *
 * ## EXAMPLES
 *
 *     wp acapi item get B0C7KX2Q4M B0C7KX2Q5N --country=us
 *     wp acapi item get B0C7KX2Q4M --refresh --format=json
 */
final class Item_Command {

	/**
	 * Product service.
	 *
	 * @var Product_Service
	 */
	private Product_Service $service;

	/**
	 * Router (is there a default marketplace?).
	 *
	 * @var Router
	 */
	private Router $router;

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
	 * @param Router          $router  Router.
	 * @param Output          $out     Output.
	 */
	public function __construct( Product_Service $service, Router $router, Output $out ) {
		$this->service = $service;
		$this->router  = $router;
		$this->out     = $out;
	}

	/**
	 * Shows products as a page would get them, fetched from Amazon when missing or stale.
	 *
	 * Exits with status 1 when no item could be fetched.
	 *
	 * ## OPTIONS
	 *
	 * <asin>...
	 * : One or more ASINs.
	 *
	 * [--country=<country>]
	 * : Marketplace country code (default: the default marketplace).
	 *
	 * [--refresh]
	 * : Fetch from Amazon now, whatever is stored.
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
	 * @param list<string>         $args  ASINs.
	 * @param array<string, mixed> $assoc Options.
	 */
	public function get( array $args, array $assoc ): void {
		$format = $this->out->format( $assoc );
		if ( array() === $args ) {
			$this->out->error( 'Give at least one ASIN.' );
		}
		$country = $this->out->country( $assoc );
		if ( '' === $country && '' === $this->router->default_country() ) {
			$this->out->error( 'No default marketplace is set: pass --country.' );
		}
		$asins  = array_values( array_map( 'strval', $args ) );
		$result = empty( $assoc['refresh'] ) ? $this->service->get_products( $country, $asins ) : $this->service->refresh( $country, $asins );
		$rows   = array();
		foreach ( $result->products as $asin => $product ) {
			$rows[] = Product_Rows::product( (string) $asin, $product );
		}
		foreach ( $result->errors as $asin => $error ) {
			$rows[] = Product_Rows::error( (string) $asin, $error );
		}
		$this->out->items( $format, $rows, Product_Rows::FIELDS );
		if ( array() === $result->products && array() !== $result->errors ) {
			/* translators: %d: number of items. */
			$this->out->error( sprintf( _n( 'Could not fetch the %d item.', 'Could not fetch any of the %d items.', count( $result->errors ), 'creators-connect-for-amazon' ), count( $result->errors ) ) );
		}
	}
}
