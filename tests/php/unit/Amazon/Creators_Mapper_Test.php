<?php
/**
 * Unit tests of the Creators API mapper against fixture answers.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Unit\Amazon;

use Creators_Connect\Model\Amazon_Error;
use Creators_Connect\Amazon\Creators_Mapper;
use Creators_Connect\Model\Product;
use PHPUnit\Framework\TestCase;

/**
 * Creators_Mapper.
 */
final class Creators_Mapper_Test extends TestCase {

	/**
	 * GetItems: matched by ASIN (not order), every field mapped, the invalid ASIN kept as an item error.
	 */
	public function test_get_items(): void {
		$result = ( new Creators_Mapper() )->get_items( self::fixture( 'creators-get-items.json' ), array( 'B0C1EXAMPL', 'B0BEXAMPL2', 'B0NOTREAL1' ), 'us', '3.1', 1767225600 );

		$this->assertSame( array( 'B0BEXAMPL2', 'B0C1EXAMPL' ), array_keys( $result->products ) );
		$this->assertSame( array( 'B0NOTREAL1' ), array_keys( $result->errors ) );
		$this->assertSame( Amazon_Error::INVALID_ASIN, $result->errors['B0NOTREAL1']->kind );
		$this->assertSame( 'InvalidParameterValue', $result->errors['B0NOTREAL1']->code );
		$this->assertSame( 'B0NOTREAL1', $result->errors['B0NOTREAL1']->asin );

		$kettle = $result->product( 'B0BEXAMPL2' );
		$this->assertNotNull( $kettle );
		$this->assertSame( 'ExampleBrand Electric Kettle, 1.7 L', $kettle->title );
		$this->assertSame( 'https://www.amazon.com/dp/B0BEXAMPL2?tag=mysite-20&linkCode=ogi&th=1&psc=1', $kettle->detail_page_url );
		$this->assertSame( 'us', $kettle->marketplace );
		$this->assertSame(
			array(
				'amount'   => 34.99,
				'currency' => 'USD',
				'display'  => '$34.99',
			),
			$kettle->price
		);
		$this->assertSame( 49.99, $kettle->list_price['amount'] ?? null );
		$this->assertSame( 'List Price', $kettle->list_price_label );
		$this->assertSame( 15.0, $kettle->savings['amount'] ?? null );
		$this->assertSame( 30, $kettle->savings_percent );
		$this->assertSame(
			array(
				'message' => 'In Stock',
				'type'    => 'IN_STOCK',
			),
			$kettle->availability
		);
		$this->assertSame( 'New', $kettle->condition );
		$this->assertSame( 'Amazon.com', $kettle->merchant );
		$this->assertTrue( $kettle->is_buy_box_winner );
		$this->assertSame( 'Limited time deal', $kettle->deal['badge'] ?? null );
		$this->assertSame( '2026-05-27T06:59:59Z', $kettle->deal['end_time'] ?? null );
		$this->assertSame( array( 'Stainless steel body', '2-year warranty' ), $kettle->features );
		$this->assertSame( 'ExampleBrand', $kettle->brand );
		$this->assertSame( 4.6, $kettle->rating );
		$this->assertSame( 1234, $kettle->review_count );
		$this->assertSame(
			array(
				array(
					'id'         => '289935',
					'name'       => 'Electric Kettles',
					'sales_rank' => 12,
				),
			),
			$kettle->browse_nodes
		);
		$this->assertSame( 'B0BPARENT9', $kettle->parent_asin );
		$this->assertSame(
			array(
				'url'    => 'https://m.media-amazon.com/images/I/41AbCdEfGhL.jpg',
				'width'  => 375,
				'height' => 500,
			),
			$kettle->image( 'large' )
		);
		$this->assertNull( $kettle->image( 'small' ) );
		$this->assertSame( 1767225600, $kettle->fetched_at );
		$this->assertSame( 'creators', $kettle->source );
		$this->assertSame( '3.1', $kettle->api_version );

		$earbuds = $result->product( 'B0C1EXAMPL' );
		$this->assertNotNull( $earbuds );
		$this->assertFalse( $earbuds->is_buy_box_winner );
		$this->assertSame( 'OUT_OF_STOCK', $earbuds->availability['type'] ?? null );
		$this->assertNull( $earbuds->list_price );
		$this->assertNull( $earbuds->deal );
		$this->assertNull( $earbuds->rating );
	}

	/**
	 * Explicit nulls, the `itemResults` typo, `highRes`, integer JPY amounts, a non-list-price saving basis.
	 */
	public function test_tolerant_shapes(): void {
		$result = ( new Creators_Mapper() )->get_items( self::fixture( 'creators-get-items-tolerant.json' ), array( 'B0NULLS001', 'B0NULLS002', 'B0MISSING1' ), 'jp', '2.3', 1 );

		$this->assertSame( array( 'B0NULLS001', 'B0NULLS002' ), array_keys( $result->products ) );
		$this->assertSame( Amazon_Error::NOT_FOUND, $result->errors['B0MISSING1']->kind );

		$one = $result->product( 'B0NULLS001' );
		$this->assertNotNull( $one );
		$this->assertSame( 'ヌル型テスト商品', $one->title );
		$this->assertSame( array( 'medium', 'hires' ), array_keys( $one->images ) );
		$this->assertSame( 1500, $one->images['hires']['height'] );
		$this->assertSame( 'https://m.media-amazon.com/images/I/31NuLL._SL160_.jpg', $one->best_image( 'large' )['url'] ?? null );
		$this->assertSame( 3490.0, $one->price['amount'] ?? null );
		$this->assertSame( '￥3,490', $one->price['display'] ?? null );
		$this->assertNull( $one->list_price, 'LOWEST_PRICE is not a list price' );
		$this->assertSame(
			array(
				'message' => '',
				'type'    => 'IN_STOCK',
			),
			$one->availability
		);
		$this->assertNull( $one->is_buy_box_winner );
		$this->assertNull( $one->condition );
		$this->assertNull( $one->merchant );
		$this->assertNull( $one->parent_asin );
		$this->assertSame( array(), $one->features );
		$this->assertFalse( $one->violates_map );

		$two = $result->product( 'B0NULLS002' );
		$this->assertNotNull( $two );
		$this->assertSame( '', $two->title );
		$this->assertNull( $two->price );
		$this->assertSame( array(), $two->images );
	}

	/**
	 * SearchItems: order, total and search URL exactly as returned.
	 */
	public function test_search_items(): void {
		$result = ( new Creators_Mapper() )->search_items( self::fixture( 'creators-search-items.json' ), 'uk', '2.2', 5 );
		$this->assertSame( array( 'B00EXAMP01', 'B00EXAMP02' ), $result->asins() );
		$this->assertSame( 312, $result->total );
		$this->assertSame( 'https://www.amazon.co.uk/s/?field-keywords=leather+wallet&search-alias=fashion&tag=mysite-21&linkCode=osi', $result->search_url );
		$this->assertSame( 'Was:', $result->products[0]->list_price_label );
		$this->assertSame( 24.99, $result->products[0]->list_price['amount'] ?? null );
		$this->assertSame( 'IN_STOCK_SCARCE', $result->products[1]->availability['type'] ?? null );
	}

	/**
	 * GetVariations: attributes and summary.
	 */
	public function test_get_variations(): void {
		$result = ( new Creators_Mapper() )->get_variations( self::fixture( 'creators-get-variations.json' ), 'uk', '2.2', 5 );
		$this->assertSame( 13, $result->total );
		$this->assertSame(
			array(
				'size_name'  => 'One Size',
				'color_name' => 'Black',
			),
			$result->products[0]->variation_attributes
		);
		$this->assertSame( 2, $result->summary['page_count'] );
		$this->assertSame( 17.03, $result->summary['lowest_price']['amount'] );
		$this->assertSame( array( 'Black', 'Brown', 'Navy' ), $result->summary['dimensions'][0]['values'] );
	}

	/**
	 * GetBrowseNodes: matched by id, ancestors nearest first, children, the invalid id as an error.
	 */
	public function test_get_browse_nodes(): void {
		$result = ( new Creators_Mapper() )->get_browse_nodes( self::fixture( 'creators-get-browse-nodes.json' ), array( '3060', '283155', '0' ) );
		$this->assertSame( array( '283155', '3060' ), array_column( $result->nodes, 'id' ), 'PHP turns numeric ids into int keys: compare the ids themselves' );
		$this->assertSame( array( 0 ), array_keys( $result->errors ) );
		$this->assertNotNull( $result->node( '3060' ) );
		$this->assertTrue( $result->nodes['283155']['is_root'] );
		$this->assertSame(
			array(
				array(
					'id'   => '1000',
					'name' => 'Subjects',
				),
			),
			$result->nodes['283155']['children']
		);
		$this->assertSame( array( '1000', '283155' ), array_column( $result->nodes['3060']['ancestors'], 'id' ) );
		$this->assertSame( 2, $result->nodes['3060']['sales_rank'] );
		$this->assertSame( 'InvalidParameterValue', $result->errors['0']->code );
	}

	/**
	 * Odd data is made harmless when mapped: control and bidi characters leave every text field,
	 * and an image off Amazon's image hosts (protocol-relative, another host, plain http) is dropped.
	 */
	public function test_odd_text_and_foreign_images(): void {
		$body = self::fixture( 'creators-get-items.json' );
		$item = &$body['itemsResult']['items'][0];
		$this->assertSame( 'B0BEXAMPL2', $item['asin'] );
		$item['itemInfo']['title']['displayValue']        = "Kettle\x00 \u{202E}lmth.exe\u{202C}\x07";
		$item['itemInfo']['features']['displayValues'][0] = "Boils\x1B[31m fast\u{2066}";
		$item['images']['primary']['medium']['url']       = '//evil.example/kettle.jpg';
		$item['images']['primary']['large']['url']        = 'http://m.media-amazon.com/images/I/41AbCdEfGhL.jpg';
		$item['images']['primary']['small']               = array(
			'url'    => 'https://m.media-amazon.com.evil.example/x.jpg',
			'width'  => 75,
			'height' => 75,
		);
		$item['images']['primary']['hiRes']               = array(
			'url'    => 'https://images-eu.ssl-images-amazon.com/images/I/41AbCdEfGhL._SL1500_.jpg',
			'width'  => 1500,
			'height' => 1125,
		);
		unset( $item );

		$kettle = ( new Creators_Mapper() )->get_items( $body, array( 'B0BEXAMPL2' ), 'us', '3.1', 1 )->product( 'B0BEXAMPL2' );
		$this->assertNotNull( $kettle );
		$this->assertSame( 'Kettle lmth.exe', $kettle->title );
		$this->assertSame( 'Boils[31m fast', $kettle->features[0] );
		$this->assertSame( array( 'hires' ), array_keys( $kettle->images ), 'only the image on an Amazon image host is kept' );
	}

	/**
	 * Every member of Amazon's Item model present (camelCase as the SDK names it): the offer's
	 * unit price, points, sub-condition, condition note and merchant id reach the product, and the
	 * members the product does not carry (score, dimensions, content rating, formats, …) break nothing.
	 */
	public function test_fully_populated_item(): void {
		$result  = ( new Creators_Mapper() )->get_items( self::fixture( 'creators-get-items-full.json' ), array( 'B0FULLDE01' ), 'de', '3.2', 1767225600 );
		$product = $result->product( 'B0FULLDE01' );
		$this->assertNotNull( $product );
		$this->assertSame( array(), $result->errors );

		$this->assertSame(
			array(
				'amount'   => 1.99,
				'currency' => 'EUR',
				'display'  => '1,99 €',
				'unit'     => '100 ml',
			),
			$product->unit_price
		);
		$this->assertSame( 9, $product->loyalty_points );
		$this->assertSame( 'Used', $product->condition );
		$this->assertSame( 'LikeNew', $product->sub_condition );
		$this->assertSame( 'Originalverpackung leicht eingedrückt', $product->condition_note );
		$this->assertSame( 'A3JWKAKR8XB7XF', $product->merchant_id );
		$this->assertSame( 'Amazon.de', $product->merchant );

		// The rest of the model as before.
		$this->assertSame( 'Beispielmarke Duschgel Mild, 500 ml', $product->title );
		$this->assertSame( 'B0FULLPAR1', $product->parent_asin );
		$this->assertSame( 9.95, $product->price['amount'] ?? null );
		$this->assertSame( '12,49 €', $product->list_price['display'] ?? null );
		$this->assertSame( 'UVP:', $product->list_price_label );
		$this->assertSame( 20, $product->savings_percent );
		$this->assertSame( 'LIGHTNING_DEAL', $product->deal['type'] ?? null );
		$this->assertSame( 42, $product->deal['percent_claimed'] ?? null );
		$this->assertSame( array( 'small', 'medium', 'large', 'hires' ), array_keys( $product->images ) );
		$this->assertSame( 'Beispielmarke', $product->brand );
		$this->assertSame( 'Erika Muster (Designer)', $product->by_line );
		$this->assertSame( 4.6, $product->rating );
		$this->assertSame( 1234, $product->review_count );
		$this->assertSame( array( 'size_name' => '500 ml' ), $product->variation_attributes );

		// What is stored comes back whole.
		$this->assertEquals( $product, Product::from_array( json_decode( (string) json_encode( $product->to_array() ), true ) ) );
	}

	/**
	 * A unit price whose display string names no unit keeps the money and an empty unit; a new
	 * offer's `Unknown` sub-condition and empty note are passed on as Amazon sent them.
	 */
	public function test_unit_price_without_unit_and_new_offer(): void {
		$body = self::fixture( 'creators-get-items-full.json' );
		$body['itemsResult']['items'][0]['offersV2']['listings'][0]['price']['pricePerUnit']['displayAmount'] = '0,02 €';
		$body['itemsResult']['items'][0]['offersV2']['listings'][0]['condition']                              = array(
			'conditionNote' => '',
			'subCondition'  => 'Unknown',
			'value'         => 'New',
		);
		unset( $body['itemsResult']['items'][0]['offersV2']['listings'][0]['loyaltyPoints'] );
		$product = ( new Creators_Mapper() )->get_items( $body, array( 'B0FULLDE01' ), 'de', '3.2', 1 )->product( 'B0FULLDE01' );
		$this->assertNotNull( $product );
		$this->assertSame( '0,02 €', $product->unit_price['display'] ?? null );
		$this->assertSame( '', $product->unit_price['unit'] ?? null );
		$this->assertSame( 'Unknown', $product->sub_condition );
		$this->assertSame( '', $product->condition_note );
		$this->assertNull( $product->loyalty_points );
	}

	/**
	 * A decoded fixture.
	 *
	 * @param string $name File in tests/fixtures/amazon.
	 * @return array<mixed>
	 */
	private static function fixture( string $name ): array {
		$data = json_decode( (string) file_get_contents( dirname( __DIR__, 3 ) . '/fixtures/amazon/' . $name ), true );
		self::assertIsArray( $data );
		return $data;
	}
}
