<?php
/**
 * Unit tests of the PA-API mapper against fixture answers.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Unit\Amazon;

use Creators_Connect\Model\Amazon_Error;
use Creators_Connect\Amazon\Paapi_Mapper;
use PHPUnit\Framework\TestCase;

/**
 * Paapi_Mapper.
 */
final class Paapi_Mapper_Test extends TestCase {

	/**
	 * PascalCase GetItems (docs/amazon-protocol.md §P6) into the same model.
	 */
	public function test_get_items(): void {
		$result = ( new Paapi_Mapper() )->get_items( self::fixture( 'paapi-get-items.json' ), array( 'B000HZD168', 'B0199980K4' ), 'us', 7 );
		$this->assertSame( array( 'B0199980K4', 'B000HZD168' ), array_keys( $result->products ) );
		$this->assertSame( array(), $result->errors );

		$book = $result->product( 'B0199980K4' );
		$this->assertNotNull( $book );
		$this->assertSame( 'Genghis: The Legend of the Ten', $book->title );
		$this->assertSame( 'https://www.amazon.com/dp/B0199980K4?tag=xyz-20&linkCode=ogi&language=en_US&th=1&psc=1', $book->detail_page_url );
		$this->assertSame( 12.99, $book->price['amount'] ?? null );
		$this->assertSame( 16.99, $book->list_price['amount'] ?? null );
		$this->assertSame( 24, $book->savings_percent );
		$this->assertSame( 'Jane Doe (Author)', $book->by_line );
		$this->assertSame( 375, $book->image( 'large' )['width'] ?? null );
		$this->assertSame( 'paapi', $book->source );
		$this->assertSame( '5.0', $book->api_version );
	}

	/**
	 * Partial errors per item, and Offers V1 listings read when OffersV2 is absent.
	 */
	public function test_partial_errors_and_offers_v1(): void {
		$result = ( new Paapi_Mapper() )->get_items( self::fixture( 'paapi-get-items-partial.json' ), array( 'B07VMG4ZL5', 'B084Q4T9NM', 'B01180YUXS' ), 'it', 7 );
		$this->assertSame( array( 'B084Q4T9NM' ), array_keys( $result->products ) );
		$this->assertSame( Amazon_Error::INVALID_ASIN, $result->errors['B07VMG4ZL5']->kind );
		$this->assertSame( Amazon_Error::ITEM_NOT_ACCESSIBLE, $result->errors['B01180YUXS']->kind );
		$this->assertSame( 'paapi', $result->errors['B01180YUXS']->api );

		$tv = $result->product( 'B084Q4T9NM' );
		$this->assertNotNull( $tv );
		$this->assertSame( 13.59, $tv->price['amount'] ?? null );
		$this->assertSame( '13,59 €', $tv->price['display'] ?? null );
		$this->assertSame( 22.0, $tv->list_price['amount'] ?? null );
		$this->assertSame( 38, $tv->savings_percent );
		$this->assertSame( 'Amazon.it', $tv->merchant );
		$this->assertSame( 'New', $tv->condition );
		$this->assertTrue( $tv->is_buy_box_winner );
	}

	/**
	 * SearchItems.
	 */
	public function test_search_items(): void {
		$result = ( new Paapi_Mapper() )->search_items( self::fixture( 'paapi-search-items.json' ), 'uk', 7 );
		$this->assertSame( array( 'B0CFPJYX7P', 'B09SWW583J' ), $result->asins() );
		$this->assertSame( 306, $result->total );
		$this->assertSame( 'https://www.amazon.co.uk/s?k=kindle&rh=p_n_availability%3A-1&tag=xyz-21&linkCode=osi', $result->search_url );
		$this->assertNull( $result->products[1]->price );
	}

	/**
	 * Key re-casing.
	 */
	public function test_normalize_keys(): void {
		$this->assertSame(
			array(
				'asin'          => 'X',
				'parentASIN'    => 'Y',
				'detailPageURL' => 'u',
				'images'        => array( 'primary' => array( 'hiRes' => array( 'url' => 'z' ) ) ),
				'__type'        => 't',
			),
			Paapi_Mapper::normalize(
				array(
					'ASIN'          => 'X',
					'ParentASIN'    => 'Y',
					'DetailPageURL' => 'u',
					'Images'        => array( 'Primary' => array( 'HiRes' => array( 'URL' => 'z' ) ) ),
					'__type'        => 't',
				)
			)
		);
	}

	/**
	 * Every member of PA-API's Item model present (PascalCase): OffersV2's PricePerUnit,
	 * LoyaltyPoints, Condition and MerchantInfo.Id reach the product, and so do Offers V1's
	 * (`Condition.SubCondition.Value`, `Condition.ConditionNote.Value`, `Price.PricePerUnit`).
	 */
	public function test_fully_populated_items(): void {
		$result = ( new Paapi_Mapper() )->get_items( self::fixture( 'paapi-get-items-full.json' ), array( 'B0FULLDE01', 'B0FULLV1DE' ), 'de', 7 );
		$this->assertSame( array(), $result->errors );

		$v2 = $result->product( 'B0FULLDE01' );
		$this->assertNotNull( $v2 );
		$this->assertSame(
			array(
				'amount'   => 1.99,
				'currency' => 'EUR',
				'display'  => '1,99 €',
				'unit'     => '100 ml',
			),
			$v2->unit_price
		);
		$this->assertSame( 9, $v2->loyalty_points );
		$this->assertSame( 'LikeNew', $v2->sub_condition );
		$this->assertSame( 'Originalverpackung leicht eingedrückt', $v2->condition_note );
		$this->assertSame( 'A3JWKAKR8XB7XF', $v2->merchant_id );
		$this->assertSame( 'paapi', $v2->source );

		$v1 = $result->product( 'B0FULLV1DE' );
		$this->assertNotNull( $v1 );
		$this->assertSame( 8.5, $v1->price['amount'] ?? null );
		$this->assertSame( '1,70 €', $v1->unit_price['display'] ?? null );
		$this->assertSame( '100 ml', $v1->unit_price['unit'] ?? null );
		$this->assertSame( 5, $v1->loyalty_points );
		$this->assertSame( 'Used', $v1->condition );
		$this->assertSame( 'VeryGood', $v1->sub_condition );
		$this->assertSame( 'Kleine Kratzer am Deckel', $v1->condition_note );
		$this->assertSame( 'A1EXAMPLESELLDE', $v1->merchant_id );
		$this->assertSame( 'Beispiel Händler', $v1->merchant );
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
