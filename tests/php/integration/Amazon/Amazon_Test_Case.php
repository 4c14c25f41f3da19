<?php
/**
 * Shared setup of the Amazon layer's integration tests (real WordPress, real HTTP to the emulator).
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Amazon;

use Creators_Connect\Amazon\Circuit_Breaker;
use Creators_Connect\Amazon\Creators_Client;
use Creators_Connect\Amazon\Http_Transport;
use Creators_Connect\Amazon\Paapi_Client;
use Creators_Connect\Amazon\Token_Provider;
use Creators_Connect\Tests\Emulator;
use Creators_Connect\Tests\Integration_Test_Case;

/**
 * Resets the emulator, switches our own request spacing off unless a test wants it, and builds
 * clients the way the plugin does (fresh objects: like separate PHP requests, they share state
 * only through WordPress's store).
 */
abstract class Amazon_Test_Case extends Integration_Test_Case {

	/**
	 * The emulator.
	 *
	 * @var Emulator
	 */
	protected Emulator $emulator;

	/**
	 * Requests per second our limiter allows in this test (0 = off).
	 *
	 * @var float
	 */
	protected float $rate = 0.0;

	/**
	 * Resets the emulator and the filters.
	 */
	protected function setUp(): void {
		parent::setUp();
		if ( ! defined( 'ACAPI_ENDPOINT_OVERRIDE' ) ) {
			$this->markTestSkipped( 'ACAPI_ENDPOINT_OVERRIDE is not defined: these tests need the Amazon emulator.' );
		}
		$this->emulator = $this->clean_emulator();
		$this->rate     = 0.0;
		add_filter( 'acapi_rate_limit_per_second', array( $this, 'rate_limit' ) );
	}

	/**
	 * Removes the filters and faults.
	 */
	protected function tearDown(): void {
		remove_filter( 'acapi_rate_limit_per_second', array( $this, 'rate_limit' ) );
		remove_all_filters( 'acapi_http_timeout' );
		remove_all_filters( 'acapi_circuit_breaker_cooldown' );
		$this->emulator->clear_faults();
		$this->emulator->default_config();
		parent::tearDown();
	}

	/**
	 * Filter callback: this test's request rate.
	 */
	public function rate_limit(): float {
		return $this->rate;
	}

	/**
	 * A Creators API client as the plugin builds it (new objects each call).
	 */
	protected function creators(): Creators_Client {
		$transport = new Http_Transport();
		return new Creators_Client( $transport, new Token_Provider( $transport ) );
	}

	/**
	 * A PA-API client as the plugin builds it.
	 */
	protected function paapi(): Paapi_Client {
		return new Paapi_Client( new Http_Transport() );
	}

	/**
	 * The breaker state as the settings screen reads it.
	 *
	 * @param string $api         API.
	 * @param string $marketplace Country code.
	 */
	protected function breaker_state( string $api, string $marketplace ): string {
		return Circuit_Breaker::state( $api, $marketplace );
	}
}
