<?php
/**
 * Unit tests of the marketplace registry and its JSON export.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Unit\Marketplace;

use Creators_Connect\Marketplace\Marketplace;
use Creators_Connect\Marketplace\Marketplace_Registry;
use PHPUnit\Framework\TestCase;

/**
 * Marketplace_Registry and Marketplace.
 */
final class Marketplace_Registry_Test extends TestCase {

	/**
	 * The 22 marketplaces both APIs serve, in the docs' grouping.
	 */
	public function test_all_22_marketplaces(): void {
		$expected = array( 'us', 'ca', 'mx', 'br', 'uk', 'de', 'fr', 'it', 'es', 'nl', 'be', 'se', 'pl', 'tr', 'ae', 'sa', 'eg', 'in', 'ie', 'jp', 'sg', 'au' );
		$this->assertSame( $expected, Marketplace_Registry::countries() );
		$this->assertCount( 22, Marketplace_Registry::all() );
		foreach ( Marketplace_Registry::all() as $country => $marketplace ) {
			$this->assertInstanceOf( Marketplace::class, $marketplace );
			$this->assertSame( $country, $marketplace->country );
			$this->assertMatchesRegularExpression( '/^www\.amazon\.[a-z.]+$/', $marketplace->host );
			$this->assertSame( 'webservices.' . substr( $marketplace->host, 4 ), $marketplace->paapi_host );
			$this->assertContains( $marketplace->region, array( 'NA', 'EU', 'FE' ) );
			$this->assertContains( $marketplace->language, $marketplace->languages );
			$this->assertMatchesRegularExpression( '/^[A-Z]{3}$/', $marketplace->currency );
			$this->assertSame( $marketplace->region, Marketplace_Registry::version_region( $marketplace->cognito_version ) );
			$this->assertSame( $marketplace->region, Marketplace_Registry::version_region( $marketplace->lwa_version ) );
			$this->assertSame( 'cognito', Marketplace_Registry::version_type( $marketplace->cognito_version ) );
			$this->assertSame( 'lwa', Marketplace_Registry::version_type( $marketplace->lwa_version ) );
		}
	}

	/**
	 * `gb` is `uk`; codes are case-insensitive; unknown codes give null.
	 */
	public function test_get_accepts_gb_and_any_case(): void {
		$this->assertSame( 'uk', Marketplace_Registry::get( 'gb' )?->country );
		$this->assertSame( 'uk', Marketplace_Registry::get( 'GB' )?->country );
		$this->assertSame( 'www.amazon.co.uk', Marketplace_Registry::get( 'UK' )?->host );
		$this->assertSame( 'de', Marketplace_Registry::get( ' De ' )?->country );
		$this->assertNull( Marketplace_Registry::get( 'cn' ) );
		$this->assertNull( Marketplace_Registry::get( 'za' ) );
	}

	/**
	 * Spot checks against docs/amazon-protocol.md §C7 and §P2.
	 */
	public function test_known_rows(): void {
		$de = Marketplace_Registry::get( 'de' );
		$this->assertNotNull( $de );
		$this->assertSame( array( 'www.amazon.de', 'EU', '2.2', '3.2', 'eu-west-1', 'EUR', 'de_DE' ), array( $de->host, $de->region, $de->cognito_version, $de->lwa_version, $de->paapi_region, $de->currency, $de->language ) );

		$jp = Marketplace_Registry::get( 'jp' );
		$this->assertNotNull( $jp );
		$this->assertSame( array( 'www.amazon.co.jp', 'FE', '2.3', '3.3', 'us-west-2', 'JPY', 'ja_JP' ), array( $jp->host, $jp->region, $jp->cognito_version, $jp->lwa_version, $jp->paapi_region, $jp->currency, $jp->language ) );

		$us = Marketplace_Registry::get( 'us' );
		$this->assertNotNull( $us );
		$this->assertSame( array( 'www.amazon.com', 'NA', '2.1', '3.1', 'us-east-1', 'USD', 'en_US' ), array( $us->host, $us->region, $us->cognito_version, $us->lwa_version, $us->paapi_region, $us->currency, $us->language ) );

		$this->assertSame( 'www.amazon.com.be', Marketplace_Registry::get( 'be' )?->host );
		$this->assertSame( 'en_AE', Marketplace_Registry::get( 'eg' )?->language );
		$this->assertSame( 'eu-west-1', Marketplace_Registry::get( 'eg' )?->paapi_region );
		$this->assertSame( 'www.amazon.com.tr', Marketplace_Registry::get( 'tr' )?->host );
	}

	/**
	 * India's version is disputed (2.2 in the docs, 2.3 elsewhere): explicit in the data.
	 */
	public function test_india_version_note(): void {
		$in = Marketplace_Registry::get( 'in' );
		$this->assertNotNull( $in );
		$this->assertSame( '2.2', $in->cognito_version );
		$this->assertSame( '3.2', $in->lwa_version );
		$this->assertSame( array( '2.3', '3.3' ), $in->alternate_versions );
		$this->assertNotNull( $in->version_note );
		$this->assertTrue( $in->supports_version( '2.3' ) );
		$this->assertFalse( $in->supports_version( '2.1' ) );
		$this->assertNull( Marketplace_Registry::get( 'de' )?->version_note );
	}

	/**
	 * Versions: token endpoints, scopes and Cognito/LWA types.
	 */
	public function test_versions(): void {
		$this->assertSame( 'https://creatorsapi.auth.eu-south-2.amazoncognito.com/oauth2/token', Marketplace_Registry::token_endpoint( '2.2' ) );
		$this->assertSame( 'https://api.amazon.co.jp/auth/o2/token', Marketplace_Registry::token_endpoint( '3.3' ) );
		$this->assertSame( 'creatorsapi/default', Marketplace_Registry::token_scope( '2.1' ) );
		$this->assertSame( 'creatorsapi::default', Marketplace_Registry::token_scope( '3.1' ) );
		$this->assertNull( Marketplace_Registry::token_endpoint( '4.0' ) );
		$this->assertFalse( Marketplace_Registry::is_version( '1.0' ) );
		$this->assertCount( 6, Marketplace_Registry::versions() );
	}

	/**
	 * Host lookup: store host, bare domain, URL, PA-API host.
	 */
	public function test_by_host(): void {
		$this->assertSame( 'de', Marketplace_Registry::by_host( 'www.amazon.de' )?->country );
		$this->assertSame( 'uk', Marketplace_Registry::by_host( 'amazon.co.uk' )?->country );
		$this->assertSame( 'jp', Marketplace_Registry::by_host( 'https://www.amazon.co.jp/dp/B000000000' )?->country );
		$this->assertSame( 'au', Marketplace_Registry::by_host( 'webservices.amazon.com.au' )?->country );
		$this->assertNull( Marketplace_Registry::by_host( 'example.com' ) );
	}

	/**
	 * The script tools/export-marketplaces.php writes exactly the registry's export as JSON.
	 */
	public function test_export_script(): void {
		$file = tempnam( sys_get_temp_dir(), 'acapi-markets' );
		$this->assertIsString( $file );
		$cmd = escapeshellarg( PHP_BINARY ) . ' ' . escapeshellarg( dirname( __DIR__, 4 ) . '/tools/export-marketplaces.php' ) . ' ' . escapeshellarg( $file ) . ' 2>&1';
		exec( $cmd, $output, $status );
		$this->assertSame( 0, $status, implode( "\n", $output ) );
		$data = json_decode( (string) file_get_contents( $file ), true );
		unlink( $file );
		$this->assertIsArray( $data );
		$this->assertArrayHasKey( '$comment', $data );
		unset( $data['$comment'] );
		$this->assertSame( json_decode( (string) json_encode( Marketplace_Registry::export() ), true ), $data );
		$this->assertCount( 22, $data['marketplaces'] );
		$this->assertSame( 'uk', $data['aliases']['gb'] );
		$this->assertSame(
			array(
				'2.2' => 'https://creatorsapi.auth.eu-south-2.amazoncognito.com/oauth2/token',
				'3.2' => 'https://api.amazon.co.uk/auth/o2/token',
			),
			$data['marketplaces']['in']['token_endpoints']
		);
	}
}
