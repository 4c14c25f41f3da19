<?php
/**
 * WP-CLI `marketplace list` and `marketplace test` against the Amazon emulator.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Cli;

use Creators_Connect\Amazon\Circuit_Breaker;
use Creators_Connect\Amazon\Creators_Client;
use Creators_Connect\Amazon\Http_Transport;
use Creators_Connect\Amazon\Rate_Limiter;
use Creators_Connect\Support\Shared_Store;
use Creators_Connect\Amazon\Token_Provider;
use Creators_Connect\Cli\Marketplace_Command;
use Creators_Connect\Cli\Output;
use Creators_Connect\Settings\Connection_Tester;
use Creators_Connect\Tests\Emulator;
use Creators_Connect\Tests\Integration\Settings\Settings_Fixtures;
use Creators_Connect\Tests\Integration_Test_Case;

require_once dirname( __DIR__ ) . '/Settings/Settings_Fixtures.php';

/**
 * The command on the site's settings, with a connection tester built as the plugin builds it.
 */
final class Marketplace_Command_Test extends Integration_Test_Case {

	use Settings_Fixtures;

	/**
	 * The emulator.
	 *
	 * @var Emulator
	 */
	private Emulator $emulator;

	/**
	 * Output lines.
	 *
	 * @var list<string>
	 */
	private array $out = array();

	/**
	 * Needs the emulator.
	 */
	protected function setUp(): void {
		parent::setUp();
		if ( ! defined( 'ACAPI_ENDPOINT_OVERRIDE' ) ) {
			$this->markTestSkipped( 'ACAPI_ENDPOINT_OVERRIDE is not defined: these tests need the Amazon emulator.' );
		}
		$this->emulator = $this->clean_emulator();
	}

	/**
	 * Clears faults.
	 */
	protected function tearDown(): void {
		$this->emulator->clear_faults();
		parent::tearDown();
	}

	/**
	 * The command, its tester on a probe client as in Plugin::wire().
	 */
	private function command(): Marketplace_Command {
		$this->out = array();
		$transport = new Http_Transport();
		$tokens    = new Token_Provider( $transport, new Shared_Store() );
		$probe     = new Shared_Store( 'memory' );
		$client    = new Creators_Client( $transport, $tokens, new Rate_Limiter( $probe ), new Circuit_Breaker( $probe ) );
		return new Marketplace_Command(
			$this->marketplaces(),
			$this->public_marketplace(),
			new Connection_Tester( $this->marketplaces(), $this->credentials(), $client, $tokens ),
			new Output(
				function ( string $line ): void {
					$this->out[] = $line;
				}
			)
		);
	}

	/**
	 * Runs a command that must fail and returns its message.
	 *
	 * @param callable(): void $run The call.
	 */
	private function failure( callable $run ): string {
		try {
			$run();
		} catch ( \RuntimeException $exception ) {
			return $exception->getMessage();
		}
		$this->fail( 'The command did not fail. Output: ' . implode( "\n", $this->out ) );
	}

	/**
	 * `marketplace list`: nothing configured; then the public fields of each row, never a secret.
	 */
	public function test_list(): void {
		$this->command()->list_( array(), array() );
		$this->assertSame( array( 'Warning: No marketplace is configured yet (Settings → Amazon Creators API).' ), $this->out );
		$this->command()->list_( array(), array( 'format' => 'json' ) );
		$this->assertSame( array( '[]' ), $this->out );

		$this->assertIsArray( $this->marketplaces()->add( $this->demo_input( 'us', 'lwa' ) ) );
		$this->assertIsArray( $this->marketplaces()->add( $this->demo_input( 'de' ) + array( 'enabled' => false ) ) );
		$this->assertTrue( $this->marketplaces()->set_default( 'us' ) );

		$this->command()->list_( array(), array() );
		$this->assertSame( implode( "\t", Marketplace_Command::LIST_FIELDS ), $this->out[0] );
		$this->assertCount( 3, $this->out );
		$text = implode( "\n", $this->out );
		foreach ( $this->demo_secrets() as $secret ) {
			$this->assertStringNotContainsString( $secret, $text );
		}
		$this->assertStringNotContainsString( '•', $text, 'Not even the mask' );

		$this->command()->list_( array(), array( 'format' => 'json' ) );
		$rows = json_decode( $this->out[0], true );
		$this->assertIsArray( $rows );
		$this->assertSame( array( 'us', 'de' ), array_column( $rows, 'country' ), 'In the registry\'s order' );
		$this->assertSame( Marketplace_Command::LIST_FIELDS, array_keys( $rows[0] ) );
		$this->assertSame( array( 'yes', 'no' ), array_column( $rows, 'default' ) );
		$this->assertSame( array( 'enabled', 'disabled' ), array_column( $rows, 'status' ) );
		$this->assertSame( array( '3.1', '2.2' ), array_column( $rows, 'api_version' ) );
		$this->assertSame( array( 'ok', 'ok' ), array_column( $rows, 'secret_state' ) );
		$this->assertSame( Emulator::partner_tag( 'us' ), $rows[0]['partner_tag'] );

		$this->assertStringStartsWith( 'Unknown format', $this->failure( fn() => $this->command()->list_( array(), array( 'format' => 'xml' ) ) ) );
	}

	/**
	 * `marketplace test`: OK in plain language; JSON is the REST route's answer (one implementation).
	 */
	public function test_ok_and_same_answer_as_rest(): void {
		$this->assertIsArray( $this->marketplaces()->add( $this->demo_input( 'de' ) ) );
		$this->command()->test( array( 'de' ), array() );
		$this->assertSame( array( 'Success: de: Connected. Amazon accepted the credentials: Creators API version 2.2, Cognito (v2).' ), $this->out );
		$this->assertSame( 1, $this->emulator->count( 'token' ) );
		$this->assertSame( 1, $this->emulator->count( 'searchItems' ) );

		$this->command()->test( array( 'DE' ), array( 'format' => 'json' ) );
		$this->assertCount( 1, $this->out );
		$cli = json_decode( $this->out[0], true );
		$this->assertIsArray( $cli );
		$this->assertTrue( $cli['ok'] );

		$this->act_as( 'administrator' );
		$rest = $this->rest( 'POST', '/creators-connect-for-amazon/v1/marketplaces/de/test' );
		$this->assertSame( 200, $rest->get_status() );
		$this->assertSame( $rest->get_data(), $cli );
	}

	/**
	 * `marketplace test` failures: Amazon's refusal with the hint (exit status 1, and the JSON
	 * answer first), not configured, unknown country.
	 */
	public function test_failures(): void {
		$input                    = $this->demo_input( 'us', 'lwa' );
		$input['credential_type'] = 'cognito';
		$this->assertIsArray( $this->marketplaces()->add( $input ) );
		$message = $this->failure( fn() => $this->command()->test( array( 'us' ), array() ) );
		$this->assertStringStartsWith( 'us: ', $message );
		$this->assertStringContainsString( 'did not accept the credentials', $message );
		$this->assertStringContainsString( 'These look like LWA (v3) credentials but the type is set to Cognito (v2).', $message );
		$this->assertStringEndsWith( '(invalid_credentials)', $message );
		$this->assertSame( array(), $this->out );

		$this->failure( fn() => $this->command()->test( array( 'us' ), array( 'format' => 'json' ) ) );
		$answer = json_decode( $this->out[0] ?? '', true );
		$this->assertIsArray( $answer );
		$this->assertFalse( $answer['ok'] );
		$this->assertSame( 'invalid_credentials', $answer['kind'] );

		$this->emulator->reset();
		$this->assertSame( 'This marketplace is not configured.', $this->failure( fn() => $this->command()->test( array( 'fr' ), array() ) ) );
		$this->assertNotSame( '', $this->failure( fn() => $this->command()->test( array( 'zz' ), array() ) ) );
		$this->assertNotSame( '', $this->failure( fn() => $this->command()->test( array(), array() ) ) );
		$this->assertSame( 0, $this->emulator->count( 'token' ) );
	}
}
