<?php
/**
 * Where the WP-CLI commands write: WP-CLI itself, or a writer given by the tests.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Cli;

use Creators_Connect\Marketplace\Marketplace_Registry;

/**
 * WP-CLI is not a dependency of the plugin: without it (tests) lines go to the writer, tables are
 * tab-separated, and errors are thrown as \RuntimeException instead of ending the process.
 */
final class Output {

	/**
	 * The formats the commands accept.
	 */
	public const FORMATS = array( 'table', 'json', 'csv', 'yaml' );

	/**
	 * Output writer (null: WP-CLI).
	 *
	 * @var (callable(string): void)|null
	 */
	private $writer;

	/**
	 * Builds the output.
	 *
	 * @param (callable(string): void)|null $writer Output writer (tests); null writes through WP-CLI.
	 */
	public function __construct( ?callable $writer = null ) {
		$this->writer = $writer;
	}

	/**
	 * The --format option, checked.
	 *
	 * @param array<string, mixed> $assoc Options.
	 * @throws \RuntimeException Outside WP-CLI, on an unknown format.
	 */
	public function format( array $assoc ): string {
		$format = isset( $assoc['format'] ) && is_string( $assoc['format'] ) ? $assoc['format'] : 'table';
		if ( ! in_array( $format, self::FORMATS, true ) ) {
			$this->error( sprintf( 'Unknown format "%s": use %s.', $format, implode( ', ', self::FORMATS ) ) );
		}
		return $format;
	}

	/**
	 * The --country option, checked: a known marketplace, or '' (the default marketplace).
	 *
	 * @param array<string, mixed> $assoc Options.
	 * @throws \RuntimeException Outside WP-CLI, on an unknown marketplace.
	 */
	public function country( array $assoc ): string {
		$raw = isset( $assoc['country'] ) && is_scalar( $assoc['country'] ) ? (string) $assoc['country'] : '';
		if ( '' === $raw ) {
			return '';
		}
		$country = Marketplace_Registry::normalize_country( $raw );
		if ( null === Marketplace_Registry::get( $country ) ) {
			$this->error( sprintf( 'Unknown marketplace "%s": use one of %s.', $raw, implode( ', ', Marketplace_Registry::countries() ) ) );
		}
		return $country;
	}

	/**
	 * Prints items as a table, JSON, CSV or YAML.
	 *
	 * @param string                      $format Format.
	 * @param list<array<string, string>> $items  Items.
	 * @param list<string>                $fields Fields.
	 */
	public function items( string $format, array $items, array $fields ): void {
		if ( null === $this->writer && function_exists( '\WP_CLI\Utils\format_items' ) ) {
			\WP_CLI\Utils\format_items( $format, $items, $fields );
			return;
		}
		// Only the fields, in their order, as WP-CLI's formatter does.
		$rows = array();
		foreach ( $items as $item ) {
			$row = array();
			foreach ( $fields as $field ) {
				$row[ $field ] = $item[ $field ] ?? '';
			}
			$rows[] = $row;
		}
		if ( 'json' === $format ) {
			$this->line( (string) wp_json_encode( $rows ) );
			return;
		}
		$this->line( implode( "\t", $fields ) );
		foreach ( $rows as $row ) {
			$this->line( implode( "\t", $row ) );
		}
	}

	/**
	 * Prints a line.
	 *
	 * @param string $text Text.
	 */
	public function line( string $text ): void {
		if ( null !== $this->writer ) {
			( $this->writer )( $text );
		} elseif ( class_exists( '\WP_CLI' ) ) {
			\WP_CLI::log( $text );
		}
	}

	/**
	 * Prints a success line.
	 *
	 * @param string $text Text.
	 */
	public function success( string $text ): void {
		if ( null === $this->writer && class_exists( '\WP_CLI' ) ) {
			\WP_CLI::success( $text );
			return;
		}
		$this->line( 'Success: ' . $text );
	}

	/**
	 * Prints a warning.
	 *
	 * @param string $text Text.
	 */
	public function warning( string $text ): void {
		if ( null === $this->writer && class_exists( '\WP_CLI' ) ) {
			\WP_CLI::warning( $text );
			return;
		}
		$this->line( 'Warning: ' . $text );
	}

	/**
	 * Asks before a destructive step (WP-CLI only; `--yes` skips the question).
	 *
	 * @param string               $question Question.
	 * @param array<string, mixed> $assoc    Options.
	 */
	public function confirm( string $question, array $assoc ): void {
		if ( null === $this->writer && class_exists( '\WP_CLI' ) ) {
			\WP_CLI::confirm( $question, $assoc );
		}
	}

	/**
	 * Fails: WP-CLI prints the error and exits with status 1.
	 *
	 * @param string $text Text.
	 * @throws \RuntimeException Outside WP-CLI.
	 */
	public function error( string $text ): never {
		if ( null === $this->writer && class_exists( '\WP_CLI' ) ) {
			\WP_CLI::error( $text );
		}
		throw new \RuntimeException( $text ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- Plain text for the command line.
	}
}
