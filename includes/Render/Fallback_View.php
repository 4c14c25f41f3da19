<?php
/**
 * The markup of the visitor's lower rungs: the no-price box and the plain tagged link.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Render;

/**
 * What a visitor sees when the full template cannot be shown, shaped like the template asked
 * for (a box stays a box, a button a button, a link a link), with nothing Amazon allows only
 * from fresh API data: no price, image, rating or availability. Returns escaped HTML.
 */
final class Fallback_View {

	/**
	 * Templates drawn as a box.
	 */
	private const BOXES = array( 'box', 'list', 'grid', 'table' );

	/**
	 * Builds the view.
	 *
	 * @param View   $view          The template helpers (links, buttons, the label).
	 * @param string $template      The template that was asked for.
	 * @param int    $heading_level Heading level of a box's title (2–6).
	 */
	public function __construct(
		private readonly View $view,
		private readonly string $template,
		private readonly int $heading_level
	) {
	}

	/**
	 * Second rung, data too old or held back: the title and the link (a box for box templates).
	 *
	 * @param array<string, mixed> $item Item (Item_Data::of() of a stale product).
	 */
	public function no_price( array $item ): string {
		if ( '' === View::text( $item, 'url' ) ) {
			return '';
		}
		if ( in_array( $this->template, self::BOXES, true ) ) {
			return $this->box( 'acapi-no-price', View::text( $item, 'title' ), $item );
		}
		if ( 'button' === $this->template ) {
			return '<p class="acapi acapi-no-price">' . $this->view->label() . $this->view->button( $item ) . '</p>';
		}
		return '<span class="acapi acapi-no-price">' . $this->view->label() . $this->view->link( $item, View::text( $item, 'link_text' ), 'acapi-text-link' ) . '</span>';
	}

	/**
	 * Third rung, no data at all: a plain link with the partner tag. With a link text of the
	 * editor's own, a box template gets a title-and-link box; a button template is a button.
	 *
	 * @param array<string, mixed> $item     Item (a link-only product: ASIN, marketplace, URL).
	 * @param string               $own_text The block's link text or the shortcode's title ('' = none).
	 */
	public function link_only( array $item, string $own_text ): string {
		if ( '' === View::text( $item, 'url' ) ) {
			return '';
		}
		$text = '' !== $own_text ? $own_text : __( 'View on Amazon', 'creators-connect-for-amazon' );
		$box  = in_array( $this->template, self::BOXES, true );
		if ( 'button' === $this->template ) {
			$item['button_text'] = $text;
			return '<p class="acapi acapi-link-only">' . $this->view->label() . $this->view->button( $item ) . '</p>';
		}
		if ( $box && '' !== $own_text ) {
			return $this->box( 'acapi-link-only', $own_text, $item );
		}
		$tag = $box ? 'p' : 'span';
		return '<' . $tag . ' class="acapi acapi-link-only">' . $this->view->label() . $this->view->link( $item, $text, 'acapi-text-link' ) . '</' . $tag . '>';
	}

	/**
	 * A box with a linked title and a button, nothing else.
	 *
	 * @param string               $class Rung class.
	 * @param string               $title Title text.
	 * @param array<string, mixed> $item  Item.
	 */
	private function box( string $class, string $title, array $item ): string {
		$heading = 'h' . max( 2, min( 6, $this->heading_level ) );
		return '<div class="acapi acapi-box ' . esc_attr( $class ) . '"><div class="acapi-box__body">' . $this->view->label()
			. '<' . $heading . ' class="acapi-title">' . $this->view->link( $item, $title ) . '</' . $heading . '>'
			. $this->view->button( $item ) . '</div></div>';
	}
}
