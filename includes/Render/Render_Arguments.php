<?php
/**
 * A render request's arguments: the shape the renderer draws from, and the rules that make it.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Render;

use Creators_Connect\Model\Product;
use Creators_Connect\Reference\Product_Reference;

/**
 * Turns raw arguments (a shortcode's or block's, parsed by Product_Reference, or a caller's own)
 * into the one shape the renderer, Product_Lookup and Item_Data read: defaults filled in, types
 * fixed, lists cut to what the templates know. Owns the template names, the `field` values and
 * the parts a template can show.
 *
 * @phpstan-type Args array{asins: list<string>, country: string, template: string, title: string, button_text: string, items: int, field: string, search: string, index: string, filters: array<string, mixed>, link_text: string, heading_level: int, show: list<string>|null, image_size: string, affiliate_label: bool|null, class_name: string, tag: string}
 */
final class Render_Arguments {

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
	 * Arguments with defaults, types and limits applied.
	 *
	 * @param array<string, mixed> $args    Raw arguments: asins (list or text, split like a
	 *                                      shortcode's: Product_Reference::split()), country, template,
	 *                                      title, button_text, items, field, search, index, filters,
	 *                                      link_text, heading_level, show, image_size,
	 *                                      affiliate_label, class_name, tag.
	 * @param array<string, mixed> $general The general settings (default_template).
	 * @return Args
	 */
	public static function normalize( array $args, array $general = array() ): array {
		$list = array_slice( Product_Reference::split( $args['asins'] ?? array() ), 0, self::MAX_ASINS );

		$template = self::string( $args, 'template' );
		$template = '' !== $template ? $template : self::string( $general, 'default_template' );
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
	 * The parts a template shows: the ones asked for, else the template's own.
	 *
	 * @param Args $args Normalised arguments.
	 * @return list<string>
	 */
	public static function parts( array $args ): array {
		return $args['show'] ?? self::DEFAULTS[ $args['template'] ][0];
	}

	/**
	 * A string value of arguments or settings, trimmed; '' when absent or not a scalar (Item_Data
	 * reads the general settings with it too).
	 *
	 * @param array<string, mixed> $args Arguments or settings.
	 * @param string               $key  Key.
	 */
	public static function string( array $args, string $key ): string {
		return isset( $args[ $key ] ) && is_scalar( $args[ $key ] ) ? trim( (string) $args[ $key ] ) : '';
	}
}
