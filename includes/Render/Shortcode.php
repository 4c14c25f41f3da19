<?php
/**
 * The `[amazon]` and `[amazon_product]` shortcodes, including AAWP's forms.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Render;

use Creators_Connect\Reference\Product_Reference;
use Creators_Connect\Reference\Shortcode_Tags;

/**
 * Hands shortcode attributes, parsed by Product_Reference, to the Renderer. `[amazon]` is only
 * taken when no other plugin (AAWP, Lasso) owns it; `[amazon_product]` always works.
 */
final class Shortcode {

	/**
	 * The tag shared with other affiliate plugins.
	 */
	public const TAG = Shortcode_Tags::SHARED;

	/**
	 * The tag that is always ours.
	 */
	public const OWN_TAG = Shortcode_Tags::OWN;

	/**
	 * Filters of visitor-written text (comments) in which our shortcodes stay plain text, even
	 * when a theme runs do_shortcode on them.
	 */
	private const UNTRUSTED_FILTERS = array( 'comment_text', 'comment_text_rss', 'comment_excerpt', 'get_comment_text', 'get_comment_excerpt' );

	/**
	 * Whether `[amazon]` was left to another plugin.
	 *
	 * @var bool
	 */
	private bool $tag_taken = false;

	/**
	 * Builds the shortcode.
	 *
	 * @param Renderer $renderer The renderer.
	 */
	public function __construct( private readonly Renderer $renderer ) {
	}

	/**
	 * Adds the hooks. `[amazon]` is registered late on `init`, after other plugins had their turn.
	 */
	public function register_hooks(): void {
		add_shortcode( self::OWN_TAG, array( $this, 'render' ) );
		add_action( 'init', array( $this, 'register_shared_tag' ), 99 );
		add_action( 'admin_notices', array( $this, 'render_tag_notice' ) );
		add_filter( 'pre_do_shortcode_tag', array( $this, 'keep_in_comments' ), 10, 4 );
	}

	/**
	 * Leaves our shortcodes as the text the visitor wrote when they run inside comment text.
	 *
	 * @param mixed        $output What to return instead of running the shortcode (false: run it).
	 * @param string       $tag    Shortcode tag.
	 * @param mixed        $attr   Attributes.
	 * @param array<mixed> $match  The regular expression match; [0] is the whole shortcode.
	 * @return mixed
	 */
	public function keep_in_comments( $output, $tag, $attr = array(), $match = array() ) {
		unset( $attr );
		$ours = self::OWN_TAG === $tag || ( self::TAG === $tag && ! $this->tag_taken );
		if ( false !== $output || ! $ours || ! self::in_untrusted_text() ) {
			return $output;
		}
		// The comment text as it was: nothing new is printed, so nothing new needs escaping.
		return is_array( $match ) && isset( $match[0] ) && is_string( $match[0] ) ? $match[0] : '';
	}

	/**
	 * Whether a filter of visitor-written text is running.
	 */
	private static function in_untrusted_text(): bool {
		foreach ( self::UNTRUSTED_FILTERS as $filter ) {
			if ( doing_filter( $filter ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Takes `[amazon]` unless another plugin owns it.
	 */
	public function register_shared_tag(): void {
		if ( shortcode_exists( self::TAG ) ) {
			$this->tag_taken = true;
			return;
		}
		add_shortcode( self::TAG, array( $this, 'render' ) );
	}

	/**
	 * Whether another plugin owns `[amazon]`.
	 */
	public function is_tag_taken(): bool {
		return $this->tag_taken;
	}

	/**
	 * Tells admins that `[amazon]` belongs to another plugin.
	 */
	public function render_tag_notice(): void {
		if ( ! $this->tag_taken || ! current_user_can( 'manage_options' ) ) {
			return;
		}
		printf(
			'<div class="notice notice-info"><p>%s</p></div>',
			esc_html__( 'Creators Connect for Amazon: another plugin already uses the [amazon] shortcode, so it stays with that plugin. Use [amazon_product] for this plugin\'s products.', 'creators-connect-for-amazon' )
		);
	}

	/**
	 * Renders the shortcode.
	 *
	 * @param array<string, mixed>|string $atts Attributes ('' when none).
	 * @param string|null                 $content Enclosed content (unused).
	 * @param string                      $tag     The tag WordPress ran.
	 */
	public function render( $atts, $content = null, $tag = self::OWN_TAG ): string {
		unset( $content );
		if ( self::in_untrusted_text() ) {
			return '';
		}
		// shortcode_atts() runs the `shortcode_atts_amazon` filter sites may use.
		$atts      = shortcode_atts( Product_Reference::SHORTCODE_ATTRIBUTES, array_change_key_case( is_array( $atts ) ? $atts : array(), CASE_LOWER ), self::TAG );
		$reference = Product_Reference::from_shortcode( $atts, is_string( $tag ) ? $tag : self::OWN_TAG, true );
		return null === $reference ? '' : $this->renderer->render_for_content( $reference->arguments() );
	}
}
