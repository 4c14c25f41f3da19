<?php
/**
 * Unit tests of the SigV4 signer against AWS's published test suite and the PA-API example.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Unit\Amazon;

use Creators_Connect\Amazon\Sigv4_Signer;
use PHPUnit\Framework\TestCase;

/**
 * Sigv4_Signer.
 */
final class Sigv4_Signer_Test extends TestCase {

	/**
	 * The AWS suite vectors (tests/fixtures/sigv4/aws-sigv4-test-suite.json).
	 *
	 * @return array<string, array{array<string, mixed>}>
	 */
	public static function suite_vectors(): array {
		$suite = self::fixture( 'aws-sigv4-test-suite.json' );
		$out   = array();
		foreach ( $suite['vectors'] as $vector ) {
			$out[ $vector['name'] ] = array( $vector );
		}
		return $out;
	}

	/**
	 * Every suite vector: canonical request, string to sign and Authorization header match.
	 *
	 * @dataProvider suite_vectors
	 *
	 * @param array<string, mixed> $vector Vector.
	 */
	public function test_aws_suite_vector( array $vector ): void {
		$config  = self::fixture( 'aws-sigv4-test-suite.json' )['config'];
		$signer  = new Sigv4_Signer();
		$details = $signer->sign_details(
			$vector['method'],
			$vector['url'],
			$vector['headers'],
			$vector['body'],
			$config['region'],
			$config['service'],
			$config['access_key'],
			$config['secret_key'],
			new \DateTimeImmutable( $config['time'] )
		);
		$this->assertSame( $vector['canonical_request'], $details['canonical_request'], 'canonical request' );
		$this->assertSame( $vector['string_to_sign'], $details['string_to_sign'], 'string to sign' );
		$this->assertSame( $vector['authorization'], $details['headers']['Authorization'], 'Authorization' );
		$this->assertSame( '20150830T123600Z', $details['headers']['x-amz-date'] );

		$headers = $signer->sign( $vector['method'], $vector['url'], $vector['headers'], $vector['body'], $config['region'], $config['service'], $config['access_key'], $config['secret_key'], new \DateTimeImmutable( $config['time'] ) );
		$this->assertSame( $vector['authorization'], $headers['Authorization'] );
	}

	/**
	 * Without a Host header the signer adds one from the URL and signs it (the suite's get-vanilla).
	 */
	public function test_adds_host_and_date_when_missing(): void {
		$headers = ( new Sigv4_Signer() )->sign( 'GET', 'https://example.amazonaws.com/', array(), '', 'us-east-1', 'service', 'AKIDEXAMPLE', 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', new \DateTimeImmutable( '2015-08-30T12:36:00Z' ) );
		$this->assertSame( 'example.amazonaws.com', $headers['host'] );
		$this->assertSame( '20150830T123600Z', $headers['x-amz-date'] );
		$this->assertSame( 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31', $headers['Authorization'] );
	}

	/**
	 * The worked PA-API example of docs/amazon-protocol.md §P4.6, with every intermediate value.
	 */
	public function test_paapi_worked_example(): void {
		$v       = self::fixture( 'paapi5-getitems-us.json' );
		$details = ( new Sigv4_Signer() )->sign_details( $v['method'], $v['url'], $v['headers'], $v['body'], $v['region'], $v['service'], $v['access_key'], $v['secret_key'], new \DateTimeImmutable( $v['time'] ) );

		$this->assertSame( $v['hashed_payload'], hash( 'sha256', $v['body'] ) );
		$this->assertSame( $v['canonical_request'], $details['canonical_request'] );
		$this->assertSame( $v['canonical_request_hash'], hash( 'sha256', $details['canonical_request'] ) );
		$this->assertSame( $v['string_to_sign'], $details['string_to_sign'] );
		$this->assertSame( $v['signature'], $details['signature'] );
		$this->assertSame( $v['authorization'], $details['headers']['Authorization'] );

		$k_date    = hash_hmac( 'sha256', '20250115', 'AWS4' . $v['secret_key'], true );
		$k_region  = hash_hmac( 'sha256', $v['region'], $k_date, true );
		$k_service = hash_hmac( 'sha256', $v['service'], $k_region, true );
		$this->assertSame( $v['k_date'], bin2hex( $k_date ) );
		$this->assertSame( $v['k_region'], bin2hex( $k_region ) );
		$this->assertSame( $v['k_service'], bin2hex( $k_service ) );
		$this->assertSame( $v['k_signing'], bin2hex( Sigv4_Signer::signing_key( $v['secret_key'], '20250115', $v['region'], $v['service'] ) ) );
	}

	/**
	 * Header names are case-insensitive for signing; the time zone of the given time does not matter.
	 */
	public function test_header_case_and_time_zone(): void {
		$v     = self::fixture( 'paapi5-getitems-us.json' );
		$upper = array();
		foreach ( $v['headers'] as $name => $value ) {
			$upper[ ucwords( $name, '-' ) ] = $value;
		}
		$berlin  = ( new \DateTimeImmutable( $v['time'] ) )->setTimezone( new \DateTimeZone( 'Europe/Berlin' ) );
		$headers = ( new Sigv4_Signer() )->sign( $v['method'], $v['url'], $upper, $v['body'], $v['region'], $v['service'], $v['access_key'], $v['secret_key'], $berlin );
		$this->assertSame( $v['authorization'], $headers['Authorization'] );
		$this->assertSame( 'amz-1.0', $headers['Content-Encoding'] );
	}

	/**
	 * A port that is not the scheme's default is part of the signed host (what is actually sent).
	 */
	public function test_signs_the_host_and_path_actually_sent(): void {
		$details = ( new Sigv4_Signer() )->sign_details( 'POST', 'http://127.0.0.1:9411/webservices.amazon.de/paapi5/getitems', array( 'x-amz-target' => 't' ), '{}', 'eu-west-1', 'ProductAdvertisingAPI', 'AK', 'SK', new \DateTimeImmutable( '2026-01-01T00:00:00Z' ) );
		$this->assertSame( '127.0.0.1:9411', $details['headers']['host'] );
		$this->assertStringStartsWith( "POST\n/webservices.amazon.de/paapi5/getitems\n\nhost:127.0.0.1:9411\n", $details['canonical_request'] );
		$default = ( new Sigv4_Signer() )->sign_details( 'GET', 'https://example.com:443/', array(), '', 'us-east-1', 's', 'AK', 'SK', new \DateTimeImmutable( '2026-01-01T00:00:00Z' ) );
		$this->assertSame( 'example.com', $default['headers']['host'] );
	}

	/**
	 * Canonical query and URI helpers on cases beyond the suite.
	 */
	public function test_canonical_helpers(): void {
		$this->assertSame( 'a=x%20y&b=&c=%2B', Sigv4_Signer::canonical_query( 'c=%2B&b&a=x%20y' ) );
		$this->assertSame( '/a/b%40c/', Sigv4_Signer::canonical_uri( '/a/./x/../b@c/' ) );
		$this->assertSame( '/', Sigv4_Signer::canonical_uri( '' ) );
		$this->assertSame( 'a b c', Sigv4_Signer::canonical_header_value( "  a \t  b\n c " ) );
	}

	/**
	 * A decoded fixture.
	 *
	 * @param string $name File name in tests/fixtures/sigv4.
	 * @return array<string, mixed>
	 */
	private static function fixture( string $name ): array {
		$data = json_decode( (string) file_get_contents( dirname( __DIR__, 3 ) . '/fixtures/sigv4/' . $name ), true );
		self::assertIsArray( $data );
		return $data;
	}
}
