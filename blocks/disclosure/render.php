<?php
/**
 * Server rendering of the disclosure block: Amazon's identification statement.
 *
 * @package Creators_Connect
 */

defined( 'ABSPATH' ) || exit;

printf(
	'<p %1$s>%2$s</p>',
	get_block_wrapper_attributes( array( 'class' => 'acapi-disclosure' ) ), // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- WordPress escapes the wrapper attributes.
	esc_html( \Creators_Connect\Plugin::instance()->disclosure()->text() )
);
