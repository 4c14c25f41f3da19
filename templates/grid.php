<?php
/**
 * Template: grid of cards (image, title, price, button).
 *
 * Themes override it with `{theme}/creators-connect-for-amazon/grid.php`. `$data['items']` holds one array per
 * product (plain text: escape what you print); `$view` returns escaped markup pieces.
 *
 * @package Creators_Connect
 *
 * @var array<string, mixed>             $data The template data (after the acapi_template_data filter).
 * @var \Creators_Connect\Render\View $view Markup helpers.
 */

// phpcs:disable WordPress.Security.EscapeOutput.OutputNotEscaped -- the View returns escaped HTML.

defined( 'ABSPATH' ) || exit;

$acapi_show    = (array) $data['show'];
$acapi_heading = 'h' . max( 2, min( 6, (int) ( $data['heading_level'] ?? 2 ) ) );
?>
<ul class="acapi acapi-grid">
	<?php foreach ( (array) $data['items'] as $acapi_item ) : ?>
	<li class="acapi-card">
		<?php if ( isset( $acapi_show['image'] ) && ! empty( $acapi_item['image'] ) ) : ?>
		<div class="acapi-card__image"><?php echo $view->link_open( $acapi_item, 'acapi-image-link' ) . $view->image( $acapi_item ) . '</a>'; ?></div>
		<?php endif; ?>
		<?php echo $view->label(); ?>
		<?php echo '<' . $acapi_heading . ' class="acapi-title">' . $view->link( $acapi_item, (string) $acapi_item['title'] ) . '</' . $acapi_heading . '>'; ?>
		<?php echo isset( $acapi_show['features'] ) ? $view->features( $acapi_item ) : ''; ?>
		<?php echo isset( $acapi_show['rating'] ) ? $view->rating( $acapi_item ) : ''; ?>
		<?php echo isset( $acapi_show['price'] ) ? $view->price( $acapi_item ) : ''; ?>
		<?php echo isset( $acapi_show['availability'] ) ? $view->availability( $acapi_item ) : ''; ?>
		<?php echo isset( $acapi_show['button'] ) ? $view->button( $acapi_item ) : ''; ?>
	</li>
	<?php endforeach; ?>
</ul>
