<?php
/**
 * Unit tests of the URL rules: store pages and image hosts.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Unit\Marketplace;

use Creators_Connect\Marketplace\Image_Hosts;
use Creators_Connect\Marketplace\Marketplace_Registry;
use PHPUnit\Framework\TestCase;

/**
 * Marketplace::owns_url(), Marketplace::product_url() and Image_Hosts::allows().
 */
final class Amazon_Urls_Test extends TestCase {

	/**
	 * Only `https://` on the store's own host is the store.
	 */
	public function test_store_urls(): void {
		$de = Marketplace_Registry::get( 'de' );
		$this->assertNotNull( $de );
		$this->assertTrue( $de->owns_url( 'https://www.amazon.de/dp/B0DKAFFEE1?tag=site-21&linkCode=ogi' ) );
		$this->assertTrue( $de->owns_url( 'https://amazon.de/dp/B0DKAFFEE1' ) );
		$this->assertTrue( $de->owns_url( 'HTTPS://WWW.AMAZON.DE/dp/B0DKAFFEE1' ) );
		foreach ( array( '//www.amazon.de/dp/B0DKAFFEE1', 'http://www.amazon.de/dp/B0DKAFFEE1', 'https://www.amazon.com/dp/B0DKAFFEE1', 'https://www.amazon.de.evil.example/dp/B0DKAFFEE1', 'https://www.amazon.de@evil.example/', 'https://evil.example/?https://www.amazon.de/', 'https://www.amazon.de:8443/dp/B0DKAFFEE1', 'javascript:alert(1)', '' ) as $url ) {
			$this->assertFalse( $de->owns_url( $url ), $url );
		}
		$this->assertSame( 'https://www.amazon.de/dp/B0DKAFFEE1?tag=site-21', $de->product_url( 'B0DKAFFEE1', 'site-21' ) );
		$this->assertSame( 'https://www.amazon.co.jp/dp/B0DKAFFEE1', Marketplace_Registry::get( 'jp' )?->product_url( 'B0DKAFFEE1' ) );
	}

	/**
	 * Amazon's image hosts over https; the emulator's origin only when it is the endpoint override.
	 */
	public function test_image_hosts(): void {
		$this->assertTrue( Image_Hosts::allows( 'https://m.media-amazon.com/images/I/41AbCdEfGhL.jpg', '' ) );
		$this->assertTrue( Image_Hosts::allows( 'https://images-fe.ssl-images-amazon.com/images/I/x.jpg', '' ) );
		foreach ( array( '//m.media-amazon.com/images/I/x.jpg', 'http://m.media-amazon.com/images/I/x.jpg', 'https://m.media-amazon.com.evil.example/x.jpg', 'https://evil.example/m.media-amazon.com/x.jpg', 'https://user@m.media-amazon.com/x.jpg', 'data:image/svg+xml,<svg/>', 'http://127.0.0.1:9411/__emulator/image/B0DKAFFEE1.svg' ) as $url ) {
			$this->assertFalse( Image_Hosts::allows( $url, '' ), $url );
		}
		$this->assertTrue( Image_Hosts::allows( 'http://127.0.0.1:9411/__emulator/image/B0DKAFFEE1.svg', 'http://127.0.0.1:9411' ) );
		$this->assertFalse( Image_Hosts::allows( 'http://127.0.0.1:9412/__emulator/image/B0DKAFFEE1.svg', 'http://127.0.0.1:9411' ), 'another port is another origin' );
	}
}
