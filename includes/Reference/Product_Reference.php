<?php
/**
 * What one shortcode or product block asks for, parsed by the one set of rules.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Reference;

/**
 * The product reference of a shortcode (`[amazon_product …]`, `[amazon …]` and AAWP's forms) or
 * a product block: marketplace, ASINs, template and display options. The prefetcher, the
 * shortcode and the renderer all parse through here, so what a page fetches is what it renders.
 * The block editor's transforms follow the same rules (src/shared/product-reference.ts), and a
 * shared corpus (tests/fixtures/product-references.json) holds both sides to them.
 *
 * Rules (docs/contracts.md "Product references"):
 * - ASINs come from `box`, else `link`, else `fields` (AAWP's forms), else `asin` and `asins`
 *   together; a block reads `asins` (list or text) and `asin`.
 * - A list is split at commas, semicolons, pipes and any white space (new lines too; see parts()), upper-cased,
 *   de-duplicated and cut at MAX_ASINS; values that are not ASINs (Asin) are kept apart so the
 *   renderer can tell editors about them.
 * - `[amazon]` is ours only while WordPress runs our handler for it (Shortcode_Tags): when another
 *   plugin (AAWP, Lasso) owns it, its ASINs are not ours and are never fetched.
 *
 * @phpstan-type Parsed array{country: string, asins: list<string>, invalid: list<string>, template: string, options: array<string, mixed>}
 */
final class Product_Reference {

	/**
	 * The product block's name.
	 */
	public const BLOCK = 'creators-connect-for-amazon/product';

	/**
	 * Most ASINs one shortcode or block takes.
	 */
	public const MAX_ASINS = 50;

	/**
	 * Shortcode attributes and their defaults (shortcode_atts() drops any other).
	 */
	public const SHORTCODE_ATTRIBUTES = array(
		'asin'               => '',
		'asins'              => '',
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
		'heading_level'      => '',
		// A tracking ID the marketplace lists (Settings → tracking IDs).
		'tag'                => '',
		// Amazon's search filters (with search=…), checked by Search_Options when rendered.
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
	 * Shortcode attributes that are Amazon search filters, passed on as the renderer's `filters`
	 * (`title` is not one here: it overrides the shown title).
	 */
	private const SHORTCODE_FILTERS = array( 'sort_by', 'availability', 'delivery_flags', 'condition', 'min_price', 'max_price', 'min_reviews_rating', 'min_saving_percent', 'brand', 'browse_node_id' );

	/**
	 * Shortcode attributes passed on to the renderer as they are.
	 */
	private const SHORTCODE_OPTIONS = array( 'title', 'button_text', 'items', 'field', 'search', 'index', 'image_size', 'heading_level' );

	/**
	 * Block attributes, the renderer arguments they become and their defaults (the renderer
	 * checks types and limits).
	 */
	private const BLOCK_OPTIONS = array(
		'buttonText'     => array( 'button_text', '' ),
		'show'           => array( 'show', null ),
		'imageSize'      => array( 'image_size', '' ),
		'affiliateLabel' => array( 'affiliate_label', null ),
		'search'         => array( 'search', '' ),
		'searchIndex'    => array( 'index', '' ),
		'items'          => array( 'items', 0 ),
		'field'          => array( 'field', '' ),
		'linkText'       => array( 'link_text', '' ),
		'headingLevel'   => array( 'heading_level', 0 ),
	);

	/**
	 * Builds a reference.
	 *
	 * @param string               $country  Marketplace code as written, lower case ('' = the default one).
	 * @param list<string>         $asins    Valid ASINs, in order, once each.
	 * @param list<string>         $invalid  Values that are not ASINs, upper-cased.
	 * @param string               $template Template name as written, `-` read as `_` ('' = the default one).
	 * @param array<string, mixed> $options  Renderer arguments besides these (title, button_text, …).
	 */
	private function __construct(
		public readonly string $country,
		public readonly array $asins,
		public readonly array $invalid,
		public readonly string $template,
		public readonly array $options
	) {
	}

	/**
	 * The reference of a shortcode, or null when the tag is `[amazon]` and another plugin owns it.
	 *
	 * @param array<mixed> $atts            Attributes (names in any case).
	 * @param string       $tag             The shortcode's tag.
	 * @param bool|null    $shared_tag_ours Whether `[amazon]` is ours (null: ask WordPress).
	 */
	public static function from_shortcode( array $atts, string $tag = Shortcode_Tags::OWN, ?bool $shared_tag_ours = null ): ?self {
		if ( Shortcode_Tags::SHARED === $tag && ! ( $shared_tag_ours ?? Shortcode_Tags::shared_is_ours() ) ) {
			return null;
		}
		$atts = array_change_key_case( $atts, CASE_LOWER );
		/**
		 * Every known attribute as trimmed text ('' when absent or not text).
		 *
		 * @var array<string, string> $text
		 */
		$text = array();
		foreach ( array_keys( self::SHORTCODE_ATTRIBUTES ) as $name ) {
			$text[ $name ] = self::text( $atts[ $name ] ?? '' );
		}
		$options = array();
		foreach ( self::SHORTCODE_OPTIONS as $name ) {
			$options[ $name ] = $text[ $name ];
		}
		if ( '' !== $text['tag'] ) {
			$options['tag'] = $text['tag'];
		}
		if ( '' !== $text['affiliate_label'] ) {
			$options['affiliate_label'] = in_array( strtolower( $text['affiliate_label'] ), array( '1', 'true', 'yes', 'on' ), true );
		}
		$filters = array_filter( array_intersect_key( $text, array_flip( self::SHORTCODE_FILTERS ) ), static fn( string $value ): bool => '' !== $value );
		if ( array() !== $filters ) {
			$options['filters'] = $filters;
		}

		// AAWP's forms: box (ASIN list), link (with title), fields + value (one value inline),
		// bestseller and new (keyword searches; Amazon no longer offers those sort orders).
		$template = $text['template'];
		$list     = array( $text['asin'], $text['asins'] );
		if ( '' !== $text['box'] ) {
			$list     = array( $text['box'] );
			$template = '' !== $template ? $template : 'box';
		} elseif ( '' !== $text['link'] ) {
			$list     = array( $text['link'] );
			$template = 'text_link';
		} elseif ( '' !== $text['fields'] ) {
			$list             = array( $text['fields'] );
			$options['field'] = '' !== $text['value'] ? $text['value'] : 'title';
		} elseif ( '' !== $text['bestseller'] || '' !== $text['new'] ) {
			$options['search'] = '' !== $text['bestseller'] ? $text['bestseller'] : $text['new'];
			$template          = '' !== $template ? $template : 'list';
		}
		return self::build( $text['country'], $list, $template, $options );
	}

	/**
	 * The reference of a product block's attributes.
	 *
	 * @param array<mixed> $attributes Block attributes.
	 */
	public static function from_block( array $attributes ): self {
		$options = array();
		foreach ( self::BLOCK_OPTIONS as $attribute => list( $argument, $default ) ) {
			$options[ $argument ] = $attributes[ $attribute ] ?? $default;
		}
		if ( isset( $attributes['trackingId'] ) && '' !== self::text( $attributes['trackingId'] ) ) {
			$options['tag'] = self::text( $attributes['trackingId'] );
		}
		if ( 'products' === ( $attributes['mode'] ?? '' ) ) {
			// Chosen products only: keywords left from a search list do not search.
			$options['search'] = '';
		}
		// The block's search filters (an object of Search_Options names), only when set.
		if ( isset( $attributes['searchFilters'] ) && is_array( $attributes['searchFilters'] ) && array() !== $attributes['searchFilters'] ) {
			$options['filters'] = $attributes['searchFilters'];
		}
		$template = $attributes['template'] ?? 'box';
		return self::build(
			self::text( $attributes['country'] ?? '' ),
			array( $attributes['asins'] ?? array(), $attributes['asin'] ?? '' ),
			self::text( $template ),
			$options
		);
	}

	/**
	 * The values of a list (text or a list of texts), normalised (Asin::normalize()), in order,
	 * once each.
	 *
	 * @param mixed $value Text, or a list of texts (nested lists are read too).
	 * @return list<string>
	 */
	public static function split( mixed $value ): array {
		$out = array();
		if ( is_array( $value ) ) {
			foreach ( $value as $item ) {
				$out = array_merge( $out, self::split( $item ) );
			}
		} elseif ( is_string( $value ) || is_int( $value ) ) {
			$out = array_map( array( Asin::class, 'normalize' ), self::parts( (string) $value ) );
		}
		return array_values( array_unique( $out ) );
	}

	/**
	 * The parts of a text between separators, as written (empty ones dropped). White space always
	 * separates; commas, semicolons and pipes too, except in a link's query or fragment (after
	 * `?` or `#`), which stays whole up to the next white space.
	 *
	 * @param string $text Text.
	 * @return list<string>
	 */
	public static function parts( string $text ): array {
		$chunks = preg_split( '/[' . Asin::SPACE . ']+/u', $text, -1, PREG_SPLIT_NO_EMPTY );
		// Not UTF-8: split at ASCII white space alone.
		$chunks = false !== $chunks ? $chunks : preg_split( '/\s+/', $text, -1, PREG_SPLIT_NO_EMPTY );
		$out    = array();
		foreach ( false !== $chunks ? $chunks : array() as $chunk ) {
			$query  = strcspn( $chunk, '?#' );
			$pieces = explode( ',', strtr( substr( $chunk, 0, $query ), ';|', ',,' ) );
			$last   = count( $pieces ) - 1;

			$pieces[ $last ] .= substr( $chunk, $query );
			foreach ( $pieces as $piece ) {
				if ( '' !== $piece ) {
					$out[] = $piece;
				}
			}
		}
		return $out;
	}

	/**
	 * The renderer's arguments: these ASINs, the invalid values (each gets the editor's notice),
	 * marketplace, template and options.
	 *
	 * @return array<string, mixed>
	 */
	public function arguments(): array {
		return array_merge(
			$this->options,
			array(
				'asins'    => array_merge( $this->asins, $this->invalid ),
				'country'  => $this->country,
				'template' => $this->template,
			)
		);
	}

	/**
	 * The tracking ID asked for (`tag="…"`, the block's "Tracking ID"), '' for the marketplace's own.
	 */
	public function tag(): string {
		return is_string( $this->options['tag'] ?? null ) ? $this->options['tag'] : '';
	}

	/**
	 * The parse as plain data (the shared corpus compares this).
	 *
	 * @return Parsed
	 */
	public function to_array(): array {
		return array(
			'country'  => $this->country,
			'asins'    => $this->asins,
			'invalid'  => $this->invalid,
			'template' => $this->template,
			'options'  => $this->options,
		);
	}

	/**
	 * A reference from its parts.
	 *
	 * @param string               $country  Marketplace as written.
	 * @param array<mixed>         $lists    Where the ASINs are, in order.
	 * @param string               $template Template as written.
	 * @param array<string, mixed> $options  Renderer options.
	 */
	private static function build( string $country, array $lists, string $template, array $options ): self {
		$asins   = array();
		$invalid = array();
		foreach ( array_slice( self::split( $lists ), 0, self::MAX_ASINS ) as $value ) {
			if ( Asin::is_valid( $value ) ) {
				$asins[] = $value;
			} else {
				$invalid[] = $value;
			}
		}
		return new self( strtolower( trim( $country ) ), $asins, $invalid, str_replace( '-', '_', strtolower( trim( $template ) ) ), $options );
	}

	/**
	 * A scalar as trimmed text, anything else as ''.
	 *
	 * @param mixed $value Value.
	 */
	private static function text( mixed $value ): string {
		return is_scalar( $value ) ? trim( (string) $value ) : '';
	}
}
