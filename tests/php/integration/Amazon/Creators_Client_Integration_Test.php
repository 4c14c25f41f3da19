<?php
/**
 * Integration tests of the Creators API client against the emulator.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Amazon;

use Creators_Connect\Model\Amazon_Error;
use Creators_Connect\Amazon\Amazon_Exception;
use Creators_Connect\Amazon\Circuit_Breaker;
use Creators_Connect\Amazon\Creators_Credentials;
use Creators_Connect\Amazon\Http_Transport;
use Creators_Connect\Amazon\Token_Provider;
use Creators_Connect\Tests\Emulator;

require_once __DIR__ . '/Amazon_Test_Case.php';

/**
 * Creators_Client + Token_Provider + Http_Transport over real HTTP.
 */
final class Creators_Client_Integration_Test extends Amazon_Test_Case {

	/**
	 * Both credential generations in every region group get items.
	 *
	 * @return array<string, array{string, string}>
	 */
	public static function credential_sets(): array {
		return array(
			'cognito NA (us)' => array( 'cognito', 'us' ),
			'lwa NA (us)'     => array( 'lwa', 'us' ),
			'cognito EU (de)' => array( 'cognito', 'de' ),
			'lwa EU (uk)'     => array( 'lwa', 'uk' ),
			'cognito FE (jp)' => array( 'cognito', 'jp' ),
			'lwa FE (jp)'     => array( 'lwa', 'jp' ),
		);
	}

	/**
	 * A catalog item comes back mapped, with Amazon's detail page URL as returned.
	 *
	 * @dataProvider credential_sets
	 *
	 * @param string $type    Credential type.
	 * @param string $country Marketplace.
	 */
	public function test_get_items_per_region_and_type( string $type, string $country ): void {
		$asin    = Emulator::catalog_asins( $country )[0];
		$result  = $this->creators()->get_items( Emulator::creators_credentials( $type, $country ), array( $asin ) );
		$product = $result->product( $asin );
		$this->assertNotNull( $product, print_r( $result->errors, true ) ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions -- Failure detail.
		$this->assertNotSame( '', $product->title );
		$this->assertStringContainsString( 'tag=' . Emulator::partner_tag( $country ), $product->detail_page_url );
		$this->assertSame( $country, $product->marketplace );
		$this->assertSame( 'creators', $product->source );
		$this->assertSame( 1, $this->emulator->count( 'token:' . $type ) );
		$this->assertSame( 1, $this->emulator->count( 'getItems:' . $country ) );
	}

	/**
	 * Many calls from fresh objects (as from separate PHP requests) fetch one token.
	 */
	public function test_token_is_fetched_once_and_shared(): void {
		$credentials = Emulator::creators_credentials( 'lwa', 'us' );
		$asin        = Emulator::catalog_asins( 'us' )[0];
		for ( $i = 0; $i < 5; $i++ ) {
			$this->assertTrue( $this->creators()->get_items( $credentials, array( $asin ) )->has_products() );
		}
		$this->assertSame( 1, $this->emulator->count( 'token' ) );
		$this->assertSame( 5, $this->emulator->count( 'getItems' ) );
	}

	/**
	 * The cache key holds a hash, never the credential id or secret; the secret is stored nowhere.
	 */
	public function test_token_cache_keys_hold_no_secret(): void {
		global $wpdb;
		$credentials = Emulator::creators_credentials( 'lwa', 'us' );
		$this->creators()->get_items( $credentials, array( Emulator::catalog_asins( 'us' )[0] ) );
		$rows = $wpdb->get_results( "SELECT option_name, option_value FROM {$wpdb->options} WHERE option_name LIKE '%acapi%'", ARRAY_A ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- Inspecting storage is the point.
		$this->assertNotEmpty( $rows, 'the token is cached in a transient' );
		foreach ( $rows as $row ) {
			$this->assertStringNotContainsString( $credentials->secret(), $row['option_name'] . $row['option_value'] );
			$this->assertStringNotContainsString( $credentials->credential_id, $row['option_name'] );
		}
	}

	/**
	 * A marketplace saved with the right Credential ID but a wrong secret never rides on the token
	 * cached for the right secret: Amazon is asked, and refuses.
	 */
	public function test_wrong_secret_never_reuses_a_cached_token(): void {
		$right = Emulator::creators_credentials( 'lwa', 'us' );
		$wrong = new Creators_Credentials( $right->credential_id, $right->secret() . 'x', $right->type, $right->version, $right->partner_tag, 'us' );
		$asin  = Emulator::catalog_asins( 'us' )[0];
		$this->assertTrue( $this->creators()->get_items( $right, array( $asin ) )->has_products() );
		try {
			$this->creators()->get_items( $wrong, array( $asin ) );
			$this->fail( 'a wrong secret got products with the token cached for the right one' );
		} catch ( Amazon_Exception $e ) {
			$this->assertSame( Amazon_Error::INVALID_CREDENTIALS, $e->error()->kind );
		}
		$this->assertSame( 2, $this->emulator->count( 'token' ) );
		$this->assertSame( 1, $this->emulator->count( 'getItems' ) );
	}

	/**
	 * Forgetting the token of a failed (wrong-secret) set keeps the working set's token.
	 */
	public function test_forgetting_a_wrong_secret_keeps_the_working_token(): void {
		$right  = Emulator::creators_credentials( 'lwa', 'us' );
		$wrong  = new Creators_Credentials( $right->credential_id, 'not-the-secret', $right->type, $right->version, $right->partner_tag, 'us' );
		$asin   = Emulator::catalog_asins( 'us' )[0];
		$tokens = new Token_Provider( new Http_Transport() );
		$this->creators()->get_items( $right, array( $asin ) );
		$tokens->forget( $wrong );
		$this->assertTrue( $this->creators()->get_items( $right, array( $asin ) )->has_products() );
		$this->assertSame( 1, $this->emulator->count( 'token' ), 'the working token was dropped' );
	}

	/**
	 * Tokens expire `expires_in − 60` s early (half the lifetime when that is short).
	 */
	public function test_expired_token_is_refetched(): void {
		$this->emulator->config( array( 'token_expires_in' => 2 ) );
		$credentials = Emulator::creators_credentials( 'cognito', 'us' );
		$asin        = Emulator::catalog_asins( 'us' )[0];
		$this->creators()->get_items( $credentials, array( $asin ) );
		sleep( 2 );
		$this->assertTrue( $this->creators()->get_items( $credentials, array( $asin ) )->has_products() );
		$this->assertSame( 2, $this->emulator->count( 'token' ) );
		$this->assertSame( 2, $this->emulator->count( 'getItems' ), 'no 401 round trip: the token was refreshed before it expired' );
	}

	/**
	 * A 401 TokenExpired drops the token and retries once with a new one.
	 */
	public function test_401_refresh_and_retry(): void {
		$credentials = Emulator::creators_credentials( 'lwa', 'us' );
		$asin        = Emulator::catalog_asins( 'us' )[0];
		$this->creators()->get_items( $credentials, array( $asin ) );
		$this->emulator->fault(
			array(
				'fault' => 'token_expired',
				'times' => 1,
			)
		);
		$this->assertTrue( $this->creators()->get_items( $credentials, array( $asin ) )->has_products() );
		$this->assertSame( 2, $this->emulator->count( 'token' ) );
		$this->assertSame( 3, $this->emulator->count( 'getItems' ) );
		$this->assertSame( array( 200, 401, 200 ), array_column( $this->emulator->requests( 'getItems' ), 'status' ) );
	}

	/**
	 * 25 ASINs → 3 GetItems calls (10 + 10 + 5), one token; every ASIN is a product or an item error.
	 */
	public function test_25_asins_make_3_calls(): void {
		$asins = array_merge( array_slice( Emulator::catalog_asins( 'us' ), 0, 24 ), array( 'B0NOTREAL1' ) );
		$this->assertCount( 25, $asins );
		$result = $this->creators()->get_items( Emulator::creators_credentials( 'lwa', 'us' ), $asins );

		$this->assertSame( 3, $this->emulator->count( 'getItems:us' ) );
		$this->assertSame( 1, $this->emulator->count( 'token' ) );
		$this->assertSame( array( 10, 10, 5 ), array_map( static fn( $r ) => count( $r['asins'] ), $this->emulator->requests( 'getItems' ) ) );
		$this->assertSame( 3, $result->calls );
		$this->assertEqualsCanonicalizing( $asins, array_merge( array_keys( $result->products ), array_keys( $result->errors ) ) );
		$this->assertGreaterThanOrEqual( 23, count( $result->products ) );
		$this->assertSame( Amazon_Error::INVALID_ASIN, $result->error( 'B0NOTREAL1' )?->kind );
	}

	/**
	 * Partial results: the good items are kept next to per-item errors.
	 */
	public function test_partial_errors_kept_per_item(): void {
		$good   = Emulator::catalog_asins( 'us' )[1];
		$result = $this->creators()->get_items( Emulator::creators_credentials( 'lwa', 'us' ), array( $good, 'B00EXCLUDE', 'B0NOTREAL1' ) );
		$this->assertSame( array( $good ), array_keys( $result->products ) );
		$this->assertSame( Amazon_Error::ITEM_NOT_ACCESSIBLE, $result->error( 'B00EXCLUDE' )?->kind );
		$this->assertSame( Amazon_Error::INVALID_ASIN, $result->error( 'B0NOTREAL1' )?->kind );
		$this->assertStringContainsString( 'B00EXCLUDE', $result->error( 'B00EXCLUDE' )?->message() ?? '' );
	}

	/**
	 * Only unknown ASINs: Amazon's 404 becomes an item error per ASIN.
	 */
	public function test_only_unknown_asins(): void {
		$result = $this->creators()->get_items( Emulator::creators_credentials( 'lwa', 'us' ), array( 'B0NOTREAL1', 'B0NOTREAL2' ) );
		$this->assertFalse( $result->has_products() );
		$this->assertSame( Amazon_Error::INVALID_ASIN, $result->error( 'B0NOTREAL2' )?->kind );
	}

	/**
	 * Every error kind the emulator can produce, with its plain-language message and WP_Error.
	 *
	 * @return array<string, array{string, string, string}>
	 */
	public static function item_faults(): array {
		return array(
			'throttled'    => array( 'B00THROTTL', Amazon_Error::THROTTLED, 'limiting the number of requests' ),
			'server error' => array( 'B00SRVERR5', Amazon_Error::SERVER_ERROR, 'servers had a problem' ),
			'malformed'    => array( 'B00MALFORM', Amazon_Error::MALFORMED_RESPONSE, 'could not read' ),
		);
	}

	/**
	 * Reserved ASINs that fault their request: the batch's items carry the error, nothing hangs.
	 *
	 * @dataProvider item_faults
	 *
	 * @param string $asin    Reserved ASIN.
	 * @param string $kind    Expected kind.
	 * @param string $message Expected message fragment.
	 */
	public function test_request_faults_become_item_errors( string $asin, string $kind, string $message ): void {
		$start  = microtime( true );
		$result = $this->creators()->get_items( Emulator::creators_credentials( 'lwa', 'us' ), array( $asin ) );
		$this->assertLessThan( 5.0, microtime( true ) - $start, 'bounded retries' );
		$error = $result->error( $asin );
		$this->assertNotNull( $error );
		$this->assertSame( $kind, $error->kind );
		$this->assertStringContainsString( $message, $error->message() );
		$wp_error = $error->to_wp_error();
		$this->assertSame( 'acapi_' . $kind, $wp_error->get_error_code() );
	}

	/**
	 * A throttled call is retried after retry-after and succeeds; a 5xx is retried once.
	 */
	public function test_retries(): void {
		$credentials = Emulator::creators_credentials( 'lwa', 'us' );
		$asin        = Emulator::catalog_asins( 'us' )[0];
		$this->emulator->fault(
			array(
				'fault'       => 'throttle',
				'times'       => 1,
				'retry_after' => 1,
			)
		);
		$start = microtime( true );
		$this->assertTrue( $this->creators()->get_items( $credentials, array( $asin ) )->has_products() );
		$this->assertGreaterThanOrEqual( 0.9, microtime( true ) - $start, 'retry-after honoured' );
		$this->assertSame( array( 429, 200 ), array_column( $this->emulator->requests( 'getItems' ), 'status' ) );

		// (No emulator reset here: it would forget the issued token and add a 401 round trip.)
		$before = count( $this->emulator->requests( 'getItems' ) );
		$this->emulator->fault( array( 'fault' => 'server_error' ) );
		$this->assertTrue( $this->creators()->get_items( $credentials, array( $asin ) )->has_products() );
		$this->assertSame( array( 500, 200 ), array_slice( array_column( $this->emulator->requests( 'getItems' ), 'status' ), $before ) );

		$before = $this->emulator->count( 'getItems' );
		$start  = microtime( true );
		$this->assertSame( Amazon_Error::THROTTLED, $this->creators()->get_items( $credentials, array( 'B00THROTTL' ) )->error( 'B00THROTTL' )?->kind );
		$this->assertLessThanOrEqual( 4, $this->emulator->count( 'getItems' ) - $before, 'at most 4 attempts' );
		$this->assertLessThan( 4.5, microtime( true ) - $start, 'bounded total wait' );
	}

	/**
	 * A connection that never answers ends at our timeout (filterable), as a timeout error.
	 */
	public function test_timeout(): void {
		add_filter( 'acapi_http_timeout', static fn() => 1.0 );
		$start  = microtime( true );
		$result = $this->creators()->get_items( Emulator::creators_credentials( 'lwa', 'us' ), array( 'B00HANGING' ) );
		$this->assertLessThan( 3.0, microtime( true ) - $start );
		$this->assertSame( Amazon_Error::TIMEOUT, $result->error( 'B00HANGING' )?->kind );
		$this->assertStringContainsString( 'did not answer in time', $result->error( 'B00HANGING' )?->message() ?? '' );
	}

	/**
	 * Configuration errors are thrown with a plain-language message that names no secret.
	 *
	 * @return array<string, array{callable(): Creators_Credentials, string, string}>
	 */
	public static function configuration_errors(): array {
		return array(
			'not eligible'    => array( static fn() => Emulator::ineligible_credentials( 'lwa' ), Amazon_Error::NOT_ELIGIBLE, '10 qualified sales' ),
			'wrong secret'    => array(
				static function () {
					$good = Emulator::creators_credentials( 'cognito', 'us' );
					return new Creators_Credentials( $good->credential_id, 'wrong-secret-value', 'cognito', '2.1', $good->partner_tag, 'us' );
				},
				Amazon_Error::INVALID_CREDENTIALS,
				'did not accept the credentials',
			),
			'type vs version' => array(
				static function () {
					$good = Emulator::creators_credentials( 'lwa', 'us' );
					return new Creators_Credentials( $good->credential_id, $good->secret(), 'lwa', '2.1', $good->partner_tag, 'us' );
				},
				Amazon_Error::INVALID_CREDENTIALS,
				'Login with Amazon',
			),
			'other store tag' => array(
				static function () {
					$good = Emulator::creators_credentials( 'lwa', 'de' );
					return new Creators_Credentials( $good->credential_id, $good->secret(), 'lwa', '3.2', Emulator::partner_tag( 'uk' ), 'de' );
				},
				Amazon_Error::INVALID_PARTNER_TAG,
				'partner tag',
			),
			'region mismatch' => array( static fn() => Emulator::creators_credentials( 'lwa', 'de', 'NA' ), Amazon_Error::INVALID_PARTNER_TAG, 'Version 3.1 credentials belong to the NA region' ),
			'not configured'  => array(
				static function () {
					$good = Emulator::creators_credentials( 'lwa', 'us' );
					return new Creators_Credentials( $good->credential_id, '', 'lwa', '3.1', $good->partner_tag, 'us' );
				},
				Amazon_Error::NOT_CONFIGURED,
				'not set up',
			),
		);
	}

	/**
	 * Each configuration error: kind, message, WP_Error, no secret anywhere.
	 *
	 * @dataProvider configuration_errors
	 *
	 * @param callable $make    Builds the credentials.
	 * @param string   $kind    Expected kind.
	 * @param string   $message Expected message fragment.
	 */
	public function test_configuration_errors( callable $make, string $kind, string $message ): void {
		$credentials = $make();
		try {
			$this->creators()->get_items( $credentials, array( Emulator::catalog_asins( $credentials->marketplace )[0] ) );
			$this->fail( 'expected an Amazon_Exception' );
		} catch ( Amazon_Exception $e ) {
			$error = $e->error();
			$this->assertSame( $kind, $error->kind, $error->summary() );
			$this->assertStringContainsString( $message, $error->message() );
			$wp_error = $error->to_wp_error();
			$this->assertSame( 'acapi_' . $kind, $wp_error->get_error_code() );
			$dump = $e->getMessage() . $error->message() . wp_json_encode( $wp_error->get_error_data() ) . $e->getTraceAsString();
			if ( '' !== $credentials->secret() ) {
				$this->assertStringNotContainsString( $credentials->secret(), $dump );
			}
		}
	}

	/**
	 * With Amazon limiting to 1 request/s, our own spacing (1 request/s per credential) avoids any 429.
	 */
	public function test_rate_limit_spacing_avoids_throttling(): void {
		$this->rate = 1.0;
		$this->emulator->config( array( 'rate_limit_tps' => 1 ) );
		$asins = array_merge( array_slice( Emulator::catalog_asins( 'us' ), 0, 24 ), array( 'B0NOTREAL1' ) );
		$start = microtime( true );
		$this->creators()->get_items( Emulator::creators_credentials( 'lwa', 'us' ), $asins );
		$this->assertGreaterThanOrEqual( 1.9, microtime( true ) - $start );
		$this->assertSame( array( 200, 200, 200 ), array_column( $this->emulator->requests( 'getItems' ), 'status' ) );
	}

	/**
	 * Five failed calls open the breaker (state readable statically); no call goes out while it is open;
	 * after the cooldown one probe closes it again.
	 */
	public function test_circuit_breaker(): void {
		add_filter( 'acapi_circuit_breaker_cooldown', static fn() => 2 );
		$credentials = Emulator::creators_credentials( 'lwa', 'us' );
		$asin        = Emulator::catalog_asins( 'us' )[0];
		$this->creators()->get_items( $credentials, array( $asin ) );
		$before = $this->emulator->count( 'getItems' );
		$this->emulator->fault(
			array(
				'fault' => 'server_error',
				'times' => -1,
			)
		);
		for ( $i = 0; $i < 5; $i++ ) {
			$this->assertSame( Amazon_Error::SERVER_ERROR, $this->creators()->get_items( $credentials, array( $asin ) )->error( $asin )?->kind );
		}
		$this->assertSame( Circuit_Breaker::OPEN, $this->breaker_state( 'creators', 'us' ) );
		$this->assertSame( Circuit_Breaker::CLOSED, $this->breaker_state( 'creators', 'de' ) );
		$calls = $this->emulator->count( 'getItems' );
		$this->assertSame( 10, $calls - $before, '5 calls, each retried once' );

		$open = $this->creators()->get_items( $credentials, array( $asin ) )->error( $asin );
		$this->assertSame( Amazon_Error::CIRCUIT_OPEN, $open?->kind );
		$this->assertStringContainsString( 'paused', $open?->message() ?? '' );
		$this->assertSame( $calls, $this->emulator->count( 'getItems' ), 'no call while open' );

		$this->emulator->clear_faults();
		sleep( 2 );
		$this->assertSame( Circuit_Breaker::HALF_OPEN, $this->breaker_state( 'creators', 'us' ) );
		$this->assertTrue( $this->creators()->get_items( $credentials, array( $asin ) )->has_products() );
		$this->assertSame( Circuit_Breaker::CLOSED, $this->breaker_state( 'creators', 'us' ) );
	}

	/**
	 * SearchItems, GetVariations, GetBrowseNodes against the emulator; no hits is an empty result.
	 */
	public function test_other_operations(): void {
		$credentials = Emulator::creators_credentials( 'lwa', 'us' );
		$client      = $this->creators();

		$search = $client->search_items(
			$credentials,
			array(
				'keywords'   => 'Kestrel',
				'item_count' => 2,
			)
		);
		$this->assertNotEmpty( $search->products );
		$this->assertLessThanOrEqual( 2, count( $search->products ) );
		$this->assertGreaterThanOrEqual( count( $search->products ), $search->total );
		$this->assertStringContainsString( 'tag=' . Emulator::partner_tag( 'us' ), $search->search_url );

		$this->assertTrue( $client->search_items( $credentials, array( 'keywords' => 'zzqxnothingmatches' ) )->is_empty() );

		$variations = $client->get_variations( $credentials, 'B0CJ4TSH1R' );
		$this->assertGreaterThanOrEqual( 2, count( $variations->products ) );
		$this->assertNotEmpty( $variations->products[0]->variation_attributes );

		$nodes = $client->get_browse_nodes( $credentials, array( '172541' ) );
		$this->assertNotNull( $nodes->node( '172541' ) );
	}

	/**
	 * The null-members mode (every unrequested member an explicit null) maps just the same.
	 */
	public function test_null_members_mode(): void {
		$this->emulator->config( array( 'null_members' => true ) );
		$asin    = Emulator::catalog_asins( 'us' )[0];
		$product = $this->creators()->get_items( Emulator::creators_credentials( 'lwa', 'us' ), array( $asin ), array( 'resources' => array( 'itemInfo.title' ) ) )->product( $asin );
		$this->assertNotNull( $product );
		$this->assertNotSame( '', $product->title );
		$this->assertNull( $product->price );
	}
}
