<?php
/**
 * The background refresh of stored products (WP-Cron).
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Catalog;

use Creators_Connect\Amazon\Api_Client;
use Creators_Connect\Support\Shared_Store;

/**
 * `acapi_refresh_products` runs every 10 minutes (and soon after a page served stale data or ran
 * out of budget). It refreshes products that expire before the next run and that pages asked for
 * in the last two days (filter `acapi_refresh_window`), most recently requested first, in batches
 * of 10, within a time budget (default 20 s, filter `acapi_refresh_budget`); the clients' rate
 * limiter keeps each credential within its rate. Marketplaces whose circuit is open are skipped.
 *
 * Its place in WP-Cron (hook, schedule, "run soon") is Refresh_Schedule's.
 *
 * Works with DISABLE_WP_CRON and a system cron calling wp-cron.php (or `wp cron event run`,
 * or `wp acapi refresh`). Each run is recorded (option `acapi_refresh_last_run`), so Site Health
 * and the settings screen can tell when cron has not run for more than an hour.
 */
final class Refresh_Job {

	public const HOOK            = Refresh_Schedule::HOOK;
	public const INTERVAL        = Refresh_Schedule::INTERVAL;
	public const LAST_RUN_OPTION = 'acapi_refresh_last_run';

	/**
	 * Default seconds one run may take.
	 */
	public const DEFAULT_BUDGET = 20.0;

	/**
	 * Default seconds since a page last asked for a product within which it is kept fresh.
	 */
	public const DEFAULT_WINDOW = 172800;

	/**
	 * Seconds without a run after which cron counts as not running.
	 */
	public const OVERDUE_AFTER = 3600;

	/**
	 * Fetches and stores the batches.
	 *
	 * @var Batch_Fetcher
	 */
	private Batch_Fetcher $fetcher;

	/**
	 * Which marketplaces can be asked now.
	 *
	 * @var Routing_Summary
	 */
	private Routing_Summary $routes;

	/**
	 * Store.
	 *
	 * @var Product_Store
	 */
	private Product_Store $store;

	/**
	 * Lock store.
	 *
	 * @var Shared_Store
	 */
	private Shared_Store $locks;

	/**
	 * Clock (float Unix time).
	 *
	 * @var callable(): float
	 */
	private $clock;

	/**
	 * Builds the job.
	 *
	 * @param Batch_Fetcher            $fetcher Fetches and stores the batches.
	 * @param Routing_Summary          $routes  Which marketplaces can be asked now.
	 * @param Product_Store            $store   Store.
	 * @param Shared_Store|null        $locks   Lock store.
	 * @param (callable(): float)|null $clock   Clock (tests).
	 */
	public function __construct( Batch_Fetcher $fetcher, Routing_Summary $routes, Product_Store $store, ?Shared_Store $locks = null, ?callable $clock = null ) {
		$this->fetcher = $fetcher;
		$this->routes  = $routes;
		$this->store   = $store;
		$this->locks   = $locks ?? new Shared_Store();
		$this->clock   = $clock ?? static fn(): float => microtime( true );
	}

	/**
	 * Adds the schedule, the event handler and the scheduling.
	 */
	public function register_hooks(): void {
		add_filter( 'cron_schedules', array( Refresh_Schedule::class, 'add_schedule' ) ); // phpcs:ignore WordPress.WP.CronInterval.ChangeDetected -- 10 minutes, on purpose.
		add_action( self::HOOK, array( $this, 'handle' ) );
		add_action( 'init', array( Refresh_Schedule::class, 'ensure_scheduled' ) );
	}

	/**
	 * Event handler.
	 *
	 * @param mixed $why `soon` for a one-off run (ignored).
	 */
	public function handle( $why = '' ): void {
		unset( $why );
		$this->run();
	}

	/**
	 * One run: refreshes due products within the budget and records the run.
	 *
	 * @param float|null $budget Seconds (default: filter `acapi_refresh_budget`).
	 * @return array{started: int, finished: int, refreshed: int, failed: int, batches: int, skipped: list<string>, remaining: int, locked: bool}
	 */
	public function run( ?float $budget = null ): array {
		$start  = ( $this->clock )();
		$budget = $budget ?? $this->budget();
		$report = array(
			'started'   => (int) $start,
			'finished'  => (int) $start,
			'refreshed' => 0,
			'failed'    => 0,
			'batches'   => 0,
			'skipped'   => array(),
			'remaining' => 0,
			'locked'    => false,
		);
		if ( ! $this->locks->lock( 'refresh_job', (int) ceil( $budget ) + 60 ) ) {
			$report['locked'] = true;
			return $report;
		}

		/** Fires when a refresh run starts (the page-cache purge collects its changes until it ends). */
		do_action( 'acapi_refresh_started' );
		try {
			$now    = (int) $start;
			$due    = $this->store->due( $now + self::INTERVAL, $now - $this->window(), 500 );
			$groups = array();
			foreach ( $due as $row ) {
				$groups[ $row['marketplace'] ][] = $row['asin'];
			}
			foreach ( $groups as $country => $asins ) {
				$country = (string) $country;
				if ( ! $this->routes->can_refresh( $country ) ) {
					$report['skipped'][]  = $country;
					$report['remaining'] += count( $asins );
					continue;
				}
				$chunks = array_chunk( $asins, Api_Client::MAX_IDS_PER_CALL );
				foreach ( $chunks as $i => $chunk ) {
					if ( ( $this->clock )() - $start >= $budget ) {
						$report['remaining'] += count( $chunk );
						continue;
					}
					$result = $this->fetcher->refresh( $country, $chunk );
					++$report['batches'];
					$report['refreshed'] += count( $result->products );
					$report['failed']    += count( $result->errors );
					if ( $result->stops_batches() ) {
						// The next batches of this marketplace would fail alike: leave them for the next run.
						foreach ( array_slice( $chunks, $i + 1 ) as $rest ) {
							$report['remaining'] += count( $rest );
						}
						break;
					}
				}
			}
		} finally {
			$this->locks->unlock( 'refresh_job' );
			$report['finished'] = (int) ( $this->clock )();
			update_option( self::LAST_RUN_OPTION, $report, false );
			/**
			 * Fires when a refresh run ends (the page-cache purge sends its changes, once).
			 *
			 * @param array<string, mixed> $report The run's report.
			 */
			do_action( 'acapi_refresh_finished', $report );
		}
		return $report;
	}

	/**
	 * The last run's report, or null when it never ran.
	 *
	 * @return array<string, mixed>|null
	 */
	public static function last_run(): ?array {
		$run = get_option( self::LAST_RUN_OPTION, null );
		return is_array( $run ) && isset( $run['finished'] ) ? $run : null;
	}

	/**
	 * Whether cron has not run the job for more than an hour while it was scheduled.
	 *
	 * @param int|null $now Unix time.
	 */
	public static function is_overdue( ?int $now = null ): bool {
		$now  = $now ?? time();
		$last = self::last_run();
		if ( null !== $last ) {
			return $now - (int) $last['finished'] > self::OVERDUE_AFTER;
		}
		$next = wp_next_scheduled( self::HOOK );
		return false !== $next && $now - $next > self::OVERDUE_AFTER;
	}

	/**
	 * Seconds one run may take (filter `acapi_refresh_budget`).
	 */
	public function budget(): float {
		$budget = apply_filters( 'acapi_refresh_budget', self::DEFAULT_BUDGET );
		return is_numeric( $budget ) && (float) $budget > 0 ? (float) $budget : self::DEFAULT_BUDGET;
	}

	/**
	 * Seconds since a page asked for a product within which it is kept fresh (filter `acapi_refresh_window`).
	 */
	public function window(): int {
		$window = apply_filters( 'acapi_refresh_window', self::DEFAULT_WINDOW );
		return is_numeric( $window ) && (int) $window > 0 ? (int) $window : self::DEFAULT_WINDOW;
	}
}
