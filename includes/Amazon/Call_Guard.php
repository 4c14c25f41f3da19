<?php
/**
 * The site's spending limits, checked and counted where an Amazon call really happens.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Amazon;

use Creators_Connect\Model\Amazon_Error;
use Creators_Connect\Support\Request_Purpose;
use Creators_Connect\Support\Shared_Store;

/**
 * Api_Client::execute() asks check() before every HTTP attempt and count() right before it is
 * sent, so each call to Amazon (retries included) is counted exactly once, whoever made it.
 *
 * - Daily quota per credential (its cache_id(), never a secret), per UTC day, limit under
 *   General (default 8,640, Amazon's allowance for a new account). From 90 % on, the
 *   non-essential calls stop: every search and every call of an editor path. At 100 %, every call
 *   stops (pages show what the store holds; the refresh job waits for the next day). Site Health
 *   warns from 80 %.
 * - Editor paths: calls per user per clock minute and per UTC day, by role tier
 *   (Request_Purpose::ROLES), limits under General; administrators exempt by a setting (default on).
 *
 * Counters are one Shared_Store::increment() each (atomic in a persistent object cache, so every
 * node counts together). A refusal throws before Amazon is asked; Budget-carrying callers queue
 * the items for the refresh job and tell the editor.
 */
final class Call_Guard {

	/**
	 * Default daily limit per credential.
	 */
	public const DAILY_LIMIT = 8640;

	/**
	 * Seconds of a day.
	 */
	private const DAY = 86400;

	/**
	 * Share of the daily limit from which Site Health warns.
	 */
	public const WARN_SHARE = 0.8;

	/**
	 * Share of the daily limit from which non-essential calls stop.
	 */
	public const NON_ESSENTIAL_SHARE = 0.9;

	/**
	 * Operations that are never essential.
	 */
	private const SEARCHES = array( 'searchItems', 'SearchItems' );

	/**
	 * Store of the counters.
	 *
	 * @var Shared_Store
	 */
	private Shared_Store $store;

	/**
	 * The general settings (daily_quota, limit_<role>_minute, limit_<role>_day, limit_exempt_administrators).
	 *
	 * @var callable(): array<string, mixed>
	 */
	private $settings;

	/**
	 * Clock (Unix time).
	 *
	 * @var callable(): int
	 */
	private $clock;

	/**
	 * Builds the guard.
	 *
	 * @param Shared_Store                     $store    Store of the counters.
	 * @param callable(): array<string, mixed> $settings The general settings.
	 * @param (callable(): int)|null           $clock    Clock (tests).
	 */
	public function __construct( Shared_Store $store, callable $settings, ?callable $clock = null ) {
		$this->store    = $store;
		$this->settings = $settings;
		$this->clock    = $clock ?? static fn(): int => time();
	}

	/**
	 * Throws when a limit forbids the call.
	 *
	 * @param string          $api         `creators` or `paapi`.
	 * @param string          $marketplace Country code.
	 * @param string          $credential  The credential's cache_id().
	 * @param string          $operation   The API operation (`getItems`, `searchItems`, …).
	 * @param Request_Purpose $purpose     Who is asking.
	 * @throws Amazon_Exception When a limit is reached (Amazon is not asked).
	 */
	public function check( string $api, string $marketplace, string $credential, string $operation, Request_Purpose $purpose ): void {
		$context = array( 'marketplace' => $marketplace );
		$limit   = $this->daily_limit();
		$used    = $this->calls_today( $credential );
		$share   = self::essential( $operation, $purpose ) ? 1.0 : self::NON_ESSENTIAL_SHARE;
		if ( $used >= (int) floor( $limit * $share ) ) {
			throw new Amazon_Exception( new Amazon_Error( Amazon_Error::DAILY_QUOTA, $api, 0, 'DailyQuota', '', $this->seconds_to_midnight(), null, null, $context + compact( 'limit', 'used' ) ) ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- Amazon_Exception escapes its message (esc_html) when it is built.
		}
		if ( ! $this->limits_user( $purpose ) ) {
			return;
		}
		$now  = ( $this->clock )();
		$user = $this->user_calls( $purpose->user_id );
		foreach ( array( 'minute', 'day' ) as $window ) {
			$limit = $this->role_limit( $purpose->role, $window );
			if ( $user[ $window ] >= $limit ) {
				$retry = 'minute' === $window ? 60 - $now % 60 : $this->seconds_to_midnight();
				throw new Amazon_Exception(
					new Amazon_Error(
						Amazon_Error::USER_LIMIT,
						$api,
						0,
						'UserLimit',
						'',
						$retry,
						null,
						null,
						$context + array(
							'limit'  => $limit,
							'used'   => $user[ $window ],
							'window' => $window,
							'role'   => $purpose->role,
						)
					)
				); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- Amazon_Exception escapes its message (esc_html) when it is built.
			}
		}
	}

	/**
	 * Counts a call about to be sent: the credential's day and, on an editor path, the user's
	 * minute and day (exempt administrators too, so their use shows).
	 *
	 * @param string          $credential The credential's cache_id().
	 * @param Request_Purpose $purpose    Who is asking.
	 */
	public function count( string $credential, Request_Purpose $purpose ): void {
		$this->store->increment( $this->quota_key( $credential ), 2 * self::DAY );
		if ( $purpose->is_editor() ) {
			$keys = $this->user_keys( $purpose->user_id );
			$this->store->increment( $keys['minute'], 120 );
			$this->store->increment( $keys['day'], 2 * self::DAY );
		}
	}

	/**
	 * Calls counted for a credential today (UTC).
	 *
	 * @param string $credential The credential's cache_id().
	 */
	public function calls_today( string $credential ): int {
		$value = $this->store->get( $this->quota_key( $credential ) );
		return is_numeric( $value ) ? (int) $value : 0;
	}

	/**
	 * A user's calls this minute and today.
	 *
	 * @param int $user_id User.
	 * @return array{minute: int, day: int}
	 */
	public function user_calls( int $user_id ): array {
		$out = array();
		foreach ( $this->user_keys( $user_id ) as $window => $key ) {
			$value          = $this->store->get( $key );
			$out[ $window ] = is_numeric( $value ) ? (int) $value : 0;
		}
		return array(
			'minute' => $out['minute'],
			'day'    => $out['day'],
		);
	}

	/**
	 * The daily limit per credential (General, `daily_quota`).
	 */
	public function daily_limit(): int {
		$value = ( $this->settings )()['daily_quota'] ?? self::DAILY_LIMIT;
		return is_numeric( $value ) && (int) $value > 0 ? (int) $value : self::DAILY_LIMIT;
	}

	/**
	 * Whether the call is essential: getItems (and browse nodes) for a page view, the refresh job
	 * or WP-CLI. Searches and anything an editor path asks are not.
	 *
	 * @param string          $operation Operation.
	 * @param Request_Purpose $purpose   Who is asking.
	 */
	public static function essential( string $operation, Request_Purpose $purpose ): bool {
		return ! $purpose->is_editor() && ! in_array( $operation, self::SEARCHES, true );
	}

	/**
	 * Whether the per-user limits apply to the request.
	 *
	 * @param Request_Purpose $purpose Who is asking.
	 */
	private function limits_user( Request_Purpose $purpose ): bool {
		if ( ! $purpose->is_editor() || $purpose->user_id <= 0 ) {
			return false;
		}
		return ! ( 'administrator' === $purpose->role && ! empty( ( $this->settings )()['limit_exempt_administrators'] ) );
	}

	/**
	 * A role's limit for a window (General, `limit_<role>_<window>`).
	 *
	 * @param string $role   One of Request_Purpose::ROLES.
	 * @param string $window `minute` or `day`.
	 */
	private function role_limit( string $role, string $window ): int {
		$role  = in_array( $role, Request_Purpose::ROLES, true ) ? $role : 'contributor';
		$value = ( $this->settings )()[ 'limit_' . $role . '_' . $window ] ?? 0;
		return is_numeric( $value ) ? max( 0, (int) $value ) : 0;
	}

	/**
	 * The counter keys of a user: this clock minute and this UTC day.
	 *
	 * @param int $user_id User.
	 * @return array{minute: string, day: string}
	 */
	private function user_keys( int $user_id ): array {
		$now = ( $this->clock )();
		return array(
			'minute' => 'spm_' . $user_id . '_' . intdiv( $now, 60 ),
			'day'    => 'spd_' . $user_id . '_' . gmdate( 'Ymd', $now ),
		);
	}

	/**
	 * The counter key of a credential's UTC day.
	 *
	 * @param string $credential The credential's cache_id().
	 */
	private function quota_key( string $credential ): string {
		return 'quota_' . $credential . '_' . gmdate( 'Ymd', ( $this->clock )() );
	}

	/**
	 * Seconds until midnight UTC.
	 */
	private function seconds_to_midnight(): int {
		return self::DAY - ( ( $this->clock )() % self::DAY );
	}
}
