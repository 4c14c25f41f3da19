<?php
/**
 * Keeps rendered product HTML out of core's content filters.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Render;

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
 *
 * Block themes run the same filters once more over the whole rendered template
 * (get_the_block_template_html(): wptexturize, convert_smilies, wp_filter_content_tags), post
 * content included. So on a block template the page is buffered, and the `the_content` of the Post
 * Content block (the one the template prints) keeps its placeholders until the buffer is sent.
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
	 * Whether this request's block template output is buffered (placeholders may wait for it).
	 *
	 * @var bool
	 */
	private bool $buffering = false;

	/**
	 * How many Post Content blocks are rendering now.
	 *
	 * @var int
	 */
	private int $post_content = 0;

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
	 *
	 * @param (\Closure(): bool)|null $page_has_products Whether the page has products to show (no
	 *                                                   buffer otherwise); null: always buffer.
	 */
	public function __construct( private readonly ?\Closure $page_has_products = null ) {
		$this->secret = bin2hex( random_bytes( 8 ) );
	}

	/**
	 * Puts the HTML back last on `the_content`, or when a block template's page is sent.
	 */
	public function register_hooks(): void {
		add_filter( 'the_content', array( $this, 'restore' ), PHP_INT_MAX );
		add_filter( 'template_include', array( $this, 'buffer_block_template' ), PHP_INT_MAX );
	}

	/**
	 * Filter `template_include` (last): on a block template of the front end, buffers the page so
	 * that the template's Post Content can keep its placeholders past the template's filters.
	 *
	 * @param mixed $template Template file.
	 * @return mixed
	 */
	public function buffer_block_template( $template ) {
		if ( $this->buffering || ! is_string( $template ) || 'template-canvas.php' !== basename( $template ) || is_feed() || is_embed() || wp_is_serving_rest_request() ) {
			return $template;
		}
		if ( null !== $this->page_has_products && ! ( $this->page_has_products )() ) {
			return $template; // Nothing to hold: no buffer, no cost.
		}
		$this->buffering = ob_start( array( $this, 'restore_output' ) );
		if ( $this->buffering ) {
			add_filter( 'render_block_data', array( $this, 'enter_block' ) );
			add_filter( 'render_block_core/post-content', array( $this, 'leave_post_content' ) );
		}
		return $template;
	}

	/**
	 * Filter `render_block_data`: counts a Post Content block starting to render.
	 *
	 * @param mixed $block Parsed block.
	 * @return mixed
	 */
	public function enter_block( $block ) {
		if ( is_array( $block ) && 'core/post-content' === ( $block['blockName'] ?? null ) ) {
			++$this->post_content;
		}
		return $block;
	}

	/**
	 * Filter `render_block_core/post-content`: counts a Post Content block done.
	 *
	 * @param mixed $html Block HTML.
	 * @return mixed
	 */
	public function leave_post_content( $html ) {
		$this->post_content = max( 0, $this->post_content - 1 );
		return $html;
	}

	/**
	 * Output buffer callback: the page with every placeholder still in it replaced. The last call
	 * ends the buffering.
	 *
	 * @param string $buffer Page output.
	 * @param int    $phase  PHP_OUTPUT_HANDLER_* flags.
	 */
	public function restore_output( string $buffer, int $phase = PHP_OUTPUT_HANDLER_FINAL ): string {
		if ( $phase & PHP_OUTPUT_HANDLER_FINAL ) {
			$this->buffering    = false;
			$this->post_content = 0;
			remove_filter( 'render_block_data', array( $this, 'enter_block' ) );
			remove_filter( 'render_block_core/post-content', array( $this, 'leave_post_content' ) );
		}
		return $this->replace( $buffer );
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
		if ( ! is_string( $content ) || ( $this->buffering && $this->post_content > 0 && self::outermost_content() ) ) {
			// The template prints this content: the output buffer restores it after the template's filters.
			return $content;
		}
		return $this->replace( $content );
	}

	/**
	 * Whether the running `the_content` is not inside another one.
	 */
	private static function outermost_content(): bool {
		global $wp_current_filter;
		return 1 === count( array_keys( (array) $wp_current_filter, 'the_content', true ) );
	}

	/**
	 * Held HTML in place of this request's placeholders in some text; those replaced are let go.
	 *
	 * @param string $content Text.
	 */
	private function replace( string $content ): string {
		if ( array() === $this->held || ! str_contains( $content, self::PREFIX ) ) {
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
