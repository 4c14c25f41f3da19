<?php
/**
 * GET /search: keyword search for the editor.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Rest;

use Creators_Connect\Amazon\Search_Options;
use Creators_Connect\Support\Shared_Store;
use Creators_Connect\Catalog\Product_Service;
use Creators_Connect\Catalog\Router;

/**
 * `GET /creators-connect-for-amazon/v1/search?keywords=&country=&search_index=&page=` plus Amazon's
 * filters (`sort_by`, `availability`, `delivery_flags`, `min_price`, …; see Search_Options) →
 * `{"country","keywords","page","total","search_url","products":[…],"errors":[{"kind","message"}]}`.
 * Results are cached for 5 minutes (filter `acapi_search_cache_ttl`). A search that fails
 * outright answers the error (`acapi_<kind>`, with its HTTP status).
 */
final class Search_Controller extends Catalog_Controller_Base {

	/**
	 * Product service.
	 *
	 * @var Product_Service
	 */
	private Product_Service $service;

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
	 * @param Router            $router  Router.
	 * @param Shared_Store|null $store   Rate-limit store.
	 */
	public function __construct( Product_Service $service, Router $router, ?Shared_Store $store = null ) {
		parent::__construct( 'search', $store );
		$this->service = $service;
		$this->router  = $router;
	}

	/**
	 * Query arguments.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public function get_collection_params(): array {
		return array(
			'keywords'     => array(
				'description'       => __( 'Search keywords.', 'creators-connect-for-amazon' ),
				'type'              => 'string',
				'required'          => true,
				'minLength'         => 1,
				'maxLength'         => 200,
				'sanitize_callback' => 'sanitize_text_field',
			),
			'country'      => self::country_arg(),
			'search_index' => array(
				'description'       => __( 'Amazon search index (category), e.g. Books; empty for All.', 'creators-connect-for-amazon' ),
				'type'              => 'string',
				'default'           => '',
				'pattern'           => '^[A-Za-z]*$',
				'sanitize_callback' => 'sanitize_text_field',
			),
			'page'         => array(
				'description' => __( 'Result page (1–10).', 'creators-connect-for-amazon' ),
				'type'        => 'integer',
				'default'     => 1,
				'minimum'     => 1,
				'maximum'     => 10,
			),
		) + self::filter_args();
	}

	/**
	 * Amazon's search filters (enums and ranges from Search_Options, so WordPress refuses a value
	 * Amazon would refuse and names the allowed ones).
	 *
	 * @return array<string, array<string, mixed>>
	 */
	private static function filter_args(): array {
		$descriptions = array(
			'item_count'         => __( 'Results per page (1–10).', 'creators-connect-for-amazon' ),
			'sort_by'            => __( 'Sort order.', 'creators-connect-for-amazon' ),
			'availability'       => __( 'Available only, or include out-of-stock items.', 'creators-connect-for-amazon' ),
			'delivery_flags'     => __( 'Delivery options every result must have.', 'creators-connect-for-amazon' ),
			'condition'          => __( 'Offer condition.', 'creators-connect-for-amazon' ),
			'min_price'          => __( 'Lowest price in the currency\'s smallest unit (1999 = 19.99).', 'creators-connect-for-amazon' ),
			'max_price'          => __( 'Highest price in the currency\'s smallest unit (1999 = 19.99).', 'creators-connect-for-amazon' ),
			'min_reviews_rating' => __( 'Lowest average star rating (1–4).', 'creators-connect-for-amazon' ),
			'min_saving_percent' => __( 'Lowest saving in percent (1–99).', 'creators-connect-for-amazon' ),
			'brand'              => __( 'Brand.', 'creators-connect-for-amazon' ),
			'browse_node_id'     => __( 'Browse node (category) id.', 'creators-connect-for-amazon' ),
		);
		$args         = array();
		foreach ( $descriptions as $name => $description ) {
			$args[ $name ] = array( 'description' => $description ) + Search_Options::rest_args()[ $name ];
		}
		return $args;
	}

	/**
	 * The search.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function get_items( $request ) {
		$country  = (string) $request->get_param( 'country' );
		$keywords = trim( (string) $request->get_param( 'keywords' ) );
		$page     = max( 1, min( 10, (int) $request->get_param( 'page' ) ) );
		$params   = array(
			'item_page'  => $page,
			'item_count' => 10,
		);
		$index    = (string) $request->get_param( 'search_index' );
		if ( '' !== $index ) {
			$params['search_index'] = $index;
		}
		$filters = array();
		foreach ( array_keys( self::filter_args() ) as $name ) {
			$filters[ $name ] = $request->get_param( $name );
		}
		list( $filters, $problems ) = Search_Options::validate( $filters );
		if ( array() !== $problems ) {
			return new \WP_Error( 'rest_invalid_param', implode( ' ', $problems ), array( 'status' => 400 ) );
		}
		$params = $filters + $params;
		$result = $this->service->search( $country, $keywords, $params );
		if ( $result->is_empty() && array() !== $result->errors ) {
			return $result->errors[0]->to_wp_error();
		}
		return rest_ensure_response(
			array(
				'country'    => $this->router->country( $country ),
				'keywords'   => $keywords,
				'page'       => $page,
				'total'      => $result->total,
				'search_url' => $result->search_url,
				'products'   => array_map( array( self::class, 'product_data' ), $result->products ),
				'errors'     => array_map( array( self::class, 'error_data' ), $result->errors ),
			)
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
				'title'      => 'acapi-search',
				'type'       => 'object',
				'properties' => array(
					'country'    => array(
						'type'    => 'string',
						'context' => array( 'view' ),
					),
					'keywords'   => array(
						'type'    => 'string',
						'context' => array( 'view' ),
					),
					'page'       => array(
						'type'    => 'integer',
						'context' => array( 'view' ),
					),
					'total'      => array(
						'description' => __( 'Total results Amazon reports.', 'creators-connect-for-amazon' ),
						'type'        => 'integer',
						'context'     => array( 'view' ),
					),
					'search_url' => array(
						'description' => __( 'Amazon\'s search page URL, exactly as returned.', 'creators-connect-for-amazon' ),
						'type'        => 'string',
						'context'     => array( 'view' ),
					),
					'products'   => array(
						'type'    => 'array',
						'items'   => self::product_schema(),
						'context' => array( 'view' ),
					),
					'errors'     => array(
						'type'    => 'array',
						'items'   => self::error_schema(),
						'context' => array( 'view' ),
					),
				),
			);
		}
		return $this->add_additional_fields_schema( $this->schema );
	}
}
