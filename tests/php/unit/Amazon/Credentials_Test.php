<?php
/**
 * Unit tests of the credential value objects: secrets never leak.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Unit\Amazon;

use Creators_Connect\Amazon\Creators_Credentials;
use Creators_Connect\Amazon\Paapi_Credentials;
use PHPUnit\Framework\TestCase;

/**
 * Creators_Credentials and Paapi_Credentials.
 */
final class Credentials_Test extends TestCase {

	private const SECRET = 'amzn1.oa2-cs.v1.TOPSECRETVALUE';

	/**
	 * Dumps, exports, casts, JSON and serialization of the object never hold the secret.
	 */
	public function test_creators_secret_never_dumped(): void {
		$credentials = new Creators_Credentials( 'amzn1.application-oa2-client.abc', self::SECRET, 'lwa', '3.2', 'mysite-21', 'GB' );
		$this->assertSame( self::SECRET, $credentials->secret() );
		$this->assertSame( 'uk', $credentials->marketplace );
		foreach ( self::dumps( $credentials ) as $how => $text ) {
			$this->assertStringNotContainsString( 'TOPSECRETVALUE', $text, $how );
		}
		$this->assertStringContainsString( '********', print_r( $credentials, true ) ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions -- The point of the test.
		$this->assertStringNotContainsString( 'TOPSECRETVALUE', $credentials->cache_id() );
		$this->assertSame( 32, strlen( $credentials->cache_id() ) );
		$this->assertNotSame( $credentials->cache_id(), ( new Creators_Credentials( 'amzn1.application-oa2-client.abc', self::SECRET, 'lwa', '3.1', 't', 'us' ) )->cache_id(), 'version is part of the key' );
		$this->assertSame( $credentials->cache_id(), ( new Creators_Credentials( 'amzn1.application-oa2-client.abc', 'other', 'lwa', '3.2', 't', 'de' ) )->cache_id(), 'the secret is not' );

		// The token key: the secret counts (hashed), the marketplace and tag do not.
		$this->assertStringNotContainsString( 'TOPSECRETVALUE', $credentials->token_cache_id() );
		$this->assertSame( 32, strlen( $credentials->token_cache_id() ) );
		$this->assertNotSame( $credentials->token_cache_id(), ( new Creators_Credentials( 'amzn1.application-oa2-client.abc', 'other', 'lwa', '3.2', 'mysite-21', 'uk' ) )->token_cache_id(), 'the secret is part of the token key' );
		$this->assertNotSame( $credentials->token_cache_id(), ( new Creators_Credentials( 'amzn1.application-oa2-client.abc', self::SECRET, 'lwa', '3.3', 'mysite-21', 'uk' ) )->token_cache_id(), 'so are version and endpoint' );
		$this->assertSame( $credentials->token_cache_id(), ( new Creators_Credentials( 'amzn1.application-oa2-client.abc', self::SECRET, 'lwa', '3.2', 'other-21', 'de' ) )->token_cache_id(), 'marketplaces sharing one set share its token' );
	}

	/**
	 * The PA-API secret key never leaks either, also through with_marketplace().
	 */
	public function test_paapi_secret_never_dumped(): void {
		$credentials = ( new Paapi_Credentials( 'AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG+TOPSECRETVALUE', 'xyz-20' ) )->with_marketplace( 'de', 'xyz-21' );
		$this->assertSame( 'wJalrXUtnFEMI/K7MDENG+TOPSECRETVALUE', $credentials->secret() );
		$this->assertSame( 'de', $credentials->marketplace );
		$this->assertSame( 'xyz-21', $credentials->partner_tag );
		foreach ( self::dumps( $credentials ) as $how => $text ) {
			$this->assertStringNotContainsString( 'TOPSECRETVALUE', $text, $how );
		}
	}

	/**
	 * Completeness and the type/version agreement.
	 */
	public function test_checks(): void {
		$this->assertTrue( ( new Creators_Credentials( 'id', 's', 'cognito', '2.2', 't', 'de' ) )->type_matches_version() );
		$this->assertFalse( ( new Creators_Credentials( 'id', 's', 'lwa', '2.2', 't', 'de' ) )->type_matches_version() );
		$this->assertFalse( ( new Creators_Credentials( 'id', '', 'lwa', '3.2', 't', 'de' ) )->is_complete() );
		$this->assertSame( 'lwa', Creators_Credentials::for_version( 'id', 's', '3.3', 't', 'jp' )->type );
		$this->assertFalse( ( new Paapi_Credentials( 'AK', 'SK', '' ) )->is_complete() );
	}

	/**
	 * Every way an object is commonly dumped.
	 *
	 * @param object $value Object.
	 * @return array<string, string>
	 * @throws \RuntimeException Never: thrown and caught to get a trace.
	 */
	private static function dumps( object $value ): array {
		ob_start();
		var_dump( $value ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions -- The point of the test.
		$var_dump = (string) ob_get_clean();
		try {
			throw new \RuntimeException( 'trace' );
		} catch ( \RuntimeException $e ) {
			$trace = $e->getTraceAsString();
		}
		return array(
			'var_dump'        => $var_dump,
			'print_r'         => print_r( $value, true ), // phpcs:ignore WordPress.PHP.DevelopmentFunctions -- The point of the test.
			'var_export'      => var_export( $value, true ), // phpcs:ignore WordPress.PHP.DevelopmentFunctions -- The point of the test.
			'array cast'      => print_r( (array) $value, true ), // phpcs:ignore WordPress.PHP.DevelopmentFunctions -- The point of the test.
			'json_encode'     => (string) json_encode( $value ),
			'serialize'       => serialize( $value ), // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions -- The point of the test.
			'get_object_vars' => print_r( get_object_vars( $value ), true ), // phpcs:ignore WordPress.PHP.DevelopmentFunctions -- The point of the test.
			'trace'           => $trace,
		);
	}
}
