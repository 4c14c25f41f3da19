<?php
/**
 * Server rendering of the product block.
 *
 * @package Amazon_Creators_API
 *
 * @var array<string, mixed> $attributes The block's attributes.
 */

defined( 'ABSPATH' ) || exit;
