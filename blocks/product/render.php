<?php
/**
 * Server rendering of the product block: a thin call into the one renderer.
 *
 * @package Creators_Connect
 *
 * @var array<string, mixed> $attributes The block's attributes.
 */

defined( 'ABSPATH' ) || exit;

// The renderer escapes everything it returns (templates and View).
echo \Creators_Connect\Plugin::instance()->renderer()->render_block( (array) $attributes ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped
