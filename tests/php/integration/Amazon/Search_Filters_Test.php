<?php
/**
 * Every search filter value Search_Options allows reaches the emulator without a 400, over both
 * APIs; every value it refuses is refused before Amazon is asked, with the allowed values named.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Amazon;

use Creators_Connect\Amazon\Search_Options;
use Creators_Connect\Tests\Emulator;

/**
 * Search_Options against the emulator (which rejects what Amazon rejects).
 */
final class Search_Filters_Test extends Amazon_Test_Case {

	/**
	 * One allowed value (or list) per filter, plus every enum member.
	 *
	 * @return list<array<string, mixed>>
	 */
	private static function allowed(): array {
		$cases = array();
		foreach ( Search_Options::ENUMS as $name => $values ) {
			foreach ( $values as $value ) {
				$cases[] = array( $name => 'delivery_flags' === $name ? array( $value ) : $value );
			}
		}
		$cases[] = array( 'delivery_flags' => Search_Options::ENUMS['delivery_flags'] );
		foreach ( Search_Options::RANGES as $name => $range ) {
			$cases[] = array( $name => $range[0] );
			$cases[] = array( $name => $range[1] ?? 999999 );
		}
		$cases[] = array( 'search_index' => 'Electronics' );
		$cases[] = array( 'browse_node_id' => '172541' );
		$cases[] = array( 'brand' => 'Kestrel Audio' );
		$cases[] = array(
			'min_price' => 1000,
			'max_price' => 50000,
		);
		return $cases;
	}

	/**
	 * Each allowed filter passes Search_Options and the emulator's SearchItems checks, on the
	 * Creators API and on PA-API.
	 */
	public function test_every_allowed_filter_is_400_free_on_both_apis(): void {
		$creators = $this->creators();
		$paapi    = $this->paapi();
		foreach ( self::allowed() as $filter ) {
			list( $clean, $problems ) = Search_Options::validate( $filter );
			$this->assertSame( array(), $problems, (string) wp_json_encode( $filter ) );
			$params = array( 'keywords' => 'headphones' ) + $clean;
			$creators->search_items( Emulator::creators_credentials( 'lwa', 'us' ), $params );
			$paapi->search_items( Emulator::paapi_credentials( 'us' ), $params );
		}
		$calls = $this->emulator->requests( 'searchItems' );
		$this->assertCount( 2 * count( self::allowed() ), $calls );
		foreach ( $calls as $call ) {
			$this->assertContains( $call['status'], array( 200, 404 ), (string) wp_json_encode( $call ) );
		}
	}

	/**
	 * Values Amazon refuses are refused here, each with a message that names what is allowed;
	 * the emulator refuses the same values with a 400 when they are sent anyway.
	 */
	public function test_refused_values_name_the_allowed_ones(): void {
		$refused = array(
			array( 'sort_by', 'Cheapest', 'Use one of: AvgCustomerReviews, Featured, NewestArrivals, Price:HighToLow, Price:LowToHigh, Relevance.' ),
			array( 'availability', 'InStock', 'Use one of: Available, IncludeOutOfStock.' ),
			array( 'delivery_flags', 'Prime,Drone', 'Use one of: AmazonGlobal, FreeShipping, FulfilledByAmazon, Prime.' ),
			array( 'condition', 'Used', 'Use one of: Any, New.' ),
			array( 'min_price', '0', 'min_price must be a whole number of at least 1 (got “0”).' ),
			array( 'max_price', '-5', 'max_price must be a whole number of at least 1 (got “-5”).' ),
			array( 'min_reviews_rating', '5', 'min_reviews_rating must be a whole number from 1 to 4 (got “5”).' ),
			array( 'min_saving_percent', '100', 'min_saving_percent must be a whole number from 1 to 99 (got “100”).' ),
			array( 'item_count', '11', 'item_count must be a whole number from 1 to 10 (got “11”).' ),
			array( 'item_page', '0', 'item_page must be a whole number from 1 to 10 (got “0”).' ),
			array( 'min_price', '9.99', 'at least 1 (got “9.99”)' ),
			array( 'browse_node_id', '0123', 'browse_node_id has an invalid value' ),
			array( 'search_index', 'Bücher', 'is not one of Amazon\'s search indices' ),
			array( 'search_index', str_repeat( 'I', 101 ), 'is not one of Amazon\'s search indices' ),
		);
		foreach ( $refused as list( $name, $value, $message ) ) {
			list( $clean, $problems ) = Search_Options::validate( array( $name => $value ) );
			$this->assertArrayNotHasKey( $name, $clean );
			$this->assertCount( 1, $problems, $name );
			$this->assertStringContainsString( $message, $problems[0] );
		}
		$this->assertSame(
			array( 'max_price must not be below min_price.' ),
			Search_Options::validate(
				array(
					'min_price' => 5000,
					'max_price' => 1000,
				)
			)[1]
		);

		// The emulator answers what slips through as Amazon does: 400, and nothing is shown.
		foreach ( array( array( 'sortBy' => 'Cheapest' ), array( 'minReviewsRating' => 5 ), array( 'minSavingPercent' => 100 ), array( 'minPrice' => 0 ), array( 'deliveryFlags' => array( 'Drone' ) ), array( 'availability' => 'InStock' ) ) as $raw ) {
			try {
				$this->creators()->search_items( Emulator::creators_credentials( 'lwa', 'us' ), array( 'keywords' => 'headphones' ) + $raw );
				$this->fail( 'accepted ' . (string) wp_json_encode( $raw ) );
			} catch ( \Creators_Connect\Amazon\Amazon_Exception $exception ) {
				$this->assertSame( 400, $exception->error()->http_status, (string) wp_json_encode( $raw ) );
			}
		}
	}
}
