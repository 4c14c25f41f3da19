<?php
/**
 * GET /tracking-ids and PUT /tracking-ids/<country>: the extra partner tags per marketplace.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Rest;

use Creators_Connect\Settings\Marketplace_Rows;
use Creators_Connect\Settings\Tracking_Ids;

/**
 * `GET /creators-connect-for-amazon/v1/tracking-ids` (edit_posts: the block's "Tracking ID" list;
 * tags are public, every link carries one) → `{"default_country", "tracking_ids": {"de": [{"tag", "label"}]}}`;
 * `PUT /creators-connect-for-amazon/v1/tracking-ids/<country>` (manage_options) with
 * `{"tracking_ids": [{"tag", "label"}]}` replaces a marketplace's list.
 */
final class Tracking_Ids_Controller extends Rest_Controller {

	/**
	 * The tracking IDs.
	 *
	 * @var Tracking_Ids
	 */
	private Tracking_Ids $tracking;

	/**
	 * The marketplace entries (which one is the default).
	 *
	 * @var Marketplace_Rows
	 */
	private Marketplace_Rows $rows;

	/**
	 * Builds the controller.
	 *
	 * @param Tracking_Ids     $tracking The tracking IDs.
	 * @param Marketplace_Rows $rows     The marketplace entries (which one is the default).
	 */
	public function __construct( Tracking_Ids $tracking, Marketplace_Rows $rows ) {
		parent::__construct( 'tracking-ids' );
		$this->tracking = $tracking;
		$this->rows     = $rows;
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		register_rest_route(
			self::REST_NAMESPACE,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => array( $this, 'get_items_permissions_check' ),
					'args'                => array(),
				),
			),
			true
		);
		register_rest_route(
			self::REST_NAMESPACE,
			'/' . $this->rest_base . '/' . Marketplaces_Controller::COUNTRY_PATTERN,
			array(
				array(
					'methods'             => \WP_REST_Server::EDITABLE,
					'callback'            => array( $this, 'update_item' ),
					'permission_callback' => array( $this, 'update_item_permissions_check' ),
					'args'                => array(
						'country'      => array(
							'description' => __( 'Country code of the marketplace.', 'creators-connect-for-amazon' ),
							'type'        => 'string',
						),
						'tracking_ids' => array(
							'description' => __( 'The extra partner tags of the marketplace, each with a label.', 'creators-connect-for-amazon' ),
							'type'        => 'array',
							'required'    => true,
							'maxItems'    => Tracking_Ids::MAX,
							'items'       => array(
								'type'       => 'object',
								'properties' => array(
									'tag'   => array(
										'type'      => 'string',
										'maxLength' => 128,
									),
									'label' => array(
										'type'      => 'string',
										'maxLength' => Tracking_Ids::LABEL_MAX_LENGTH,
									),
								),
							),
						),
					),
				),
			),
			true
		);
	}

	/**
	 * Anyone who edits posts (the block picks from the list).
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request Request.
	 * @return true|\WP_Error
	 */
	public function get_items_permissions_check( $request ) {
		unset( $request );
		return self::allow( 'edit_posts', __( 'Sorry, you are not allowed to see the tracking IDs.', 'creators-connect-for-amazon' ) );
	}

	/**
	 * Administrators only.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request Request.
	 * @return true|\WP_Error
	 */
	public function update_item_permissions_check( $request ) {
		unset( $request );
		return self::allow( 'manage_options', __( 'Sorry, you are not allowed to manage the Amazon settings.', 'creators-connect-for-amazon' ) );
	}

	/**
	 * Every marketplace's list.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request Request.
	 * @return \WP_REST_Response
	 */
	public function get_items( $request ) {
		unset( $request );
		return new \WP_REST_Response(
			array(
				'default_country' => $this->rows->default_country(),
				'tracking_ids'    => (object) $this->tracking->all(),
			)
		);
	}

	/**
	 * Replaces one marketplace's list.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function update_item( $request ) {
		$saved = $this->tracking->save( is_string( $request['country'] ) ? $request['country'] : '', is_array( $request['tracking_ids'] ) ? $request['tracking_ids'] : array() );
		return is_wp_error( $saved ) ? $saved : new \WP_REST_Response( $saved );
	}
}
