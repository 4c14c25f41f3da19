<?php
/**
 * The general settings option (`acapi_general`) and its one schema.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Settings;

/**
 * One JSON schema (draft-04, as WordPress's REST API reads it) describes every key of the
 * option: its type, limits, allowed values and default. The same schema is what
 * register_setting() shows at /wp/v2/settings, what the `/general` route validates its arguments
 * against, what sanitize() checks stored values with (WordPress's rest_validate_value_from_schema()
 * and rest_sanitize_value_from_schema()), and what tools/export-settings-schema.php turns into
 * the settings screen's TypeScript types and limits.
 *
 * @phpstan-type General array{default_template: string, button_text: string, link_target: string, price_disclaimer: string, disclosure_text: string, affiliate_label: bool, offer_max_age_minutes: int, catalog_max_age_hours: int, fallback_to_paapi: bool, delete_data_on_uninstall: bool, daily_quota: int, limit_exempt_administrators: bool, limit_contributor_minute: int, limit_contributor_day: int, limit_author_minute: int, limit_author_day: int, limit_editor_minute: int, limit_editor_day: int, limit_administrator_minute: int, limit_administrator_day: int}
 */
final class General_Settings {

	public const OPTION = 'acapi_general';

	/**
	 * The setting that allows the uninstaller to remove the plugin's data.
	 */
	public const DELETE_DATA_KEY = 'delete_data_on_uninstall';

	/**
	 * The settings group of the plugin's registered options.
	 */
	public const GROUP = 'acapi';

	/**
	 * The schema of the option: an object whose properties are the settings.
	 *
	 * @return array{type: string, properties: array<string, array<string, mixed>>, additionalProperties: bool}
	 */
	public static function schema(): array {
		return array(
			'type'                 => 'object',
			'properties'           => array(
				'default_template'      => array(
					'description' => __( 'Template used when a block or shortcode names none.', 'creators-connect-for-amazon' ),
					'type'        => 'string',
					'enum'        => array( 'box', 'list', 'grid', 'table', 'button', 'text_link', 'image_link' ),
					'default'     => 'box',
				),
				'button_text'           => array(
					'description' => __( 'Text of the buy button (\'\' uses the built-in text).', 'creators-connect-for-amazon' ),
					'type'        => 'string',
					'maxLength'   => 100,
					'default'     => '',
				),
				'link_target'           => array(
					'description' => __( 'Where product links open.', 'creators-connect-for-amazon' ),
					'type'        => 'string',
					'enum'        => array( '_blank', '_self' ),
					'default'     => '_blank',
				),
				'price_disclaimer'      => array(
					'description' => __( 'Price disclaimer text (\'\' uses Amazon\'s standard wording).', 'creators-connect-for-amazon' ),
					'type'        => 'string',
					'maxLength'   => 500,
					'default'     => '',
				),
				'disclosure_text'       => array(
					'description' => __( 'The Associates disclosure ([amazon_disclosure]); \'\' uses Amazon\'s statement.', 'creators-connect-for-amazon' ),
					'type'        => 'string',
					'maxLength'   => 500,
					'default'     => '',
				),
				'affiliate_label'       => array(
					'description' => __( 'Whether each product box carries an "Affiliate link" label.', 'creators-connect-for-amazon' ),
					'type'        => 'boolean',
					'default'     => false,
				),
				// Amazon allows offer data (price, availability) at most an hour old.
				'offer_max_age_minutes' => array(
					'description' => __( 'Oldest offer data (price, availability) shown, in minutes.', 'creators-connect-for-amazon' ),
					'type'        => 'integer',
					'minimum'     => 1,
					'maximum'     => 60,
					'default'     => 60,
				),
				// And any product data at most a day old.
				'catalog_max_age_hours' => array(
					'description' => __( 'Oldest catalog data (title, images) shown, in hours.', 'creators-connect-for-amazon' ),
					'type'        => 'integer',
					'minimum'     => 1,
					'maximum'     => 24,
					'default'     => 24,
				),
				'fallback_to_paapi'     => array(
					'description' => __( 'Use PA-API 5.0 when the Creators API cannot serve a marketplace.', 'creators-connect-for-amazon' ),
					'type'        => 'boolean',
					'default'     => true,
				),
				self::DELETE_DATA_KEY   => array(
					'description' => __( 'Delete the settings, the product table and caches when the plugin is deleted.', 'creators-connect-for-amazon' ),
					'type'        => 'boolean',
					'default'     => false,
				),
			) + self::spending_schema(),
			'additionalProperties' => false,
		);
	}

	/**
	 * Default Amazon calls per editor per minute and per day, by role tier. The whole site shares
	 * Amazon's allowance (about one call a second, 8,640 a day for a new account).
	 */
	public const ROLE_LIMITS = array(
		'contributor'   => array( 6, 100 ),
		'author'        => array( 10, 300 ),
		'editor'        => array( 20, 1000 ),
		'administrator' => array( 30, 2000 ),
	);

	/**
	 * The spending limits' part of the schema: the daily quota per credential, the per-user
	 * limits of editor paths by role, and the administrators' exemption.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	private static function spending_schema(): array {
		$out = array(
			'daily_quota'                 => array(
				'description' => __( 'Amazon calls per credential and day (UTC): Site Health warns at 80 %, searches and editor look-ups stop at 90 %, every call at 100 %.', 'creators-connect-for-amazon' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => 1000000,
				'default'     => 8640,
			),
			'limit_exempt_administrators' => array(
				'description' => __( 'Administrators are exempt from the per-user limits of Amazon calls.', 'creators-connect-for-amazon' ),
				'type'        => 'boolean',
				'default'     => true,
			),
		);
		foreach ( self::ROLE_LIMITS as $role => list( $minute, $day ) ) {
			$out[ 'limit_' . $role . '_minute' ] = array(
				/* translators: %s: a role name (contributor, author, editor, administrator). */
				'description' => sprintf( __( 'Amazon calls one %s may cause per minute while editing.', 'creators-connect-for-amazon' ), $role ),
				'type'        => 'integer',
				'minimum'     => 0,
				'maximum'     => 600,
				'default'     => $minute,
			);
			$out[ 'limit_' . $role . '_day' ]    = array(
				/* translators: %s: a role name (contributor, author, editor, administrator). */
				'description' => sprintf( __( 'Amazon calls one %s may cause per day (UTC) while editing.', 'creators-connect-for-amazon' ), $role ),
				'type'        => 'integer',
				'minimum'     => 0,
				'maximum'     => 100000,
				'default'     => $day,
			);
		}
		return $out;
	}

	/**
	 * Every setting's default, from the schema.
	 *
	 * @return General
	 */
	public static function defaults(): array {
		/**
		 * The schema's defaults have the shape of General.
		 *
		 * @var General $defaults
		 */
		$defaults = array_map( static fn( array $property ) => $property['default'], self::schema()['properties'] );
		return $defaults;
	}

	/**
	 * Whether the site asked for the plugin's data to be removed with it (read raw: the
	 * uninstaller runs without the plugin booted, and only a stored `true` counts).
	 */
	public static function deletes_data_on_uninstall(): bool {
		$settings = get_option( self::OPTION, array() );
		return is_array( $settings ) && ! empty( $settings[ self::DELETE_DATA_KEY ] );
	}

	/**
	 * Registers the option (Settings API and /wp/v2/settings): its schema and sanitizer. Runs on
	 * `init`, so that both the admin and the REST API know it. The defaults stay in the schema and
	 * read() and are not registered as the option's default: a missing option means "never saved"
	 * (get_option() answers false), which the uninstaller and the tests rely on.
	 */
	public static function register(): void {
		$schema = self::schema();
		register_setting(
			self::GROUP,
			self::OPTION,
			array(
				'type'              => 'object',
				'label'             => __( 'Amazon products: general settings', 'creators-connect-for-amazon' ),
				'description'       => __( 'Display defaults, data freshness, PA-API fallback and data removal of Creators Connect for Amazon.', 'creators-connect-for-amazon' ),
				'sanitize_callback' => array( self::class, 'sanitize' ),
				'show_in_rest'      => array(
					'name'   => 'acapi_general',
					'schema' => $schema,
				),
			)
		);
	}

	/**
	 * The settings as stored, defaults filled in. Read for every product a page shows: sanitised
	 * once per stored value, not per call.
	 *
	 * @return General
	 */
	public static function read(): array {
		static $stored = null, $general = null;
		$value         = get_option( self::OPTION, array() );
		if ( null === $general || $value !== $stored ) {
			$stored  = $value;
			$general = self::merge( is_array( $value ) ? $value : array(), self::defaults() );
		}
		return $general;
	}

	/**
	 * Saves changed settings over the stored ones (unknown keys dropped, values clamped to their
	 * ranges) and returns the whole option as saved.
	 *
	 * @param array<string, mixed> $input Changed values.
	 * @return General
	 */
	public static function save( array $input ): array {
		$general = self::merge( $input, self::read() );
		update_option( self::OPTION, $general, false );
		return $general;
	}

	/**
	 * The option's sanitize_callback (runs on every update_option()): the keys the schema knows,
	 * each valid by the schema; a missing or refused key gets its default. The value saved is the
	 * whole option (save() merges a change over the stored settings first).
	 *
	 * @param mixed $value The value being saved.
	 * @return General
	 */
	public static function sanitize( $value ): array {
		return self::merge( is_array( $value ) ? $value : array(), self::defaults() );
	}

	/**
	 * Values from $input over $base: unknown keys dropped, integers clamped to their range, any
	 * other value the schema refuses left at $base's.
	 *
	 * @param array<mixed> $input Input.
	 * @param General      $base  Values for missing or invalid keys.
	 * @return General
	 */
	public static function merge( array $input, array $base ): array {
		$out = $base;
		foreach ( self::schema()['properties'] as $key => $property ) {
			if ( ! array_key_exists( $key, $input ) ) {
				continue;
			}
			$value = $input[ $key ];
			if ( 'integer' === $property['type'] && is_numeric( $value ) ) {
				$value = max( $property['minimum'], min( $property['maximum'], (int) $value ) );
			}
			if ( true !== rest_validate_value_from_schema( $value, $property, $key ) ) {
				continue;
			}
			$value = rest_sanitize_value_from_schema( $value, $property, $key );
			// Shown on the front end: plain text only.
			$out[ $key ] = is_string( $value ) ? sanitize_text_field( $value ) : $value;
		}
		/**
		 * Every key is present and valid by the schema.
		 *
		 * @var General $out
		 */
		return $out;
	}
}
