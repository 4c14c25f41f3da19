<?php
/**
 * The marketplace REST routes: CRUD, default, enable/disable, validation, conflicts.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Rest;

use Creators_Connect\Settings\Credential_Rules;
use Creators_Connect\Settings\Secret_Box;
use Creators_Connect\Settings\Marketplace_Rows;
use Creators_Connect\Tests\Integration\Settings\Settings_Fixtures;
use Creators_Connect\Tests\Integration_Test_Case;

require_once dirname( __DIR__ ) . '/Settings/Settings_Fixtures.php';

/**
 * `creators-connect-for-amazon/v1/marketplaces…` as an administrator.
 */
final class Marketplaces_Rest_Test extends Integration_Test_Case {

	use Settings_Fixtures;

	private const BASE = '/creators-connect-for-amazon/v1/marketplaces';

	/**
	 * Logs an administrator in.
	 */
	protected function setUp(): void {
		parent::setUp();
		$this->act_as( 'administrator' );
	}

	/**
	 * Add, read, list: 201, the type's version, the mask, never the secret; the first becomes default.
	 */
	public function test_add_and_list(): void {
		$input    = $this->demo_input( 'us', 'lwa' );
		$response = $this->rest( 'POST', self::BASE, $input );
		$this->assertSame( 201, $response->get_status() );
		$data = $response->get_data();
		$this->assertSame( 'us', $data['country'] );
		$this->assertSame( 'United States', $data['name'] );
		$this->assertSame( 'lwa', $data['credential_type'] );
		$this->assertSame( 'lwa', $data['suggested_type'] );
		$this->assertSame( '3.1', $data['api_version'] );
		$this->assertSame( 'ok', $data['secret_state'] );
		$this->assertSame( '••••' . substr( (string) $input['credential_secret'], -4 ), $data['secret_mask'] );
		$this->assertTrue( $data['is_default'] );
		$this->assertTrue( $data['enabled'] );
		$this->assertSame( 1, $data['revision'] );
		$this->assertArrayNotHasKey( 'credential_secret', $data );

		$this->assertSame( 201, $this->rest( 'POST', self::BASE, $this->demo_input( 'de', 'cognito' ) )->get_status() );
		$list = $this->rest( 'GET', self::BASE );
		$this->assertSame( 200, $list->get_status() );
		$this->assertSame( array( 'us', 'de' ), array_column( $list->get_data(), 'country' ) );
		$this->assertSame( array( true, false ), array_column( $list->get_data(), 'is_default' ) );
		$this->assertSame( '2.2', $list->get_data()[1]['api_version'] );

		$one = $this->rest( 'GET', self::BASE . '/de' );
		$this->assertSame( 200, $one->get_status() );
		$this->assertSame( 'de', $one->get_data()['country'] );
		$this->assertSame( 404, $this->rest( 'GET', self::BASE . '/fr' )->get_status() );
	}

	/**
	 * Each invalid field gets 400 naming it, with a message, in core's rest_invalid_param shape.
	 *
	 * @dataProvider invalid_inputs
	 *
	 * @param array<string, mixed> $change The bad value.
	 * @param string               $field  The field that must be named.
	 */
	public function test_invalid_input_is_400_naming_the_field( array $change, string $field ): void {
		$response = $this->rest( 'POST', self::BASE, array_merge( $this->demo_input( 'de' ), $change ) );
		$this->assertSame( 400, $response->get_status() );
		$data = $response->get_data();
		$this->assertSame( 'rest_invalid_param', $data['code'] );
		$this->assertArrayHasKey( $field, $data['data']['params'] );
		$this->assertNotSame( '', $data['data']['params'][ $field ] );
		$this->assertArrayHasKey( $field, $data['data']['details'] );
		$this->assertNull( $this->marketplaces()->row( 'de' ) );
	}

	/**
	 * Bad values, one per field.
	 *
	 * @return array<string, array{0: array<string, mixed>, 1: string}>
	 */
	public static function invalid_inputs(): array {
		return array(
			'unknown country'        => array( array( 'country' => 'xx' ), 'country' ),
			'no country'             => array( array( 'country' => '' ), 'country' ),
			'malformed id'           => array( array( 'credential_id' => 'not-an-id!' ), 'credential_id' ),
			'truncated LWA id'       => array( array( 'credential_id' => 'amzn1.application-oa2-client.abc' ), 'credential_id' ),
			'empty id'               => array( array( 'credential_id' => '' ), 'credential_id' ),
			'empty partner tag'      => array( array( 'partner_tag' => '' ), 'partner_tag' ),
			'blank partner tag'      => array( array( 'partner_tag' => '   ' ), 'partner_tag' ),
			'partner tag with space' => array( array( 'partner_tag' => 'my tag-21' ), 'partner_tag' ),
			'empty secret on add'    => array( array( 'credential_secret' => '' ), 'credential_secret' ),
			'unknown type'           => array( array( 'credential_type' => 'basic' ), 'credential_type' ),
			'version of other type'  => array( array( 'api_version' => '3.2' ), 'api_version' ),
		);
	}

	/**
	 * Without a type, the id's shape decides it.
	 */
	public function test_type_is_suggested_from_the_id(): void {
		$input = $this->demo_input( 'us', 'lwa' );
		unset( $input['credential_type'] );
		$response = $this->rest( 'POST', self::BASE, $input );
		$this->assertSame( 201, $response->get_status() );
		$this->assertSame( 'lwa', $response->get_data()['credential_type'] );
		$this->assertSame( '3.1', $response->get_data()['api_version'] );
	}

	/**
	 * A marketplace cannot be added twice.
	 */
	public function test_duplicate_is_409(): void {
		$this->assertSame( 201, $this->rest( 'POST', self::BASE, $this->demo_input( 'de' ) )->get_status() );
		$again = $this->rest( 'POST', self::BASE, $this->demo_input( 'de' ) );
		$this->assertSame( 409, $again->get_status() );
		$this->assertSame( 'acapi_marketplace_exists', $again->get_data()['code'] );
	}

	/**
	 * Edit with a blank secret keeps it; a stale revision is 409 and changes nothing.
	 */
	public function test_edit_keeps_secret_and_refuses_stale_copy(): void {
		$input = $this->demo_input( 'de' );
		$this->rest( 'POST', self::BASE, $input );
		$edit = $this->rest(
			'PUT',
			self::BASE . '/de',
			array(
				'partner_tag'       => 'newtag-21',
				'credential_secret' => '',
				'revision'          => 1,
			)
		);
		$this->assertSame( 200, $edit->get_status() );
		$this->assertSame( 'newtag-21', $edit->get_data()['partner_tag'] );
		$this->assertSame( 2, $edit->get_data()['revision'] );
		$this->assertSame( 'ok', $edit->get_data()['secret_state'] );
		$this->assertSame( $input['credential_secret'], $this->credentials()->creators_credentials( 'de' )?->secret() );

		$stale = $this->rest(
			'PATCH',
			self::BASE . '/de',
			array(
				'partner_tag' => 'stale-21',
				'revision'    => 1,
			)
		);
		$this->assertSame( 409, $stale->get_status() );
		$this->assertSame( 'acapi_marketplace_stale', $stale->get_data()['code'] );
		$this->assertStringContainsString( 'Reload', $stale->get_data()['message'] );
		$this->assertSame( 'newtag-21', $this->marketplaces()->row( 'de' )['partner_tag'] ?? '' );

		$no_revision = $this->rest( 'PATCH', self::BASE . '/de', array( 'enabled' => false ) );
		$this->assertSame( 400, $no_revision->get_status() );
		$this->assertArrayHasKey( 'revision', $no_revision->get_data()['data']['params'] );

		$bad = $this->rest(
			'PATCH',
			self::BASE . '/de',
			array(
				'credential_id' => 'nope',
				'revision'      => 2,
			)
		);
		$this->assertSame( 400, $bad->get_status() );
		$this->assertArrayHasKey( 'credential_id', $bad->get_data()['data']['params'] );
	}

	/**
	 * Enable/disable through PATCH; the status follows.
	 */
	public function test_enable_and_disable(): void {
		$this->rest( 'POST', self::BASE, $this->demo_input( 'de' ) );
		$off = $this->rest(
			'PATCH',
			self::BASE . '/de',
			array(
				'enabled'  => false,
				'revision' => 1,
			)
		);
		$this->assertSame( 200, $off->get_status() );
		$this->assertFalse( $off->get_data()['enabled'] );
		$this->assertSame( 'disabled', $off->get_data()['status'] );
		$this->assertNull( $this->credentials()->creators_credentials( 'de' ) );
		$on = $this->rest(
			'PATCH',
			self::BASE . '/de',
			array(
				'enabled'  => true,
				'revision' => 2,
			)
		);
		$this->assertSame( 'enabled', $on->get_data()['status'] );
	}

	/**
	 * One default: moving it clears the old one; deleting the default leaves none.
	 */
	public function test_default_moves_and_stays_unique(): void {
		$this->rest( 'POST', self::BASE, $this->demo_input( 'de' ) );
		$this->rest( 'POST', self::BASE, $this->demo_input( 'us', 'lwa' ) );
		$this->assertSame( 'de', $this->marketplaces()->default_country() );

		$moved = $this->rest( 'POST', self::BASE . '/us/default' );
		$this->assertSame( 200, $moved->get_status() );
		$this->assertTrue( $moved->get_data()['is_default'] );
		$defaults = array_column( $this->rest( 'GET', self::BASE )->get_data(), 'is_default', 'country' );
		$this->assertSame(
			array(
				'us' => true,
				'de' => false,
			),
			$defaults
		);

		$via_edit = $this->rest(
			'PATCH',
			self::BASE . '/de',
			array(
				'is_default' => true,
				'revision'   => 1,
			)
		);
		$this->assertTrue( $via_edit->get_data()['is_default'] );
		$this->assertSame( 'de', $this->marketplaces()->default_country() );

		$this->assertSame( 404, $this->rest( 'POST', self::BASE . '/fr/default' )->get_status() );
		$this->assertSame( 400, $this->rest( 'POST', self::BASE . '/xx/default' )->get_status() );

		$deleted = $this->rest( 'DELETE', self::BASE . '/de' );
		$this->assertSame( 200, $deleted->get_status() );
		$this->assertTrue( $deleted->get_data()['deleted'] );
		$this->assertNull( $this->marketplaces()->default_country() );
		$this->assertSame( array( 'us' ), array_column( $this->rest( 'GET', self::BASE )->get_data(), 'country' ) );
		$this->assertSame( 404, $this->rest( 'DELETE', self::BASE . '/de' )->get_status() );
	}

	/**
	 * The marketplace schema carries the field rules (Credential_Rules' patterns and limits), and
	 * WordPress applies them to the arguments.
	 */
	public function test_schema_carries_the_field_rules(): void {
		$options = $this->rest( 'OPTIONS', self::BASE )->get_data();
		$schema  = $options['schema']['properties'];
		$this->assertSame( Credential_Rules::PARTNER_TAG_PATTERN, $schema['partner_tag']['pattern'] );
		$this->assertSame( Credential_Rules::SECRET_MAX_LENGTH, $schema['credential_secret']['maxLength'] );
		$this->assertSame( array_merge( Credential_Rules::TYPES, array( Credential_Rules::LINKS_ONLY ) ), $schema['credential_type']['enum'] );
		$create = $options['endpoints'][1]['args'];
		$this->assertSame( Credential_Rules::PARTNER_TAG_PATTERN, $create['partner_tag']['pattern'] );
		$this->assertSame( array( 'pattern' => Credential_Rules::COGNITO_ID_PATTERN ), $create['credential_id']['anyOf'][1] );
	}

	/**
	 * A links-only marketplace: a partner tag and nothing else (an empty Credential ID, no
	 * secret); marked `links_only`; the routing says so; credentials added later make it an API
	 * marketplace.
	 */
	public function test_links_only_marketplace(): void {
		$this->act_as( 'administrator' );
		$response = $this->rest(
			'POST',
			self::BASE,
			array(
				'country'         => 'fr',
				'credential_type' => 'links_only',
				'credential_id'   => '',
				'partner_tag'     => 'acapidemofr-21',
			)
		);
		$this->assertSame( 201, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$data = $response->get_data();
		$this->assertSame( 'links_only', $data['credential_type'] );
		$this->assertSame( 'links_only', $data['status'] );
		$this->assertSame( 'missing', $data['secret_state'] );

		$routes = $this->rest( 'GET', '/creators-connect-for-amazon/v1/routing' )->get_data()['routes'];
		$france = array_values( array_filter( $routes, static fn( $route ) => 'fr' === $route['country'] ) )[0] ?? array();
		$this->assertSame( 'links_only', $france['status'] ?? null );
		$this->assertSame( 'none', $france['api'] ?? null );
		$this->assertStringContainsString( 'Links only (no API)', $france['reason'] ?? '' );

		$this->assertSame(
			400,
			$this->rest(
				'POST',
				self::BASE,
				array(
					'country'         => 'it',
					'credential_type' => 'links_only',
					'partner_tag'     => '',
				)
			)->get_status()
		);

		$upgrade = $this->demo_input( 'fr', 'cognito' );
		unset( $upgrade['country'] );
		$response = $this->rest( 'PUT', self::BASE . '/fr', $upgrade + array( 'revision' => $data['revision'] ) );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertSame( 'enabled', $response->get_data()['status'] );
	}

	/**
	 * Fields the schema refuses keep their plain-language messages, all in one answer, and the
	 * registry's aliases and any case still name a country.
	 */
	public function test_refused_fields_keep_their_messages(): void {
		$bad = $this->rest(
			'POST',
			self::BASE,
			array(
				'credential_type' => 'basic',
				'credential_id'   => 'amzn1.application-oa2-client.abc',
				'partner_tag'     => '  ',
			) + $this->demo_input( 'de' )
		);
		$this->assertSame( 400, $bad->get_status() );
		$this->assertSame(
			array(
				'credential_type' => Credential_Rules::type_error( 'basic' ),
				'credential_id'   => Credential_Rules::credential_id_error( 'amzn1.application-oa2-client.abc' ),
				'partner_tag'     => Credential_Rules::partner_tag_error( '' ),
			),
			$bad->get_data()['data']['params']
		);
		$this->assertStringStartsWith( 'This Credential ID starts like a Login with Amazon (v3) id', $bad->get_data()['data']['params']['credential_id'] );
		$this->assertSame( 'Enter the partner tag (your Associates tracking ID for this marketplace, e.g. mysite-21).', $bad->get_data()['data']['params']['partner_tag'] );

		$secret = $this->rest( 'POST', self::BASE, array( 'credential_secret' => 'has a space' ) + $this->demo_input( 'de' ) );
		$this->assertSame( Credential_Rules::secret_error( 'has a space', false ), $secret->get_data()['data']['params']['credential_secret'] );

		$this->assertSame( 201, $this->rest( 'POST', self::BASE, array( 'country' => 'GB' ) + $this->demo_input( 'uk' ) )->get_status() );
		$this->assertSame( 'uk', $this->marketplaces()->row( 'gb' )['country'] ?? '' );
	}

	/**
	 * Unknown countries in the route: 400 naming `country`; `gb` means `uk`.
	 */
	public function test_country_in_route(): void {
		$unknown = $this->rest( 'GET', self::BASE . '/xx' );
		$this->assertSame( 400, $unknown->get_status() );
		$this->assertArrayHasKey( 'country', $unknown->get_data()['data']['params'] );
		$this->rest( 'POST', self::BASE, $this->demo_input( 'uk' ) );
		$this->assertSame( 'uk', $this->rest( 'GET', self::BASE . '/gb' )->get_data()['country'] );
	}

	/**
	 * A secret sealed under another key reads as "unreadable" and the rest of the screen works.
	 */
	public function test_unreadable_secret_is_flagged(): void {
		$old = new Marketplace_Rows( new Secret_Box( 'a key from before' ) );
		$this->assertIsArray( $old->add( $this->demo_input( 'de' ) ) );
		$this->rest( 'POST', self::BASE, $this->demo_input( 'us', 'lwa' ) );
		$list = array_column( $this->rest( 'GET', self::BASE )->get_data(), null, 'country' );
		$this->assertSame( 'unreadable', $list['de']['secret_state'] );
		$this->assertSame( '', $list['de']['secret_mask'] );
		$this->assertSame( 'ok', $list['us']['secret_state'] );
	}

	/**
	 * The schema is published, and the secret is write-only in it.
	 */
	public function test_schema(): void {
		$response = $this->rest( 'OPTIONS', self::BASE );
		$schema   = $response->get_data()['schema'];
		$this->assertSame( 'acapi-marketplace', $schema['title'] );
		$this->assertSame( array(), $schema['properties']['credential_secret']['context'] );
	}
}
