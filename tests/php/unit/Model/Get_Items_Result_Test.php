<?php
/**
 * Unit tests of Get_Items_Result's named constructors.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Unit\Model;

use Creators_Connect\Model\Amazon_Error;
use Creators_Connect\Model\Get_Items_Result;
use Creators_Connect\Model\Product;
use PHPUnit\Framework\TestCase;

/**
 * The named constructors: malformed() (values that are no ASIN) and in_order() (the read path's
 * result); why_missing() (the error behind an ASIN without a product).
 */
final class Get_Items_Result_Test extends TestCase {

	/**
	 * Each malformed value gets an invalid_asin error of its own, coded InvalidFormat, without a call.
	 */
	public function test_malformed(): void {
		$result = Get_Items_Result::malformed( array( 'HEADPHONES', 'B0SHORT' ), 'paapi' );
		$this->assertSame( array(), $result->products );
		$this->assertSame( 0, $result->calls );
		$this->assertSame( array( 'HEADPHONES', 'B0SHORT' ), array_keys( $result->errors ) );
		$error = $result->error( 'headphones' );
		$this->assertNotNull( $error );
		$this->assertSame( Amazon_Error::INVALID_ASIN, $error->kind );
		$this->assertSame( 'InvalidFormat', $error->code );
		$this->assertSame( 'paapi', $error->api );
		$this->assertSame( 'HEADPHONES', $error->asin );
		$this->assertSame( '', Get_Items_Result::malformed( array( 'X' ) )->errors['X']->api, 'the read path names no API' );
		$this->assertSame( array(), Get_Items_Result::malformed( array() )->errors );
	}

	/**
	 * Products and errors come in the order asked (as asked: trimmed, upper-cased), each once; an
	 * ASIN found in neither list is left out; the notice is kept.
	 */
	public function test_in_order(): void {
		$one    = new Product( 'B000000001', 'de' );
		$two    = new Product( 'B000000002', 'de' );
		$error  = new Amazon_Error( Amazon_Error::NOT_FOUND, '', 0, '', '', null, 'B000000003' );
		$notice = new Amazon_Error( Amazon_Error::DEFERRED );
		$result = Get_Items_Result::in_order(
			array( ' b000000002 ', 'B000000003', 'B000000001', 'B000000002', 'B000000009', array( 'no' ) ),
			array(
				'B000000001' => $one,
				'B000000002' => $two,
			),
			array( 'B000000003' => $error ),
			$notice
		);
		$this->assertSame( array( 'B000000002', 'B000000001' ), array_keys( $result->products ) );
		$this->assertSame( $two, $result->product( 'B000000002' ) );
		$this->assertSame( array( 'B000000003' => $error ), $result->errors );
		$this->assertSame( $notice, $result->notice );
		$this->assertSame( 0, $result->calls );
		$this->assertNull( Get_Items_Result::in_order( array(), array(), array() )->notice );
	}

	/**
	 * An ASIN without a product: Amazon's own error for it when the answer has one (looked up in
	 * any case), else "not found" for that ASIN.
	 */
	public function test_why_missing(): void {
		$refused = new Amazon_Error( Amazon_Error::ITEM_NOT_ACCESSIBLE, 'creators', 200, 'ItemNotAccessible', '', null, 'B000000001' );
		$result  = new Get_Items_Result( array(), array( 'B000000001' => $refused ), 1 );
		$this->assertSame( $refused, $result->why_missing( 'b000000001' ) );
		$left_out = $result->why_missing( 'B000000002' );
		$this->assertSame( Amazon_Error::NOT_FOUND, $left_out->kind );
		$this->assertSame( 'B000000002', $left_out->asin );
	}
}
