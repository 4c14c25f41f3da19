<?php
/**
 * Template: one value inline (title, price, list price, savings, image, url, button, link, availability, rating).
 *
 * Themes override it with `{theme}/creators-connect-for-amazon/field.php`. `$data['items']` holds one array per
 * product (plain text: escape what you print); `$view` returns escaped markup pieces.
 *
 * @package Creators_Connect
 *
 * @var array<string, mixed>             $data The template data (after the acapi_template_data filter).
 * @var \Creators_Connect\Render\View $view Markup helpers.
 */

// phpcs:disable WordPress.Security.EscapeOutput.OutputNotEscaped -- the View returns escaped HTML.

defined( 'ABSPATH' ) || exit;

$acapi_field = (string) $data['field'];
foreach ( (array) $data['items'] as $acapi_item ) {
	switch ( $acapi_field ) {
		case 'price':
			$acapi_value = '' === $acapi_item['price'] ? '' : esc_html( (string) $acapi_item['price'] ) . ' <small class="acapi-asof-inline">(' . esc_html( (string) $acapi_item['price_as_of_short'] ) . ')</small>';
			break;
		case 'image':
			$acapi_value = $view->image( $acapi_item );
			break;
		case 'url':
			$acapi_value = esc_html( esc_url( (string) $acapi_item['url'] ) );
			break;
		case 'button':
			$acapi_value = $view->button( $acapi_item );
			break;
		case 'link':
			$acapi_value = $view->link( $acapi_item, (string) ( $acapi_item['link_text'] ?? $acapi_item['title'] ), 'acapi-text-link' );
			break;
		case 'title':
		case 'list_price':
		case 'savings':
		case 'availability':
		case 'rating':
			$acapi_value = esc_html( (string) $acapi_item[ $acapi_field ] );
			break;
		default:
			$acapi_value = '';
	}
	if ( '' !== $acapi_value ) {
		echo '<span class="acapi acapi-field acapi-field--' . esc_attr( $acapi_field ) . '">' . $acapi_value . '</span>';
	}
}
