<?php
/**
 * "Test connection" against the Amazon emulator: OK and each mapped failure, in plain language.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Rest;

use Creators_Connect\Model\Amazon_Error;
use Creators_Connect\Tests\Emulator;
use Creators_Connect\Tests\Integration\Settings\Settings_Fixtures;
use Creators_Connect\Tests\Integration_Test_Case;

require_once dirname( __DIR__ ) . '/Settings/Settings_Fixtures.php';

/**
 * `POST /marketplaces/<country>/test`.
 */
final class Marketplaces_Test_Connection_Test extends Integration_Test_Case {

	use Settings_Fixtures;

	private const BASE = '/creators-connect-for-amazon/v1/marketplaces';

	/**
	 * The emulator.
	 *
	 * @var Emulator
	 */
	private Emulator $emulator;

	/**
	 * Needs the emulator; logs an administrator in.
	 */
	protected function setUp(): void {
		parent::setUp();
		if ( ! defined( 'ACAPI_ENDPOINT_OVERRIDE' ) ) {
			$this->markTestSkipped( 'ACAPI_ENDPOINT_OVERRIDE is not defined: these tests need the Amazon emulator.' );
		}
		$this->emulator = $this->clean_emulator();
		$this->act_as( 'administrator' );
	}

	/**
	 * Clears faults.
	 */
	protected function tearDown(): void {
		$this->emulator->clear_faults();
		parent::tearDown();
	}

	/**
	 * Adds a marketplace through the API.
	 *
	 * @param array<string, mixed> $input Input.
	 */
	private function add( array $input ): void {
		$this->assertSame( 201, $this->rest( 'POST', self::BASE, $input )->get_status() );
	}

	/**
	 * Runs the test of a marketplace.
	 *
	 * @param string $country Country code.
	 * @return array<string, mixed>
	 */
	private function test_connection( string $country ): array {
		$response = $this->rest( 'POST', self::BASE . '/' . $country . '/test' );
		$this->assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		$this->assertIsArray( $data );
		return $data;
	}

	/**
	 * Good LWA and Cognito credentials: OK with the version used; one token, one real call.
	 */
	public function test_ok_names_the_version(): void {
		$this->add( $this->demo_input( 'us', 'lwa' ) );
		$this->add( $this->demo_input( 'de', 'cognito' ) );

		$us = $this->test_connection( 'us' );
		$this->assertTrue( $us['ok'], (string) $us['message'] );
		$this->assertSame( '3.1', $us['api_version'] );
		$this->assertStringContainsString( '3.1', (string) $us['message'] );
		$this->assertNull( $us['kind'] );

		$de = $this->test_connection( 'de' );
		$this->assertTrue( $de['ok'], (string) $de['message'] );
		$this->assertSame( '2.2', $de['api_version'] );

		$this->assertSame( 2, $this->emulator->count( 'token' ) );
		$this->assertSame( 2, $this->emulator->count( 'searchItems' ) );
	}

	/**
	 * A disabled marketplace can be tested too.
	 */
	public function test_disabled_marketplace_can_be_tested(): void {
		$this->add( $this->demo_input( 'de' ) + array( 'enabled' => false ) );
		$this->assertTrue( $this->test_connection( 'de' )['ok'] );
	}

	/**
	 * A wrong secret: invalid credentials, readable message; a cached token of the right secret is not used.
	 */
	public function test_wrong_secret(): void {
		$this->add( $this->demo_input( 'de' ) );
		$this->assertTrue( $this->test_connection( 'de' )['ok'] );
		$edit = $this->rest(
			'PATCH',
			self::BASE . '/de',
			array(
				'credential_secret' => 'acapiemucognitoeusecretWRONG0000000000000000000000000002',
				'revision'          => 1,
			)
		);
		$this->assertSame( 200, $edit->get_status() );
		$data = $this->test_connection( 'de' );
		$this->assertFalse( $data['ok'] );
		$this->assertSame( Amazon_Error::INVALID_CREDENTIALS, $data['kind'] );
		$this->assertStringContainsString( 'did not accept the credentials', (string) $data['message'] );
		$this->assertNull( $data['hint'] );
	}

	/**
	 * LWA credentials saved as Cognito: the hint says so.
	 */
	public function test_type_mismatch_hint(): void {
		$input                    = $this->demo_input( 'us', 'lwa' );
		$input['credential_type'] = 'cognito';
		$this->add( $input );
		$data = $this->test_connection( 'us' );
		$this->assertFalse( $data['ok'] );
		$this->assertSame( Amazon_Error::INVALID_CREDENTIALS, $data['kind'] );
		$this->assertSame( 'These look like LWA (v3) credentials but the type is set to Cognito (v2). Change the credential type and test again.', $data['hint'] );
	}

	/**
	 * An account that is not eligible: Amazon_Error's explanation.
	 */
	public function test_ineligible_account(): void {
		$set = Emulator::credentials()['ineligible']['lwa'];
		$this->add(
			array(
				'country'           => 'us',
				'credential_type'   => 'lwa',
				'credential_id'     => $set['credential_id'],
				'credential_secret' => $set['credential_secret'],
				'partner_tag'       => Emulator::partner_tag( 'us' ),
			)
		);
		$data = $this->test_connection( 'us' );
		$this->assertFalse( $data['ok'] );
		$this->assertSame( Amazon_Error::NOT_ELIGIBLE, $data['kind'] );
		$this->assertStringContainsString( 'not eligible', (string) $data['message'] );
	}

	/**
	 * Another store's partner tag: invalid partner tag.
	 */
	public function test_wrong_partner_tag(): void {
		$input                = $this->demo_input( 'de' );
		$input['partner_tag'] = Emulator::partner_tag( 'fr' );
		$this->add( $input );
		$data = $this->test_connection( 'de' );
		$this->assertFalse( $data['ok'] );
		$this->assertSame( Amazon_Error::INVALID_PARTNER_TAG, $data['kind'] );
	}

	/**
	 * Amazon's servers failing: a transient error, said so.
	 */
	public function test_server_error(): void {
		$this->add( $this->demo_input( 'de' ) );
		$this->emulator->fault(
			array(
				'fault'     => 'server_error',
				'operation' => 'searchItems',
				'times'     => 5,
			)
		);
		$data = $this->test_connection( 'de' );
		$this->assertFalse( $data['ok'] );
		$this->assertSame( Amazon_Error::SERVER_ERROR, $data['kind'] );
	}

	/**
	 * A secret that no longer decrypts: "re-enter this secret", and no call to Amazon.
	 */
	public function test_unreadable_secret(): void {
		$old = new \Creators_Connect\Settings\Marketplace_Rows( new \Creators_Connect\Settings\Secret_Box( 'previous key' ) );
		$this->assertIsArray( $old->add( $this->demo_input( 'de' ) ) );
		$data = $this->test_connection( 'de' );
		$this->assertFalse( $data['ok'] );
		$this->assertSame( 'secret_unreadable', $data['kind'] );
		$this->assertStringContainsString( 'Re-enter this secret', (string) $data['message'] );
		$this->assertSame( 0, $this->emulator->count( 'token' ) );
	}

	/**
	 * Not configured: 404; unknown country: 400.
	 */
	public function test_unknown_marketplaces(): void {
		$this->assertSame( 404, $this->rest( 'POST', self::BASE . '/fr/test' )->get_status() );
		$this->assertSame( 400, $this->rest( 'POST', self::BASE . '/zz/test' )->get_status() );
	}
}
