<?php
/**
 * The `[amazon]` and `[amazon_product]` shortcodes, including AAWP's forms.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Render;

/**
 * Maps shortcode attributes onto Renderer arguments. `[amazon]` is only taken when no other
 * plugin (AAWP, Lasso) owns it; `[amazon_product]` always works.
 */
final class Shortcode {

	/**
	 * The tag shared with other affiliate plugins.
	 */
	public const TAG = 'amazon';

	/**
	 * The tag that is always ours.
	 */
	public const OWN_TAG = 'amazon_product';

	/**
	 * Filters of visitor-written text (comments) in which our shortcodes stay plain text, even
	 * when a theme runs do_shortcode on them.
	 */
	private const UNTRUSTED_FILTERS = array( 'comment_text', 'comment_text_rss', 'comment_excerpt', 'get_comment_text', 'get_comment_excerpt' );

	/**
	 * Attributes that are Amazon search filters (checked by Search_Options; `title` is not one here:
	 * it overrides the shown title).
	 */
	private const FILTERS = array( 'sort_by', 'availability', 'delivery_flags', 'condition', 'min_price', 'max_price', 'min_reviews_rating', 'min_saving_percent', 'brand', 'browse_node_id' );

	/**
	 * Attributes and their defaults (unknown ones are dropped by shortcode_atts()).
	 */
	private const DEFAULTS = array(
		'asin'               => '',
		'country'            => '',
		'template'           => '',
		'title'              => '',
		'button_text'        => '',
		'items'              => '',
		'field'              => '',
		'search'             => '',
		'index'              => '',
		'image_size'         => '',
		'affiliate_label'    => '',
		// Amazon's search filters (with search=…).
		'sort_by'            => '',
		'availability'       => '',
		'delivery_flags'     => '',
		'condition'          => '',
		'min_price'          => '',
		'max_price'          => '',
		'min_reviews_rating' => '',
		'min_saving_percent' => '',
		'brand'              => '',
		'browse_node_id'     => '',
		// AAWP's forms.
		'box'                => '',
		'link'               => '',
		'fields'             => '',
		'value'              => '',
		'bestseller'         => '',
		'new'                => '',
	);

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
	 */
	public function render( $atts ): string {
		if ( self::in_untrusted_text() ) {
			return '';
		}
		return $this->renderer->render_for_content( self::arguments( is_array( $atts ) ? $atts : array() ) );
	}

	/**
	 * Renderer arguments for shortcode attributes (ours and AAWP's).
	 *
	 * @param array<string, mixed> $atts Attributes.
	 * @return array<string, mixed>
	 */
	public static function arguments( array $atts ): array {
		$atts = array_map(
			static function ( $value ): string {
				return is_scalar( $value ) ? trim( (string) $value ) : '';
			},
			shortcode_atts( self::DEFAULTS, array_change_key_case( $atts, CASE_LOWER ), self::TAG )
		);

		$args            = array(
			'asins'       => $atts['asin'],
			'country'     => $atts['country'],
			'template'    => $atts['template'],
			'title'       => $atts['title'],
			'button_text' => $atts['button_text'],
			'items'       => $atts['items'],
			'field'       => $atts['field'],
			'search'      => $atts['search'],
			'index'       => $atts['index'],
			'image_size'  => $atts['image_size'],
		);
		$args['filters'] = array_filter(
			array_intersect_key( $atts, array_flip( self::FILTERS ) ),
			static fn( string $value ): bool => '' !== $value
		);
		if ( '' !== $atts['affiliate_label'] ) {
			$args['affiliate_label'] = in_array( strtolower( $atts['affiliate_label'] ), array( '1', 'true', 'yes', 'on' ), true );
		}

		// AAWP's forms: box (ASIN list), link (with title), fields + value (one value inline),
		// bestseller and new (keyword searches; Amazon no longer offers those sort orders).
		if ( '' !== $atts['box'] ) {
			$args['asins']    = $atts['box'];
			$args['template'] = '' !== $atts['template'] ? $atts['template'] : 'box';
		} elseif ( '' !== $atts['link'] ) {
			$args['asins']    = $atts['link'];
			$args['template'] = 'text_link';
		} elseif ( '' !== $atts['fields'] ) {
			$args['asins'] = $atts['fields'];
			$args['field'] = '' !== $atts['value'] ? $atts['value'] : 'title';
		} elseif ( '' !== $atts['bestseller'] || '' !== $atts['new'] ) {
			$args['search']   = '' !== $atts['bestseller'] ? $atts['bestseller'] : $atts['new'];
			$args['template'] = '' !== $atts['template'] ? $atts['template'] : 'list';
		}
		return $args;
	}
}
