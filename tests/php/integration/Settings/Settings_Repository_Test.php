<?php
/**
 * Settings_Repository: storage, encryption at rest, invariants, the Credentials_Source contract.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Settings;

use Creators_Connect\Amazon\Creators_Credentials;
use Creators_Connect\Amazon\Paapi_Credentials;
use Creators_Connect\Catalog\Credentials_Source;
use Creators_Connect\Settings\Secret_Box;
use Creators_Connect\Settings\Settings_Repository;
use Creators_Connect\Tests\Emulator;
use Creators_Connect\Tests\Integration_Test_Case;

require_once __DIR__ . '/Settings_Fixtures.php';

/**
 * The settings repository against a real database.
 */
final class Settings_Repository_Test extends Integration_Test_Case {

	use Settings_Fixtures;

	/**
	 * It is what the router reads.
	 */
	public function test_implements_credentials_source(): void {
		$this->assertInstanceOf( Credentials_Source::class, $this->repository() );
	}

	/**
	 * One option per marketplace, not autoloaded, secret sealed at rest; credentials come back whole.
	 */
	public function test_add_stores_one_encrypted_option_per_marketplace(): void {
		$repo  = $this->repository();
		$input = $this->demo_input( 'de', 'cognito' );
		$row   = $repo->add( $input );
		$this->assertIsArray( $row );
		$this->assertSame( 1, $row['revision'] );

		global $wpdb;
		$stored = (string) $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM {$wpdb->options} WHERE option_name = %s", 'acapi_marketplace_de' ) );
		$this->assertStringNotContainsString( (string) $input['credential_secret'], $stored );
		$this->assertStringContainsString( 'sb1:', $stored );
		$autoload = (string) $wpdb->get_var( $wpdb->prepare( "SELECT autoload FROM {$wpdb->options} WHERE option_name = %s", 'acapi_marketplace_de' ) );
		$this->assertContains( $autoload, array( 'no', 'off' ) );

		$credentials = $repo->creators_credentials( 'de' );
		$this->assertInstanceOf( Creators_Credentials::class, $credentials );
		$this->assertSame( $input['credential_secret'], $credentials->secret() );
		$this->assertSame( '2.2', $credentials->version );
		$this->assertSame( 'cognito', $credentials->type );
		$this->assertSame( 'de', $credentials->marketplace );
		$this->assertSame( 'enabled', $repo->marketplace_status( 'de' ) );
		$this->assertSame( 'not_configured', $repo->marketplace_status( 'fr' ) );
		$this->assertNull( $repo->creators_credentials( 'fr' ) );
	}

	/**
	 * The version follows type and region, an override where sources disagree (India) is kept.
	 */
	public function test_version_follows_type_and_region_with_override(): void {
		$repo = $this->repository();
		$this->assertIsArray( $repo->add( $this->demo_input( 'us', 'lwa' ) ) );
		$this->assertSame( '3.1', $repo->creators_credentials( 'us' )?->version );

		$india                = $this->demo_input( 'in', 'lwa' );
		$india['api_version'] = '3.3';
		$row                  = $repo->add( $india );
		$this->assertIsArray( $row );
		$this->assertSame( '3.3', $repo->effective_version( $row ) );

		$bad                = $this->demo_input( 'fr', 'cognito' );
		$bad['api_version'] = '3.1';
		$error              = $repo->add( $bad );
		$this->assertInstanceOf( \WP_Error::class, $error );
		$this->assertArrayHasKey( 'api_version', $error->get_error_data()['params'] );
	}

	/**
	 * Disabled: status "disabled", no Creators credentials for the router.
	 */
	public function test_disabled_marketplace_gives_no_credentials(): void {
		$repo = $this->repository();
		$row  = $repo->add( $this->demo_input( 'de' ) + array( 'enabled' => false ) );
		$this->assertIsArray( $row );
		$this->assertSame( 'disabled', $repo->marketplace_status( 'de' ) );
		$this->assertNull( $repo->creators_credentials( 'de' ) );
		$this->assertInstanceOf( Creators_Credentials::class, $repo->credentials_of( $row ) );
	}

	/**
	 * After a key change the secret is "unreadable": no credentials, nothing else breaks.
	 */
	public function test_key_change_marks_secret_unreadable(): void {
		$old = new Settings_Repository( new Secret_Box( 'the old key' ) );
		$this->assertIsArray( $old->add( $this->demo_input( 'de' ) ) );

		$repo = $this->repository();
		$row  = $repo->row( 'de' );
		$this->assertIsArray( $row );
		$public = $repo->public_row( $row );
		$this->assertSame( 'unreadable', $public['secret_state'] );
		$this->assertSame( '', $public['secret_mask'] );
		$this->assertSame( 'enabled', $repo->marketplace_status( 'de' ) );
		$this->assertNull( $repo->creators_credentials( 'de' ) );

		// Re-entering the secret repairs it.
		$fixed = $repo->update( 'de', array( 'credential_secret' => $this->demo_input( 'de' )['credential_secret'] ), $row['revision'] );
		$this->assertIsArray( $fixed );
		$this->assertInstanceOf( Creators_Credentials::class, $repo->creators_credentials( 'de' ) );
	}

	/**
	 * Adding twice: 409; editing from a stale revision: 409; a blank secret keeps the stored one.
	 */
	public function test_duplicate_and_stale_edits_are_refused(): void {
		$repo  = $this->repository();
		$input = $this->demo_input( 'de' );
		$row   = $repo->add( $input );
		$this->assertIsArray( $row );

		$duplicate = $repo->add( $input );
		$this->assertInstanceOf( \WP_Error::class, $duplicate );
		$this->assertSame( 409, $duplicate->get_error_data()['status'] );

		$first = $repo->update(
			'de',
			array(
				'partner_tag'       => 'othertag-21',
				'credential_secret' => '',
			),
			1
		);
		$this->assertIsArray( $first );
		$this->assertSame( 2, $first['revision'] );
		$this->assertSame( $input['credential_secret'], $repo->creators_credentials( 'de' )?->secret() );

		$stale = $repo->update( 'de', array( 'enabled' => false ), 1 );
		$this->assertInstanceOf( \WP_Error::class, $stale );
		$this->assertSame( 'acapi_marketplace_stale', $stale->get_error_code() );
		$this->assertSame( 409, $stale->get_error_data()['status'] );
		$this->assertSame( 'othertag-21', $repo->row( 'de' )['partner_tag'] ?? '' );
	}

	/**
	 * A write whose stored value changed under it (between read and write) is refused.
	 */
	public function test_compare_and_swap_refuses_a_concurrent_change(): void {
		$repo = $this->repository();
		$this->assertIsArray( $repo->add( $this->demo_input( 'de' ) ) );
		// Another request writes revision 2 behind this process's object cache.
		$other = $this->repository();
		$this->assertIsArray( $other->update( 'de', array( 'partner_tag' => 'first-21' ), 1 ) );
		$result = $repo->update( 'de', array( 'partner_tag' => 'second-21' ), 1 );
		$this->assertInstanceOf( \WP_Error::class, $result );
		$this->assertSame( 'first-21', $repo->row( 'de' )['partner_tag'] ?? '' );
	}

	/**
	 * Writing one marketplace leaves another untouched.
	 */
	public function test_marketplaces_are_written_separately(): void {
		$repo = $this->repository();
		$this->assertIsArray( $repo->add( $this->demo_input( 'de' ) ) );
		$this->assertIsArray( $repo->add( $this->demo_input( 'us', 'lwa' ) ) );
		$before = get_option( 'acapi_marketplace_us' );
		$this->assertIsArray( $repo->update( 'de', array( 'enabled' => false ), 1 ) );
		$this->assertSame( $before, get_option( 'acapi_marketplace_us' ) );
		$this->assertSame( array( 'us', 'de' ), array_keys( $repo->rows() ) );
	}

	/**
	 * At most one default: setting another replaces it; deleting the default clears it.
	 */
	public function test_one_default(): void {
		$repo = $this->repository();
		$this->assertIsArray( $repo->add( $this->demo_input( 'de' ) ) );
		$this->assertIsArray( $repo->add( $this->demo_input( 'us', 'lwa' ) ) );
		$this->assertNull( $repo->default_country() );
		$this->assertTrue( $repo->set_default( 'de' ) );
		$this->assertTrue( $repo->set_default( 'us' ) );
		$this->assertSame( 'us', $repo->default_country() );
		$defaults = 0;
		foreach ( $repo->rows() as $row ) {
			$defaults += $repo->public_row( $row )['is_default'] ? 1 : 0;
		}
		$this->assertSame( 1, $defaults );
		$this->assertInstanceOf( \WP_Error::class, $repo->set_default( 'fr' ) );
		$this->assertTrue( $repo->delete( 'us' ) );
		$this->assertNull( $repo->default_country() );
	}

	/**
	 * Invalid input gets a message per field.
	 */
	public function test_invalid_input_names_each_field(): void {
		$error = $this->repository()->add(
			array(
				'country'         => 'xx',
				'credential_type' => 'basic',
				'credential_id'   => 'not an id',
				'partner_tag'     => '',
			)
		);
		$this->assertInstanceOf( \WP_Error::class, $error );
		$data = $error->get_error_data();
		$this->assertSame( 400, $data['status'] );
		foreach ( array( 'country', 'credential_type', 'credential_id', 'credential_secret', 'partner_tag' ) as $field ) {
			$this->assertArrayHasKey( $field, $data['params'] );
			$this->assertArrayHasKey( $field, $data['details'] );
		}
	}

	/**
	 * PA-API credentials: sealed key, tag per marketplace, else the marketplace's Creators tag.
	 */
	public function test_paapi_credentials(): void {
		$repo = $this->repository();
		$this->assertNull( $repo->paapi_credentials( 'us' ) );
		$paapi = Emulator::credentials()['paapi'];
		$saved = $repo->save_paapi(
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
		$this->assertIsArray( $repo->add( $this->demo_input( 'uk' ) ) );
		$this->assertSame( 'acapidemouk-21', $repo->paapi_credentials( 'uk' )?->partner_tag );

		// A blank secret keeps the stored one.
		$this->assertIsArray( $repo->save_paapi( array( 'secret_key' => '' ) ) );
		$this->assertSame( $paapi['secret_key'], $repo->paapi_credentials( 'us' )?->secret() );
	}

	/**
	 * General settings: defaults, clamping, fallback_to_paapi on by default.
	 */
	public function test_general_settings(): void {
		$repo = $this->repository();
		$this->assertTrue( $repo->fallback_to_paapi() );
		$this->assertSame( 'box', $repo->general()['default_template'] );
		$saved = $repo->save_general(
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
