<?php
/**
 * What the editor's catalog routes share: namespace, capability, per-user rate limit, schemas.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Rest;

use Creators_Connect\Model\Amazon_Error;
use Creators_Connect\Support\Shared_Store;
use Creators_Connect\Model\Product;

/**
 * Base of the products, search and resolve controllers: `edit_posts`, and at most 60 requests a
 * minute per user and route (filter `acapi_rest_rate_limit`; 0 turns it off), since each may
 * reach Amazon, whose rate is shared by the whole site.
 */
abstract class Catalog_Controller_Base extends Rest_Controller {

	/**
	 * Default requests per minute per user and route.
	 */
	public const RATE_LIMIT = 60;

	/**
	 * Counter store.
	 *
	 * @var Shared_Store
	 */
	protected Shared_Store $store;

	/**
	 * Builds the controller.
	 *
	 * @param string            $rest_base Route base.
	 * @param Shared_Store|null $store     Store for rate-limit counters and short caches.
	 */
	public function __construct( string $rest_base, ?Shared_Store $store = null ) {
		parent::__construct( $rest_base );
		$this->store = $store ?? new Shared_Store();
	}

	/**
	 * Authors and up (edit_posts), within the per-user rate limit.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request Request.
	 * @return true|\WP_Error
	 */
	public function get_items_permissions_check( $request ) {
		unset( $request );
		$allowed = self::allow( 'edit_posts', __( 'Sorry, you are not allowed to look up Amazon products.', 'creators-connect-for-amazon' ) );
		return true === $allowed ? $this->rate_limit() : $allowed;
	}

	/**
	 * Counts a request of the current user; a WP_Error (429) past the limit.
	 *
	 * @return true|\WP_Error
	 */
	protected function rate_limit() {
		$limit = apply_filters( 'acapi_rest_rate_limit', self::RATE_LIMIT, $this->rest_base );
		$limit = is_numeric( $limit ) ? (int) $limit : self::RATE_LIMIT;
		if ( $limit <= 0 ) {
			return true;
		}
		// A minute from the first request (not the clock's minute, whose turn would reset the count
		// in the middle of a burst).
		$now   = time();
		$key   = 'rest_' . $this->rest_base . '_' . get_current_user_id();
		$entry = $this->store->get( $key );
		if ( ! is_array( $entry ) || ! isset( $entry['start'], $entry['count'] ) || $now - (int) $entry['start'] >= 60 ) {
			$entry = array(
				'start' => $now,
				'count' => 0,
			);
		}
		if ( (int) $entry['count'] >= $limit ) {
			return new \WP_Error(
				'acapi_rest_rate_limited',
				__( 'Too many Amazon look-ups in a short time. Wait a minute, then try again.', 'creators-connect-for-amazon' ),
				array(
					'status'      => 429,
					'retry_after' => max( 1, 60 - ( $now - (int) $entry['start'] ) ),
				)
			);
		}
		$entry['count'] = (int) $entry['count'] + 1;
		$this->store->set( $key, $entry, 61 );
		return true;
	}

	/**
	 * A product for a response: Product::to_array().
	 *
	 * @param Product $product Product.
	 * @return array<string, mixed>
	 */
	protected static function product_data( Product $product ): array {
		return $product->to_array();
	}

	/**
	 * An error for a response: kind and plain-language message.
	 *
	 * @param Amazon_Error $error Error.
	 * @return array{kind: string, message: string}
	 */
	protected static function error_data( Amazon_Error $error ): array {
		return array(
			'kind'    => $error->kind,
			'message' => $error->message(),
		);
	}

	/**
	 * The `country` argument.
	 *
	 * @return array<string, mixed>
	 */
	protected static function country_arg(): array {
		return array(
			'description'       => __( 'Marketplace country code (e.g. de); empty for the default marketplace.', 'creators-connect-for-amazon' ),
			'type'              => 'string',
			'default'           => '',
			'pattern'           => '^([A-Za-z]{2})?$',
			'validate_callback' => 'rest_validate_request_arg',
			'sanitize_callback' => static fn( $value ): string => strtolower( trim( (string) $value ) ),
		);
	}

	/**
	 * JSON schema of an error entry.
	 *
	 * @return array<string, mixed>
	 */
	protected static function error_schema(): array {
		return array(
			'type'       => 'object',
			'properties' => array(
				'kind'    => array(
					'type' => 'string',
					'enum' => Amazon_Error::KINDS,
				),
				'message' => array( 'type' => 'string' ),
			),
		);
	}

	/**
	 * JSON schema of a product (Product::to_array()).
	 *
	 * @return array<string, mixed>
	 */
	protected static function product_schema(): array {
		$money = array(
			'type'       => array( 'object', 'null' ),
			'properties' => array(
				'amount'   => array( 'type' => 'number' ),
				'currency' => array( 'type' => 'string' ),
				'display'  => array( 'type' => 'string' ),
			),
		);
		$image = array(
			'type'       => 'object',
			'properties' => array(
				'url'    => array(
					'type'   => 'string',
					'format' => 'uri',
				),
				'width'  => array( 'type' => 'integer' ),
				'height' => array( 'type' => 'integer' ),
			),
		);
		return array(
			'type'       => 'object',
			'properties' => array(
				'asin'                 => array( 'type' => 'string' ),
				'marketplace'          => array( 'type' => 'string' ),
				'title'                => array( 'type' => 'string' ),
				'detail_page_url'      => array( 'type' => 'string' ),
				'images'               => array(
					'type'       => 'object',
					'properties' => array(
						'small'  => $image,
						'medium' => $image,
						'large'  => $image,
						'hires'  => $image,
					),
				),
				'price'                => $money,
				'list_price'           => $money,
				'list_price_label'     => array( 'type' => array( 'string', 'null' ) ),
				'savings'              => $money,
				'savings_percent'      => array( 'type' => array( 'integer', 'null' ) ),
				'availability'         => array(
					'type'       => array( 'object', 'null' ),
					'properties' => array(
						'message' => array( 'type' => 'string' ),
						'type'    => array( 'type' => 'string' ),
					),
				),
				'condition'            => array( 'type' => array( 'string', 'null' ) ),
				'merchant'             => array( 'type' => array( 'string', 'null' ) ),
				'is_buy_box_winner'    => array( 'type' => array( 'boolean', 'null' ) ),
				'violates_map'         => array( 'type' => 'boolean' ),
				'deal'                 => array( 'type' => array( 'object', 'null' ) ),
				'features'             => array(
					'type'  => 'array',
					'items' => array( 'type' => 'string' ),
				),
				'brand'                => array( 'type' => array( 'string', 'null' ) ),
				'by_line'              => array( 'type' => array( 'string', 'null' ) ),
				'rating'               => array( 'type' => array( 'number', 'null' ) ),
				'review_count'         => array( 'type' => array( 'integer', 'null' ) ),
				'browse_nodes'         => array(
					'type'  => 'array',
					'items' => array(
						'type'       => 'object',
						'properties' => array(
							'id'         => array( 'type' => 'string' ),
							'name'       => array( 'type' => 'string' ),
							'sales_rank' => array( 'type' => array( 'integer', 'null' ) ),
						),
					),
				),
				'parent_asin'          => array( 'type' => array( 'string', 'null' ) ),
				'variation_attributes' => array(
					'type'                 => 'object',
					'additionalProperties' => array( 'type' => 'string' ),
				),
				'fetched_at'           => array(
					'description' => __( 'Unix time the data was fetched (0: not fetched yet).', 'creators-connect-for-amazon' ),
					'type'        => 'integer',
				),
				'source'               => array(
					'type' => 'string',
					'enum' => array( 'creators', 'paapi' ),
				),
				'api_version'          => array( 'type' => 'string' ),
			),
		);
	}
}
