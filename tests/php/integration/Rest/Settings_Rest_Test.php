<?php
/**
 * Every settings route: capability checks, no secret in any answer, PA-API and general settings.
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
 * `creators-connect-for-amazon/v1/{marketplaces,paapi,general}`.
 */
final class Settings_Rest_Test extends Integration_Test_Case {

	use Settings_Fixtures;

	private const NS = '/creators-connect-for-amazon/v1';

	/**
	 * Every settings route with a body that would be valid for an administrator.
	 *
	 * @return array<string, array{0: string, 1: string, 2: array<string, mixed>|null}>
	 */
	public static function routes(): array {
		return array(
			'list'         => array( 'GET', '/marketplaces', null ),
			'add'          => array( 'POST', '/marketplaces', array( 'country' => 'fr' ) ),
			'read'         => array( 'GET', '/marketplaces/de', null ),
			'edit (PUT)'   => array( 'PUT', '/marketplaces/de', array( 'revision' => 1 ) ),
			'edit (PATCH)' => array(
				'PATCH',
				'/marketplaces/de',
				array(
					'enabled'  => false,
					'revision' => 1,
				),
			),
			'delete'       => array( 'DELETE', '/marketplaces/de', null ),
			'set default'  => array( 'POST', '/marketplaces/de/default', null ),
			'test'         => array( 'POST', '/marketplaces/de/test', null ),
			'paapi read'   => array( 'GET', '/paapi', null ),
			'paapi save'   => array( 'PUT', '/paapi', array( 'access_key' => 'AKIAACAPIEMULATOR001' ) ),
			'general read' => array( 'GET', '/general', null ),
			'general save' => array( 'PUT', '/general', array( 'fallback_to_paapi' => false ) ),
		);
	}

	/**
	 * Editors, subscribers and visitors get 403/401 on every route, and nothing changes.
	 *
	 * @dataProvider routes
	 *
	 * @param string                    $method HTTP method.
	 * @param string                    $route  Route under the namespace.
	 * @param array<string, mixed>|null $body   Body.
	 */
	public function test_only_administrators( string $method, string $route, ?array $body ): void {
		$this->assertIsArray( $this->marketplaces()->add( $this->demo_input( 'de' ) ) );
		$before = get_option( 'acapi_marketplace_de' );
		foreach ( array(
			'editor'     => 403,
			'subscriber' => 403,
			'visitor'    => 401,
		) as $role => $status ) {
			$this->act_as( 'visitor' === $role ? null : $role );
			$response = $this->rest( $method, self::NS . $route, $body );
			$this->assertSame( $status, $response->get_status(), "$method $route as $role" );
			$this->assertSame( 'rest_forbidden', $response->get_data()['code'] );
		}
		$this->assertSame( $before, get_option( 'acapi_marketplace_de' ) );
		$this->assertFalse( get_option( 'acapi_general' ) );
	}

	/**
	 * No answer of any route, after every kind of write, holds a stored secret.
	 */
	public function test_no_answer_contains_a_secret(): void {
		if ( defined( 'ACAPI_ENDPOINT_OVERRIDE' ) ) {
			( new Emulator() )->reset();
		}
		$this->act_as( 'administrator' );
		$paapi   = Emulator::credentials()['paapi'];
		$answers = array(
			$this->rest( 'POST', self::NS . '/marketplaces', $this->demo_input( 'de' ) ),
			$this->rest( 'POST', self::NS . '/marketplaces', $this->demo_input( 'us', 'lwa' ) ),
			$this->rest( 'POST', self::NS . '/marketplaces', $this->demo_input( 'de' ) ),
			$this->rest( 'POST', self::NS . '/marketplaces', array( 'partner_tag' => '' ) + $this->demo_input( 'jp' ) ),
			$this->rest(
				'PUT',
				self::NS . '/marketplaces/de',
				array(
					'credential_secret' => $this->demo_input( 'de' )['credential_secret'],
					'revision'          => 1,
				)
			),
			$this->rest( 'PATCH', self::NS . '/marketplaces/de', array( 'revision' => 1 ) + $this->demo_input( 'de' ) ),
			$this->rest( 'GET', self::NS . '/marketplaces' ),
			$this->rest( 'GET', self::NS . '/marketplaces/us' ),
			$this->rest( 'POST', self::NS . '/marketplaces/us/default' ),
			$this->rest(
				'PUT',
				self::NS . '/paapi',
				array(
					'access_key' => $paapi['access_key'],
					'secret_key' => $paapi['secret_key'],
				)
			),
			$this->rest( 'PUT', self::NS . '/paapi', array( 'secret_key' => 'has a space ' . $paapi['secret_key'] ) ),
			$this->rest( 'GET', self::NS . '/paapi' ),
			$this->rest( 'GET', self::NS . '/general' ),
			$this->rest( 'PUT', self::NS . '/general', array( 'button_text' => 'Buy' ) ),
			$this->rest( 'OPTIONS', self::NS . '/marketplaces' ),
		);
		if ( defined( 'ACAPI_ENDPOINT_OVERRIDE' ) ) {
			$answers[] = $this->rest( 'POST', self::NS . '/marketplaces/us/test' );
		}
		$answers[] = $this->rest( 'DELETE', self::NS . '/marketplaces/us' );

		$secrets = $this->demo_secrets();
		foreach ( $answers as $index => $response ) {
			$json = (string) wp_json_encode( rest_get_server()->response_to_data( $response, true ) );
			foreach ( $secrets as $secret ) {
				$this->assertStringNotContainsString( $secret, $json, "answer #$index holds a secret" );
				$this->assertStringNotContainsString( substr( $secret, 0, 24 ), $json, "answer #$index holds part of a secret" );
			}
		}
		$this->assertStringNotContainsString( 'acapiemucognitoeusecret', $this->debug_log() );
	}

	/**
	 * PA-API: save, read back the mask and state, tags per marketplace, 400 naming bad fields.
	 */
	public function test_paapi_settings(): void {
		$this->act_as( 'administrator' );
		$paapi = Emulator::credentials()['paapi'];
		$saved = $this->rest(
			'PUT',
			self::NS . '/paapi',
			array(
				'access_key'   => $paapi['access_key'],
				'secret_key'   => $paapi['secret_key'],
				'partner_tags' => array(
					'us' => 'acapidemous-20',
					'uk' => 'acapidemouk-21',
				),
			)
		);
		$this->assertSame( 200, $saved->get_status() );
		$data = $saved->get_data();
		$this->assertSame( $paapi['access_key'], $data['access_key'] );
		$this->assertSame( 'ok', $data['secret_state'] );
		$this->assertSame( '••••' . substr( (string) $paapi['secret_key'], -4 ), $data['secret_mask'] );
		$this->assertSame(
			array(
				'us' => 'acapidemous-20',
				'uk' => 'acapidemouk-21',
			),
			(array) $data['partner_tags']
		);

		$bad = $this->rest(
			'PUT',
			self::NS . '/paapi',
			array(
				'access_key'   => 'lowercase key',
				'partner_tags' => array( 'de' => 'bad tag' ),
			)
		);
		$this->assertSame( 400, $bad->get_status() );
		$this->assertArrayHasKey( 'access_key', $bad->get_data()['data']['params'] );
		$this->assertArrayHasKey( 'partner_tags.de', $bad->get_data()['data']['params'] );
	}

	/**
	 * General: defaults, saving, schema validation naming the field.
	 */
	public function test_general_settings(): void {
		$this->act_as( 'administrator' );
		$read = $this->rest( 'GET', self::NS . '/general' );
		$this->assertSame( 200, $read->get_status() );
		$this->assertTrue( $read->get_data()['fallback_to_paapi'] );
		$this->assertFalse( $read->get_data()['delete_data_on_uninstall'] );

		$saved = $this->rest(
			'PUT',
			self::NS . '/general',
			array(
				'default_template'         => 'table',
				'link_target'              => '_self',
				'offer_max_age_minutes'    => 30,
				'delete_data_on_uninstall' => true,
			)
		);
		$this->assertSame( 200, $saved->get_status() );
		$this->assertSame( 'table', $saved->get_data()['default_template'] );
		$this->assertTrue( get_option( 'acapi_general' )['delete_data_on_uninstall'] );

		foreach ( array(
			'default_template'      => 'carousel',
			'link_target'           => '_top',
			'offer_max_age_minutes' => 61,
			'catalog_max_age_hours' => 25,
			'fallback_to_paapi'     => 'perhaps',
		) as $field => $value ) {
			$bad = $this->rest( 'PUT', self::NS . '/general', array( $field => $value ) );
			$this->assertSame( 400, $bad->get_status(), $field );
			$this->assertArrayHasKey( $field, $bad->get_data()['data']['params'] );
		}
		$this->assertSame( 30, get_option( 'acapi_general' )['offer_max_age_minutes'] );
	}
}
