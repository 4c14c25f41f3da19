<?php
/**
 * Secret_Box: libsodium round trip, random nonces, key change, masks.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Unit\Settings;

use Creators_Connect\Settings\Secret_Box;
use PHPUnit\Framework\TestCase;

/**
 * Encryption of the stored secrets.
 */
final class Secret_Box_Test extends TestCase {

	/**
	 * A sealed secret opens again with the same key, and never shows the secret.
	 */
	public function test_round_trip(): void {
		$box    = new Secret_Box( 'key one' );
		$sealed = $box->seal( 'amzn1.oa2-cs.v1.topsecret' );
		$this->assertStringStartsWith( 'sb1:', $sealed );
		$this->assertStringNotContainsString( 'topsecret', $sealed );
		$this->assertSame( 'amzn1.oa2-cs.v1.topsecret', $box->open( $sealed ) );
		$this->assertSame( 'ok', $box->state( $sealed ) );
	}

	/**
	 * Each write gets its own nonce: the same secret seals differently.
	 */
	public function test_random_nonce_per_write(): void {
		$box = new Secret_Box( 'key one' );
		$this->assertNotSame( $box->seal( 'same' ), $box->seal( 'same' ) );
	}

	/**
	 * Another key cannot open it: null and state "unreadable", no exception.
	 */
	public function test_key_change_makes_it_unreadable(): void {
		$sealed = ( new Secret_Box( 'key one' ) )->seal( 'secret-value' );
		$other  = new Secret_Box( 'key two' );
		$this->assertNull( $other->open( $sealed ) );
		$this->assertSame( 'unreadable', $other->state( $sealed ) );
	}

	/**
	 * Damaged or foreign values are unreadable; '' is missing.
	 */
	public function test_damaged_values(): void {
		$box = new Secret_Box( 'key one' );
		$this->assertNull( $box->open( 'plain text' ) );
		$this->assertNull( $box->open( 'sb1:not-base64!' ) );
		$this->assertNull( $box->open( 'sb1:' . base64_encode( 'short' ) ) );
		$this->assertSame( 'missing', $box->state( '' ) );
		$this->assertSame( '', $box->seal( '' ) );
	}

	/**
	 * The mask shows only the last four characters, and nothing of short secrets.
	 */
	public function test_mask(): void {
		$this->assertSame( '••••k3Qz', Secret_Box::mask( 'abcdefghijk3Qz' ) );
		$this->assertSame( '••••', Secret_Box::mask( 'short' ) );
		$this->assertSame( '', Secret_Box::mask( '' ) );
	}
}
