<?php
/**
 * The visitor's country from the request's headers and server variables.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Unit\Geo;

use Creators_Connect\Geo\Visitor_Country;
use PHPUnit\Framework\TestCase;

/**
 * Cloudflare, CloudFront, Vercel, an admin's header (Fastly sets one from VCL), GeoIP.
 */
final class Visitor_Country_Test extends TestCase {

	/**
	 * Each source, in order; placeholders are no country.
	 */
	public function test_sources_and_placeholders(): void {
		$this->assertSame(
			array(
				'country' => 'at',
				'header'  => 'CF-IPCountry',
			),
			Visitor_Country::from_request( array( 'HTTP_CF_IPCOUNTRY' => 'AT' ) )
		);
		$this->assertSame(
			array(
				'country' => 'de',
				'header'  => 'CloudFront-Viewer-Country',
			),
			Visitor_Country::from_request( array( 'HTTP_CLOUDFRONT_VIEWER_COUNTRY' => 'DE' ) )
		);
		$this->assertSame(
			array(
				'country' => 'nz',
				'header'  => 'X-Vercel-IP-Country',
			),
			Visitor_Country::from_request( array( 'HTTP_X_VERCEL_IP_COUNTRY' => 'NZ' ) )
		);
		$this->assertSame(
			array(
				'country' => 'ch',
				'header'  => 'X-Geo-Country',
			),
			Visitor_Country::from_request(
				array(
					'HTTP_X_GEO_COUNTRY' => 'ch',
					'HTTP_CF_IPCOUNTRY'  => 'DE',
				),
				'X-Geo-Country'
			),
			'the admin\'s header first'
		);
		$this->assertSame(
			array(
				'country' => 'gb',
				'header'  => '',
			),
			Visitor_Country::from_request( array( 'GEOIP_COUNTRY_CODE' => 'GB' ) )
		);
		foreach ( array( 'XX', 'T1', 'A1', 'EU', '', 'DEU', '<b>', 'd' ) as $placeholder ) {
			$this->assertNull( Visitor_Country::from_request( array( 'HTTP_CF_IPCOUNTRY' => $placeholder ) ), $placeholder );
		}
		$this->assertNull( Visitor_Country::from_request( array() ) );
	}
}
