<?php
/**
 * Loaded by WP-CLI through wp-cli.yml: silences one known deprecation of mustache/mustache 2.13,
 * the version the Packagist copy here serves (composer.json installs it as 2.14.1, which WP-CLI
 * 2.11 asks for and which fixed it): Tokenizer::scan() calls trim( null ) on PHP 8.1+ each time
 * WP-CLI renders a message. Every other error goes on to PHP's own handler.
 *
 * @package Creators_Connect
 */

// phpcs:disable WordPress.PHP.DevelopmentFunctions.error_log_set_error_handler -- the point of this file.

set_error_handler(
	static function ( int $errno, string $errstr, string $errfile ): bool {
		return E_DEPRECATED === $errno && str_ends_with( $errfile, 'Mustache/Tokenizer.php' ) && str_starts_with( $errstr, 'trim(): Passing null' );
	}
);
