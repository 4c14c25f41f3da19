<?php
/**
 * Loads every product a page shows before it renders, in as few API calls as possible.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Catalog;

use Creators_Connect\Model\Product;

/**
 * On `the_posts` of the main query (front end), collects the ASINs of every post: shortcodes
 * (`[amazon asin="A,B" country="de"]`, `[amazon_product …]`, AAWP's `box`, `link` and `fields`
 * forms) and product blocks (`creators-connect-for-amazon/product` with `asins` and `country`), also inside
 * reusable blocks (`core/block` ref) and patterns (`core/pattern` slug). ASINs are grouped by
 * marketplace and loaded with one call of the product service for all marketplaces (one store
 * query), so that a page with N products of a marketplace costs ⌈N/10⌉ GetItems calls of that
 * marketplace cold and none warm; the product service keeps the results for the renderer.
 */
final class Prefetcher {

	/**
	 * The product block's name.
	 */
	public const BLOCK = 'creators-connect-for-amazon/product';

	/**
	 * Shortcode attributes that hold ASINs.
	 */
	public const ASIN_ATTRIBUTES = array( 'asin', 'asins', 'box', 'link', 'fields' );

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
	 * ASINs of the plugin's (and AAWP-style) shortcodes, nested ones included.
	 *
	 * @param string $content Content.
	 * @return array<string, list<string>>
	 */
	private function collect_shortcodes( string $content ): array {
		$tags = apply_filters( 'acapi_prefetch_shortcodes', array( 'amazon', 'amazon_product', 'amazon_products' ) );
		$tags = is_array( $tags ) ? array_values( array_filter( $tags, 'is_string' ) ) : array( 'amazon' );
		if ( array() === $tags || 0 === preg_match_all( '/' . get_shortcode_regex( $tags ) . '/', $content, $matches, PREG_SET_ORDER ) ) {
			return array();
		}
		$found = array();
		foreach ( $matches as $match ) {
			if ( '[' === $match[1] && ']' === $match[6] ) {
				continue; // An escaped [[amazon …]].
			}
			$atts = shortcode_parse_atts( $match[3] );
			$atts = is_array( $atts ) ? $atts : array();
			$list = array();
			foreach ( self::ASIN_ATTRIBUTES as $name ) {
				if ( isset( $atts[ $name ] ) && is_string( $atts[ $name ] ) ) {
					$list = array_merge( $list, self::asins( $atts[ $name ] ) );
				}
			}
			if ( array() !== $list ) {
				$country           = isset( $atts['country'] ) && is_string( $atts['country'] ) ? strtolower( trim( $atts['country'] ) ) : '';
				$found[ $country ] = array_merge( $found[ $country ] ?? array(), $list );
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
			if ( self::BLOCK === $name ) {
				$list = array();
				if ( isset( $attrs['asins'] ) && is_array( $attrs['asins'] ) ) {
					foreach ( $attrs['asins'] as $value ) {
						$list = array_merge( $list, is_string( $value ) ? self::asins( $value ) : array() );
					}
				} elseif ( isset( $attrs['asins'] ) && is_string( $attrs['asins'] ) ) {
					$list = self::asins( $attrs['asins'] );
				}
				if ( isset( $attrs['asin'] ) && is_string( $attrs['asin'] ) ) {
					$list = array_merge( $list, self::asins( $attrs['asin'] ) );
				}
				if ( array() !== $list ) {
					$country           = isset( $attrs['country'] ) && is_string( $attrs['country'] ) ? strtolower( trim( $attrs['country'] ) ) : '';
					$found[ $country ] = array_merge( $found[ $country ] ?? array(), $list );
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
	 * The ASINs in a comma- or space-separated list (upper case, well-formed only).
	 *
	 * @param string $value List.
	 * @return list<string>
	 */
	private static function asins( string $value ): array {
		$out   = array();
		$parts = preg_split( '/[\s,;|]+/', strtoupper( $value ) );
		foreach ( false === $parts ? array() : $parts as $asin ) {
			if ( 1 === preg_match( '/^[0-9A-Z]{10}$/', $asin ) ) {
				$out[] = $asin;
			}
		}
		return $out;
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
