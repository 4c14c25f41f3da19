<?php
/**
 * Template: image link (the product image, linked to Amazon).
 *
 * Themes override it with `{theme}/creators-connect-for-amazon/image-link.php`. `$data['items']` holds one array per
 * product (plain text: escape what you print); `$view` returns escaped markup pieces.
 *
 * @package Creators_Connect
 *
 * @var array<string, mixed>             $data The template data (after the acapi_template_data filter).
 * @var \Creators_Connect\Render\View $view Markup helpers.
 */

// phpcs:disable WordPress.Security.EscapeOutput.OutputNotEscaped -- the View returns escaped HTML.

defined( 'ABSPATH' ) || exit;

foreach ( (array) $data['items'] as $acapi_item ) {
	if ( empty( $acapi_item['image'] ) ) {
		echo '<span class="acapi acapi-image-link-wrap">' . $view->link( $acapi_item, (string) $acapi_item['title'], 'acapi-text-link' ) . '</span>';
		continue;
	}
	echo '<span class="acapi acapi-image-link-wrap">' . $view->link_open( $acapi_item, 'acapi-image-link' ) . $view->image( $acapi_item ) . $view->new_tab_hint() . '</a></span>';
}
