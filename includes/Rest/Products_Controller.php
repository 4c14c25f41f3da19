<?php
/**
 * GET /products: product preview look-up for the editor.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Rest;

use Creators_Connect\Model\Amazon_Error;
use Creators_Connect\Support\Shared_Store;
use Creators_Connect\Catalog\Product_Service;
use Creators_Connect\Catalog\Request_Budget;
use Creators_Connect\Catalog\Router;
use Creators_Connect\Reference\Product_Reference;

/**
 * `GET /creators-connect-for-amazon/v1/products?asins=A,B&country=de` → `{"country":"de","products":[…],
 * "errors":{"B":{"kind","message"}}}`: products (Product::to_array(), in the order asked) through
 * the same read path as pages (store first, Amazon for what is missing), plus an error per ASIN
 * that could not be provided.
 */
final class Products_Controller extends Catalog_Controller_Base {

	/**
	 * Most ASINs per request.
	 */
	public const MAX_ASINS = 20;

	/**
	 * Product service.
	 *
	 * @var Product_Service
	 */
	private Product_Service $service;

	/**
	 * What the request may spend (why products were held back: 429 for a spending limit).
	 *
	 * @var Request_Budget
	 */
	private Request_Budget $budget;

	/**
	 * Router (the marketplace a request names).
	 *
	 * @var Router
	 */
	private Router $router;

	/**
	 * Builds the controller.
	 *
	 * @param Product_Service   $service Product service.
	 * @param Request_Budget    $budget  The request budget the service spends.
	 * @param Router            $router  Router.
	 * @param Shared_Store|null $store   Rate-limit store.
	 */
	public function __construct( Product_Service $service, Request_Budget $budget, Router $router, ?Shared_Store $store = null ) {
		parent::__construct( 'products', $store );
		$this->service = $service;
		$this->budget  = $budget;
		$this->router  = $router;
	}

	/**
	 * Query arguments.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public function get_collection_params(): array {
		return array(
			'asins'   => array(
				'description'       => __( 'ASINs, separated by commas, spaces, semicolons or pipes (at most 20).', 'creators-connect-for-amazon' ),
				'type'              => 'string',
				'required'          => true,
				'validate_callback' => array( $this, 'validate_asins' ),
			),
			'country' => self::country_arg(),
		);
	}

	/**
	 * Validates the ASIN list: 1–20 entries.
	 *
	 * @param mixed $value Value.
	 * @return true|\WP_Error
	 */
	public function validate_asins( $value ) {
		$asins = Product_Reference::split( $value );
		if ( array() === $asins ) {
			return new \WP_Error( 'rest_invalid_param', __( 'Give at least one ASIN.', 'creators-connect-for-amazon' ), array( 'status' => 400 ) );
		}
		if ( count( $asins ) > self::MAX_ASINS ) {
			/* translators: %d: the largest number of ASINs. */
			return new \WP_Error( 'rest_invalid_param', sprintf( __( 'Give at most %d ASINs at once.', 'creators-connect-for-amazon' ), self::MAX_ASINS ), array( 'status' => 400 ) );
		}
		return true;
	}

	/**
	 * The products.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function get_items( $request ) {
		$asins   = Product_Reference::split( $request->get_param( 'asins' ) );
		$country = (string) $request->get_param( 'country' );
		$result  = $this->service->get_products( $country, $asins );
		$refusal = $this->budget->held_back();
		if ( null !== $refusal && Amazon_Error::DEFERRED !== $refusal->kind ) {
			// A spending limit held calls back: say so (429) rather than answer bare links.
			return $refusal->to_wp_error();
		}
		$data = array(
			'country'  => $this->router->country( $country ),
			'products' => array(),
			'errors'   => array(),
		);
		foreach ( $result->products as $product ) {
			$data['products'][] = self::product_data( $product );
		}
		foreach ( $result->errors as $asin => $error ) {
			$data['errors'][ (string) $asin ] = self::error_data( $error );
		}
		$data['errors'] = (object) $data['errors'];
		return rest_ensure_response( $data );
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
				'title'      => 'acapi-products',
				'type'       => 'object',
				'properties' => array(
					'country'  => array(
						'description' => __( 'The marketplace answered for ("" when none is set up).', 'creators-connect-for-amazon' ),
						'type'        => 'string',
						'context'     => array( 'view' ),
					),
					'products' => array(
						'type'    => 'array',
						'items'   => self::product_schema(),
						'context' => array( 'view' ),
					),
					'errors'   => array(
						'description'          => __( 'Errors by ASIN.', 'creators-connect-for-amazon' ),
						'type'                 => 'object',
						'additionalProperties' => self::error_schema(),
						'context'              => array( 'view' ),
					),
				),
			);
		}
		return $this->add_additional_fields_schema( $this->schema );
	}
}
