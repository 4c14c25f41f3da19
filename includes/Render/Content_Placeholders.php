<?php
/**
 * Keeps rendered product HTML out of core's content filters.
 *
 * @package Amazon_Creators_API
 */

declare( strict_types = 1 );

namespace Amazon_Creators_API\Render;

/**
 * Product blocks render at `do_blocks` (the_content, priority 9) and shortcodes at `do_shortcode`
 * (11), so core's later content filters (wptexturize, do_shortcode's scan of every HTML tag,
 * wp_filter_content_tags, convert_smilies, capital_P_dangit) would run over every box's ~2 KB of
 * finished, escaped HTML: about half of what a box costs a page. They have nothing to do there,
 * and wptexturize and convert_smilies would even change product titles as Amazon sent them.
 *
 * So while `the_content` runs, a product's HTML is held here and an HTML comment stands in for it
 * (comments pass those filters untouched); the last `the_content` callback puts the HTML back.
 * Outside `the_content` (widgets, REST previews, a theme's own do_blocks) HTML is returned as is.
 */
final class Content_Placeholders {

	/**
	 * What every placeholder starts with.
	 */
	private const PREFIX = '<!--acapi-product:';

	/**
	 * HTML held, by placeholder.
	 *
	 * @var array<string, string>
	 */
	private array $held = array();

	/**
	 * Placeholders handed out in this request (numbers them).
	 *
	 * @var int
	 */
	private int $count = 0;

	/**
	 * A per-request secret in every placeholder: text written by an author cannot name one.
	 *
	 * @var string
	 */
	private string $secret;

	/**
	 * Builds the store.
	 */
	public function __construct() {
		$this->secret = bin2hex( random_bytes( 8 ) );
	}

	/**
	 * Puts the HTML back last on `the_content`.
	 */
	public function register_hooks(): void {
		add_filter( 'the_content', array( $this, 'restore' ), PHP_INT_MAX );
	}

	/**
	 * A placeholder for the HTML while `the_content` runs (and restore() is hooked), else the HTML.
	 *
	 * @param string $html Rendered, escaped HTML.
	 */
	public function hold( string $html ): string {
		if ( '' === $html || 'the_content' !== current_filter() || false === has_filter( 'the_content', array( $this, 'restore' ) ) ) {
			return $html;
		}
		$placeholder                = self::PREFIX . $this->secret . ':' . ( ++$this->count ) . '-->';
		$this->held[ $placeholder ] = $html;
		return $placeholder;
	}

	/**
	 * Filter `the_content` (last): the held HTML in place of its placeholders.
	 *
	 * @param mixed $content Content.
	 * @return mixed
	 */
	public function restore( $content ) {
		if ( ! is_string( $content ) || array() === $this->held || ! str_contains( $content, self::PREFIX ) ) {
			return $content;
		}
		$found = array();
		preg_match_all( '/' . preg_quote( self::PREFIX . $this->secret, '/' ) . ':\d+-->/', $content, $matches );
		foreach ( $matches[0] as $placeholder ) {
			if ( isset( $this->held[ $placeholder ] ) ) {
				$found[ $placeholder ] = $this->held[ $placeholder ];
			}
		}
		// Placeholders of this content are done; those of an outer `the_content` wait for it.
		$this->held = array_diff_key( $this->held, $found );
		return strtr( $content, $found );
	}
}
