<?php
/**
 * General_Settings: one schema for the option, the REST route, /wp/v2/settings and the screen.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Settings;

use Creators_Connect\Settings\Credential_Rules;
use Creators_Connect\Settings\General_Settings;
use Creators_Connect\Tests\Integration_Test_Case;

/**
 * The option is registered with its schema, and every reader and writer uses that schema.
 */
final class General_Settings_Test extends Integration_Test_Case {

	private const NS = '/creators-connect-for-amazon/v1';

	/**
	 * Registered with register_setting(): the option's schema, sanitizer and REST exposure.
	 */
	public function test_the_option_is_registered_with_its_schema(): void {
		$registered = get_registered_settings()['acapi_general'] ?? null;
		$this->assertIsArray( $registered );
		$this->assertSame( 'object', $registered['type'] );
		$this->assertSame( array( General_Settings::class, 'sanitize' ), $registered['sanitize_callback'] );
		$this->assertSame( General_Settings::schema(), $registered['show_in_rest']['schema'] );
	}

	/**
	 * The plugin's route validates against the same schema: its arguments are the option's
	 * properties, with the same limits.
	 */
	public function test_the_route_schema_is_the_option_schema(): void {
		$this->act_as( 'administrator' );
		$options    = $this->rest( 'OPTIONS', self::NS . '/general' )->get_data();
		$properties = $options['schema']['properties'];
		foreach ( General_Settings::schema()['properties'] as $key => $property ) {
			unset( $properties[ $key ]['context'] );
			$this->assertSame( $property, $properties[ $key ], $key );
		}
		$this->assertSame( array_keys( General_Settings::schema()['properties'] ), array_keys( $properties ) );
	}

	/**
	 * /wp/v2/settings: WordPress validates a change against the schema (400 naming the field and
	 * its limit), saves a valid one, and the plugin's route reads it back.
	 */
	public function test_core_settings_route_validates_and_saves(): void {
		$this->act_as( 'administrator' );
		$read = $this->rest( 'GET', '/wp/v2/settings' );
		$this->assertSame( 200, $read->get_status() );
		$this->assertArrayHasKey( 'acapi_general', $read->get_data() );

		$bad = $this->rest( 'POST', '/wp/v2/settings', array( 'acapi_general' => array( 'offer_max_age_minutes' => 61 ) + General_Settings::defaults() ) );
		$this->assertSame( 400, $bad->get_status() );
		$this->assertStringContainsString( 'offer_max_age_minutes', (string) wp_json_encode( $bad->get_data() ) );
		$this->assertFalse( get_option( 'acapi_general' ) );

		$good = $this->rest( 'POST', '/wp/v2/settings', array( 'acapi_general' => array( 'default_template' => 'table' ) + General_Settings::defaults() ) );
		$this->assertSame( 200, $good->get_status() );
		$this->assertSame( 'table', $this->rest( 'GET', self::NS . '/general' )->get_data()['default_template'] );
	}

	/**
	 * Whatever is written to the option directly is sanitised by the schema on the way in: known
	 * keys only, numbers clamped to their range, refused values at their defaults, text plain.
	 */
	public function test_direct_writes_are_sanitised_by_the_schema(): void {
		update_option(
			'acapi_general',
			array(
				'offer_max_age_minutes' => 600,
				'catalog_max_age_hours' => '0',
				'link_target'           => '_top',
				'button_text'           => '<b>Buy</b> now',
				'affiliate_label'       => 'true',
				'unknown'               => 'x',
			)
		);
		$stored = get_option( 'acapi_general' );
		$this->assertSame(
			array(
				'button_text'           => 'Buy now',
				'link_target'           => '_blank',
				'affiliate_label'       => true,
				'offer_max_age_minutes' => 60,
				'catalog_max_age_hours' => 1,
			),
			array_intersect_key( $stored, array_flip( array( 'offer_max_age_minutes', 'catalog_max_age_hours', 'link_target', 'button_text', 'affiliate_label' ) ) )
		);
		$this->assertArrayNotHasKey( 'unknown', $stored );
		$this->assertSame( array_keys( General_Settings::defaults() ), array_keys( $stored ) );
	}

	/**
	 * The screen's TypeScript schema is generated from this one: the same properties and limits
	 * (without descriptions), and the same credential patterns.
	 */
	public function test_the_typescript_export_is_the_schema(): void {
		$cmd    = escapeshellarg( PHP_BINARY ) . ' ' . escapeshellarg( dirname( __DIR__, 4 ) . '/tools/export-settings-schema.php' ) . ' - 2>&1';
		$output = (string) shell_exec( $cmd ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_shell_exec -- runs the build script as the build does.
		$this->assertSame( 1, preg_match( '/export const generalSchema = (\{.*?\n\}) as const;/s', $output, $general ), $output );
		$expected = array_map(
			static function ( array $property ): array {
				unset( $property['description'] );
				return $property;
			},
			General_Settings::schema()['properties']
		);
		$this->assertSame( $expected, json_decode( $general[1], true ) );
		$this->assertStringContainsString( 'default_template: "box" | "list" | "grid" | "table" | "button" | "text_link" | "image_link";', $output );
		$this->assertSame( 1, preg_match( '/export const credentialRules = (\{.*?\n\}) as const;/s', $output, $rules ) );
		$this->assertSame( Credential_Rules::export(), json_decode( $rules[1], true ) );
	}
}
