<?php
/**
 * Unit tests of the normalised product model.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Unit\Model;

use Creators_Connect\Model\Product;
use PHPUnit\Framework\TestCase;

/**
 * Product.
 */
final class Product_Test extends TestCase {

	/**
	 * A product with every member set.
	 */
	private static function full(): Product {
		return new Product(
			asin: 'B0BEXAMPL2',
			marketplace: 'us',
			title: 'ExampleBrand Electric Kettle, 1.7 L',
			detail_page_url: 'https://www.amazon.com/dp/B0BEXAMPL2?tag=mysite-20&linkCode=ogi&th=1&psc=1',
			images: array(
				'medium' => array(
					'url'    => 'https://m.media-amazon.com/images/I/41AbCdEfGhL._SL160_.jpg',
					'width'  => 120,
					'height' => 160,
				),
				'large'  => array(
					'url'    => 'https://m.media-amazon.com/images/I/41AbCdEfGhL.jpg',
					'width'  => 375,
					'height' => 500,
				),
			),
			price: array(
				'amount'   => 34.0,
				'currency' => 'USD',
				'display'  => '$34.00',
			),
			list_price: array(
				'amount'   => 49.99,
				'currency' => 'USD',
				'display'  => '$49.99',
			),
			savings: array(
				'amount'   => 15.99,
				'currency' => 'USD',
				'display'  => '$15.99',
			),
			savings_percent: 32,
			availability: array(
				'message' => 'In Stock',
				'type'    => 'IN_STOCK',
			),
			condition: 'New',
			merchant: 'Amazon.com',
			is_buy_box_winner: true,
			deal: array(
				'badge'           => 'Limited time deal',
				'access_type'     => 'ALL',
				'type'            => 'LIGHTNING_DEAL',
				'start_time'      => '2026-05-20T07:00Z',
				'end_time'        => '2026-05-27T06:59:59Z',
				'percent_claimed' => 40,
			),
			features: array( 'Stainless steel body', '2-year warranty' ),
			brand: 'ExampleBrand',
			by_line: 'Jane Doe (Author)',
			rating: 4.0,
			review_count: 1234,
			browse_nodes: array(
				array(
					'id'         => '289935',
					'name'       => 'Electric Kettles',
					'sales_rank' => 12,
				),
			),
			fetched_at: 1767225600,
			source: 'creators',
			api_version: '3.1',
			parent_asin: 'B0BPARENT9',
			list_price_label: 'List Price',
			violates_map: false,
			variation_attributes: array( 'color_name' => 'Silver' ),
			unit_price: array(
				'amount'   => 2.0,
				'currency' => 'EUR',
				'display'  => '2,00 €',
				'unit'     => '100 ml',
			),
			loyalty_points: 34,
			sub_condition: 'LikeNew',
			condition_note: 'Box opened',
			merchant_id: 'A3JWKAKR8XB7XF'
		);
	}

	/**
	 * Round trip: to_array() → JSON → from_array() gives back the same product, exactly (floats like 34.0 and 4.0 included).
	 */
	public function test_round_trip_through_json_is_exact(): void {
		$product = self::full();
		$json    = (string) json_encode( $product->to_array() );
		$back    = Product::from_array( (array) json_decode( $json, true ) );
		$this->assertSame( $product->to_array(), $back->to_array() );
		$this->assertEquals( $product, $back );
		$this->assertSame( 34.0, $back->price['amount'] ?? null );
		$this->assertSame( 4.0, $back->rating );
	}

	/**
	 * A minimal product round-trips too, with nulls kept as nulls.
	 */
	public function test_minimal_round_trip(): void {
		$product = new Product( 'B000000001', 'de' );
		$back    = Product::from_array( (array) json_decode( (string) json_encode( $product->to_array() ), true ) );
		$this->assertSame( $product->to_array(), $back->to_array() );
		$this->assertNull( $back->price );
		$this->assertNull( $back->is_buy_box_winner );
		$this->assertFalse( $back->has_price() );
	}

	/**
	 * A product stored before unit prices, points, sub-conditions and merchant ids existed still
	 * loads, with those members empty; a unit price stored without its unit keeps its money.
	 */
	public function test_products_stored_before_the_offer_details_still_load(): void {
		$stored = self::full()->to_array();
		unset( $stored['unit_price'], $stored['loyalty_points'], $stored['sub_condition'], $stored['condition_note'], $stored['merchant_id'] );
		$back = Product::from_array( (array) json_decode( (string) json_encode( $stored ), true ) );
		$this->assertSame( 34.0, $back->price['amount'] ?? null );
		$this->assertNull( $back->unit_price );
		$this->assertNull( $back->loyalty_points );
		$this->assertNull( $back->sub_condition );
		$this->assertNull( $back->condition_note );
		$this->assertNull( $back->merchant_id );

		$no_unit = Product::from_array(
			array(
				'asin'        => 'B000000001',
				'marketplace' => 'de',
				'unit_price'  => array(
					'amount'   => 1,
					'currency' => 'EUR',
					'display'  => '1,00 €',
				),
			)
		);
		$this->assertSame( '', $no_unit->unit_price['unit'] ?? null );
		$this->assertSame( 1.0, $no_unit->unit_price['amount'] ?? null );
		$this->assertNull( Product::from_array( array( 'unit_price' => 'nonsense' ) )->unit_price );
	}

	/**
	 * Unexpected stored data does not break from_array().
	 */
	public function test_from_array_is_tolerant(): void {
		$product = Product::from_array(
			array(
				'asin'         => 'B000000002',
				'price'        => array( 'amount' => 'n/a' ),
				'images'       => array(
					'large' => array( 'url' => '' ),
					'small' => array(
						'url'   => 'https://m.media-amazon.com/x.jpg',
						'width' => '75',
					),
				),
				'features'     => array( 'a', 3, null ),
				'browse_nodes' => 'nope',
			)
		);
		$this->assertNull( $product->price );
		$this->assertSame( array( 'small' ), array_keys( $product->images ) );
		$this->assertSame( 75, $product->images['small']['width'] );
		$this->assertSame( array( 'a' ), $product->features );
		$this->assertSame( array(), $product->browse_nodes );
	}

	/**
	 * Image fallbacks, the MAP flag and the fetch-time wither.
	 */
	public function test_helpers(): void {
		$product = self::full();
		$this->assertSame( 'https://m.media-amazon.com/images/I/41AbCdEfGhL.jpg', $product->best_image( 'large' )['url'] ?? null );
		$this->assertSame( 'https://m.media-amazon.com/images/I/41AbCdEfGhL._SL160_.jpg', $product->best_image( 'small' )['url'] ?? null );
		$this->assertNull( $product->image( 'hires' ) );
		$this->assertTrue( $product->has_price() );

		$later = $product->with_fetched_at( 1767229200 );
		$this->assertSame( 1767229200, $later->fetched_at );
		$this->assertSame( 1767225600, $product->fetched_at );

		$map = Product::from_array( array( 'violates_map' => true ) + $product->to_array() );
		$this->assertFalse( $map->has_price() );
	}
}
