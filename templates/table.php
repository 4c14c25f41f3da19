<?php
/**
 * Template: comparison table (image, title, key fields, price, button).
 *
 * Themes override it with `{theme}/creators-connect-for-amazon/table.php`. `$data['items']` holds one array per
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
<div class="acapi acapi-table-wrap">
<table class="acapi-table">
	<thead>
		<tr>
			<?php if ( isset( $acapi_show['image'] ) ) : ?>
			<th scope="col"><span class="acapi-sr-only"><?php esc_html_e( 'Image', 'creators-connect-for-amazon' ); ?></span></th>
			<?php endif; ?>
			<th scope="col"><?php esc_html_e( 'Product', 'creators-connect-for-amazon' ); ?></th>
			<th scope="col"><?php esc_html_e( 'Details', 'creators-connect-for-amazon' ); ?></th>
			<th scope="col"><?php esc_html_e( 'Price', 'creators-connect-for-amazon' ); ?></th>
			<?php if ( isset( $acapi_show['button'] ) ) : ?>
			<th scope="col"><span class="acapi-sr-only"><?php esc_html_e( 'Link', 'creators-connect-for-amazon' ); ?></span></th>
			<?php endif; ?>
		</tr>
	</thead>
	<tbody>
		<?php foreach ( (array) $data['items'] as $acapi_item ) : ?>
		<tr>
			<?php if ( isset( $acapi_show['image'] ) ) : ?>
			<td class="acapi-table__image"><?php echo $view->image( $acapi_item ); ?></td>
			<?php endif; ?>
			<th scope="row" class="acapi-table__title"><?php echo $view->label() . $view->link( $acapi_item, (string) $acapi_item['title'] ); ?></th>
			<td class="acapi-table__details">
				<?php echo isset( $acapi_show['features'] ) ? $view->features( $acapi_item ) : ''; ?>
				<?php echo isset( $acapi_show['rating'] ) ? $view->rating( $acapi_item ) : ''; ?>
				<?php echo isset( $acapi_show['availability'] ) ? $view->availability( $acapi_item ) : ''; ?>
			</td>
			<td class="acapi-table__price"><?php echo isset( $acapi_show['price'] ) ? $view->price( $acapi_item ) : ''; ?></td>
			<?php if ( isset( $acapi_show['button'] ) ) : ?>
			<td class="acapi-table__action"><?php echo $view->button( $acapi_item ); ?></td>
			<?php endif; ?>
		</tr>
		<?php endforeach; ?>
	</tbody>
</table>
</div>
