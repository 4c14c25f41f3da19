<?php
/**
 * Compare-and-swap on a WordPress option.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Settings;

/**
 * Where update_option() cannot say "only if unchanged", this reads the stored bytes past the option
 * cache and writes only where they are still the bytes a change was made from, so two admins
 * editing the same marketplace cannot overwrite each other.
 */
final class Option_Swap {

	/**
	 * The stored (serialized) value of an option, read from the database, or null.
	 *
	 * @param string $option Option name.
	 */
	public static function raw( string $option ): ?string {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- compare-and-swap needs the stored bytes, not a cached copy.
		$raw = $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM {$wpdb->options} WHERE option_name = %s LIMIT 1", $option ) );
		return is_string( $raw ) ? $raw : null;
	}

	/**
	 * Replaces an option only if it still holds $expected (compare-and-swap).
	 *
	 * @param string $option   Option name.
	 * @param string $expected The serialized value the change was made from.
	 * @param mixed  $row      New value.
	 */
	public static function swap( string $option, string $expected, mixed $row ): bool {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- update_option() cannot say "only if unchanged".
		$changed = $wpdb->update(
			$wpdb->options,
			array( 'option_value' => maybe_serialize( $row ) ),
			array(
				'option_name'  => $option,
				'option_value' => $expected,
			)
		);
		wp_cache_delete( $option, 'options' );
		return 1 === $changed;
	}
}
