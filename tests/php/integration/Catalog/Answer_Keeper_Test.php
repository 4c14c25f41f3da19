<?php
/**
 * Answer_Keeper: how a GetItems answer is stored.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Catalog;

use Creators_Connect\Catalog\Answer_Keeper;
use Creators_Connect\Catalog\Product_Store;
use Creators_Connect\Catalog\Route_Decision;
use Creators_Connect\Catalog\Routed_Items;
use Creators_Connect\Model\Amazon_Error;
use Creators_Connect\Model\Get_Items_Result;
use Creators_Connect\Model\Product;
use Creators_Connect\Tests\Integration_Test_Case;

/**
 * Products with their route, errors beside a kept product, nothing for a missing route or a
 * value that is no ASIN; on the real product table.
 */
final class Answer_Keeper_Test extends Integration_Test_Case {

	private const NEW  = 'B0KEEPNEW1';
	private const OLD  = 'B0KEEPOLD1';
	private const GONE = 'B0KEEPGON1';

	/**
	 * One answer: a new product, an error for a stored one, a not-configured error, a malformed value.
	 */
	public function test_keeps_products_with_route_and_errors_without_replacing(): void {
		$store = new Product_Store( false );
		$store->save( 'de', array( self::OLD => new Product( self::OLD, 'de', 'Old title', source: 'creators' ) ), array( self::OLD => Route_Decision::REASON_CREATORS ), 100 );
		$rows = $store->get_many( 'de', array( self::NEW, self::OLD, self::GONE ) );

		$answer = new Get_Items_Result(
			array( self::NEW => new Product( self::NEW, 'de', 'New title', source: 'creators' ) ),
			array(
				self::OLD    => new Amazon_Error( Amazon_Error::SERVER_ERROR, 'creators', 500, '', '', null, self::OLD ),
				self::GONE   => new Amazon_Error( Amazon_Error::NOT_CONFIGURED, '', 0, 'NotConfigured', '', null, self::GONE ),
				'HEADPHONES' => new Amazon_Error( Amazon_Error::INVALID_ASIN, '', 0, 'InvalidFormat', '', null, 'HEADPHONES' ),
			),
			1
		);
		( new Answer_Keeper( $store ) )->keep( 'de', new Routed_Items( $answer, new Route_Decision( 'de', Route_Decision::API_CREATORS, Route_Decision::REASON_CREATORS ) ), $rows, 1234 );

		$new = $store->get( 'de', self::NEW );
		$this->assertNotNull( $new );
		$this->assertSame( 'New title', $new->product?->title );
		$this->assertSame( Route_Decision::REASON_CREATORS, $new->route );
		$this->assertSame( 1234, $new->last_requested_at );

		$old = $store->get( 'de', self::OLD );
		$this->assertNotNull( $old );
		$this->assertSame( 'Old title', $old->product?->title, 'an error never replaces a stored product' );
		$this->assertSame( Amazon_Error::SERVER_ERROR, $old->last_error?->kind );
		$this->assertSame( 1, $old->error_count );
		$this->assertSame( 1234, $old->last_requested_at );

		$this->assertNull( $store->get( 'de', self::GONE ), 'a marketplace without credentials leaves no row' );
		$this->assertNull( $store->get( 'de', 'HEADPHONES' ), 'a value that is no ASIN leaves no row' );
	}

	/**
	 * The refresh job keeps without a request time: the row's last request stays as it was.
	 */
	public function test_refresh_leaves_the_request_time(): void {
		$store = new Product_Store( false );
		$store->save( 'de', array( self::OLD => new Product( self::OLD, 'de', 'Old title', source: 'creators' ) ), array(), 100 );
		$answer = new Get_Items_Result( array( self::OLD => new Product( self::OLD, 'de', 'Refreshed', source: 'creators' ) ), array(), 1 );
		( new Answer_Keeper( $store ) )->keep( 'de', new Routed_Items( $answer, new Route_Decision( 'de', Route_Decision::API_PAAPI, Route_Decision::REASON_PAAPI_ONLY ) ), $store->get_many( 'de', array( self::OLD ) ), null );

		$row = $store->get( 'de', self::OLD );
		$this->assertSame( 'Refreshed', $row?->product?->title );
		$this->assertSame( Route_Decision::REASON_PAAPI_ONLY, $row?->route );
		$this->assertSame( 100, $row?->last_requested_at );
	}
}
