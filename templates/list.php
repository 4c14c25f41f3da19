<?php
/**
 * Template: compact list (one row per product: image, title, price, button).
 *
 * Themes override it with `{theme}/creators-connect-for-amazon/list.php`. `$data['items']` holds one array per
 * product (plain text: escape what you print); `$view` returns escaped markup pieces.
 *
 * @package Creators_Connect
 *
 * @var array<string, mixed>             $data The template data (after the acapi_template_data filter).
 * @var \Creators_Connect\Render\View $view Markup helpers.
 */

// phpcs:disable WordPress.Security.EscapeOutput.OutputNotEscaped -- the View returns escaped HTML.

defined( 'ABSPATH' ) || exit;

$acapi_show = (array) $data['show'];
?>
<ul class="acapi acapi-list">
	<?php foreach ( (array) $data['items'] as $acapi_item ) : ?>
	<li class="acapi-list__row">
		<?php if ( isset( $acapi_show['image'] ) && ! empty( $acapi_item['image'] ) ) : ?>
		<div class="acapi-list__image"><?php echo $view->image( $acapi_item ); ?></div>
		<?php endif; ?>
		<div class="acapi-list__body">
			<?php echo $view->label(); ?>
			<p class="acapi-title"><?php echo $view->link( $acapi_item, (string) $acapi_item['title'] ); ?></p>
			<?php echo isset( $acapi_show['features'] ) ? $view->features( $acapi_item ) : ''; ?>
			<?php echo isset( $acapi_show['rating'] ) ? $view->rating( $acapi_item ) : ''; ?>
			<?php echo isset( $acapi_show['price'] ) ? $view->price( $acapi_item ) : ''; ?>
			<?php echo isset( $acapi_show['availability'] ) ? $view->availability( $acapi_item ) : ''; ?>
		</div>
		<?php if ( isset( $acapi_show['button'] ) ) : ?>
		<div class="acapi-list__action"><?php echo $view->button( $acapi_item ); ?></div>
		<?php endif; ?>
	</li>
	<?php endforeach; ?>
</ul>
