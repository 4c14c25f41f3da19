<?php
/**
 * Stored_Credentials: the Credentials_Source contract over the stored marketplace entries, PA-API
 * keys and general settings.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Settings;

use Creators_Connect\Amazon\Paapi_Credentials;
use Creators_Connect\Catalog\Credentials_Source;
use Creators_Connect\Settings\General_Settings;
use Creators_Connect\Tests\Emulator;
use Creators_Connect\Tests\Integration_Test_Case;

require_once __DIR__ . '/Settings_Fixtures.php';

/**
 * What the router reads of the settings, against a real database.
 */
final class Stored_Credentials_Test extends Integration_Test_Case {

	use Settings_Fixtures;

	/**
	 * It is what the router reads.
	 */
	public function test_implements_credentials_source(): void {
		$this->assertInstanceOf( Credentials_Source::class, $this->credentials() );
	}

	/**
	 * PA-API credentials: sealed key, tag per marketplace, else the marketplace's Creators tag.
	 */
	public function test_paapi_credentials(): void {
		$repo = $this->credentials();
		$keys = $this->paapi_keys();
		$this->assertNull( $repo->paapi_credentials( 'us' ) );
		$paapi = Emulator::credentials()['paapi'];
		$saved = $keys->save(
			array(
				'access_key'   => $paapi['access_key'],
				'secret_key'   => $paapi['secret_key'],
				'partner_tags' => array( 'us' => 'acapidemous-20' ),
			)
		);
		$this->assertIsArray( $saved );
		$this->assertStringNotContainsString( (string) $paapi['secret_key'], (string) wp_json_encode( get_option( 'acapi_paapi' ) ) );
		$us = $repo->paapi_credentials( 'us' );
		$this->assertInstanceOf( Paapi_Credentials::class, $us );
		$this->assertSame( $paapi['secret_key'], $us->secret() );
		$this->assertSame( 'acapidemous-20', $us->partner_tag );
		$this->assertNull( $repo->paapi_credentials( 'uk' ) );
		$this->assertIsArray( $this->marketplaces()->add( $this->demo_input( 'uk' ) ) );
		$this->assertSame( 'acapidemouk-21', $repo->paapi_credentials( 'uk' )?->partner_tag );

		// A blank secret keeps the stored one.
		$this->assertIsArray( $keys->save( array( 'secret_key' => '' ) ) );
		$this->assertSame( $paapi['secret_key'], $repo->paapi_credentials( 'us' )?->secret() );
	}

	/**
	 * General settings: defaults, clamping, fallback_to_paapi on by default.
	 */
	public function test_general_settings(): void {
		$repo = $this->credentials();
		$this->assertTrue( $repo->fallback_to_paapi() );
		$this->assertSame( 'box', General_Settings::read()['default_template'] );
		$saved = General_Settings::save(
			array(
				'default_template'      => 'grid',
				'offer_max_age_minutes' => 600,
				'fallback_to_paapi'     => false,
				'unknown'               => 'dropped',
			)
		);
		$this->assertSame( 'grid', $saved['default_template'] );
		$this->assertSame( 60, $saved['offer_max_age_minutes'] );
		$this->assertFalse( $repo->fallback_to_paapi() );
		$this->assertArrayNotHasKey( 'unknown', (array) get_option( 'acapi_general' ) );
	}
}
