<?php
/**
 * GET /products and GET /search: the editor's look-ups.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Rest;

use Creators_Connect\Catalog\Request_Budget;
use Creators_Connect\Rest\Products_Controller;
use Creators_Connect\Rest\Search_Controller;
use Creators_Connect\Tests\Emulator;
use Creators_Connect\Tests\Integration\Catalog\Catalog_Test_Case;

require_once dirname( __DIR__ ) . '/Catalog/Catalog_Test_Case.php';

/**
 * The products and search routes over the emulator (controllers wired to the test's routing table).
 */
final class Products_Rest_Test extends Catalog_Test_Case {

	/**
	 * Registers the controllers with this test's service after the plugin's own.
	 */
	protected function setUp(): void {
		parent::setUp();
		add_action( 'rest_api_init', array( $this, 'register_controllers' ), 99 );
	}

	/**
	 * Unregisters.
	 */
	protected function tearDown(): void {
		remove_action( 'rest_api_init', array( $this, 'register_controllers' ), 99 );
		parent::tearDown();
	}

	/**
	 * Action: the controllers on the test's routing table.
	 */
	public function register_controllers(): void {
		$budget  = new Request_Budget();
		$service = $this->service( null, $budget );
		( new Products_Controller( $service, $budget, $this->router() ) )->register_routes();
		( new Search_Controller( $service, $this->router() ) )->register_routes();
	}

	/**
	 * Products and per-ASIN errors, in the order asked.
	 */
	public function test_products_with_errors(): void {
		$this->act_as( 'author' );
		$asins    = array_slice( Emulator::catalog_asins( 'de' ), 0, 2 );
		$response = $this->rest(
			'GET',
			'/creators-connect-for-amazon/v1/products',
			null,
			array(
				'asins'   => implode( ',', array_merge( $asins, array( 'B0ZZZZZZZ1' ) ) ),
				'country' => 'de',
			)
		);
		$this->assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		$this->assertSame( 'de', $data['country'] );
		$this->assertSame( $asins, array_column( $data['products'], 'asin' ) );
		$this->assertArrayHasKey( 'detail_page_url', $data['products'][0] );
		$this->assertSame( 'creators', $data['products'][0]['source'] );
		$errors = (array) $data['errors'];
		$this->assertSame( 'invalid_asin', $errors['B0ZZZZZZZ1']['kind'] );
		$this->assertNotSame( '', $errors['B0ZZZZZZZ1']['message'] );
		$this->assertSame( 1, $this->get_items_calls() );

		// Again: from the store.
		$this->rest(
			'GET',
			'/creators-connect-for-amazon/v1/products',
			null,
			array(
				'asins'   => implode( ',', $asins ),
				'country' => 'de',
			)
		);
		$this->assertSame( 1, $this->get_items_calls() );
	}

	/**
	 * Without a country: the default marketplace. Not configured: an error per ASIN.
	 */
	public function test_default_and_not_configured(): void {
		$this->act_as( 'editor' );
		$asin = Emulator::catalog_asins( 'de' )[0];
		$data = $this->rest( 'GET', '/creators-connect-for-amazon/v1/products', null, array( 'asins' => $asin ) )->get_data();
		$this->assertSame( 'de', $data['country'] );
		$this->assertCount( 1, $data['products'] );

		$data = $this->rest(
			'GET',
			'/creators-connect-for-amazon/v1/products',
			null,
			array(
				'asins'   => $asin,
				'country' => 'it',
			)
		)->get_data();
		$this->assertSame( 'not_configured', ( (array) $data['errors'] )[ $asin ]['kind'] );
	}

	/**
	 * Capability, validation and the per-user rate limit.
	 */
	public function test_permissions_validation_and_rate_limit(): void {
		$query = array( 'asins' => Emulator::catalog_asins( 'de' )[0] );
		$this->act_as( null );
		$this->assertSame( 401, $this->rest( 'GET', '/creators-connect-for-amazon/v1/products', null, $query )->get_status() );
		$this->act_as( 'subscriber' );
		$this->assertSame( 403, $this->rest( 'GET', '/creators-connect-for-amazon/v1/products', null, $query )->get_status() );

		$this->act_as( 'author' );
		$this->assertSame( 400, $this->rest( 'GET', '/creators-connect-for-amazon/v1/products', null, array( 'asins' => '' ) )->get_status() );
		$this->assertSame( 400, $this->rest( 'GET', '/creators-connect-for-amazon/v1/products', null, array( 'asins' => implode( ',', array_fill( 0, 21, 'B000000001' ) ) . ',B000000002,' . implode( ',', array_map( static fn( int $i ): string => sprintf( 'B%09d', $i ), range( 10, 40 ) ) ) ) )->get_status() );
		$this->assertSame( 400, $this->rest( 'GET', '/creators-connect-for-amazon/v1/products', null, $query + array( 'country' => 'xyz' ) )->get_status() );

		add_filter( 'acapi_rest_rate_limit', static fn(): int => 2 );
		$this->assertSame( 200, $this->rest( 'GET', '/creators-connect-for-amazon/v1/products', null, $query )->get_status() );
		$this->assertSame( 200, $this->rest( 'GET', '/creators-connect-for-amazon/v1/products', null, $query )->get_status() );
		$limited = $this->rest( 'GET', '/creators-connect-for-amazon/v1/products', null, $query );
		$this->assertSame( 429, $limited->get_status() );
		$this->assertSame( 'acapi_rest_rate_limited', $limited->get_data()['code'] );
		$this->act_as( 'author' );
		$this->assertSame( 200, $this->rest( 'GET', '/creators-connect-for-amazon/v1/products', null, $query )->get_status(), 'per user' );
	}

	/**
	 * The schema describes the response.
	 */
	public function test_schema(): void {
		$this->act_as( 'author' );
		$request  = new \WP_REST_Request( 'OPTIONS', '/creators-connect-for-amazon/v1/products' );
		$response = rest_do_request( $request );
		$schema   = $response->get_data()['schema'];
		$this->assertSame( array( 'country', 'products', 'errors' ), array_keys( $schema['properties'] ) );
		$this->assertArrayHasKey( 'detail_page_url', $schema['properties']['products']['items']['properties'] );
	}

	/**
	 * Search: products, cached briefly; a failed search answers the error.
	 */
	public function test_search(): void {
		$this->act_as( 'author' );
		$query    = array(
			'keywords' => 'wireless headphones',
			'country'  => 'us',
		);
		$response = $this->rest( 'GET', '/creators-connect-for-amazon/v1/search', null, $query );
		$this->assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		$this->assertSame( 'us', $data['country'] );
		$this->assertSame( 1, $data['page'] );
		$this->assertNotEmpty( $data['products'] );
		$this->assertSame( 'us', $data['products'][0]['marketplace'] );
		$this->rest( 'GET', '/creators-connect-for-amazon/v1/search', null, $query );
		$this->assertSame( 1, $this->emulator->count( 'searchItems' ), 'cached' );

		$this->assertSame(
			400,
			$this->rest(
				'GET',
				'/creators-connect-for-amazon/v1/search',
				null,
				array(
					'keywords' => 'x',
					'page'     => 11,
				)
			)->get_status()
		);
		$failed = $this->rest(
			'GET',
			'/creators-connect-for-amazon/v1/search',
			null,
			array(
				'keywords' => 'x',
				'country'  => 'it',
			)
		);
		$this->assertSame( 'acapi_not_configured', $failed->get_data()['code'] );
	}
	/**
	 * Search filters: WordPress checks them against Search_Options' schema and names the allowed
	 * values; accepted ones reach Amazon (the emulator) in its names.
	 */
	public function test_search_filters(): void {
		$this->act_as( 'author' );
		$ok = $this->rest(
			'GET',
			'/creators-connect-for-amazon/v1/search',
			null,
			array(
				'keywords'           => 'headphones',
				'country'            => 'us',
				'sort_by'            => 'Price:LowToHigh',
				'availability'       => 'IncludeOutOfStock',
				'delivery_flags'     => array( 'Prime', 'FreeShipping' ),
				'min_price'          => 1000,
				'max_price'          => 90000,
				'min_reviews_rating' => 4,
				'min_saving_percent' => 10,
				'item_count'         => 5,
			)
		);
		$this->assertSame( 200, $ok->get_status(), (string) wp_json_encode( $ok->get_data() ) );
		$this->assertSame( 1, $this->emulator->count( 'searchItems' ) );
		$this->assertSame( 200, $this->emulator->requests( 'searchItems' )[0]['status'] );

		$refusals = array(
			'sort_by'            => array( 'Cheapest', 'AvgCustomerReviews, Featured, NewestArrivals, Price:HighToLow, Price:LowToHigh' ),
			'delivery_flags'     => array( array( 'Drone' ), 'AmazonGlobal, FreeShipping, FulfilledByAmazon' ),
			'min_price'          => array( 0, '1' ),
			'min_reviews_rating' => array( 5, '4' ),
			'min_saving_percent' => array( 100, '99' ),
		);
		foreach ( $refusals as $name => list( $value, $named ) ) {
			$response = $this->rest(
				'GET',
				'/creators-connect-for-amazon/v1/search',
				null,
				array(
					'keywords' => 'headphones',
					'country'  => 'us',
					$name      => $value,
				)
			);
			$this->assertSame( 400, $response->get_status(), $name );
			$this->assertStringContainsString( $named, (string) wp_json_encode( $response->get_data(), JSON_UNESCAPED_UNICODE ), $name );
		}
		$crossed = $this->rest(
			'GET',
			'/creators-connect-for-amazon/v1/search',
			null,
			array(
				'keywords'  => 'headphones',
				'min_price' => 5000,
				'max_price' => 1000,
			)
		);
		$this->assertSame( 400, $crossed->get_status() );
		$this->assertSame( 1, $this->emulator->count( 'searchItems' ), 'refused before Amazon' );
	}
}
