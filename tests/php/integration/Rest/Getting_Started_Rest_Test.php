<?php
/**
 * The getting-started checklist ticks itself from the site's state; hiding it is per user.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Rest;

use Creators_Connect\Tests\Integration\Settings\Settings_Fixtures;
use Creators_Connect\Tests\Integration_Test_Case;

require_once dirname( __DIR__ ) . '/Settings/Settings_Fixtures.php';

/**
 * `GET|PUT /getting-started`.
 */
final class Getting_Started_Rest_Test extends Integration_Test_Case {

	use Settings_Fixtures;

	private const NS = '/creators-connect-for-amazon/v1';

	/**
	 * The checklist as the administrator sees it.
	 *
	 * @return array<string, mixed>
	 */
	private function checklist(): array {
		$response = $this->rest( 'GET', self::NS . '/getting-started' );
		$this->assertSame( 200, $response->get_status() );
		return $response->get_data();
	}

	/**
	 * Marketplace added → connection tested → product on a published page; a later save asks for another test.
	 */
	public function test_steps_tick_themselves(): void {
		if ( ! defined( 'ACAPI_ENDPOINT_OVERRIDE' ) ) {
			$this->markTestSkipped( 'The connection test needs the Amazon emulator.' );
		}
		$this->act_as( 'administrator' );
		$this->assertSame(
			array(
				'marketplace_added' => false,
				'connection_tested' => false,
				'product_on_page'   => false,
				'product_url'       => null,
				'dismissed'         => false,
			),
			$this->checklist()
		);
		$this->assertSame( 201, $this->rest( 'POST', self::NS . '/marketplaces', $this->demo_input( 'de' ) )->get_status() );
		$this->assertTrue( $this->checklist()['marketplace_added'] );
		$this->assertFalse( $this->checklist()['connection_tested'] );

		$this->assertTrue( $this->rest( 'POST', self::NS . '/marketplaces/de/test' )->get_data()['ok'] );
		$this->assertTrue( $this->checklist()['connection_tested'] );

		// A draft does not count; the published post does.
		$post = wp_insert_post(
			array(
				'post_title'   => 'Shoes',
				'post_status'  => 'draft',
				'post_content' => '[amazon asin="B0DSCHUH44" country="de"]',
			)
		);
		$this->assertFalse( $this->checklist()['product_on_page'] );
		wp_publish_post( $post );
		$state = $this->checklist();
		$this->assertTrue( $state['product_on_page'] );
		$this->assertSame( get_permalink( $post ), $state['product_url'] );

		// New credentials were not tested yet.
		sleep( 1 );
		$this->assertSame( 200, $this->rest( 'PUT', self::NS . '/marketplaces/de', array( 'revision' => 1 ) + $this->demo_input( 'de' ) )->get_status() );
		$this->assertFalse( $this->checklist()['connection_tested'] );
	}

	/**
	 * Hiding the panel is the current user's choice, and it comes back.
	 */
	public function test_dismissed_per_user(): void {
		$admin = $this->act_as( 'administrator' );
		$this->assertTrue( $this->rest( 'PUT', self::NS . '/getting-started', array( 'dismissed' => true ) )->get_data()['dismissed'] );
		$this->assertTrue( $this->checklist()['dismissed'] );
		$this->act_as( 'administrator' );
		$this->assertFalse( $this->checklist()['dismissed'] );
		wp_set_current_user( $admin );
		$this->assertFalse( $this->rest( 'PUT', self::NS . '/getting-started', array( 'dismissed' => false ) )->get_data()['dismissed'] );
		$this->assertFalse( $this->checklist()['dismissed'] );
		$this->assertSame( 400, $this->rest( 'PUT', self::NS . '/getting-started', array( 'dismissed' => 'maybe' ) )->get_status() );
	}

	/**
	 * Only administrators read or hide it.
	 */
	public function test_only_administrators(): void {
		$this->act_as( 'editor' );
		$this->assertSame( 403, $this->rest( 'GET', self::NS . '/getting-started' )->get_status() );
		$this->assertSame( 403, $this->rest( 'PUT', self::NS . '/getting-started', array( 'dismissed' => true ) )->get_status() );
	}
}
