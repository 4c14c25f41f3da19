<?php
/**
 * Server rendering of the disclosure block: Amazon's identification statement.
 *
 * @package Amazon_Creators_API
 */

defined( 'ABSPATH' ) || exit;

printf(
	'<p %1$s>%2$s</p>',
	get_block_wrapper_attributes( array( 'class' => 'acapi-disclosure' ) ), // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- WordPress escapes the wrapper attributes.
	esc_html( \Amazon_Creators_API\Render\Disclosure::text() )
);
