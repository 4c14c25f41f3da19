<?php
/**
 * The geotargeting settings: one schema, registered with register_setting().
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Settings;

use Creators_Connect\Marketplace\Marketplace_Registry;

/**
 * Option `acapi_geotargeting` (docs/geotargeting.md). Off by default. Its own option rather than
 * keys of `acapi_general`, because its shape (a list and a table) is read only by the geotargeting
 * code and written only by its section of the settings screen (through `/wp/v2/settings`).
 *
 * @phpstan-type Geo array{enabled: bool, targets: list<string>, fallback: string, header: string, server_render: string, countries: array<string, string>}
 */
final class Geo_Settings {

	public const OPTION = 'acapi_geotargeting';

	/**
	 * The option's schema.
	 *
	 * @return array<string, mixed>
	 */
	public static function schema(): array {
		$codes = Marketplace_Registry::countries();
		return array(
			'type'                 => 'object',
			'properties'           => array(
				'enabled'       => array(
					'description' => __( 'Send visitors to the Amazon store of their country.', 'creators-connect-for-amazon' ),
					'type'        => 'boolean',
					'default'     => false,
				),
				'targets'       => array(
					'description' => __( 'Marketplaces visitors may be sent to (each needs its partner tag set up).', 'creators-connect-for-amazon' ),
					'type'        => 'array',
					'items'       => array(
						'type' => 'string',
						'enum' => $codes,
					),
					'uniqueItems' => true,
					'default'     => array(),
				),
				'fallback'      => array(
					'description' => __( 'When the target store does not sell the product: a keyword search there, or the original store.', 'creators-connect-for-amazon' ),
					'type'        => 'string',
					'enum'        => array( 'original', 'search' ),
					'default'     => 'original',
				),
				'header'        => array(
					'description' => __( 'A request header your CDN or server sets to the visitor\'s country code, besides the known ones.', 'creators-connect-for-amazon' ),
					'type'        => 'string',
					'pattern'     => '^[A-Za-z0-9-]{0,64}$',
					'default'     => '',
				),
				'server_render' => array(
					'description' => __( 'When the server picks the link from a country header: only for pages no shared cache keeps (logged-in visitors), or always (the page cache keys on that header; the page says Vary).', 'creators-connect-for-amazon' ),
					'type'        => 'string',
					'enum'        => array( 'uncached', 'always' ),
					'default'     => 'uncached',
				),
				'countries'     => array(
					'description'          => __( 'Visitor country → marketplace rows on top of the built-in table (\'\' removes a row).', 'creators-connect-for-amazon' ),
					'type'                 => 'object',
					'patternProperties'    => array(
						'^[a-z]{2}$' => array(
							'type' => 'string',
							'enum' => array_merge( array( '' ), $codes ),
						),
					),
					'additionalProperties' => false,
					'default'              => array(),
				),
			),
			'additionalProperties' => false,
		);
	}

	/**
	 * Registers the option (group `acapi`), with the schema for `/wp/v2/settings`.
	 */
	public static function register(): void {
		register_setting(
			General_Settings::GROUP,
			self::OPTION,
			array(
				'type'              => 'object',
				'label'             => __( 'Amazon products: geotargeting', 'creators-connect-for-amazon' ),
				'description'       => __( 'Links to the Amazon store of the visitor\'s country, chosen without any request leaving the site.', 'creators-connect-for-amazon' ),
				'sanitize_callback' => array( self::class, 'sanitize' ),
				'default'           => self::defaults(),
				'show_in_rest'      => array(
					'name'   => self::OPTION,
					'schema' => self::schema(),
				),
			)
		);
	}

	/**
	 * The defaults.
	 *
	 * @return Geo
	 */
	public static function defaults(): array {
		return array(
			'enabled'       => false,
			'targets'       => array(),
			'fallback'      => 'original',
			'header'        => '',
			'server_render' => 'uncached',
			'countries'     => array(),
		);
	}

	/**
	 * The stored settings, each field checked against the schema (a bad one falls back to its default).
	 *
	 * @return Geo
	 */
	public static function read(): array {
		return self::sanitize( get_option( self::OPTION, array() ) );
	}

	/**
	 * Sanitize callback: every field validated against its schema, unknown keys dropped.
	 *
	 * @param mixed $value The value to store.
	 * @return Geo
	 */
	public static function sanitize( $value ): array {
		$out    = self::defaults();
		$value  = is_array( $value ) ? $value : array();
		$schema = self::schema()['properties'];
		foreach ( $schema as $key => $property ) {
			if ( ! array_key_exists( $key, $value ) ) {
				continue;
			}
			$field = $value[ $key ];
			if ( 'countries' === $key && is_array( $field ) ) {
				$field = array_change_key_case( array_map( static fn( $code ) => is_string( $code ) ? Marketplace_Registry::normalize_country( $code ) : $code, $field ) );
			}
			if ( true !== rest_validate_value_from_schema( $field, $property, $key ) ) {
				continue;
			}
			$out[ $key ] = rest_sanitize_value_from_schema( $field, $property, $key );
		}
		$out['targets'] = array_values( array_map( 'strval', (array) $out['targets'] ) );
		return $out; // @phpstan-ignore-line -- shaped by the schema above.
	}
}
