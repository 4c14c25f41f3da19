<?php
/**
 * Marketplace_Rows: storage, encryption at rest, compare-and-swap, one default; read back through
 * Stored_Credentials and Public_Marketplace.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Settings;

use Creators_Connect\Amazon\Creators_Credentials;
use Creators_Connect\Settings\Credential_Rules;
use Creators_Connect\Settings\Marketplace_Rows;
use Creators_Connect\Settings\Secret_Box;
use Creators_Connect\Tests\Integration_Test_Case;

require_once __DIR__ . '/Settings_Fixtures.php';

/**
 * The marketplace entries against a real database.
 */
final class Marketplace_Rows_Test extends Integration_Test_Case {

	use Settings_Fixtures;

	/**
	 * One option per marketplace, not autoloaded, secret sealed at rest; credentials come back whole.
	 */
	public function test_add_stores_one_encrypted_option_per_marketplace(): void {
		$repo  = $this->marketplaces();
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

		$credentials = $this->credentials()->creators_credentials( 'de' );
		$this->assertInstanceOf( Creators_Credentials::class, $credentials );
		$this->assertSame( $input['credential_secret'], $credentials->secret() );
		$this->assertSame( '2.2', $credentials->version );
		$this->assertSame( 'cognito', $credentials->type );
		$this->assertSame( 'de', $credentials->marketplace );
		$this->assertSame( 'enabled', $repo->marketplace_status( 'de' ) );
		$this->assertSame( 'not_configured', $repo->marketplace_status( 'fr' ) );
		$this->assertNull( $this->credentials()->creators_credentials( 'fr' ) );
	}

	/**
	 * The version follows type and region, an override where sources disagree (India) is kept.
	 */
	public function test_version_follows_type_and_region_with_override(): void {
		$repo = $this->marketplaces();
		$this->assertIsArray( $repo->add( $this->demo_input( 'us', 'lwa' ) ) );
		$this->assertSame( '3.1', $this->credentials()->creators_credentials( 'us' )?->version );

		$india                = $this->demo_input( 'in', 'lwa' );
		$india['api_version'] = '3.3';
		$row                  = $repo->add( $india );
		$this->assertIsArray( $row );
		$this->assertSame( '3.3', Credential_Rules::effective_version( $row ) );

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
		$repo = $this->marketplaces();
		$row  = $repo->add( $this->demo_input( 'de' ) + array( 'enabled' => false ) );
		$this->assertIsArray( $row );
		$this->assertSame( 'disabled', $repo->marketplace_status( 'de' ) );
		$this->assertNull( $this->credentials()->creators_credentials( 'de' ) );
		$this->assertInstanceOf( Creators_Credentials::class, $this->credentials()->credentials_of( $row ) );
	}

	/**
	 * After a key change the secret is "unreadable": no credentials, nothing else breaks.
	 */
	public function test_key_change_marks_secret_unreadable(): void {
		$old = new Marketplace_Rows( new Secret_Box( 'the old key' ) );
		$this->assertIsArray( $old->add( $this->demo_input( 'de' ) ) );

		$repo = $this->marketplaces();
		$row  = $repo->row( 'de' );
		$this->assertIsArray( $row );
		$public = $this->public_marketplace()->of( $row );
		$this->assertSame( 'unreadable', $public['secret_state'] );
		$this->assertSame( '', $public['secret_mask'] );
		$this->assertSame( 'enabled', $repo->marketplace_status( 'de' ) );
		$this->assertNull( $this->credentials()->creators_credentials( 'de' ) );

		// Re-entering the secret repairs it.
		$fixed = $repo->update( 'de', array( 'credential_secret' => $this->demo_input( 'de' )['credential_secret'] ), $row['revision'] );
		$this->assertIsArray( $fixed );
		$this->assertInstanceOf( Creators_Credentials::class, $this->credentials()->creators_credentials( 'de' ) );
	}

	/**
	 * Adding twice: 409; editing from a stale revision: 409; a blank secret keeps the stored one.
	 */
	public function test_duplicate_and_stale_edits_are_refused(): void {
		$repo  = $this->marketplaces();
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
		$this->assertSame( $input['credential_secret'], $this->credentials()->creators_credentials( 'de' )?->secret() );

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
		$repo = $this->marketplaces();
		$this->assertIsArray( $repo->add( $this->demo_input( 'de' ) ) );
		// Another request writes revision 2 behind this process's object cache.
		$other = $this->marketplaces();
		$this->assertIsArray( $other->update( 'de', array( 'partner_tag' => 'first-21' ), 1 ) );
		$result = $repo->update( 'de', array( 'partner_tag' => 'second-21' ), 1 );
		$this->assertInstanceOf( \WP_Error::class, $result );
		$this->assertSame( 'first-21', $repo->row( 'de' )['partner_tag'] ?? '' );
	}

	/**
	 * Writing one marketplace leaves another untouched.
	 */
	public function test_marketplaces_are_written_separately(): void {
		$repo = $this->marketplaces();
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
		$repo = $this->marketplaces();
		$this->assertIsArray( $repo->add( $this->demo_input( 'de' ) ) );
		$this->assertIsArray( $repo->add( $this->demo_input( 'us', 'lwa' ) ) );
		$this->assertNull( $repo->default_country() );
		$this->assertTrue( $repo->set_default( 'de' ) );
		$this->assertTrue( $repo->set_default( 'us' ) );
		$this->assertSame( 'us', $repo->default_country() );
		$defaults = 0;
		foreach ( $repo->rows() as $row ) {
			$defaults += $this->public_marketplace()->of( $row )['is_default'] ? 1 : 0;
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
		$error = $this->marketplaces()->add(
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
}
