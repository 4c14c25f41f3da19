<?php
/**
 * The one renderer: shortcodes, the block and previews all draw products through it.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Render;

use Creators_Connect\Amazon\Search_Options;
use Creators_Connect\Catalog\Compliance;
use Creators_Connect\Catalog\Product_Source;
use Creators_Connect\Marketplace\Marketplace_Registry;
use Creators_Connect\Model\Amazon_Error;
use Creators_Connect\Model\Product;
use Creators_Connect\Reference\Asin;
use Creators_Connect\Reference\Product_Reference;

/**
 * Turns a request (ASINs or keywords, a marketplace, a template) into HTML. Gets products only
 * from a Product_Source; never calls Amazon, never breaks a page. A visitor gets the first rung
 * of this ladder that can be shown: the full template; the no-price box (title and link) when
 * the data is stale or the time budget ran out; a plain tagged link to the product when the
 * marketplace has a partner tag but no working API (or Amazon does not serve the item); nothing
 * only without a partner tag (Fallback_View draws the lower rungs). Users who can edit posts see
 * why, above the output. Item_Data shapes each product for a template, Templates finds and runs
 * the template file.
 *
 * Still over 350 lines: a third of it turns shortcode and block attributes into arguments
 * (normalize(), render_block()) around the shared Product_Reference parser.
 *
 * @phpstan-type Args array{asins: list<string>, country: string, template: string, title: string, button_text: string, items: int, field: string, search: string, index: string, filters: array<string, mixed>, link_text: string, heading_level: int, show: list<string>|null, image_size: string, affiliate_label: bool|null, class_name: string, tag: string}
 */
final class Renderer {

	/**
	 * Templates, by name (file name: `_` becomes `-`).
	 */
	public const TEMPLATES = array( 'box', 'list', 'grid', 'table', 'button', 'text_link', 'image_link', 'field' );

	/**
	 * Values the `field` template prints.
	 */
	public const FIELDS = array( 'title', 'price', 'list_price', 'savings', 'image', 'url', 'button', 'link', 'availability', 'rating' );

	/**
	 * The heading level of product titles when none is given (right under the post's h1).
	 */
	public const HEADING_LEVEL = 2;

	/**
	 * Parts a product template can show (the block's "fields to show").
	 */
	public const PARTS = array( 'image', 'title', 'features', 'price', 'availability', 'rating', 'button' );

	/**
	 * Most ASINs one box request takes.
	 */
	public const MAX_ASINS = Product_Reference::MAX_ASINS;

	/**
	 * Style handle of the front-end stylesheet.
	 */
	public const STYLE = 'acapi-product';

	/**
	 * Default parts and image size per template.
	 *
	 * @var array<string, array{0: list<string>, 1: string}>
	 */
	private const DEFAULTS = array(
		'box'        => array( array( 'image', 'title', 'features', 'price', 'availability', 'rating', 'button' ), 'medium' ),
		'list'       => array( array( 'image', 'title', 'price', 'button' ), 'small' ),
		'grid'       => array( array( 'image', 'title', 'price', 'button' ), 'medium' ),
		'table'      => array( array( 'image', 'title', 'price', 'availability', 'rating', 'button' ), 'small' ),
		'button'     => array( array( 'button' ), 'medium' ),
		'text_link'  => array( array( 'title' ), 'medium' ),
		'image_link' => array( array( 'image' ), 'medium' ),
		'field'      => array( array(), 'medium' ),
	);

	/**
	 * Locale-aware formats.
	 *
	 * @var Formatter
	 */
	private Formatter $format;

	/**
	 * The general settings (link target, affiliate label, button text …), read per render() call.
	 *
	 * @var callable(): array<string, mixed>
	 */
	private $settings;

	/**
	 * The general settings while render() runs.
	 *
	 * @var array<string, mixed>|null
	 */
	private ?array $general = null;

	/**
	 * Compliance::max_age() while render() runs.
	 *
	 * @var int|null
	 */
	private ?int $max_age = null;

	/**
	 * Whether a spending limit or the fetch cap held products of this render() back (its notice
	 * is shown once, instead of one per product).
	 *
	 * @var bool
	 */
	private bool $held_back = false;

	/**
	 * The product templates.
	 *
	 * @var Templates
	 */
	private Templates $templates;

	/**
	 * What a template gets per product.
	 *
	 * @var Item_Data
	 */
	private Item_Data $items;

	/**
	 * Whether the current REST request is an editor preview (rendered in full).
	 *
	 * @var bool
	 */
	private bool $preview = false;

	/**
	 * Builds the renderer.
	 *
	 * @param Product_Source|null       $source        Where products come from (null: not set up yet).
	 * @param callable                  $settings      The general settings, defaults filled in: callable(): array<string, mixed>.
	 * @param string                    $templates_dir The plugin's templates folder.
	 * @param string                    $style_url     URL of the front-end stylesheet ('' = none).
	 * @param Content_Placeholders|null $placeholders  Keeps HTML out of core's content filters (null: never).
	 */
	public function __construct(
		private readonly ?Product_Source $source,
		callable $settings,
		string $templates_dir,
		private readonly string $style_url = '',
		private readonly ?Content_Placeholders $placeholders = null
	) {
		$this->format    = new Formatter();
		$this->settings  = $settings;
		$this->templates = new Templates( $templates_dir );
		$this->items     = new Item_Data( $this->format );
	}

	/**
	 * Adds the hooks: marks editor previews (the block renderer endpoint) so that REST output is
	 * only degraded for content exports, and forgets what the request remembered (template files,
	 * formatted times) when what it depends on changes.
	 */
	public function register_hooks(): void {
		add_action( 'init', array( $this, 'register_style' ), 5 );
		add_filter( 'rest_request_before_callbacks', array( $this, 'detect_preview' ), 10, 3 );
		add_action( 'switch_theme', array( $this, 'forget_templates' ) );
		// Formatted fetch times depend on these; a request rarely changes them, but when it does
		// (a locale switch for an e-mail, a settings save, another site of a network) they go.
		// Three generic option hooks, not twelve named ones: every hook costs every page memory.
		foreach ( array( 'added_option', 'updated_option', 'deleted_option' ) as $hook ) {
			add_action( $hook, array( $this, 'forget_times_for_option' ) );
		}
		add_action( 'change_locale', array( $this->format, 'forget_times' ) );
		add_action( 'switch_blog', array( $this->format, 'forget_times' ) );
	}

	/**
	 * Forgets the formatted fetch times when an option they depend on changed.
	 *
	 * @param mixed $option Option name.
	 */
	public function forget_times_for_option( $option ): void {
		if ( in_array( $option, array( 'date_format', 'time_format', 'timezone_string', 'gmt_offset' ), true ) ) {
			$this->format->forget_times();
		}
	}

	/**
	 * Forgets the template files found (the theme changed).
	 */
	public function forget_templates(): void {
		$this->templates->forget();
	}

	/**
	 * Forgets what this request remembered (template files, formatted times): a new request in
	 * test suites and long-running processes.
	 */
	public function reset(): void {
		$this->forget_templates();
		$this->format->forget_times();
	}

	/**
	 * Registers the stylesheet (the block names it as its `style`; shortcodes enqueue it).
	 */
	public function register_style(): void {
		if ( '' !== $this->style_url && ! wp_style_is( self::STYLE, 'registered' ) ) {
			wp_register_style( self::STYLE, $this->style_url, array(), ACAPI_VERSION );
		}
	}

	/**
	 * Notes whether a REST request is an editor preview. Passes the response through.
	 *
	 * @param mixed            $response Response so far.
	 * @param mixed            $handler  Route handler.
	 * @param \WP_REST_Request $request  Request.
	 * @return mixed
	 */
	public function detect_preview( mixed $response, mixed $handler, \WP_REST_Request $request ): mixed {
		unset( $handler );
		$route         = $request->get_route();
		$this->preview = str_starts_with( $route, '/wp/v2/block-renderer/' ) || str_starts_with( $route, '/creators-connect-for-amazon/' );
		return $response;
	}

	/**
	 * Whether a product source is wired.
	 */
	public function has_source(): bool {
		return null !== $this->source;
	}

	/**
	 * Renders products. Never throws; returns '' when there is nothing a visitor may see.
	 *
	 * @param array<string, mixed> $args asins (list or text, split like a shortcode's: Product_Reference::split()), country, template, title,
	 *                                   button_text, items, field, search, index, filters (Amazon's
	 *                                   search filters, see Search_Options), show (parts),
	 *                                   image_size, affiliate_label, class_name.
	 */
	public function render( array $args ): string {
		// What every product of this call reads the same: fetched once, not per product.
		$this->general = ( $this->settings )();
		$this->max_age = Compliance::max_age();
		try {
			return $this->render_now( $args );
		} finally {
			$this->general   = null;
			$this->max_age   = null;
			$this->held_back = false;
		}
	}

	/**
	 * Renders, with this call's settings read (see render()).
	 *
	 * @param array<string, mixed> $args As render().
	 */
	private function render_now( array $args ): string {
		$args    = $this->normalize( $args );
		$notices = array();
		$country = $args['country'];

		if ( '' !== $country && null === Marketplace_Registry::get( $country ) ) {
			return $this->notices(
				array(
					sprintf(
						/* translators: %s: what was given as the country. */
						__( '“%s” is not an Amazon marketplace. Use a country code such as us, uk, de or jp.', 'creators-connect-for-amazon' ),
						$country
					),
				)
			);
		}
		if ( null === $this->source ) {
			return $this->notices( array( ( new Amazon_Error( Amazon_Error::NOT_CONFIGURED ) )->message() ) );
		}
		$country = '' === $country ? '' : Marketplace_Registry::normalize_country( $country );

		$products = array();
		if ( '' !== $args['search'] ) {
			list( $filters, $problems ) = Search_Options::validate( $args['filters'] );
			if ( array() !== $problems ) {
				return $this->notices( $problems );
			}
			$params = $filters + array( 'item_count' => $args['items'] > 0 ? min( 10, $args['items'] ) : 10 );
			if ( '' !== $args['index'] ) {
				$params['search_index'] = $args['index'];
			}
			$result   = $this->source->search( $country, $args['search'], $params );
			$products = $result->products;
			foreach ( $result->errors as $error ) {
				$notices[] = $error->message();
			}
			if ( array() === $products && array() === $notices ) {
				/* translators: %s: search keywords. */
				$notices[] = sprintf( __( 'Amazon found no products for “%s”.', 'creators-connect-for-amazon' ), $args['search'] );
			}
		} else {
			$valid = array();
			foreach ( $args['asins'] as $asin ) {
				if ( Asin::is_valid( $asin ) ) {
					$valid[] = $asin;
				} else {
					$notices[] = ( new Amazon_Error( Amazon_Error::INVALID_ASIN, '', 0, '', '', null, $asin ) )->message();
				}
			}
			if ( array() === $valid && array() === $notices ) {
				$notices[] = __( 'No product chosen yet: add an ASIN or an Amazon product link.', 'creators-connect-for-amazon' );
			}
			if ( array() !== $valid ) {
				$key    = $this->catalog_key( $country, $args['tag'], $notices );
				$result = $this->source->get_products( $key, $valid );
				if ( null !== $result->notice ) {
					// A spending limit or the fetch cap left some products as links for now.
					$notices[]       = $result->notice->message();
					$this->held_back = true;
				}
				foreach ( $valid as $asin ) {
					$product = $result->product( $asin );
					if ( null !== $product ) {
						$products[] = $product;
						continue;
					}
					$error = $result->error( $asin ) ?? new Amazon_Error( Amazon_Error::NOT_FOUND, '', 0, '', '', null, $asin );
					// The third rung: a plain link with the partner tag, in the product's place.
					$link      = $this->source->link_product( $key, $asin );
					$notices[] = $error->message() . ' ' . ( null !== $link
						? __( 'Visitors see a plain link to the product on Amazon, with your partner tag.', 'creators-connect-for-amazon' )
						: __( 'Visitors see nothing here: this marketplace has no partner tag to link with.', 'creators-connect-for-amazon' ) );
					if ( null !== $link ) {
						$products[] = $link;
					}
				}
			}
		}
		if ( $args['items'] > 0 ) {
			$products = array_slice( $products, 0, $args['items'] );
		}

		return $this->notices( array_values( array_unique( $notices ) ) ) . $this->products( $products, $args );
	}

	/**
	 * Renders a shortcode's products for post content: while `the_content` runs, a placeholder
	 * stands in for the HTML until core's content filters are done (see Content_Placeholders).
	 *
	 * @param array<string, mixed> $args As render().
	 */
	public function render_for_content( array $args ): string {
		return $this->hold( $this->render( $args ) );
	}

	/**
	 * Renders the block: its attributes as arguments, wrapped in the block's wrapper element (the
	 * inner HTML held out of core's content filters like render_for_content()).
	 *
	 * @param array<string, mixed> $attributes Block attributes.
	 */
	public function render_block( array $attributes ): string {
		$html = $this->render( Product_Reference::from_block( $attributes )->arguments() );
		if ( '' === $html ) {
			return '';
		}
		$wrapper = function_exists( 'get_block_wrapper_attributes' ) && null !== \WP_Block_Supports::$block_to_render ? get_block_wrapper_attributes() : 'class="wp-block-creators-connect-for-amazon-product"';
		return '<div ' . $wrapper . '>' . $this->hold( $html ) . '</div>';
	}

	/**
	 * The HTML, or its placeholder while `the_content` runs.
	 *
	 * @param string $html Rendered HTML.
	 */
	private function hold( string $html ): string {
		return null !== $this->placeholders ? $this->placeholders->hold( $html ) : $html;
	}

	/**
	 * What to load a marketplace's products as: `country#tag` for a tracking ID it lists (Amazon's
	 * links then carry that tag); for any other tag the marketplace's own, and a note for editors.
	 *
	 * @param string       $country  Country code or ''.
	 * @param string       $tag      Tracking ID asked for ('' = none).
	 * @param list<string> $notices Editor notes (one is added for a tag that is not listed).
	 */
	private function catalog_key( string $country, string $tag, array &$notices ): string {
		if ( '' === $tag || null === $this->source ) {
			return $country;
		}
		if ( $this->source->accepts_tag( $country, $tag ) ) {
			return $country . '#' . $tag;
		}
		$notices[] = sprintf(
			/* translators: %s: the tracking ID asked for. */
			__( 'The tracking ID “%s” is not listed for this marketplace under Settings → Amazon Creators API, so its own partner tag is used.', 'creators-connect-for-amazon' ),
			$tag
		);
		return $country;
	}

	/**
	 * A message only editors see (empty for visitors and in plain contexts).
	 *
	 * @param list<string> $messages Plain-text messages.
	 */
	public function notices( array $messages ): string {
		if ( array() === $messages || ! current_user_can( 'edit_posts' ) || $this->is_plain_context() ) {
			return '';
		}
		$html = '';
		foreach ( $messages as $message ) {
			$html .= '<p class="acapi-notice" role="note"><strong>' . esc_html__( 'Amazon product (only editors see this):', 'creators-connect-for-amazon' ) . '</strong> ' . esc_html( $message ) . '</p>';
		}
		$this->enqueue_style();
		return $html;
	}

	/**
	 * Whether output must be a plain text link: feeds, REST content exports (not editor previews)
	 * and anything a filter marks (e-mail renders), since Amazon forbids its content there.
	 */
	public function is_plain_context(): bool {
		$plain = is_feed() || ( wp_is_serving_rest_request() && ! $this->preview );
		/**
		 * Filters whether products render as plain links (e.g. while a newsletter is built).
		 *
		 * @param bool $plain Whether to render plain links.
		 */
		return (bool) apply_filters( 'acapi_plain_output', $plain );
	}

	/**
	 * Products through the template (fresh ones) or as degraded links (stale ones).
	 *
	 * @param list<Product> $products Products.
	 * @param Args          $args     Normalised arguments.
	 */
	private function products( array $products, array $args ): string {
		if ( array() === $products ) {
			return '';
		}
		$plain    = $this->is_plain_context();
		$view     = $this->view( $args );
		$fallback = new Fallback_View( $view, $args['template'], $args['heading_level'] );
		$fresh    = array();
		$html     = '';
		$notices  = array();
		foreach ( $products as $product ) {
			$item = $this->items->of( $product, $args, $this->general(), $this->max_age );
			if ( $plain ) {
				$text  = '' !== $args['title'] ? $args['title'] : ( '' !== $product->title ? $product->title : $this->format->button_text( $product->marketplace, false ) );
				$html .= '' === $product->detail_page_url ? '' : '<p><a href="' . esc_url( $product->detail_page_url ) . '" rel="sponsored nofollow">' . esc_html( $text ) . '</a></p>';
				continue;
			}
			$stale = Item_Data::is_stale( $product, $this->max_age );
			/**
			 * Fires for each product a page shows (the page-cache headers read its age).
			 *
			 * @param Product $product The product.
			 * @param bool    $full    Whether it shows price, availability and image (false: the no-price fallback).
			 */
			do_action( 'acapi_product_rendered', $product, ! $stale );
			if ( '' === $product->title && '' !== $product->detail_page_url ) {
				// Third rung: no data at all (no API, or never fetched within the budget). When a
				// spending limit or the fetch cap held it back, the result's notice says so once.
				if ( 0 === $product->fetched_at && 'link' !== $product->source && ! $this->held_back ) {
					/* translators: %s: ASIN. */
					$notices[] = sprintf( __( 'Amazon\'s data for %s did not arrive within this page\'s time budget; visitors see a plain link until the background refresh fetches it.', 'creators-connect-for-amazon' ), $product->asin );
				}
				$html .= $fallback->link_only( $item, '' !== $args['link_text'] ? $args['link_text'] : $args['title'] );
				continue;
			}
			if ( $stale ) {
				/* translators: %s: ASIN. */
				$notices[] = sprintf( __( 'The data for %s is older than 24 hours and could not be refreshed, so Amazon\'s rules hide its price, availability and image: visitors see its title and link.', 'creators-connect-for-amazon' ), $product->asin );
				$html     .= $fallback->no_price( $item );
				continue;
			}
			$fresh[] = $item;
		}
		if ( $plain ) {
			return $html;
		}
		if ( array() !== $fresh ) {
			$template = $args['template'];
			$data     = array(
				'template'      => $template,
				'items'         => $fresh,
				'show'          => array_fill_keys( $args['show'] ?? self::DEFAULTS[ $template ][0], true ),
				'field'         => $args['field'],
				'class_name'    => $args['class_name'],
				'heading_level' => $args['heading_level'],
			);
			$html     = $this->templates->render( $template, $data, $view ) . $html;
		}
		if ( '' !== $html ) {
			$this->enqueue_style();
		}
		return $this->notices( array_values( array_unique( $notices ) ) ) . $html;
	}

	/**
	 * The view helpers with the site's link settings.
	 *
	 * @param Args $args Normalised arguments.
	 */
	private function view( array $args ): View {
		$general = $this->general();
		$target  = isset( $general['link_target'] ) && '_self' === $general['link_target'] ? '_self' : '_blank';
		$label   = $args['affiliate_label'] ?? ! empty( $general['affiliate_label'] );
		return new View( $target, $label ? __( 'Affiliate link', 'creators-connect-for-amazon' ) : '' );
	}

	/**
	 * The general settings, defaults filled in.
	 *
	 * @return array<string, mixed>
	 */
	private function general(): array {
		return $this->general ?? ( $this->settings )();
	}

	/**
	 * Arguments with defaults, types and limits applied.
	 *
	 * @param array<string, mixed> $args Raw arguments.
	 * @return Args
	 */
	private function normalize( array $args ): array {
		$list = array_slice( Product_Reference::split( $args['asins'] ?? array() ), 0, self::MAX_ASINS );

		$template = self::string( $args, 'template' );
		$template = '' !== $template ? $template : self::string( $this->general(), 'default_template' );
		$template = str_replace( '-', '_', strtolower( $template ) );
		$template = in_array( $template, self::TEMPLATES, true ) ? $template : 'box';
		$field    = strtolower( self::string( $args, 'field' ) );
		if ( '' !== $field ) {
			$template = 'field';
			$field    = in_array( $field, self::FIELDS, true ) ? $field : 'title';
		}

		$show = null;
		if ( isset( $args['show'] ) && is_array( $args['show'] ) ) {
			$show = array_values( array_intersect( self::PARTS, array_map( 'strval', array_filter( $args['show'], 'is_scalar' ) ) ) );
		}
		$size  = self::string( $args, 'image_size' );
		$label = $args['affiliate_label'] ?? null;
		$level = isset( $args['heading_level'] ) && is_numeric( $args['heading_level'] ) ? (int) $args['heading_level'] : 0;

		return array(
			'asins'           => $list,
			'country'         => strtolower( self::string( $args, 'country' ) ),
			'template'        => $template,
			'title'           => self::string( $args, 'title' ),
			'button_text'     => self::string( $args, 'button_text' ),
			'items'           => isset( $args['items'] ) && is_numeric( $args['items'] ) ? max( 0, (int) $args['items'] ) : 0,
			'field'           => $field,
			'search'          => self::string( $args, 'search' ),
			'filters'         => isset( $args['filters'] ) && is_array( $args['filters'] ) ? $args['filters'] : array(),
			'index'           => (string) preg_replace( '/[^A-Za-z]/', '', self::string( $args, 'index' ) ),
			'link_text'       => self::string( $args, 'link_text' ),
			'heading_level'   => $level >= 2 && $level <= 6 ? $level : self::HEADING_LEVEL,
			'show'            => $show,
			'image_size'      => in_array( $size, Product::IMAGE_SIZES, true ) ? $size : self::DEFAULTS[ $template ][1],
			'affiliate_label' => null === $label ? null : (bool) $label,
			'class_name'      => sanitize_html_class( self::string( $args, 'class_name' ) ),
			'tag'             => trim( self::string( $args, 'tag' ) ),
		);
	}

	/**
	 * A trimmed string argument.
	 *
	 * @param array<string, mixed> $args Arguments.
	 * @param string               $key  Key.
	 */
	private static function string( array $args, string $key ): string {
		return isset( $args[ $key ] ) && is_scalar( $args[ $key ] ) ? trim( (string) $args[ $key ] ) : '';
	}

	/**
	 * Enqueues the stylesheet (once; late enqueues print in the footer on classic themes).
	 */
	private function enqueue_style(): void {
		if ( '' === $this->style_url || wp_style_is( self::STYLE, 'enqueued' ) ) {
			return;
		}
		$this->register_style();
		wp_enqueue_style( self::STYLE );
	}
}
