<?php
/**
 * Settings export and import over REST: no secret out, a preview that names the missing secrets,
 * all-or-nothing imports, and the same settings after export → delete all → import.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Rest;

use Creators_Connect\Tests\Emulator;
use Creators_Connect\Tests\Integration\Settings\Settings_Fixtures;
use Creators_Connect\Tests\Integration_Test_Case;

require_once dirname( __DIR__ ) . '/Settings/Settings_Fixtures.php';

/**
 * `GET /settings/export`, `POST /settings/import`.
 */
final class Settings_Transfer_Rest_Test extends Integration_Test_Case {

	use Settings_Fixtures;

	private const NS = '/creators-connect-for-amazon/v1';

	/**
	 * Germany (Cognito, default), the United States (LWA, disabled), PA-API keys, a general setting.
	 */
	private function configure(): void {
		$this->act_as( 'administrator' );
		$this->assertSame( 201, $this->rest( 'POST', self::NS . '/marketplaces', $this->demo_input( 'de' ) + array( 'is_default' => true ) )->get_status() );
		$this->assertSame( 201, $this->rest( 'POST', self::NS . '/marketplaces', $this->demo_input( 'us', 'lwa' ) + array( 'enabled' => false ) )->get_status() );
		$paapi = Emulator::credentials()['paapi'];
		$this->assertSame(
			200,
			$this->rest(
				'PUT',
				self::NS . '/paapi',
				array(
					'access_key'   => $paapi['access_key'],
					'secret_key'   => $paapi['secret_key'],
					'partner_tags' => array( 'fr' => 'acapidemofr-21' ),
				)
			)->get_status()
		);
		$this->assertSame( 200, $this->rest( 'PUT', self::NS . '/general', array( 'default_template' => 'grid' ) )->get_status() );
		$tracking = array(
			array(
				'tag'   => 'acapidemode-sidebar-21',
				'label' => 'Sidebar',
			),
		);
		$this->assertSame( 200, $this->rest( 'PUT', self::NS . '/tracking-ids/de', array( 'tracking_ids' => $tracking ) )->get_status() );
	}

	/**
	 * The secrets the demo configuration needs.
	 *
	 * @return array<string, string>
	 */
	private function secrets(): array {
		return array(
			'de'    => (string) $this->demo_input( 'de' )['credential_secret'],
			'us'    => (string) $this->demo_input( 'us', 'lwa' )['credential_secret'],
			'paapi' => (string) Emulator::credentials()['paapi']['secret_key'],
		);
	}

	/**
	 * Deletes every marketplace and the PA-API keys, resets the general settings.
	 */
	private function delete_all(): void {
		foreach ( array( 'de', 'us' ) as $country ) {
			$this->rest( 'DELETE', self::NS . '/marketplaces/' . $country );
		}
		$this->rest(
			'PUT',
			self::NS . '/paapi',
			array(
				'access_key'   => '',
				'secret_key'   => '',
				'partner_tags' => new \stdClass(),
			)
		);
		$this->rest( 'PUT', self::NS . '/general', array( 'default_template' => 'box' ) );
		$this->rest( 'PUT', self::NS . '/tracking-ids/de', array( 'tracking_ids' => array() ) );
	}

	/**
	 * What the screen shows: marketplaces, PA-API and general settings, without revisions and times.
	 *
	 * @return array<string, mixed>
	 */
	private function screen(): array {
		$marketplaces = array();
		foreach ( $this->rest( 'GET', self::NS . '/marketplaces' )->get_data() as $item ) {
			unset( $item['revision'], $item['updated_at'] );
			$marketplaces[] = $item;
		}
		$paapi = (array) $this->rest( 'GET', self::NS . '/paapi' )->get_data();
		unset( $paapi['revision'] );
		return array(
			'marketplaces' => $marketplaces,
			'paapi'        => wp_json_encode( $paapi ),
			'general'      => $this->rest( 'GET', self::NS . '/general' )->get_data(),
			'tracking_ids' => wp_json_encode( $this->rest( 'GET', self::NS . '/tracking-ids' )->get_data() ),
		);
	}

	/**
	 * The export holds every setting but no secret.
	 */
	public function test_export_has_no_secret(): void {
		$this->configure();
		$response = $this->rest( 'GET', self::NS . '/settings/export' );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'no-store', $response->get_headers()['Cache-Control'] ?? '' );
		$file = $response->get_data();
		$json = (string) wp_json_encode( $file );
		foreach ( array_merge( $this->demo_secrets(), array( $this->secrets()['paapi'] ) ) as $secret ) {
			$this->assertStringNotContainsString( $secret, $json );
		}
		$this->assertSame( 'creators-connect-for-amazon/settings', $file['format'] );
		$this->assertSame( 'de', $file['default_country'] );
		// In the registry's order.
		$this->assertSame( array( 'us', 'de' ), array_column( $file['marketplaces'], 'country' ) );
		$this->assertFalse( $file['marketplaces'][0]['enabled'] );
		$this->assertSame( Emulator::partner_tag( 'us' ), $file['marketplaces'][0]['partner_tag'] );
		$this->assertSame( 'acapiemucognitoeu00000000002', $file['marketplaces'][1]['credential_id'] );
		$this->assertSame( 'acapidemode-sidebar-21', $file['marketplaces'][1]['tracking_ids'][0]['tag'] );
		$this->assertSame( 'grid', $file['general']['default_template'] );
		$this->assertSame( Emulator::credentials()['paapi']['access_key'], $file['paapi']['access_key'] );
	}

	/**
	 * Export → delete all → import (with the secrets) gives the same screen.
	 */
	public function test_round_trip_gives_the_same_settings(): void {
		$this->configure();
		$before = $this->screen();
		$file   = $this->rest( 'GET', self::NS . '/settings/export' )->get_data();
		$this->delete_all();
		$this->assertSame( array(), $this->rest( 'GET', self::NS . '/marketplaces' )->get_data() );
		$this->assertEmpty( get_option( 'acapi_tracking_ids' ) );

		$preview = $this->rest(
			'POST',
			self::NS . '/settings/import',
			array(
				'settings' => $file,
				'dry_run'  => true,
			)
		);
		$this->assertSame( 200, $preview->get_status() );
		$data = $preview->get_data();
		$this->assertSame( array( 'add', 'add' ), array_column( $data['marketplaces'], 'action' ) );
		$this->assertSame( array( true, true ), array_column( $data['marketplaces'], 'secret_required' ) );
		$this->assertTrue( $data['paapi']['secret_required'] );
		$this->assertSame( array( 'default_template' ), $data['general'] );
		// The preview changed nothing.
		$this->assertSame( array(), $this->rest( 'GET', self::NS . '/marketplaces' )->get_data() );

		$imported = $this->rest(
			'POST',
			self::NS . '/settings/import',
			array(
				'settings' => $file,
				'secrets'  => $this->secrets(),
			)
		);
		$this->assertSame( 200, $imported->get_status(), (string) wp_json_encode( $imported->get_data() ) );
		$this->assertSame( $before, $this->screen() );
		// The imported secrets work: the connection test passes.
		if ( defined( 'ACAPI_ENDPOINT_OVERRIDE' ) ) {
			$this->assertTrue( $this->rest( 'POST', self::NS . '/marketplaces/de/test' )->get_data()['ok'] );
		}
	}

	/**
	 * A missing secret is named, and nothing is imported; on the same site, the stored secrets are kept.
	 */
	public function test_missing_secret_changes_nothing(): void {
		$this->configure();
		$file = $this->rest( 'GET', self::NS . '/settings/export' )->get_data();
		$this->delete_all();
		$secrets = $this->secrets();
		unset( $secrets['us'] );
		$response = $this->rest(
			'POST',
			self::NS . '/settings/import',
			array(
				'settings' => $file,
				'secrets'  => $secrets,
			)
		);
		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( array( 'secrets.us' ), array_keys( $response->get_data()['data']['params'] ) );
		$this->assertStringStartsWith( 'United States: ', $response->get_data()['data']['params']['secrets.us'] );
		$this->assertSame( array(), $this->rest( 'GET', self::NS . '/marketplaces' )->get_data() );
		$this->assertSame( 'box', $this->rest( 'GET', self::NS . '/general' )->get_data()['default_template'] );

		// Re-importing on the site it came from needs no secret.
		$this->configure();
		$file['marketplaces'][1]['partner_tag'] = 'othertag-21';
		$preview                                = $this->rest(
			'POST',
			self::NS . '/settings/import',
			array(
				'settings' => $file,
				'dry_run'  => true,
			)
		)->get_data();
		$this->assertSame( array( 'update', 'update' ), array_column( $preview['marketplaces'], 'action' ) );
		$this->assertSame( array( false, false ), array_column( $preview['marketplaces'], 'secret_required' ) );
		$this->assertFalse( $preview['paapi']['secret_required'] );
		$this->assertSame( 200, $this->rest( 'POST', self::NS . '/settings/import', array( 'settings' => $file ) )->get_status() );
		$this->assertSame( 'othertag-21', $this->rest( 'GET', self::NS . '/marketplaces/de' )->get_data()['partner_tag'] );
		$this->assertSame( 'ok', $this->rest( 'GET', self::NS . '/marketplaces/de' )->get_data()['secret_state'] );
	}

	/**
	 * A bad file gets a 400 naming each problem, and changes nothing.
	 *
	 * @dataProvider bad_files
	 *
	 * @param array<string, mixed> $file   The file.
	 * @param list<string>         $fields The fields named.
	 */
	public function test_bad_file( array $file, array $fields ): void {
		$this->act_as( 'administrator' );
		$response = $this->rest( 'POST', self::NS . '/settings/import', array( 'settings' => $file ) );
		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( $fields, array_keys( $response->get_data()['data']['params'] ) );
		$this->assertSame( array(), $this->rest( 'GET', self::NS . '/marketplaces' )->get_data() );
		$this->assertFalse( get_option( 'acapi_general' ) );
	}

	/**
	 * Bad files and the fields their 400 names.
	 *
	 * @return array<string, array{0: array<string, mixed>, 1: list<string>}>
	 */
	public static function bad_files(): array {
		$ok = array(
			'format'  => 'creators-connect-for-amazon/settings',
			'version' => 1,
		);
		return array(
			'not ours'        => array( array( 'format' => 'asa2' ), array( 'settings' ) ),
			'newer version'   => array( array( 'version' => 2 ) + $ok, array( 'settings' ) ),
			'bad rows'        => array(
				$ok + array(
					'marketplaces' => array(
						array(
							'country'         => 'xx',
							'credential_type' => 'cognito',
						),
						array(
							'country'         => 'de',
							'credential_type' => 'cognito',
							'credential_id'   => 'acapiemucognitoeu00000000002',
							'partner_tag'     => 'bad tag!',
						),
					),
				),
				array( 'marketplaces.0.country', 'marketplaces.de.partner_tag' ),
			),
			'bad general'     => array(
				$ok + array( 'general' => array( 'link_target' => '_parent' ) ),
				array( 'general.link_target' ),
			),
			'unknown default' => array( $ok + array( 'default_country' => 'jp' ), array( 'default_country' ) ),
		);
	}

	/**
	 * Only administrators export or import.
	 */
	public function test_only_administrators(): void {
		$this->act_as( 'editor' );
		$this->assertSame( 403, $this->rest( 'GET', self::NS . '/settings/export' )->get_status() );
		$this->assertSame( 403, $this->rest( 'POST', self::NS . '/settings/import', array( 'settings' => array() ) )->get_status() );
	}
}
