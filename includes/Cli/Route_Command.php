<?php
/**
 * WP-CLI: `wp acapi route <country>`.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Cli;

use Creators_Connect\Catalog\Routing_Summary;

/**
 * Which API would answer for a marketplace, and why (Routing_Summary::describe()).
 */
final class Route_Command {

	/**
	 * The routing summary.
	 *
	 * @var Routing_Summary
	 */
	private Routing_Summary $routes;

	/**
	 * A marketplace's status: `enabled`, `disabled` or `not_configured`.
	 *
	 * @var callable(string): string
	 */
	private $status;

	/**
	 * Output.
	 *
	 * @var Output
	 */
	private Output $out;

	/**
	 * Builds the command.
	 *
	 * @param Routing_Summary          $routes The routing summary.
	 * @param callable(string): string $status A marketplace's status (Settings_Repository::marketplace_status).
	 * @param Output                   $out    Output.
	 */
	public function __construct( Routing_Summary $routes, callable $status, Output $out ) {
		$this->routes = $routes;
		$this->status = $status;
		$this->out    = $out;
	}

	/**
	 * Shows which API would answer for a marketplace and why.
	 *
	 * ## OPTIONS
	 *
	 * <country>
	 * : Country code of the marketplace.
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
	 *     wp acapi route de
	 *
	 * @param list<string>         $args  The country code.
	 * @param array<string, mixed> $assoc Options.
	 */
	public function __invoke( array $args, array $assoc ): void {
		$format  = $this->out->format( $assoc );
		$country = $this->out->country( array( 'country' => (string) ( $args[0] ?? '' ) ) );
		if ( '' === $country ) {
			$this->out->error( 'Give a marketplace country code.' );
		}
		$route = $this->routes->describe( $country, ( $this->status )( $country ) );
		if ( 'json' === $format ) {
			$this->out->line( (string) wp_json_encode( $route ) );
			return;
		}
		$rows = array();
		foreach ( $route as $field => $value ) {
			$rows[] = array(
				'field' => (string) $field,
				'value' => is_array( $value ) ? (string) wp_json_encode( $value ) : ( is_bool( $value ) ? ( $value ? 'yes' : 'no' ) : (string) $value ),
			);
		}
		$this->out->items( $format, $rows, array( 'field', 'value' ) );
	}
}
