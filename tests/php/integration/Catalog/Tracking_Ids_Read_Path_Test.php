<?php
/**
 * Tracking-ID sets on the read path: a listed tag goes into Amazon's request, the links carry it,
 * the store keeps those products apart, and each tag used costs ⌈N/10⌉ getItems calls.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Catalog;

use Creators_Connect\Catalog\Catalog_Key;
use Creators_Connect\Tests\Emulator;

require_once __DIR__ . '/Catalog_Test_Case.php';

/**
 * Router, Product_Service and Product_Store with a tracking ID listed for Germany.
 */
final class Tracking_Ids_Read_Path_Test extends Catalog_Test_Case {

	private const SIDEBAR = 'acapidemode-sidebar-21';

	/**
	 * Germany lists the emulator's demo tracking ID.
	 */
	protected function setUp(): void {
		parent::setUp();
		$this->source->tracking['de'] = array( self::SIDEBAR );
	}

	/**
	 * The partner tags of the emulator's getItems requests, in order.
	 *
	 * @return list<string|null>
	 */
	private function requested_tags(): array {
		return array_map( static fn( array $entry ): ?string => $entry['partnerTag'] ?? null, $this->emulator->requests( 'getItems' ) );
	}

	/**
	 * The same twelve ASINs with the marketplace's tag and with a tracking ID: two calls each, the
	 * tag in the requests and in Amazon's links; a second request reads both from the store.
	 */
	public function test_a_listed_tag_goes_into_the_request_and_the_links(): void {
		$asins = array_slice( Emulator::catalog_asins( 'de' ), 0, 12 );
		$this->assertCount( 12, $asins );
		$service = $this->service();

		$own     = $service->get_products( 'de', $asins );
		$tracked = $service->get_products( 'de#' . self::SIDEBAR, $asins );
		$this->assertSame( 4, $this->get_items_calls( 'de' ) );
		$this->assertSame(
			array( Emulator::partner_tag( 'de' ), Emulator::partner_tag( 'de' ), self::SIDEBAR, self::SIDEBAR ),
			$this->requested_tags()
		);
		foreach ( $asins as $asin ) {
			$this->assertStringContainsString( 'tag=' . Emulator::partner_tag( 'de' ), (string) $own->product( $asin )?->detail_page_url, $asin );
			$this->assertStringContainsString( 'tag=' . self::SIDEBAR, (string) $tracked->product( $asin )?->detail_page_url, $asin );
			$this->assertSame( 'de', $tracked->product( $asin )?->marketplace );
		}

		// Another request: both from the store, no call.
		$again = $this->service();
		$this->assertStringContainsString( 'tag=' . self::SIDEBAR, (string) $again->get_products( 'de#' . self::SIDEBAR, $asins )->product( $asins[0] )?->detail_page_url );
		$this->assertStringContainsString( 'tag=' . Emulator::partner_tag( 'de' ), (string) $again->get_products( 'de', $asins )->product( $asins[0] )?->detail_page_url );
		$this->assertSame( 4, $this->get_items_calls( 'de' ) );
	}

	/**
	 * A page's prefetch of both groups makes ⌈N/10⌉ calls per tag, and the default marketplace
	 * ('' with the tag) is the same key as its code.
	 */
	public function test_prefetch_costs_a_batch_list_per_tag(): void {
		$asins   = array_slice( Emulator::catalog_asins( 'de' ), 0, 3 );
		$service = $this->service();
		$key     = $service->catalog_key( '', self::SIDEBAR );
		$this->assertSame( Catalog_Key::for_tag( 'de', self::SIDEBAR ), $key );
		$this->assertSame( $key, $service->catalog_key( 'DE', strtoupper( self::SIDEBAR ) ) );
		$service->prefetch(
			array(
				'de' => $asins,
				$key => $asins,
			)
		);
		$this->assertSame( 2, $this->get_items_calls( 'de' ) );
		$this->assertStringContainsString( 'tag=' . self::SIDEBAR, (string) $service->get_products( '#' . self::SIDEBAR, $asins )->product( $asins[2] )?->detail_page_url );
		$this->assertSame( 2, $this->get_items_calls( 'de' ) );
	}

	/**
	 * A tag that is not listed gets the marketplace's own (and is not accepted); a key whose tag
	 * was taken off the list names nothing.
	 */
	public function test_unlisted_tags(): void {
		$router = $this->router();
		$this->assertTrue( $router->accepts_tag( 'de', self::SIDEBAR ) );
		$this->assertTrue( $router->accepts_tag( 'de', Emulator::partner_tag( 'de' ) ) );
		$this->assertTrue( $router->accepts_tag( 'de', '' ) );
		$this->assertFalse( $router->accepts_tag( 'de', 'someoneelse-21' ) );
		$this->assertFalse( $router->accepts_tag( 'us', self::SIDEBAR ) );
		$this->assertSame( 'de', $router->country( 'de#someoneelse-21' ) );

		$asin = Emulator::catalog_asins( 'de' )[0];
		$this->assertStringContainsString( 'tag=' . Emulator::partner_tag( 'de' ), (string) $this->service()->get_products( 'de#someoneelse-21', array( $asin ) )->product( $asin )?->detail_page_url );
		$this->assertSame( array( Emulator::partner_tag( 'de' ) ), $this->requested_tags() );

		$key                          = Catalog_Key::for_tag( 'de', self::SIDEBAR );
		$this->source->tracking['de'] = array();
		$this->assertSame( '', $router->country( $key ) );
	}

	/**
	 * With the Creators API not eligible, PA-API answers with the tracking ID too.
	 */
	public function test_the_fallback_keeps_the_tag(): void {
		$this->source->tracking['us'] = array( 'acapidemous-news-20' );
		$this->source->with_credentials( 'us', Emulator::ineligible_credentials( 'lwa' ) );
		$asin   = Emulator::catalog_asins( 'us' )[0];
		$result = $this->service()->get_products( 'us#acapidemous-news-20', array( $asin ) );
		$this->assertSame( 'paapi', $result->product( $asin )?->source );
		$this->assertStringContainsString( 'tag=acapidemous-news-20', (string) $result->product( $asin )?->detail_page_url );
		$this->assertSame( array( 'acapidemous-news-20' ), array_column( $this->emulator->requests( 'getItems', 'paapi' ), 'partnerTag' ) );
		$this->assertSame( array( 'acapidemous-news-20' ), array_column( $this->emulator->requests( 'getItems', 'creators' ), 'partnerTag' ) );
	}
}
