<?php
/**
 * GET|PUT /tracking-ids: editors read, administrators write, every bad entry named.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Rest;

use Creators_Connect\Settings\Marketplace_Rows;
use Creators_Connect\Settings\Paapi_Keys;
use Creators_Connect\Settings\Stored_Credentials;
use Creators_Connect\Settings\Secret_Box;
use Creators_Connect\Tests\Integration_Test_Case;

/**
 * The tracking-ID route.
 */
final class Tracking_Ids_Rest_Test extends Integration_Test_Case {

	private const NS = '/creators-connect-for-amazon/v1';

	/**
	 * Saved, read back (by an editor too), labelled, and the repository lists them for the router.
	 */
	public function test_save_and_read(): void {
		$this->act_as( 'administrator' );
		$saved = $this->rest(
			'PUT',
			self::NS . '/tracking-ids/DE',
			array(
				'tracking_ids' => array(
					array(
						'tag'   => ' mysite-sidebar-21 ',
						'label' => 'Sidebar',
					),
					array( 'tag' => 'mysite-news-21' ),
				),
			)
		);
		$this->assertSame( 200, $saved->get_status(), (string) wp_json_encode( $saved->get_data() ) );
		$this->assertSame(
			array(
				array(
					'tag'   => 'mysite-sidebar-21',
					'label' => 'Sidebar',
				),
				array(
					'tag'   => 'mysite-news-21',
					'label' => 'mysite-news-21',
				),
			),
			$saved->get_data()
		);
		$this->act_as( 'editor' );
		$read = $this->rest( 'GET', self::NS . '/tracking-ids' );
		$this->assertSame( 200, $read->get_status() );
		$this->assertSame( array( 'mysite-sidebar-21', 'mysite-news-21' ), array_column( (array) $read->get_data()['tracking_ids']->de, 'tag' ) );
		$this->assertSame( array( 'mysite-sidebar-21', 'mysite-news-21' ), $this->credentials()->tracking_tags( 'de' ) );
		$this->assertSame( 403, $this->rest( 'PUT', self::NS . '/tracking-ids/de', array( 'tracking_ids' => array() ) )->get_status() );
		$this->act_as( 'subscriber' );
		$this->assertSame( 403, $this->rest( 'GET', self::NS . '/tracking-ids' )->get_status() );

		// An empty list removes the marketplace's set.
		$this->act_as( 'administrator' );
		$this->assertSame( 200, $this->rest( 'PUT', self::NS . '/tracking-ids/de', array( 'tracking_ids' => array() ) )->get_status() );
		$this->assertSame( array(), $this->credentials()->tracking_tags( 'de' ) );
	}

	/**
	 * The list names the default marketplace (the editor's picker starts there): none until one is
	 * set, then that one, and none again once it stops being the default.
	 */
	public function test_read_names_the_default_marketplace(): void {
		$this->act_as( 'editor' );
		$this->assertNull( $this->rest( 'GET', self::NS . '/tracking-ids' )->get_data()['default_country'] );

		$rows  = new Marketplace_Rows( new Secret_Box() );
		$added = $rows->add(
			array(
				'country'         => 'fr',
				'credential_type' => 'links_only',
				'credential_id'   => '',
				'partner_tag'     => 'acapidemofr-21',
			)
		);
		$this->assertIsArray( $added );
		$this->assertTrue( $rows->set_default( 'fr' ) );
		$this->assertSame( 'fr', $this->rest( 'GET', self::NS . '/tracking-ids' )->get_data()['default_country'] );

		$rows->clear_default( 'de' );
		$this->assertSame( 'fr', $this->rest( 'GET', self::NS . '/tracking-ids' )->get_data()['default_country'], 'another marketplace stopping is no change' );
		$rows->clear_default( 'FR' );
		$this->assertNull( $this->rest( 'GET', self::NS . '/tracking-ids' )->get_data()['default_country'] );
	}

	/**
	 * Bad tags, a twice-listed tag and a long label are named; nothing is saved.
	 */
	public function test_bad_entries_are_named(): void {
		$this->act_as( 'administrator' );
		$response = $this->rest(
			'PUT',
			self::NS . '/tracking-ids/de',
			array(
				'tracking_ids' => array(
					array( 'tag' => 'good-21' ),
					array( 'tag' => 'bad tag' ),
					array( 'tag' => 'GOOD-21' ),
					array(
						'tag'   => 'other-21',
						'label' => str_repeat( 'x', 60 ) . 'y',
					),
				),
			)
		);
		$this->assertSame( 400, $response->get_status() );
		$this->assertFalse( get_option( 'acapi_tracking_ids' ) );
		$this->assertSame( 400, $this->rest( 'PUT', self::NS . '/tracking-ids/xx', array( 'tracking_ids' => array() ) )->get_status() );
	}

	/**
	 * The repository's own check names each entry.
	 */
	public function test_check_names_each_entry(): void {
		list( $list, $errors ) = \Creators_Connect\Settings\Tracking_Ids::check(
			array(
				array( 'tag' => 'good-21' ),
				array( 'tag' => 'bad tag' ),
				array( 'tag' => 'GOOD-21' ),
			)
		);
		$this->assertSame( array( 'good-21' ), array_column( $list, 'tag' ) );
		$this->assertSame( array( 'tracking_ids.1.tag', 'tracking_ids.2.tag' ), array_keys( $errors ) );
	}

	/**
	 * What the router reads of the settings (as the plugin builds it).
	 */
	private function credentials(): Stored_Credentials {
		$box = new Secret_Box();
		return new Stored_Credentials( new Marketplace_Rows( $box ), new Paapi_Keys( $box ), $box );
	}
}
