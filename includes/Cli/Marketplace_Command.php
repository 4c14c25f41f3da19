<?php
/**
 * WP-CLI: `wp acapi marketplace list|test`.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Cli;

use Creators_Connect\Settings\Connection_Tester;
use Creators_Connect\Settings\Marketplace_Rows;
use Creators_Connect\Settings\Public_Marketplace;

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
	 * The marketplace entries.
	 *
	 * @var Marketplace_Rows
	 */
	private Marketplace_Rows $rows;

	/**
	 * The entries as shown (no secret).
	 *
	 * @var Public_Marketplace
	 */
	private Public_Marketplace $public;

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
	 * @param Marketplace_Rows   $rows   The marketplace entries.
	 * @param Public_Marketplace $public The entries as shown (no secret).
	 * @param Connection_Tester  $tester Connection tester.
	 * @param Output             $out    Output.
	 */
	public function __construct( Marketplace_Rows $rows, Public_Marketplace $public, Connection_Tester $tester, Output $out ) {
		$this->rows   = $rows;
		$this->public = $public;
		$this->tester = $tester;
		$this->out    = $out;
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
		foreach ( $this->rows->rows() as $row ) {
			$public = $this->public->of( $row );
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
