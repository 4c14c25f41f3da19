<?php
/**
 * GET /resolve: Amazon URLs to marketplace and ASIN.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Rest;

use Creators_Connect\Rest\Resolve_Controller;
use Creators_Connect\Tests\Integration_Test_Case;

/**
 * Every product URL form of every marketplace kind.
 */
final class Resolve_Rest_Test extends Integration_Test_Case {

	/**
	 * Registers the controller with a fixed default marketplace.
	 */
	protected function setUp(): void {
		parent::setUp();
		add_action( 'rest_api_init', array( $this, 'register_controller' ), 99 );
	}

	/**
	 * Unregisters.
	 */
	protected function tearDown(): void {
		remove_action( 'rest_api_init', array( $this, 'register_controller' ), 99 );
		parent::tearDown();
	}

	/**
	 * Action: the controller with `de` as the default marketplace.
	 */
	public function register_controller(): void {
		( new Resolve_Controller( static fn(): string => 'de' ) )->register_routes();
	}

	/**
	 * URL forms.
	 *
	 * @return array<string, array{string, string, string}>
	 */
	public static function urls(): array {
		return array(
			'dp'             => array( 'https://www.amazon.de/dp/B0C1234567', 'de', 'B0C1234567' ),
			'slug and ref'   => array( 'https://www.amazon.co.uk/Some-Long-Slug/dp/b0c1234567/ref=sr_1_1?keywords=x', 'uk', 'B0C1234567' ),
			'gp/product'     => array( 'amazon.com/gp/product/B0C1234567', 'us', 'B0C1234567' ),
			'mobile gp/aw/d' => array( 'https://www.amazon.co.jp/gp/aw/d/4101092052', 'jp', '4101092052' ),
			'smile'          => array( 'https://smile.amazon.com/dp/B0C1234567?th=1', 'us', 'B0C1234567' ),
			'obidos'         => array( 'https://www.amazon.com.mx/exec/obidos/ASIN/B0C1234567/', 'mx', 'B0C1234567' ),
			'fragment'       => array( 'https://www.amazon.com.be/dp/B0C1234567#reviews', 'be', 'B0C1234567' ),
			'com.au'         => array( 'https://www.amazon.com.au/dp/B0C1234567', 'au', 'B0C1234567' ),
			'com.tr reviews' => array( 'https://www.amazon.com.tr/product-reviews/B0C1234567', 'tr', 'B0C1234567' ),
			'mobile host'    => array( 'https://m.amazon.de/o/ASIN/B0C1234567', 'de', 'B0C1234567' ),
			'bare ASIN'      => array( ' b0c1234567 ', 'de', 'B0C1234567' ),
		);
	}

	/**
	 * Each form resolves.
	 *
	 * @dataProvider urls
	 *
	 * @param string $url     URL.
	 * @param string $country Expected marketplace.
	 * @param string $asin    Expected ASIN.
	 */
	public function test_resolves( string $url, string $country, string $asin ): void {
		$this->act_as( 'author' );
		$response = $this->rest( 'GET', '/creators-connect-for-amazon/v1/resolve', null, array( 'url' => $url ) );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$data = $response->get_data();
		$this->assertSame( $country, $data['country'] );
		$this->assertSame( $asin, $data['asin'] );
		$this->assertStringEndsWith( '/dp/' . $asin, $data['url'] );
	}

	/**
	 * What is not a product link is a 400 with a plain message; visitors may not ask.
	 */
	public function test_rejects(): void {
		$this->act_as( 'author' );
		foreach ( array( 'https://www.example.com/dp/B0C1234567', 'https://www.amazon.de/s?k=kaffee', 'https://notamazon.de/dp/B0C1234567', 'not a url at all' ) as $url ) {
			$response = $this->rest( 'GET', '/creators-connect-for-amazon/v1/resolve', null, array( 'url' => $url ) );
			$this->assertSame( 400, $response->get_status(), $url );
		}
		$this->act_as( null );
		$this->assertSame( 401, $this->rest( 'GET', '/creators-connect-for-amazon/v1/resolve', null, array( 'url' => 'https://www.amazon.de/dp/B0C1234567' ) )->get_status() );
	}
}
