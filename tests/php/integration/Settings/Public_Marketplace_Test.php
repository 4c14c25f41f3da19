<?php
/**
 * Public_Marketplace: an entry as the browser and WP-CLI see it.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Settings;

use Creators_Connect\Tests\Integration_Test_Case;

require_once __DIR__ . '/Settings_Fixtures.php';

/**
 * The projection against a real database.
 */
final class Public_Marketplace_Test extends Integration_Test_Case {

	use Settings_Fixtures;

	/**
	 * Neither the secret nor its sealed form is in the projection; its state and mask are.
	 */
	public function test_projection_holds_no_secret(): void {
		$input = $this->demo_input( 'de' );
		$row   = $this->marketplaces()->add( $input );
		$this->assertIsArray( $row );
		$this->assertTrue( $this->marketplaces()->set_default( 'de' ) );

		$public = $this->public_marketplace()->of( $row );
		$json   = (string) wp_json_encode( $public );
		$this->assertStringNotContainsString( (string) $input['credential_secret'], $json );
		$this->assertStringNotContainsString( $row['credential_secret'], $json );
		$this->assertArrayNotHasKey( 'credential_secret', $public );
		$this->assertSame( 'ok', $public['secret_state'] );
		$this->assertSame( '••••' . substr( (string) $input['credential_secret'], -4 ), $public['secret_mask'] );
		$this->assertTrue( $public['is_default'] );
		$this->assertSame( 'enabled', $public['status'] );
		$this->assertSame( '2.2', $public['api_version'] );
		$this->assertSame( '', $public['api_version_override'] );
	}
}
