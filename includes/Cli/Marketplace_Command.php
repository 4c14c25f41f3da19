<?php
/**
 * WP-CLI: `wp acapi marketplace list|test`.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Cli;

use Creators_Connect\Settings\Connection_Tester;
use Creators_Connect\Settings\Settings_Repository;

/**
 * The configured marketplaces and their connection test.
 *
 * ## EXAMPLES
 *
 *     wp acapi marketplace list
 *     wp acapi marketplace test de
 */
final class Marketplace_Command {

	/**
	 * The columns of `marketplace list`: public fields only, never the secret (nor its mask).
	 */
	public const LIST_FIELDS = array( 'country', 'name', 'status', 'default', 'credential_type', 'credential_id', 'partner_tag', 'api_version', 'secret_state' );

	/**
	 * The settings.
	 *
	 * @var Settings_Repository
	 */
	private Settings_Repository $settings;

	/**
	 * The connection tester (the same one as the REST route's).
	 *
	 * @var Connection_Tester
	 */
	private Connection_Tester $tester;

	/**
	 * Output.
	 *
	 * @var Output
	 */
	private Output $out;

	/**
	 * Builds the command.
	 *
	 * @param Settings_Repository $settings The settings.
	 * @param Connection_Tester   $tester   Connection tester.
	 * @param Output              $out      Output.
	 */
	public function __construct( Settings_Repository $settings, Connection_Tester $tester, Output $out ) {
		$this->settings = $settings;
		$this->tester   = $tester;
		$this->out      = $out;
	}

	/**
	 * Lists the configured marketplaces; secrets are never shown.
	 *
	 * The Creators API credentials of each marketplace, without the secret or its mask.
	 *
	 * ## OPTIONS
	 *
	 * [--format=<format>]
	 * : Output format.
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - json
	 *   - csv
	 *   - yaml
	 * ---
	 *
	 * @subcommand list
	 *
	 * @param list<string>         $args  Positional arguments.
	 * @param array<string, mixed> $assoc Options.
	 */
	public function list_( array $args, array $assoc ): void {
		unset( $args );
		$format = $this->out->format( $assoc );
		$rows   = array();
		foreach ( $this->settings->rows() as $row ) {
			$public = $this->settings->public_row( $row );
			$rows[] = array(
				'country'         => (string) $public['country'],
				'name'            => (string) $public['name'],
				'status'          => (string) $public['status'],
				'default'         => empty( $public['is_default'] ) ? 'no' : 'yes',
				'credential_type' => (string) $public['credential_type'],
				'credential_id'   => (string) $public['credential_id'],
				'partner_tag'     => (string) $public['partner_tag'],
				'api_version'     => (string) $public['api_version'],
				'secret_state'    => (string) $public['secret_state'],
			);
		}
		if ( array() === $rows && 'table' === $format ) {
			$this->out->warning( 'No marketplace is configured yet (Settings → Amazon Creators API).' );
			return;
		}
		$this->out->items( $format, $rows, self::LIST_FIELDS );
	}

	/**
	 * Tests a marketplace's stored credentials against Amazon, like "Test connection".
	 *
	 * One token request and one search, as the settings screen's "Test connection" makes. Exits
	 * with status 1 when Amazon refuses them.
	 *
	 * ## OPTIONS
	 *
	 * <country>
	 * : Country code of a configured marketplace.
	 *
	 * [--format=<format>]
	 * : `table` prints the verdict; `json` the whole answer.
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - json
	 * ---
	 *
	 * @param list<string>         $args  The country code.
	 * @param array<string, mixed> $assoc Options.
	 */
	public function test( array $args, array $assoc ): void {
		$format = $this->out->format( $assoc );
		$answer = $this->tester->test( (string) ( $args[0] ?? '' ) );
		if ( is_wp_error( $answer ) ) {
			$this->out->error( wp_strip_all_tags( $answer->get_error_message() ) );
		}
		if ( 'json' === $format ) {
			$this->out->line( (string) wp_json_encode( $answer ) );
		}
		$verdict = $answer['message'] . ( null === $answer['hint'] ? '' : ' ' . $answer['hint'] );
		if ( ! $answer['ok'] ) {
			$this->out->error( sprintf( '%s: %s (%s)', $answer['country'], $verdict, (string) $answer['kind'] ) );
		}
		if ( 'json' !== $format ) {
			$this->out->success( $answer['country'] . ': ' . $verdict );
		}
	}
}
