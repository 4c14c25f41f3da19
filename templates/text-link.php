<?php
/**
 * Template: text link (the title, or the shortcode's title, linked to Amazon).
 *
 * Themes override it with `{theme}/amazon-creators-api/text-link.php`. `$data['items']` holds one array per
 * product (plain text: escape what you print); `$view` returns escaped markup pieces.
 *
 * @package Amazon_Creators_API
 *
 * @var array<string, mixed>             $data The template data (after the acapi_template_data filter).
 * @var \Amazon_Creators_API\Render\View $view Markup helpers.
 */

// phpcs:disable WordPress.Security.EscapeOutput.OutputNotEscaped -- the View returns escaped HTML.

defined( 'ABSPATH' ) || exit;

$acapi_links = array();
foreach ( (array) $data['items'] as $acapi_item ) {
	$acapi_links[] = $view->link( $acapi_item, (string) $acapi_item['title'], 'acapi-text-link' );
}
echo '<span class="acapi acapi-text-links">' . $view->label() . implode( ', ', $acapi_links ) . '</span>';
