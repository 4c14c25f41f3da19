<?php
/**
 * Template: text link (the title, or the block's link text or shortcode's title, linked to Amazon).
 *
 * Themes override it with `{theme}/creators-connect-for-amazon/text-link.php`. `$data['items']` holds one array per
 * product (plain text: escape what you print); `$view` returns escaped markup pieces.
 *
 * @package Creators_Connect
 *
 * @var array<string, mixed>             $data The template data (after the acapi_template_data filter).
 * @var \Creators_Connect\Render\View $view Markup helpers.
 */

// phpcs:disable WordPress.Security.EscapeOutput.OutputNotEscaped -- the View returns escaped HTML.

defined( 'ABSPATH' ) || exit;

$acapi_links = array();
foreach ( (array) $data['items'] as $acapi_item ) {
	$acapi_links[] = $view->link( $acapi_item, (string) ( $acapi_item['link_text'] ?? $acapi_item['title'] ), 'acapi-text-link' );
}
echo '<span class="acapi acapi-text-links">' . $view->label() . implode( ', ', $acapi_links ) . '</span>';
