<?php
/**
 * Template: button (a link styled as a button, one per product).
 *
 * Themes override it with `{theme}/creators-connect-for-amazon/button.php`. `$data['items']` holds one array per
 * product (plain text: escape what you print); `$view` returns escaped markup pieces.
 *
 * @package Creators_Connect
 *
 * @var array<string, mixed>             $data The template data (after the acapi_template_data filter).
 * @var \Creators_Connect\Render\View $view Markup helpers.
 */

// phpcs:disable WordPress.Security.EscapeOutput.OutputNotEscaped -- the View returns escaped HTML.

defined( 'ABSPATH' ) || exit;

foreach ( (array) $data['items'] as $acapi_item ) :
	?>
<span class="acapi acapi-button-wrap"><?php echo $view->label() . $view->button( $acapi_item ); ?></span>
	<?php
endforeach;
