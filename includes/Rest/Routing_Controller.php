<?php
/**
 * GET /routing: which API answers for each marketplace, and why (the settings screen's summary).
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Rest;

use Creators_Connect\Catalog\Routing_Summary;
use Creators_Connect\Marketplace\Marketplace_Registry;

/**
 * `GET /creators-connect-for-amazon/v1/routing` (manage_options) →
 * `{"routes":[{"country","name","status","credential_type","api","api_version","reason","paapi_retired_warning","circuit","last_failure","quota"}],"default_country"}`
 * for every marketplace with some configuration (Creators API or PA-API credentials, or an
 * enabled/disabled entry in the settings) plus the default marketplace. `quota` is the route's
 * credential's Amazon calls today and the daily limit (`{"calls_today","daily_limit"}`, null
 * without a credential).
 */
final class Routing_Controller extends Rest_Controller {

	/**
	 * The routing summary.
	 *
	 * @var Routing_Summary
	 */
	private Routing_Summary $routes;

	/**
	 * Marketplace status from the settings: country → `enabled`, `disabled` or `not_configured`.
	 *
	 * @var (callable(string): string)|null
	 */
	private $marketplace_status;

	/**
	 * A marketplace's calls today: country → {calls_today, daily_limit} or null.
	 *
	 * @var (callable(string): (array{calls_today: int, daily_limit: int}|null))|null
	 */
	private $usage;

	/**
	 * Builds the controller.
	 *
	 * @param Routing_Summary                                                           $routes             The routing summary.
	 * @param (callable(string): string)|null                                           $marketplace_status Settings status per country (null: derived from the credentials).
	 * @param (callable(string): (array{calls_today: int, daily_limit: int}|null))|null $usage   Calls today per country (Quota_Check::usage()).
	 */
	public function __construct( Routing_Summary $routes, ?callable $marketplace_status = null, ?callable $usage = null ) {
		parent::__construct( 'routing' );
		$this->routes             = $routes;
		$this->marketplace_status = $marketplace_status;
		$this->usage              = $usage;
	}

	/**
	 * The route takes no arguments.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public function get_collection_params(): array {
		return array();
	}

	/**
	 * Administrators only.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request Request.
	 * @return true|\WP_Error
	 */
	public function get_items_permissions_check( $request ) {
		unset( $request );
		return self::allow( 'manage_options', __( 'Sorry, you are not allowed to see the Amazon routing.', 'creators-connect-for-amazon' ) );
	}

	/**
	 * The summary.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request Request.
	 * @return \WP_REST_Response
	 */
	public function get_items( $request ) {
		unset( $request );
		return rest_ensure_response( $this->summary() );
	}

	/**
	 * The summary as an array.
	 *
	 * @return array{routes: list<array<string, mixed>>, default_country: string|null}
	 */
	public function summary(): array {
		$countries = $this->routes->configured_countries();
		$status    = array();
		if ( null !== $this->marketplace_status ) {
			foreach ( Marketplace_Registry::countries() as $country ) {
				$value = ( $this->marketplace_status )( $country );
				if ( in_array( $value, array( 'enabled', 'links_only', 'disabled' ), true ) ) {
					$status[ $country ] = $value;
				} elseif ( 'not_configured' === $value ) {
					$status[ $country ] = 'not_configured';
				}
			}
		}
		$routes = array();
		foreach ( Marketplace_Registry::countries() as $country ) {
			$listed = in_array( $country, $countries, true ) || in_array( $status[ $country ] ?? '', array( 'enabled', 'links_only', 'disabled' ), true );
			if ( $listed ) {
				$routes[] = $this->routes->describe( $country, $status[ $country ] ?? null ) + array( 'quota' => null !== $this->usage ? ( $this->usage )( $country ) : null );
			}
		}
		$default = $this->routes->default_country();
		return array(
			'routes'          => $routes,
			'default_country' => '' === $default ? null : $default,
		);
	}

	/**
	 * The response schema.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		if ( null === $this->schema ) {
			$this->schema = array(
				'$schema'    => 'http://json-schema.org/draft-04/schema#',
				'title'      => 'acapi-routing',
				'type'       => 'object',
				'properties' => array(
					'routes'          => array(
						'type'    => 'array',
						'context' => array( 'view' ),
						'items'   => array(
							'type'       => 'object',
							'properties' => array(
								'country'               => array( 'type' => 'string' ),
								'name'                  => array( 'type' => 'string' ),
								'status'                => array(
									'type' => 'string',
									'enum' => array( 'enabled', 'links_only', 'disabled', 'not_configured' ),
								),
								'credential_type'       => array(
									'type' => array( 'string', 'null' ),
									'enum' => array( 'cognito', 'lwa', null ),
								),
								'api'                   => array(
									'type' => 'string',
									'enum' => array( 'creators', 'paapi', 'none' ),
								),
								'api_version'           => array( 'type' => array( 'string', 'null' ) ),
								'reason'                => array(
									'description' => __( 'Why this API answers, in plain language.', 'creators-connect-for-amazon' ),
									'type'        => 'string',
								),
								'paapi_retired_warning' => array( 'type' => 'boolean' ),
								'circuit'               => array(
									'type' => 'string',
									'enum' => array( 'closed', 'open', 'half_open' ),
								),
								'last_failure'          => array(
									'description' => __( 'The Creators API\'s last failure within a day, or null.', 'creators-connect-for-amazon' ),
									'type'        => array( 'object', 'null' ),
									'properties'  => array(
										'api'      => array( 'type' => 'string' ),
										'kind'     => array( 'type' => 'string' ),
										'label'    => array( 'type' => 'string' ),
										'message'  => array( 'type' => 'string' ),
										'at'       => array(
											'type'   => 'string',
											'format' => 'date-time',
										),
										'time'     => array( 'type' => 'string' ),
										'fallback' => array(
											'type' => array( 'string', 'null' ),
											'enum' => array( 'answered', 'failed', null ),
										),
									),
								),
								'quota'                 => array(
									'description' => __( 'The credential\'s Amazon calls today (UTC) and the daily limit.', 'creators-connect-for-amazon' ),
									'type'        => array( 'object', 'null' ),
									'properties'  => array(
										'calls_today' => array( 'type' => 'integer' ),
										'daily_limit' => array( 'type' => 'integer' ),
									),
								),
							),
						),
					),
					'default_country' => array(
						'type'    => array( 'string', 'null' ),
						'context' => array( 'view' ),
					),
				),
			);
		}
		return $this->add_additional_fields_schema( $this->schema );
	}
}
