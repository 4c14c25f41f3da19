<?php
/**
 * The product table on SQLite and MariaDB.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Catalog;

use Creators_Connect\Model\Amazon_Error;
use Creators_Connect\Catalog\Compliance;
use Creators_Connect\Model\Product;
use Creators_Connect\Catalog\Product_Store;
use Creators_Connect\Tests\Integration_Test_Case;

/**
 * Product_Store without Amazon: schema, round trips, errors, due rows, the cache.
 */
final class Product_Store_Test extends Integration_Test_Case {

	/**
	 * Activation created the table with its unique key and recorded the schema version.
	 */
	public function test_table_exists_after_activation(): void {
		global $wpdb;
		$this->assertSame( $wpdb->prefix . Product_Store::TABLE, Product_Store::table() );
		$this->assertSame( Product_Store::SCHEMA_VERSION, (int) get_option( Product_Store::VERSION_OPTION ) );
		$columns = $wpdb->get_col( 'DESCRIBE ' . Product_Store::table() ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared -- Test.
		foreach ( array( 'marketplace', 'asin', 'product', 'api', 'route', 'fetched_at', 'expires_at', 'last_error', 'error_count', 'last_error_at', 'last_requested_at' ) as $column ) {
			$this->assertContains( $column, $columns );
		}
	}

	/**
	 * A schema version behind makes the store run dbDelta again (a no-op on a current table).
	 */
	public function test_schema_upgrade_when_the_version_is_behind(): void {
		update_option( Product_Store::VERSION_OPTION, 0 );
		$checked = new \ReflectionProperty( \Creators_Connect\Support\Plugin_Table::class, 'checked' );
		$checked->setAccessible( true );
		$checked->setValue( null, array() );
		( new Product_Store() )->get_many( 'de', array( 'B000000001' ) );
		$this->assertSame( Product_Store::SCHEMA_VERSION, (int) get_option( Product_Store::VERSION_OPTION ) );
	}

	/**
	 * A product round-trips exactly; saving again updates the same row.
	 */
	public function test_round_trip_and_unique_key(): void {
		global $wpdb;
		$store   = new Product_Store();
		$product = $this->product( 'B000000001', 'Ünïcode “title” 😀', time() - 100 );
		$store->save( 'de', array( 'B000000001' => $product ), array( 'B000000001' => 'creators_configured' ), time() );
		$row = $store->get( 'de', 'B000000001' );
		$this->assertEquals( $product->to_array(), $row->product->to_array() );
		$this->assertSame( 'creators', $row->api );
		$this->assertGreaterThanOrEqual( $product->fetched_at + (int) ( Compliance::OFFER_TTL * 0.9 ), $row->expires_at );
		$this->assertLessThanOrEqual( $product->fetched_at + (int) ( Compliance::OFFER_TTL * 1.1 ), $row->expires_at );

		$store->save( 'de', array( 'B000000001' => $this->product( 'B000000001', 'New', time() ) ), array( 'B000000001' => 'paapi_only' ) );
		$this->assertSame( 'New', $store->get( 'de', 'B000000001' )->product->title );
		$this->assertSame( 'paapi_only', $store->get( 'de', 'B000000001' )->route );
		$count = (int) $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Product_Store::table() ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared -- Test.
		$this->assertSame( 1, $count );
		$this->assertNull( $store->get( 'us', 'B000000001' ), 'marketplaces are apart' );
	}

	/**
	 * Errors keep the product, count up, back off; a success clears them.
	 */
	public function test_errors_count_and_clear(): void {
		$store = new Product_Store();
		$store->save( 'de', array( 'B000000002' => $this->product( 'B000000002', 'Kept', time() - 7200 ) ) );
		$error = new Amazon_Error( Amazon_Error::SERVER_ERROR, 'creators', 500 );
		$store->record_errors( 'de', array( 'B000000002' => $error ), array( 'B000000002' => 0 ) );
		$store->record_errors( 'de', array( 'B000000002' => $error ), array( 'B000000002' => 1 ) );
		$row = $store->get( 'de', 'B000000002' );
		$this->assertSame( 'Kept', $row->product->title );
		$this->assertSame( 2, $row->error_count );
		$this->assertSame( Amazon_Error::SERVER_ERROR, $row->last_error->kind );
		$this->assertTrue( $row->is_backing_off( time() ) );

		$store->save( 'de', array( 'B000000002' => $this->product( 'B000000002', 'Back', time() ) ) );
		$row = $store->get( 'de', 'B000000002' );
		$this->assertSame( 0, $row->error_count );
		$this->assertNull( $row->last_error );
	}

	/**
	 * Due rows come most recently requested first, only those asked for in the window.
	 */
	public function test_due_order(): void {
		$store = new Product_Store();
		$now   = time();
		$store->queue( 'de', array( 'B00000000A' ), $now - 300 );
		$store->queue( 'us', array( 'B00000000B' ), $now - 10 );
		$store->queue( 'de', array( 'B00000000C' ), $now - 5 * 86400 );
		$store->save( 'de', array( 'B00000000D' => $this->product( 'B00000000D', 'Fresh', $now ) ), array(), $now );
		$due = $store->due( $now, $now - 86400, 10 );
		$this->assertSame(
			array(
				array(
					'marketplace' => 'us',
					'asin'        => 'B00000000B',
				),
				array(
					'marketplace' => 'de',
					'asin'        => 'B00000000A',
				),
			),
			$due
		);
		$stats = $store->stats( $now );
		$this->assertSame( 4, $stats['total'] );
		$this->assertSame( 1, $stats['fresh'] );
		$this->assertSame( 3, $stats['never_fetched'] );
		$this->assertSame( 1, $store->delete( 'de', array( 'B00000000A' ) ) );
		$this->assertSame( 3, $store->delete() );
	}

	/**
	 * Compliance: past 24 hours, title and link only.
	 */
	public function test_title_and_link_past_24_hours(): void {
		$old   = $this->product( 'B000000003', 'Old', time() - 86401 );
		$shown = Compliance::displayable( $old, time() );
		$this->assertSame( 'Old', $shown->title );
		$this->assertSame( $old->detail_page_url, $shown->detail_page_url );
		$this->assertNull( $shown->price );
		$this->assertNull( $shown->availability );
		$this->assertSame( array(), $shown->images );
		$this->assertSame( $old, Compliance::displayable( $old, $old->fetched_at + 86399 ) );
		add_filter( 'acapi_offer_ttl', static fn(): int => 999999 );
		$this->assertLessThan( time() + 86400, Compliance::expires_at( time() ), 'never past the 24-hour cap' );
		remove_all_filters( 'acapi_offer_ttl' );
	}

	/**
	 * A product.
	 *
	 * @param string $asin    ASIN.
	 * @param string $title   Title.
	 * @param int    $fetched Fetch time.
	 */
	private function product( string $asin, string $title, int $fetched ): Product {
		return new Product(
			asin: $asin,
			marketplace: 'de',
			title: $title,
			detail_page_url: 'https://www.amazon.de/dp/' . $asin . '?tag=x-21',
			price: array(
				'amount'   => 12.0,
				'currency' => 'EUR',
				'display'  => '12,00 €',
			),
			features: array( 'a', 'b' ),
			rating: 4.5,
			fetched_at: $fetched,
			source: 'creators',
			api_version: '2.2'
		);
	}
}
