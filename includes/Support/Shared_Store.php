<?php
/**
 * Small key-value store shared by every PHP process of the site.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Support;

/**
 * Values with a lifetime and short locks, for tokens, rate limits and circuit breakers.
 *
 * Backend, chosen per call: the object cache when it is persistent (`wp_using_ext_object_cache()`),
 * else transients (values) and `INSERT IGNORE` option rows (locks, the pattern of
 * WP_Upgrader::create_lock()); outside WordPress (unit tests), process memory.
 */
final class Shared_Store {

	/**
	 * Object cache group.
	 */
	public const GROUP = 'acapi';

	/**
	 * Key prefix for transients and lock options.
	 */
	private const PREFIX = 'acapi_';

	/**
	 * Process-memory fallback: key => [ value, expires_at ].
	 *
	 * @var array<string, array{0: mixed, 1: float}>
	 */
	private array $memory = array();

	/**
	 * Forced backend (`memory` in unit tests), or null to choose per call.
	 *
	 * @var string|null
	 */
	private ?string $backend;

	/**
	 * Clock.
	 *
	 * @var callable(): float
	 */
	private $clock;

	/**
	 * Builds the store.
	 *
	 * @param string|null              $backend `memory`, `cache`, `transient` or null (choose per call).
	 * @param (callable(): float)|null $clock   Clock for tests (microtime).
	 */
	public function __construct( ?string $backend = null, ?callable $clock = null ) {
		$this->backend = $backend;
		$this->clock   = $clock ?? static fn(): float => microtime( true );
	}

	/**
	 * A value, or null when absent or expired.
	 *
	 * @param string $key Key (short; hashed ids only, never a secret).
	 */
	public function get( string $key ): mixed {
		switch ( $this->backend() ) {
			case 'cache':
				$found = false;
				$value = wp_cache_get( $key, self::GROUP, false, $found );
				return $found ? $value : null;
			case 'transient':
				$value = get_transient( self::PREFIX . $key );
				return false === $value ? null : $value;
		}
		if ( ! isset( $this->memory[ $key ] ) ) {
			return null;
		}
		if ( $this->memory[ $key ][1] <= ( $this->clock )() ) {
			unset( $this->memory[ $key ] );
			return null;
		}
		return $this->memory[ $key ][0];
	}

	/**
	 * Stores a value for a lifetime.
	 *
	 * @param string $key   Key.
	 * @param mixed  $value Value (not false: false means "absent" for transients).
	 * @param int    $ttl   Lifetime in seconds (≥ 1).
	 */
	public function set( string $key, #[\SensitiveParameter] mixed $value, int $ttl ): void {
		$ttl = max( 1, $ttl );
		switch ( $this->backend() ) {
			case 'cache':
				wp_cache_set( $key, $value, self::GROUP, $ttl );
				return;
			case 'transient':
				set_transient( self::PREFIX . $key, $value, $ttl );
				return;
		}
		$this->memory[ $key ] = array( $value, ( $this->clock )() + $ttl );
	}

	/**
	 * Adds one to a counter and answers its new value; a missing counter starts at 0 and lives
	 * $ttl seconds. With a persistent object cache, one atomic `wp_cache_incr` (after a
	 * `wp_cache_add` that only the first call of a window wins), so processes on other nodes
	 * count together. With transients, one atomic UPDATE of the transient's option row (created
	 * with INSERT IGNORE by the first call of a window), so concurrent PHP processes lose no count
	 * either.
	 *
	 * @param string $key Key.
	 * @param int    $ttl Lifetime of a new counter, in seconds.
	 */
	public function increment( string $key, int $ttl ): int {
		switch ( $this->backend() ) {
			case 'cache':
				wp_cache_add( $key, 0, self::GROUP, max( 1, $ttl ) );
				$value = wp_cache_incr( $key, 1, self::GROUP );
				if ( false === $value ) {
					// Evicted between the add and the increment: start again.
					wp_cache_set( $key, 1, self::GROUP, max( 1, $ttl ) );
					return 1;
				}
				return (int) $value;
			case 'transient':
				return $this->increment_transient( self::PREFIX . $key, $ttl );
		}
		$value                = $this->get( $key );
		$value                = ( is_numeric( $value ) ? (int) $value : 0 ) + 1;
		$this->memory[ $key ] = array( $value, $this->memory[ $key ][1] ?? ( ( $this->clock )() + max( 1, $ttl ) ) );
		return $value;
	}

	/**
	 * Deletes a value.
	 *
	 * @param string $key Key.
	 */
	public function delete( string $key ): void {
		switch ( $this->backend() ) {
			case 'cache':
				wp_cache_delete( $key, self::GROUP );
				return;
			case 'transient':
				delete_transient( self::PREFIX . $key );
				return;
		}
		unset( $this->memory[ $key ] );
	}

	/**
	 * Takes a short lock, atomically across processes. False when another holder has it.
	 *
	 * @param string $key Lock name.
	 * @param int    $ttl Seconds after which a crashed holder's lock is taken over.
	 */
	public function lock( string $key, int $ttl ): bool {
		$ttl = max( 1, $ttl );
		$now = ( $this->clock )();
		switch ( $this->backend() ) {
			case 'cache':
				return wp_cache_add( 'lock_' . $key, $now + $ttl, self::GROUP, $ttl );
			case 'transient':
				return $this->lock_option( self::PREFIX . 'lock_' . $key, $ttl, true );
		}
		$name = 'lock_' . $key;
		if ( isset( $this->memory[ $name ] ) && $this->memory[ $name ][1] > $now ) {
			return false;
		}
		$this->memory[ $name ] = array( true, $now + $ttl );
		return true;
	}

	/**
	 * Releases a lock.
	 *
	 * @param string $key Lock name.
	 */
	public function unlock( string $key ): void {
		switch ( $this->backend() ) {
			case 'cache':
				wp_cache_delete( 'lock_' . $key, self::GROUP );
				return;
			case 'transient':
				delete_option( self::PREFIX . 'lock_' . $key );
				return;
		}
		unset( $this->memory[ 'lock_' . $key ] );
	}

	/**
	 * The backend this call uses.
	 */
	public function backend(): string {
		if ( null !== $this->backend ) {
			return $this->backend;
		}
		if ( function_exists( 'wp_using_ext_object_cache' ) && wp_using_ext_object_cache() ) {
			return 'cache';
		}
		if ( function_exists( 'get_transient' ) && isset( $GLOBALS['wpdb'] ) ) {
			return 'transient';
		}
		return 'memory';
	}

	/**
	 * A transient counter, atomic across processes: an `option_value = option_value + 1` on its
	 * row while the transient lives; a missing (or expired) one is created with INSERT IGNORE, so
	 * of two processes starting the same window one creates it and the other adds to it.
	 *
	 * @param string $name Transient name.
	 * @param int    $ttl  Lifetime of a new counter.
	 */
	private function increment_transient( string $name, int $ttl ): int {
		global $wpdb;
		$option = '_transient_' . $name;
		if ( false === get_transient( $name ) ) {
			// phpcs:disable WordPress.DB.DirectDatabaseQuery -- An atomic create; the options API overwrites.
			$wpdb->query( $wpdb->prepare( "INSERT IGNORE INTO `$wpdb->options` ( `option_name`, `option_value`, `autoload` ) VALUES ( %s, %s, 'no' )", '_transient_timeout_' . $name, (string) ( time() + max( 1, $ttl ) ) ) );
			$created = $wpdb->query( $wpdb->prepare( "INSERT IGNORE INTO `$wpdb->options` ( `option_name`, `option_value`, `autoload` ) VALUES ( %s, '1', 'no' )", $option ) );
			// phpcs:enable WordPress.DB.DirectDatabaseQuery
			wp_cache_delete( $option, 'options' );
			wp_cache_delete( '_transient_timeout_' . $name, 'options' );
			wp_cache_delete( 'notoptions', 'options' );
			if ( $created ) {
				return 1;
			}
		}
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- An atomic increment; the options API has none.
		$wpdb->query( $wpdb->prepare( "UPDATE `$wpdb->options` SET option_value = option_value + 1 WHERE option_name = %s", $option ) );
		wp_cache_delete( $option, 'options' );
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- Read the row itself, not a cached copy.
		return (int) $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM `$wpdb->options` WHERE option_name = %s", $option ) );
	}

	/**
	 * An option-row lock (WP_Upgrader::create_lock() pattern): INSERT IGNORE is atomic; a stale row
	 * (older than its lifetime) is replaced once.
	 *
	 * @param string $name  Option name.
	 * @param int    $ttl   Lifetime in seconds.
	 * @param bool   $retry Whether a stale lock may be replaced.
	 */
	private function lock_option( string $name, int $ttl, bool $retry ): bool {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- An atomic lock needs INSERT IGNORE; core's WP_Upgrader::create_lock() does the same.
		$inserted = $wpdb->query( $wpdb->prepare( "INSERT IGNORE INTO `$wpdb->options` ( `option_name`, `option_value`, `autoload` ) VALUES ( %s, %s, 'no' ) /* LOCK */", $name, (string) time() ) );
		if ( $inserted ) {
			wp_cache_delete( $name, 'options' );
			return true;
		}
		if ( ! $retry ) {
			return false;
		}
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- Read the lock row itself, not a cached copy.
		$since = $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM `$wpdb->options` WHERE option_name = %s", $name ) );
		if ( null !== $since && (int) $since + $ttl < time() ) {
			delete_option( $name );
			return $this->lock_option( $name, $ttl, false );
		}
		return false;
	}
}
