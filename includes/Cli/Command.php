<?php
/**
 * WP-CLI: `wp amazon-creators-api` (alias `wp acapi`).
 *
 * @package Amazon_Creators_API
 */

declare( strict_types = 1 );

namespace Amazon_Creators_API\Cli;

use Amazon_Creators_API\Catalog\Compliance;
use Amazon_Creators_API\Catalog\Product;
use Amazon_Creators_API\Catalog\Product_Service;
use Amazon_Creators_API\Catalog\Product_Store;
use Amazon_Creators_API\Catalog\Refresh_Job;

/**
 * Looks up, refreshes and inspects Amazon products and the routing.
 *
 * ## EXAMPLES
 *
 *     wp acapi status
 *     wp acapi get B0C1234567 B0C7654321 --country=de
 *     wp acapi refresh
 *     wp acapi search "coffee grinder" --country=de
 *     wp acapi flush --country=de --yes
 *
 * Thin: every subcommand calls the catalog services. Without WP-CLI (tests) the output goes to
 * the writer given to the constructor and errors are thrown as \RuntimeException.
 */
final class Command {

	/**
	 * Product service.
	 *
	 * @var Product_Service
	 */
	private Product_Service $service;

	/**
	 * Store.
	 *
	 * @var Product_Store
	 */
	private Product_Store $store;

	/**
	 * Refresh job.
	 *
	 * @var Refresh_Job
	 */
	private Refresh_Job $job;

	/**
	 * Output writer (null: WP-CLI).
	 *
	 * @var (callable(string): void)|null
	 */
	private $writer;

	/**
	 * Builds the command.
	 *
	 * @param Product_Service               $service Product service.
	 * @param Product_Store                 $store   Store.
	 * @param Refresh_Job                   $job     Refresh job.
	 * @param (callable(string): void)|null $writer  Output writer (tests); null writes through WP-CLI.
	 */
	public function __construct( Product_Service $service, Product_Store $store, Refresh_Job $job, ?callable $writer = null ) {
		$this->service = $service;
		$this->store   = $store;
		$this->job     = $job;
		$this->writer  = $writer;
	}

	/**
	 * Registers `wp amazon-creators-api` and `wp acapi` when WP-CLI runs.
	 *
	 * @param Command $command The command.
	 */
	public static function register( Command $command ): void {
		if ( defined( 'WP_CLI' ) && constant( 'WP_CLI' ) && class_exists( '\WP_CLI' ) ) {
			\WP_CLI::add_command( 'amazon-creators-api', $command );
			\WP_CLI::add_command( 'acapi', $command );
		}
	}

	/**
	 * Shows which API answers for each marketplace, the stored products and the last refresh.
	 *
	 * ## OPTIONS
	 *
	 * [--format=<format>]
	 * : table, json, csv or yaml.
	 * ---
	 * default: table
	 * ---
	 *
	 * @param list<string>          $args  Positional arguments.
	 * @param array<string, string> $assoc Options.
	 */
	public function status( array $args, array $assoc ): void {
		unset( $args );
		$router = $this->service->router();
		$rows   = array();
		foreach ( $router->configured_countries() as $country ) {
			$route  = $router->describe( $country );
			$rows[] = array(
				'country' => $route['country'],
				'api'     => $route['api'],
				'version' => (string) $route['api_version'],
				'circuit' => $route['circuit'],
				'reason'  => $route['reason'],
			);
		}
		$this->items( $assoc['format'] ?? 'table', $rows, array( 'country', 'api', 'version', 'circuit', 'reason' ) );
		$stats = $this->store->stats();
		$this->line( sprintf( 'Stored products: %d (fresh %d, stale %d, older than 24 h %d, never fetched %d, failing %d).', $stats['total'], $stats['fresh'], $stats['stale'], $stats['expired'], $stats['never_fetched'], $stats['failing'] ) );
		$last = Refresh_Job::last_run();
		$this->line( null === $last ? 'The refresh job has not run yet.' : sprintf( 'Last refresh: %s UTC (%d refreshed, %d failed).', gmdate( 'Y-m-d H:i:s', (int) $last['finished'] ), (int) ( $last['refreshed'] ?? 0 ), (int) ( $last['failed'] ?? 0 ) ) );
		if ( Refresh_Job::is_overdue() ) {
			$this->warn( 'WP-Cron has not run the product refresh for more than an hour: check DISABLE_WP_CRON and the system cron.' );
		}
	}

	/**
	 * Shows products (from the store, fetched when missing).
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
	 * : table, json, csv or yaml.
	 * ---
	 * default: table
	 * ---
	 *
	 * @param list<string>          $args  ASINs.
	 * @param array<string, string> $assoc Options.
	 */
	public function get( array $args, array $assoc ): void {
		$country = (string) ( $assoc['country'] ?? '' );
		$result  = empty( $assoc['refresh'] ) ? $this->service->get_products( $country, $args ) : $this->service->refresh( $country, $args );
		$rows    = array();
		foreach ( $result->products as $asin => $product ) {
			$rows[] = self::row( (string) $asin, $product, '' );
		}
		foreach ( $result->errors as $asin => $error ) {
			$rows[] = array(
				'asin'       => (string) $asin,
				'title'      => '',
				'price'      => '',
				'api'        => '',
				'fetched_at' => '',
				'error'      => $error->kind . ': ' . $error->message(),
			);
		}
		$this->items( $assoc['format'] ?? 'table', $rows, array( 'asin', 'title', 'price', 'api', 'fetched_at', 'error' ) );
	}

	/**
	 * Refreshes due products now (what the cron event does).
	 *
	 * ## OPTIONS
	 *
	 * [--budget=<seconds>]
	 * : Longest run time (default 20, filter acapi_refresh_budget).
	 *
	 * @param list<string>          $args  Positional arguments.
	 * @param array<string, string> $assoc Options.
	 */
	public function refresh( array $args, array $assoc ): void {
		unset( $args );
		$budget = isset( $assoc['budget'] ) && is_numeric( $assoc['budget'] ) ? (float) $assoc['budget'] : null;
		$report = $this->job->run( $budget );
		if ( $report['locked'] ) {
			$this->warn( 'Another refresh is running.' );
			return;
		}
		$message = sprintf( 'Refreshed %d products in %d batches; %d failed; %d left for the next run.', $report['refreshed'], $report['batches'], $report['failed'], $report['remaining'] );
		if ( array() !== $report['skipped'] ) {
			$message .= ' Skipped (circuit open or not configured): ' . implode( ', ', $report['skipped'] ) . '.';
		}
		$this->success( $message );
	}

	/**
	 * Searches Amazon.
	 *
	 * ## OPTIONS
	 *
	 * <keywords>
	 * : Keywords.
	 *
	 * [--country=<country>]
	 * : Marketplace country code.
	 *
	 * [--index=<search-index>]
	 * : Search index (category).
	 *
	 * [--format=<format>]
	 * : table, json, csv or yaml.
	 * ---
	 * default: table
	 * ---
	 *
	 * @param list<string>          $args  Keywords.
	 * @param array<string, string> $assoc Options.
	 * @throws \RuntimeException Outside WP-CLI, when the search fails.
	 */
	public function search( array $args, array $assoc ): void {
		$params = isset( $assoc['index'] ) ? array( 'search_index' => (string) $assoc['index'] ) : array();
		$result = $this->service->search( (string) ( $assoc['country'] ?? '' ), implode( ' ', $args ), $params );
		if ( $result->is_empty() && array() !== $result->errors ) {
			$this->error( $result->errors[0]->message() );
			return;
		}
		$rows = array();
		foreach ( $result->products as $product ) {
			$rows[] = self::row( $product->asin, $product, '' );
		}
		$this->items( $assoc['format'] ?? 'table', $rows, array( 'asin', 'title', 'price', 'api', 'fetched_at' ) );
	}

	/**
	 * Deletes stored products (they are fetched again when a page shows them).
	 *
	 * ## OPTIONS
	 *
	 * [<asin>...]
	 * : Only these ASINs (with --country).
	 *
	 * [--country=<country>]
	 * : Only this marketplace.
	 *
	 * [--yes]
	 * : Do not ask for confirmation.
	 *
	 * @param list<string>          $args  ASINs.
	 * @param array<string, string> $assoc Options.
	 */
	public function flush( array $args, array $assoc ): void {
		$country = isset( $assoc['country'] ) ? strtolower( (string) $assoc['country'] ) : null;
		if ( array() !== $args && null === $country ) {
			$country = $this->service->router()->default_country();
		}
		if ( class_exists( '\WP_CLI' ) && null === $this->writer ) {
			\WP_CLI::confirm( 'Delete the stored Amazon products?', $assoc );
		}
		$asins   = array() === $args ? null : array_values( array_map( static fn( $asin ): string => strtoupper( trim( (string) $asin ) ), $args ) );
		$deleted = $this->store->delete( $country, $asins );
		$this->success( sprintf( 'Deleted %d stored products.', $deleted ) );
	}

	/**
	 * A table row of a product.
	 *
	 * @param string  $asin    ASIN.
	 * @param Product $product Product.
	 * @param string  $error   Error text.
	 * @return array<string, string>
	 */
	private static function row( string $asin, Product $product, string $error ): array {
		return array(
			'asin'       => $asin,
			'title'      => $product->title,
			'price'      => $product->has_price() && null !== $product->price ? $product->price['display'] : '',
			'api'        => $product->source . ' ' . $product->api_version,
			'fetched_at' => $product->fetched_at > 0 ? gmdate( 'Y-m-d H:i:s', $product->fetched_at ) . ( Compliance::within_max_age( $product->fetched_at, time() ) ? '' : ' (over 24 h)' ) : 'not yet',
			'error'      => $error,
		);
	}

	/**
	 * Prints items.
	 *
	 * @param string                      $format Format.
	 * @param list<array<string, string>> $items  Items.
	 * @param list<string>                $fields Fields.
	 */
	private function items( string $format, array $items, array $fields ): void {
		if ( null === $this->writer && function_exists( '\WP_CLI\Utils\format_items' ) ) {
			\WP_CLI\Utils\format_items( $format, $items, $fields );
			return;
		}
		if ( 'json' === $format ) {
			$this->line( (string) wp_json_encode( $items ) );
			return;
		}
		$this->line( implode( "\t", $fields ) );
		foreach ( $items as $item ) {
			$cells = array();
			foreach ( $fields as $field ) {
				$cells[] = $item[ $field ] ?? '';
			}
			$this->line( implode( "\t", $cells ) );
		}
	}

	/**
	 * Prints a line.
	 *
	 * @param string $text Text.
	 */
	private function line( string $text ): void {
		if ( null !== $this->writer ) {
			( $this->writer )( $text );
		} elseif ( class_exists( '\WP_CLI' ) ) {
			\WP_CLI::log( $text );
		}
	}

	/**
	 * Prints a success line.
	 *
	 * @param string $text Text.
	 */
	private function success( string $text ): void {
		if ( null === $this->writer && class_exists( '\WP_CLI' ) ) {
			\WP_CLI::success( $text );
			return;
		}
		$this->line( 'Success: ' . $text );
	}

	/**
	 * Prints a warning.
	 *
	 * @param string $text Text.
	 */
	private function warn( string $text ): void {
		if ( null === $this->writer && class_exists( '\WP_CLI' ) ) {
			\WP_CLI::warning( $text );
			return;
		}
		$this->line( 'Warning: ' . $text );
	}

	/**
	 * Fails.
	 *
	 * @param string $text Text.
	 * @throws \RuntimeException Outside WP-CLI.
	 */
	private function error( string $text ): void {
		if ( null === $this->writer && class_exists( '\WP_CLI' ) ) {
			\WP_CLI::error( $text );
			return;
		}
		throw new \RuntimeException( $text ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- Plain text for the command line.
	}
}
