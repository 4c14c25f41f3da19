<?php
/**
 * Which of the plugin's shortcode tags are its own right now.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Reference;

/**
 * `[amazon_product]` is always ours. `[amazon]` is shared with other affiliate plugins (AAWP,
 * Lasso): it is ours only while WordPress runs our handler for it. Read from WordPress's shortcode
 * registry on every call, never remembered, so that the prefetcher, the parser and do_shortcode()
 * always agree, and another plugin's ASINs are never fetched with our API calls.
 */
final class Shortcode_Tags {

	/**
	 * The shortcode tag shared with other affiliate plugins.
	 */
	public const SHARED = 'amazon';

	/**
	 * The shortcode tag that is always ours.
	 */
	public const OWN = 'amazon_product';

	/**
	 * The shortcode tags that are ours now: `[amazon_product]`, and `[amazon]` unless another
	 * plugin owns it.
	 *
	 * @return list<string>
	 */
	public static function owned(): array {
		return self::shared_is_ours() ? array( self::SHARED, self::OWN ) : array( self::OWN );
	}

	/**
	 * Whether WordPress runs the same handler (class and method) for `[amazon]` as for
	 * `[amazon_product]`: then `[amazon]` is ours.
	 */
	public static function shared_is_ours(): bool {
		global $shortcode_tags;
		if ( ! is_array( $shortcode_tags ) || ! isset( $shortcode_tags[ self::SHARED ], $shortcode_tags[ self::OWN ] ) ) {
			return false;
		}
		return self::handler_name( $shortcode_tags[ self::SHARED ] ) === self::handler_name( $shortcode_tags[ self::OWN ] );
	}

	/**
	 * A shortcode handler's name: `Class::method` for a method, the function name, or '' for a
	 * closure (a closure is never our handler).
	 *
	 * @param mixed $handler A registered handler.
	 */
	private static function handler_name( mixed $handler ): string {
		if ( is_array( $handler ) && 2 === count( $handler ) && is_object( $handler[0] ) && is_string( $handler[1] ) ) {
			return get_class( $handler[0] ) . '::' . $handler[1];
		}
		return is_string( $handler ) ? $handler : '';
	}
}
