<?php
/**
 * WP-CLI: `wp acapi health [--state=<state>] [--marketplace=<country>] [--format=<format>]`.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Cli;

use Creators_Connect\Health\Health_Report;
use Creators_Connect\Health\Product_State;

/**
 * The problem products (Health_Report), one row per product with the ids of the posts that show it.
 */
final class Health_Command {

	/**
	 * The columns, in order.
	 */
	public const FIELDS = array( 'marketplace', 'asin', 'state', 'since', 'detail', 'posts' );

	/**
	 * Report.
	 *
	 * @var Health_Report
	 */
	private Health_Report $report;

	/**
	 * Output.
	 *
	 * @var Output
	 */
	private Output $out;

	/**
	 * Builds the command.
	 *
	 * @param Health_Report $report Report.
	 * @param Output        $out    Output.
	 */
	public function __construct( Health_Report $report, Output $out ) {
		$this->report = $report;
		$this->out    = $out;
	}

	/**
	 * Lists products that are gone, without an offer, out of stock, or failing to refresh.
	 *
	 * ## OPTIONS
	 *
	 * [--state=<state>]
	 * : Only one state.
	 * ---
	 * options:
	 *   - unknown_asin
	 *   - stale
	 *   - failing
	 *   - out_of_stock
	 *   - no_offer
	 * ---
	 *
	 * [--marketplace=<country>]
	 * : Only one marketplace (country code).
	 *
	 * [--all]
	 * : Also products no published post shows (geotargeting's copies in other stores, widgets).
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
	 *     wp acapi health
	 *     wp acapi health --state=out_of_stock --format=json
	 *
	 * @param list<string>         $args  Unused.
	 * @param array<string, mixed> $assoc Options.
	 */
	public function __invoke( array $args, array $assoc ): void {
		$format = $this->out->format( $assoc );
		$state  = isset( $assoc['state'] ) && is_string( $assoc['state'] ) ? $assoc['state'] : '';
		if ( '' !== $state && ! in_array( $state, Product_State::PROBLEMS, true ) ) {
			$this->out->error( sprintf( 'Unknown state "%s": use %s.', $state, implode( ', ', Product_State::PROBLEMS ) ) );
		}
		$country = isset( $assoc['marketplace'] ) ? $this->out->country( array( 'country' => $assoc['marketplace'] ) ) : '';
		$rows    = array();
		foreach ( $this->report->items( $state, $country, ! empty( $assoc['all'] ) ) as $item ) {
			$rows[] = array(
				'marketplace' => $item['marketplace'],
				'asin'        => $item['asin'],
				'state'       => $item['state'],
				'since'       => gmdate( 'Y-m-d\TH:i:s\Z', $item['since'] ),
				'detail'      => $item['detail'],
				'posts'       => implode( ',', array_map( static fn( array $post ): string => (string) $post['id'], $item['posts'] ) ),
			);
		}
		if ( array() === $rows && 'table' === $format ) {
			$this->out->success( 'No problem products.' );
			return;
		}
		$this->out->items( $format, $rows, self::FIELDS );
	}
}
