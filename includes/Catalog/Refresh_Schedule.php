<?php
/**
 * When the background refresh runs: its WP-Cron hook, schedule and "run soon" requests.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Catalog;

/**
 * The refresh job's place in WP-Cron, apart from the job itself, so that the read path can ask
 * for a run soon without depending on the job (which depends on the read path's fetcher).
 *
 * `acapi_refresh_products` runs every 10 minutes; a page that served stale data or ran out of
 * budget asks for a one-off run soon (once per request: `soon()`).
 */
final class Refresh_Schedule {

	public const HOOK     = 'acapi_refresh_products';
	public const SCHEDULE = 'acapi_ten_minutes';
	public const INTERVAL = 600;

	/**
	 * Whether this request asked for a run already.
	 *
	 * @var bool
	 */
	private bool $asked = false;

	/**
	 * Asks for a run soon, once per request (see reset()).
	 */
	public function soon(): void {
		if ( $this->asked ) {
			return;
		}
		$this->asked = true;
		self::schedule_soon();
	}

	/**
	 * Forgets that this request asked (a new request, in tests and long CLI runs).
	 */
	public function reset(): void {
		$this->asked = false;
	}

	/**
	 * Filter: adds the 10-minute schedule.
	 *
	 * @param array<string, array{interval: int, display: string}> $schedules Schedules.
	 * @return array<string, array{interval: int, display: string}>
	 */
	public static function add_schedule( $schedules ): array {
		$schedules                   = is_array( $schedules ) ? $schedules : array();
		$schedules[ self::SCHEDULE ] = array(
			'interval' => self::INTERVAL,
			'display'  => __( 'Every 10 minutes (Amazon product refresh)', 'creators-connect-for-amazon' ),
		);
		return $schedules;
	}

	/**
	 * Schedules the recurring event when it is missing.
	 */
	public static function ensure_scheduled(): void {
		if ( false === wp_next_scheduled( self::HOOK ) ) {
			add_filter( 'cron_schedules', array( self::class, 'add_schedule' ) ); // phpcs:ignore WordPress.WP.CronInterval.ChangeDetected -- 10 minutes, on purpose.
			wp_schedule_event( time() + 60, self::SCHEDULE, self::HOOK );
		}
	}

	/**
	 * Asks for a run soon (a one-off event; WordPress drops it when an identical one is due
	 * within 10 minutes).
	 */
	public static function schedule_soon(): void {
		if ( false === wp_next_scheduled( self::HOOK, array( 'soon' ) ) ) {
			wp_schedule_single_event( time(), self::HOOK, array( 'soon' ) );
		}
	}

	/**
	 * Removes every scheduled run (deactivation, uninstall).
	 */
	public static function unschedule(): void {
		wp_unschedule_hook( self::HOOK ); // The recurring event and the one-off ones, whatever their arguments.
	}
}
