<?php
/**
 * Loads every product a page shows before it renders, in as few API calls as possible.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Catalog;

use Creators_Connect\Model\Product;
use Creators_Connect\Reference\Product_Reference;
use Creators_Connect\Reference\Shortcode_Tags;

/**
 * On `the_posts` of the main query (front end), collects the ASINs of every post: our shortcodes
 * (`[amazon_product …]`, and `[amazon …]` unless another plugin owns it) and product blocks,
 * also inside reusable blocks (`core/block` ref) and patterns (`core/pattern` slug), each parsed
 * by Product_Reference exactly as the renderer will parse it. ASINs are grouped by
 * marketplace and loaded with one call of the product service for all marketplaces (one store
 * query), so that a page with N products of a marketplace costs ⌈N/10⌉ GetItems calls of that
 * marketplace cold and none warm; the product service keeps the results for the renderer.
 */
final class Prefetcher {

	/**
	 * How deep reusable blocks and patterns are followed.
	 */
	private const MAX_DEPTH = 5;

	/**
	 * Product service.
	 *
	 * @var Product_Service
	 */
	private Product_Service $service;

	/**
	 * Reusable block ids and pattern slugs already followed in this collection (cycle guard).
	 *
	 * @var array<string, bool>
	 */
	private array $followed = array();

	/**
	 * Builds the prefetcher.
	 *
	 * @param Product_Service $service Product service.
	 */
	public function __construct( Product_Service $service ) {
		$this->service = $service;
	}

	/**
	 * Hooks into the main query's posts.
	 */
	public function register_hooks(): void {
		add_filter( 'the_posts', array( $this, 'on_the_posts' ), 10, 2 );
	}

	/**
	 * Filter `the_posts`: prefetches the products of the main query's posts on the front end.
	 *
	 * @param mixed $posts Posts.
	 * @param mixed $query The query.
	 * @return mixed The posts, unchanged.
	 */
	public function on_the_posts( $posts, $query = null ) {
		if ( ! is_array( $posts ) || array() === $posts || ! ( $query instanceof \WP_Query ) || ! $query->is_main_query() ) {
			return $posts;
		}
		if ( is_admin() || ( defined( 'REST_REQUEST' ) && REST_REQUEST ) ) {
			return $posts;
		}
		$this->prefetch_posts( $posts );
		return $posts;
	}

	/**
	 * Prefetches the products of some posts.
	 *
	 * @param array<mixed> $posts Posts (WP_Post objects).
	 * @return array<string, list<string>> ASINs by marketplace ('' = the default one).
	 */
	public function prefetch_posts( array $posts ): array {
		$all = array();
		foreach ( $posts as $post ) {
			if ( $post instanceof \WP_Post && ! post_password_required( $post ) ) {
				$all = self::merge( $all, $this->collect( $post->post_content ) );
			}
		}
		$this->prefetch( $all );
		return $all;
	}

	/**
	 * Loads grouped ASINs: one store query and interleaved batches for all marketplaces.
	 *
	 * @param array<string, list<string>> $groups ASINs by marketplace ('' = the default one).
	 */
	public function prefetch( array $groups ): void {
		/**
		 * Filters the page's products before they are loaded (geotargeting adds each product in its
		 * target marketplaces, so they share the page's batches).
		 *
		 * @param array<string, list<string>> $groups ASINs by country code ('' = the default marketplace).
		 */
		$filtered = apply_filters( 'acapi_prefetch_groups', $groups );
		$groups   = is_array( $filtered ) ? $filtered : $groups;
		// '' and the default marketplace's own code are one marketplace there: one batch list.
		$this->service->prefetch( $groups );
	}


	/**
	 * The ASINs a post content references, by marketplace ('' = the default one).
	 *
	 * @param string $content Post content.
	 * @return array<string, list<string>>
	 */
	public function collect( string $content ): array {
		$this->followed = array();
		return $this->collect_content( $content, 0 );
	}

	/**
	 * Shortcodes and blocks of one content.
	 *
	 * @param string $content Content.
	 * @param int    $depth   Reusable block / pattern depth.
	 * @return array<string, list<string>>
	 */
	private function collect_content( string $content, int $depth ): array {
		$found = array();
		if ( str_contains( $content, '[' ) ) {
			$found = self::merge( $found, $this->collect_shortcodes( $content ) );
		}
		if ( str_contains( $content, '<!-- wp:' ) ) {
			$found = self::merge( $found, $this->collect_blocks( parse_blocks( $content ), $depth ) );
		}
		return $found;
	}

	/**
	 * ASINs of our shortcodes, nested ones included.
	 *
	 * @param string $content Content.
	 * @return array<string, list<string>>
	 */
	private function collect_shortcodes( string $content ): array {
		/**
		 * Filters the shortcode tags whose ASINs are prefetched. `[amazon]` is left out while
		 * another plugin owns it, and stays out even when added here.
		 *
		 * @param list<string> $tags Tags (default: the tags that are ours).
		 */
		$tags = apply_filters( 'acapi_prefetch_shortcodes', Shortcode_Tags::owned() );
		$tags = is_array( $tags ) ? array_values( array_filter( $tags, 'is_string' ) ) : array();
		if ( array() === $tags || 0 === preg_match_all( '/' . get_shortcode_regex( $tags ) . '/', $content, $matches, PREG_SET_ORDER ) ) {
			return array();
		}
		$found = array();
		foreach ( $matches as $match ) {
			if ( '[' === $match[1] && ']' === $match[6] ) {
				continue; // An escaped [[amazon …]].
			}
			$atts      = shortcode_parse_atts( $match[3] );
			$reference = Product_Reference::from_shortcode( is_array( $atts ) ? $atts : array(), $match[2] );
			if ( null !== $reference && array() !== $reference->asins ) {
				$key           = $this->service->catalog_key( $reference->country, $reference->tag() );
				$found[ $key ] = array_merge( $found[ $key ] ?? array(), $reference->asins );
			}
			if ( isset( $match[5] ) && '' !== $match[5] ) {
				$found = self::merge( $found, $this->collect_shortcodes( $match[5] ) );
			}
		}
		return self::unique( $found );
	}

	/**
	 * ASINs of product blocks, following inner blocks, reusable blocks and patterns.
	 *
	 * @param array<mixed> $blocks Parsed blocks.
	 * @param int          $depth  Reusable block / pattern depth.
	 * @return array<string, list<string>>
	 */
	private function collect_blocks( array $blocks, int $depth ): array {
		$found = array();
		foreach ( $blocks as $block ) {
			if ( ! is_array( $block ) ) {
				continue;
			}
			$name  = isset( $block['blockName'] ) && is_string( $block['blockName'] ) ? $block['blockName'] : '';
			$attrs = isset( $block['attrs'] ) && is_array( $block['attrs'] ) ? $block['attrs'] : array();
			if ( Product_Reference::BLOCK === $name ) {
				$reference = Product_Reference::from_block( $attrs );
				if ( array() !== $reference->asins ) {
					$key           = $this->service->catalog_key( $reference->country, $reference->tag() );
					$found[ $key ] = array_merge( $found[ $key ] ?? array(), $reference->asins );
				}
			} elseif ( 'core/block' === $name && isset( $attrs['ref'] ) && is_numeric( $attrs['ref'] ) && $depth < self::MAX_DEPTH ) {
				$key = 'block:' . (int) $attrs['ref'];
				if ( ! isset( $this->followed[ $key ] ) ) {
					$this->followed[ $key ] = true;
					$reusable               = get_post( (int) $attrs['ref'] );
					if ( $reusable instanceof \WP_Post && 'wp_block' === $reusable->post_type && 'publish' === $reusable->post_status ) {
						$found = self::merge( $found, $this->collect_content( $reusable->post_content, $depth + 1 ) );
					}
				}
			} elseif ( 'core/pattern' === $name && isset( $attrs['slug'] ) && is_string( $attrs['slug'] ) && $depth < self::MAX_DEPTH ) {
				$key = 'pattern:' . $attrs['slug'];
				if ( ! isset( $this->followed[ $key ] ) ) {
					$this->followed[ $key ] = true;
					$pattern                = \WP_Block_Patterns_Registry::get_instance()->get_registered( $attrs['slug'] );
					if ( is_array( $pattern ) && isset( $pattern['content'] ) && is_string( $pattern['content'] ) ) {
						$found = self::merge( $found, $this->collect_content( $pattern['content'], $depth + 1 ) );
					}
				}
			}
			if ( isset( $block['innerBlocks'] ) && is_array( $block['innerBlocks'] ) && array() !== $block['innerBlocks'] ) {
				$found = self::merge( $found, $this->collect_blocks( $block['innerBlocks'], $depth ) );
			}
		}
		return self::unique( $found );
	}

	/**
	 * Two groupings merged.
	 *
	 * @param array<string, list<string>> $a Grouping.
	 * @param array<string, list<string>> $b Grouping.
	 * @return array<string, list<string>>
	 */
	private static function merge( array $a, array $b ): array {
		foreach ( $b as $country => $asins ) {
			$a[ (string) $country ] = array_merge( $a[ (string) $country ] ?? array(), $asins );
		}
		return self::unique( $a );
	}

	/**
	 * A grouping without duplicates.
	 *
	 * @param array<string, list<string>> $groups Grouping.
	 * @return array<string, list<string>>
	 */
	private static function unique( array $groups ): array {
		foreach ( $groups as $country => $asins ) {
			$groups[ $country ] = array_values( array_unique( array_map( 'strval', $asins ) ) );
		}
		return $groups;
	}
}
