<?php
/**
 * WP-CLI: `wp acapi cache status|flush|refresh`.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Cli;

use Creators_Connect\Catalog\Product_Refresher;
use Creators_Connect\Catalog\Product_Store;
use Creators_Connect\Catalog\Refresh_Job;
use Creators_Connect\Catalog\Router;

/**
 * The stored products: counts, deleting them, refreshing them.
 *
 * ## EXAMPLES
 *
 *     wp acapi cache status
 *     wp acapi cache refresh --country=de
 *     wp acapi cache flush --country=de --yes
 */
final class Cache_Command {

	/**
	 * Most stored rows (all marketplaces) `cache refresh --country` looks through.
	 */
	private const ROW_LIMIT = 10000;

	/**
	 * Fetches and stores products (`refresh --country`).
	 *
	 * @var Product_Refresher
	 */
	private Product_Refresher $refresher;

	/**
	 * Router (default marketplace, configured or not).
	 *
	 * @var Router
	 */
	private Router $router;

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
	 * Output.
	 *
	 * @var Output
	 */
	private Output $out;

	/**
	 * Builds the command.
	 *
	 * @param Product_Refresher $refresher Fetches and stores products.
	 * @param Router            $router    Router.
	 * @param Product_Store     $store     Store.
	 * @param Refresh_Job       $job       Refresh job.
	 * @param Output            $out       Output.
	 */
	public function __construct( Product_Refresher $refresher, Router $router, Product_Store $store, Refresh_Job $job, Output $out ) {
		$this->refresher = $refresher;
		$this->router    = $router;
		$this->store     = $store;
		$this->job       = $job;
		$this->out       = $out;
	}

	/**
	 * Shows the stored products (every marketplace) and the refresh job's last run.
	 *
	 * ## OPTIONS
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
	 * @param list<string>         $args  Positional arguments.
	 * @param array<string, mixed> $assoc Options.
	 */
	public function status( array $args, array $assoc ): void {
		unset( $args );
		$format = $this->out->format( $assoc );
		$stats  = $this->store->stats();
		$last   = Refresh_Job::last_run();
		$row    = array(
			'total'         => (string) $stats['total'],
			'fresh'         => (string) $stats['fresh'],
			'stale'         => (string) $stats['stale'],
			'over_24h'      => (string) $stats['expired'],
			'never_fetched' => (string) $stats['never_fetched'],
			'failing'       => (string) $stats['failing'],
			'last_refresh'  => null === $last ? 'never' : gmdate( 'Y-m-d H:i:s', (int) $last['finished'] ) . ' UTC',
			'last_result'   => null === $last ? '' : sprintf( '%d refreshed, %d failed', (int) ( $last['refreshed'] ?? 0 ), (int) ( $last['failed'] ?? 0 ) ),
		);
		$this->out->items( $format, array( $row ), array_keys( $row ) );
		if ( Refresh_Job::is_overdue() ) {
			$this->out->warning( 'WP-Cron has not run the product refresh for more than an hour: check DISABLE_WP_CRON and the system cron.' );
		}
	}

	/**
	 * Deletes stored products; pages fetch them again when they show them.
	 *
	 * ## OPTIONS
	 *
	 * [<asin>...]
	 * : Only these ASINs (of --country, else of the default marketplace).
	 *
	 * [--country=<country>]
	 * : Only this marketplace.
	 *
	 * [--yes]
	 * : Do not ask for confirmation.
	 *
	 * @param list<string>         $args  ASINs.
	 * @param array<string, mixed> $assoc Options.
	 */
	public function flush( array $args, array $assoc ): void {
		$country = $this->out->country( $assoc );
		if ( array() !== $args && '' === $country ) {
			$country = $this->router->default_country();
			if ( '' === $country ) {
				$this->out->error( 'No default marketplace is set: pass --country.' );
			}
		}
		$this->out->confirm( '' === $country ? 'Delete every stored Amazon product?' : sprintf( 'Delete the stored Amazon products of %s?', $country ), $assoc );
		$asins   = array() === $args ? null : array_values( array_map( static fn( $asin ): string => strtoupper( trim( (string) $asin ) ), $args ) );
		$deleted = $this->store->delete( '' === $country ? null : $country, $asins );
		/* translators: %d: number of products. */
		$this->out->success( sprintf( _n( 'Deleted %d stored product.', 'Deleted %d stored products.', $deleted, 'creators-connect-for-amazon' ), $deleted ) );
	}

	/**
	 * Refreshes stored products now, like the cron event or for one marketplace.
	 *
	 * Without --country: what the cron event does (the due products, within the time budget).
	 * With --country: every stored product of that marketplace, whether due or not. Exits with
	 * status 1 when products were due and none could be refreshed.
	 *
	 * ## OPTIONS
	 *
	 * [--country=<country>]
	 * : Refresh every stored product of this marketplace.
	 *
	 * [--budget=<seconds>]
	 * : Longest run time of the refresh job in seconds, a number above 0 (default 20, filter acapi_refresh_budget).
	 *
	 * @param list<string>         $args  Positional arguments.
	 * @param array<string, mixed> $assoc Options.
	 */
	public function refresh( array $args, array $assoc ): void {
		unset( $args );
		$country = $this->out->country( $assoc );
		if ( '' !== $country ) {
			$this->refresh_country( $country );
			return;
		}
		$report = $this->job->run( $this->budget( $assoc ) );
		if ( $report['locked'] ) {
			$this->out->warning( 'Another refresh is running.' );
			return;
		}
		$message = sprintf(
			/* translators: 1: number of products, 2: number of requests to Amazon. */
			_n( 'Refreshed %1$d product in %2$d batches;', 'Refreshed %1$d products in %2$d batches;', $report['refreshed'], 'creators-connect-for-amazon' ),
			$report['refreshed'],
			$report['batches']
		) . ' ' . sprintf(
			/* translators: 1: number of products that failed, 2: number of products left. */
			__( '%1$d failed; %2$d left for the next run.', 'creators-connect-for-amazon' ),
			$report['failed'],
			$report['remaining']
		);
		if ( array() !== $report['skipped'] ) {
			$message .= ' Skipped (circuit open or not configured): ' . implode( ', ', $report['skipped'] ) . '.';
		}
		if ( $report['failed'] > 0 && 0 === $report['refreshed'] ) {
			$this->out->error( $message );
		}
		$this->out->success( $message );
	}

	/**
	 * The --budget option, checked: seconds, a number above 0; null without the option.
	 *
	 * @param array<string, mixed> $assoc Options.
	 * @throws \RuntimeException Outside WP-CLI, on a budget that is not a positive number.
	 */
	private function budget( array $assoc ): ?float {
		if ( ! array_key_exists( 'budget', $assoc ) ) {
			return null;
		}
		$budget = $assoc['budget'];
		if ( ! is_numeric( $budget ) || (float) $budget <= 0 || ! is_finite( (float) $budget ) ) {
			$this->out->error( sprintf( 'Invalid --budget "%s": give the seconds the refresh may take, a number above 0.', is_scalar( $budget ) ? (string) $budget : '' ) );
		}
		return (float) $budget;
	}

	/**
	 * Refreshes every stored product of a marketplace (the refresher calls Amazon ten at a time).
	 *
	 * @param string $country Country code.
	 */
	private function refresh_country( string $country ): void {
		if ( ! $this->router->decide( $country )->is_configured() ) {
			$this->out->error( sprintf( 'The %s marketplace is not configured.', $country ) );
		}
		$asins = array();
		// Every row: expiring before the end of time, requested at any time.
		foreach ( $this->store->due( PHP_INT_MAX, 0, self::ROW_LIMIT ) as $row ) {
			if ( $row['marketplace'] === $country ) {
				$asins[] = $row['asin'];
			}
		}
		$result    = $this->refresher->refresh( $country, $asins );
		$refreshed = count( $result->products );
		$failed    = count( $result->errors );
		/* translators: 1: number of products, 2: country code, 3: number of products that failed. */
		$message = sprintf( _n( 'Refreshed %1$d stored product of %2$s; %3$d failed.', 'Refreshed %1$d stored products of %2$s; %3$d failed.', $refreshed, 'creators-connect-for-amazon' ), $refreshed, $country, $failed );
		if ( $failed > 0 && 0 === $refreshed ) {
			$this->out->error( $message );
		}
		$this->out->success( $message );
	}
}
