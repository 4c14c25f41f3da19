<?php
/**
 * WP-CLI: `wp acapi settings export|import`.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Cli;

use Creators_Connect\Settings\Settings_Transfer;

/**
 * The settings as a JSON file, without secrets, for setting up another site (the settings
 * screen's Export and Import).
 *
 * ## EXAMPLES
 *
 *     wp acapi settings export > acapi-settings.json
 *     wp acapi settings import acapi-settings.json --secrets=secrets.json
 */
final class Settings_Command {

	/**
	 * Export and import.
	 *
	 * @var Settings_Transfer
	 */
	private Settings_Transfer $transfer;

	/**
	 * Output.
	 *
	 * @var Output
	 */
	private Output $out;

	/**
	 * Builds the command.
	 *
	 * @param Settings_Transfer $transfer Export and import.
	 * @param Output            $out      Output.
	 */
	public function __construct( Settings_Transfer $transfer, Output $out ) {
		$this->transfer = $transfer;
		$this->out      = $out;
	}

	/**
	 * Prints the settings as JSON: marketplaces, partner tags, PA-API access key, general settings.
	 *
	 * Secrets are never exported; an import asks for them.
	 *
	 * @param list<string>         $args  Positional arguments.
	 * @param array<string, mixed> $assoc Options.
	 */
	public function export( array $args, array $assoc ): void {
		unset( $args, $assoc );
		$this->out->line( (string) wp_json_encode( $this->transfer->export(), JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ) );
	}

	/**
	 * Imports a settings file, with the secrets it lacks.
	 *
	 * Marketplaces in the file are added or updated; others stay. Nothing changes when the file
	 * or a secret is missing or invalid.
	 *
	 * ## OPTIONS
	 *
	 * <file>
	 * : The exported JSON file ("-" reads standard input).
	 *
	 * [--secrets=<file>]
	 * : A JSON file of the secrets: {"de": "<Credential Secret>", "paapi": "<PA-API secret key>"}.
	 *
	 * [--dry-run]
	 * : Only show what would change and which secrets are needed.
	 *
	 * [--format=<format>]
	 * : Output format of the summary.
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - json
	 * ---
	 *
	 * @param list<string>         $args  The file.
	 * @param array<string, mixed> $assoc Options.
	 */
	public function import( array $args, array $assoc ): void {
		$format  = $this->out->format( $assoc );
		$file    = $this->read_json( (string) ( $args[0] ?? '' ), 'settings' );
		$secrets = array();
		if ( isset( $assoc['secrets'] ) ) {
			foreach ( (array) $this->read_json( (string) $assoc['secrets'], 'secrets' ) as $key => $secret ) {
				$secrets[ strtolower( (string) $key ) ] = is_string( $secret ) ? $secret : '';
			}
		}
		$dry    = ! empty( $assoc['dry-run'] );
		$answer = $dry ? $this->transfer->preview( $file ) : $this->transfer->import( $file, $secrets );
		if ( is_wp_error( $answer ) ) {
			$data   = $answer->get_error_data();
			$params = is_array( $data ) && is_array( $data['params'] ?? null ) ? $data['params'] : array();
			$lines  = array();
			foreach ( $params as $field => $message ) {
				$lines[] = $field . ': ' . ( is_string( $message ) ? $message : '' );
			}
			$this->out->error( array() === $lines ? wp_strip_all_tags( $answer->get_error_message() ) : 'Nothing was imported. ' . implode( ' ', $lines ) );
		}
		if ( 'json' === $format ) {
			$this->out->line( (string) wp_json_encode( $answer ) );
			return;
		}
		$rows = array();
		foreach ( $answer['marketplaces'] as $item ) {
			$rows[] = array(
				'country'     => $item['country'],
				'action'      => $item['action'],
				'enabled'     => $item['enabled'] ? 'yes' : 'no',
				'default'     => $item['is_default'] ? 'yes' : 'no',
				'partner_tag' => $item['partner_tag'],
				'secret'      => $item['secret_required'] ? 'needed' : 'kept',
			);
		}
		$this->out->items( 'table', $rows, array( 'country', 'action', 'enabled', 'default', 'partner_tag', 'secret' ) );
		$count = count( $rows );
		$this->out->success(
			$dry
				? sprintf( 'Dry run: %d marketplace(s) would be imported; nothing was changed.', $count )
				: sprintf( 'Imported %d marketplace(s), the PA-API 5.0 settings and the general settings.', $count )
		);
	}

	/**
	 * A JSON file's content, decoded; exits with an error when it cannot be read.
	 *
	 * @param string $path  Path, or "-" for standard input.
	 * @param string $label What the file is, for the error.
	 * @return array<mixed>
	 */
	private function read_json( string $path, string $label ): array {
		// phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local file named on the command line.
		$text = '-' === $path ? (string) file_get_contents( 'php://stdin' ) : ( '' !== $path && is_readable( $path ) ? (string) file_get_contents( $path ) : null );
		if ( null === $text ) {
			$this->out->error( sprintf( 'Cannot read the %s file: %s', $label, $path ) );
		}
		$data = json_decode( $text, true );
		if ( ! is_array( $data ) ) {
			$this->out->error( sprintf( 'The %s file is not JSON: %s', $label, json_last_error_msg() ) );
		}
		return $data;
	}
}
