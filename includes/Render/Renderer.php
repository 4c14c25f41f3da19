<?php
/**
 * The one renderer: shortcodes, the block and previews all draw products through it.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Render;

use Creators_Connect\Catalog\Compliance;
use Creators_Connect\Model\Product;
use Creators_Connect\Reference\Product_Reference;

/**
 * Turns a request (ASINs or keywords, a marketplace, a template) into HTML. A visitor gets the
 * first rung of this ladder that can be shown: the full template; the no-price box (title and
 * link) when the data is stale or the time budget ran out; a plain tagged link to the product
 * when the marketplace has a partner tag but no working API (or Amazon does not serve the item);
 * nothing only without a partner tag (Fallback_View draws the lower rungs). Users who can edit
 * posts see why, above the output. Never calls Amazon, never breaks a page.
 *
 * Its helpers: Render_Arguments makes the request's arguments; wired by Plugin,
 * Product_Lookup gets its products from the Product_Source, Output_Context says whether output
 * must be plain links, Stylesheet loads the CSS. Item_Data shapes each product for a template,
 * Templates finds and runs the template file.
 *
 * @phpstan-import-type Args from Render_Arguments
 * @phpstan-import-type Found from Product_Lookup
 */
final class Renderer {

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
	 * Builds the renderer.
	 *
	 * @param Product_Lookup            $lookup        Gets a request's products (from the product source).
	 * @param callable                  $settings      The general settings, defaults filled in: callable(): array<string, mixed>.
	 * @param string                    $templates_dir The plugin's templates folder.
	 * @param Output_Context            $context       Whether output must be plain links.
	 * @param Stylesheet                $style         The front-end stylesheet.
	 * @param Content_Placeholders|null $placeholders  Keeps HTML out of core's content filters (null: never).
	 */
	public function __construct(
		private readonly Product_Lookup $lookup,
		callable $settings,
		string $templates_dir,
		private readonly Output_Context $context,
		private readonly Stylesheet $style,
		private readonly ?Content_Placeholders $placeholders = null
	) {
		$this->format    = new Formatter();
		$this->settings  = $settings;
		$this->templates = new Templates( $templates_dir );
		$this->items     = new Item_Data( $this->format );
	}

	/**
	 * Adds the hooks: forgets what the request remembered (template files, formatted times) when
	 * what it depends on changes.
	 */
	public function register_hooks(): void {
		add_action( 'switch_theme', array( $this, 'forget_templates' ) );
		// Formatted fetch times depend on these; a request rarely changes them, but when it does
		// (a locale switch for an e-mail, a settings save, another site of a network) they go.
		// Three generic option hooks, not twelve named ones: every hook costs every page memory.
		foreach ( array( 'added_option', 'updated_option', 'deleted_option' ) as $hook ) {
			add_action( $hook, array( $this->format, 'forget_times_for_option' ) );
		}
		add_action( 'change_locale', array( $this->format, 'forget_times' ) );
		add_action( 'switch_blog', array( $this->format, 'forget_times' ) );
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
	 * Whether a product source is wired.
	 */
	public function has_source(): bool {
		return $this->lookup->has_source();
	}

	/**
	 * Renders products. Never throws; returns '' when there is nothing a visitor may see.
	 *
	 * @param array<string, mixed> $args Raw arguments, see Render_Arguments::normalize(): asins,
	 *                                   country, template, title, button_text, items, field,
	 *                                   search, index, filters (Amazon's search filters, see
	 *                                   Search_Options), show (parts), image_size,
	 *                                   affiliate_label, class_name, tag.
	 */
	public function render( array $args ): string {
		// What every product of this call reads the same: fetched once, not per product.
		$this->general = ( $this->settings )();
		$this->max_age = Compliance::max_age();
		try {
			$args  = Render_Arguments::normalize( $args, $this->general );
			$found = $this->lookup->find( $args );
			return $this->notices( array_values( array_unique( $found['notices'] ) ) ) . $this->products( $found, $args );
		} finally {
			$this->general = null;
			$this->max_age = null;
		}
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
	 * A message only editors see (empty for visitors and in plain contexts).
	 *
	 * @param list<string> $messages Plain-text messages.
	 */
	public function notices( array $messages ): string {
		if ( array() === $messages || ! current_user_can( 'edit_posts' ) || $this->context->is_plain() ) {
			return '';
		}
		$html = '';
		foreach ( $messages as $message ) {
			$html .= '<p class="acapi-notice" role="note"><strong>' . esc_html__( 'Amazon product (only editors see this):', 'creators-connect-for-amazon' ) . '</strong> ' . esc_html( $message ) . '</p>';
		}
		$this->style->enqueue();
		return $html;
	}

	/**
	 * Products through the template (fresh ones) or as degraded links (stale ones).
	 *
	 * @param Found $found What the lookup found.
	 * @param Args  $args  Normalised arguments.
	 */
	private function products( array $found, array $args ): string {
		$products = $found['products'];
		if ( array() === $products ) {
			return '';
		}
		$plain    = $this->context->is_plain();
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
				if ( 0 === $product->fetched_at && 'link' !== $product->source && ! $found['held_back'] ) {
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
				'show'          => array_fill_keys( Render_Arguments::parts( $args ), true ),
				'field'         => $args['field'],
				'class_name'    => $args['class_name'],
				'heading_level' => $args['heading_level'],
			);
			$html     = $this->templates->render( $template, $data, $view ) . $html;
		}
		if ( '' !== $html ) {
			$this->style->enqueue();
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
}
