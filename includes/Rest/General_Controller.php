<?php
/**
 * REST route of the general settings.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Rest;

use Creators_Connect\Settings\Settings_Repository;

/**
 * `GET|PUT|POST|PATCH /general`: template, button text, link target, disclaimer, cache freshness,
 * PA-API fallback, data removal on uninstall. The schema validates (core's rest_invalid_param).
 */
final class General_Controller extends Settings_Controller_Base {

	/**
	 * Builds the controller.
	 *
	 * @param Settings_Repository $settings The settings.
	 */
	public function __construct( Settings_Repository $settings ) {
		parent::__construct( $settings, 'general' );
	}

	/**
	 * The general settings.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request Request.
	 */
	public function get_item( $request ): \WP_REST_Response {
		unset( $request );
		return new \WP_REST_Response( $this->settings->general() );
	}

	/**
	 * Saves the keys sent.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request Request.
	 */
	public function update_item( $request ): \WP_REST_Response {
		$params = $request->get_json_params();
		$params = is_array( $params ) && array() !== $params ? $params : $request->get_body_params();
		$keys   = array_keys( Settings_Repository::general_defaults() );
		return new \WP_REST_Response( $this->settings->save_general( array_intersect_key( $params, array_flip( $keys ) ) ) );
	}

	/**
	 * The schema.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		if ( is_array( $this->schema ) ) {
			return $this->schema;
		}
		$view         = array( 'view', 'edit' );
		$defaults     = Settings_Repository::general_defaults();
		$this->schema = array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'acapi-general',
			'type'       => 'object',
			'properties' => array(
				'default_template'                   => array(
					'description' => __( 'Template used when a block or shortcode names none.', 'creators-connect-for-amazon' ),
					'type'        => 'string',
					'enum'        => Settings_Repository::TEMPLATES,
					'default'     => $defaults['default_template'],
					'context'     => $view,
				),
				'button_text'                        => array(
					'description' => __( 'Text of the buy button (\'\' uses the built-in text).', 'creators-connect-for-amazon' ),
					'type'        => 'string',
					'maxLength'   => 100,
					'default'     => $defaults['button_text'],
					'context'     => $view,
				),
				'link_target'                        => array(
					'description' => __( 'Where product links open.', 'creators-connect-for-amazon' ),
					'type'        => 'string',
					'enum'        => Settings_Repository::LINK_TARGETS,
					'default'     => $defaults['link_target'],
					'context'     => $view,
				),
				'price_disclaimer'                   => array(
					'description' => __( 'Price disclaimer text (\'\' uses Amazon\'s standard wording).', 'creators-connect-for-amazon' ),
					'type'        => 'string',
					'maxLength'   => 500,
					'default'     => $defaults['price_disclaimer'],
					'context'     => $view,
				),
				'disclosure_text'                    => array(
					'description' => __( 'The Associates disclosure ([amazon_disclosure]); \'\' uses Amazon\'s statement.', 'creators-connect-for-amazon' ),
					'type'        => 'string',
					'maxLength'   => 500,
					'default'     => $defaults['disclosure_text'],
					'context'     => $view,
				),
				'affiliate_label'                    => array(
					'description' => __( 'Whether each product box carries an "Affiliate link" label.', 'creators-connect-for-amazon' ),
					'type'        => 'boolean',
					'default'     => $defaults['affiliate_label'],
					'context'     => $view,
				),
				'offer_max_age_minutes'              => array(
					'description' => __( 'Oldest offer data (price, availability) shown, in minutes.', 'creators-connect-for-amazon' ),
					'type'        => 'integer',
					'minimum'     => 1,
					'maximum'     => 60,
					'default'     => $defaults['offer_max_age_minutes'],
					'context'     => $view,
				),
				'catalog_max_age_hours'              => array(
					'description' => __( 'Oldest catalog data (title, images) shown, in hours.', 'creators-connect-for-amazon' ),
					'type'        => 'integer',
					'minimum'     => 1,
					'maximum'     => 24,
					'default'     => $defaults['catalog_max_age_hours'],
					'context'     => $view,
				),
				'fallback_to_paapi'                  => array(
					'description' => __( 'Use PA-API 5.0 when the Creators API cannot serve a marketplace.', 'creators-connect-for-amazon' ),
					'type'        => 'boolean',
					'default'     => $defaults['fallback_to_paapi'],
					'context'     => $view,
				),
				Settings_Repository::DELETE_DATA_KEY => array(
					'description' => __( 'Delete the settings, the product table and caches when the plugin is deleted.', 'creators-connect-for-amazon' ),
					'type'        => 'boolean',
					'default'     => $defaults[ Settings_Repository::DELETE_DATA_KEY ],
					'context'     => $view,
				),
			),
		);
		return $this->schema;
	}
}
