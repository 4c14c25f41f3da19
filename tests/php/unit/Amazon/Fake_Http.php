<?php
/**
 * A scriptable fake of Amazon for unit tests: records requests, answers from a handler.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Unit\Amazon;

use Creators_Connect\Model\Amazon_Error;
use Creators_Connect\Amazon\Http_Response;
use Creators_Connect\Amazon\Http_Transport;
use Creators_Connect\Amazon\Rate_Limiter;
use Creators_Connect\Support\Shared_Store;

/**
 * Fake Amazon plus a fake clock (sleeping advances it, nothing really waits).
 */
final class Fake_Http {

	/**
	 * Requests seen: method, url, headers, body, json (decoded body).
	 *
	 * @var list<array{method: string, url: string, headers: array<string, string>, body: string, json: mixed}>
	 */
	public array $requests = array();

	/**
	 * Seconds slept in total.
	 *
	 * @var float
	 */
	public float $slept = 0.0;

	/**
	 * Fake time.
	 *
	 * @var float
	 */
	public float $now = 1767225600.0;

	/**
	 * Answers a request.
	 *
	 * @var callable(array{method: string, url: string, headers: array<string, string>, body: string, json: mixed}): (Http_Response|Amazon_Error)
	 */
	private $handler;

	/**
	 * Builds the fake.
	 *
	 * @param callable $handler fn( array $request ): Http_Response|Amazon_Error.
	 */
	public function __construct( callable $handler ) {
		$this->handler = $handler;
	}

	/**
	 * A transport that sends to this fake.
	 *
	 * @param string $override Endpoint override.
	 */
	public function transport( string $override = '' ): Http_Transport {
		return new Http_Transport(
			$override,
			function ( string $method, string $url, array $headers, string $body ) {
				$request          = array(
					'method'  => $method,
					'url'     => $url,
					'headers' => $headers,
					'body'    => $body,
					'json'    => json_decode( $body, true ),
				);
				$this->requests[] = $request;
				return ( $this->handler )( $request );
			}
		);
	}

	/**
	 * The sleeper (advances the fake clock).
	 *
	 * @return callable(float): void
	 */
	public function sleeper(): callable {
		return function ( float $seconds ): void {
			$this->slept += max( 0.0, $seconds );
			$this->now   += max( 0.0, $seconds );
		};
	}

	/**
	 * The clock.
	 *
	 * @return callable(): float
	 */
	public function clock(): callable {
		return function (): float {
			return $this->now;
		};
	}

	/**
	 * A memory store on the fake clock.
	 */
	public function store(): Shared_Store {
		return new Shared_Store( 'memory', $this->clock() );
	}

	/**
	 * A rate limiter on the fake clock.
	 *
	 * @param Shared_Store $store Store.
	 */
	public function limiter( Shared_Store $store ): Rate_Limiter {
		return new Rate_Limiter( $store, $this->sleeper(), $this->clock() );
	}

	/**
	 * Requests whose URL ends with a path.
	 *
	 * @param string $suffix Path suffix.
	 * @return list<array{method: string, url: string, headers: array<string, string>, body: string, json: mixed}>
	 */
	public function to( string $suffix ): array {
		return array_values(
			array_filter(
				$this->requests,
				static function ( array $request ) use ( $suffix ): bool {
					return str_ends_with( $request['url'], $suffix );
				}
			)
		);
	}

	/**
	 * A JSON response.
	 *
	 * @param int                   $status  Status.
	 * @param mixed                 $data    Data to encode.
	 * @param array<string, string> $headers Headers.
	 */
	public static function json( int $status, $data, array $headers = array() ): Http_Response {
		return new Http_Response( $status, $headers + array( 'content-type' => 'application/json' ), (string) json_encode( $data ) );
	}

	/**
	 * A token answer.
	 *
	 * @param string $token      Token.
	 * @param int    $expires_in Lifetime.
	 */
	public static function token( string $token = 'eyJtoken', int $expires_in = 3600 ): Http_Response {
		return self::json(
			200,
			array(
				'access_token' => $token,
				'expires_in'   => $expires_in,
				'token_type'   => 'Bearer',
			)
		);
	}

	/**
	 * A GetItems answer with one minimal item per ASIN.
	 *
	 * @param list<string> $asins ASINs.
	 */
	public static function items( array $asins ): Http_Response {
		$items = array();
		foreach ( array_reverse( $asins ) as $asin ) {
			$items[] = array(
				'asin'          => $asin,
				'detailPageURL' => 'https://www.amazon.com/dp/' . $asin . '?tag=t-20&linkCode=ogi&th=1&psc=1',
				'itemInfo'      => array( 'title' => array( 'displayValue' => 'Item ' . $asin ) ),
			);
		}
		return self::json( 200, array( 'itemsResult' => array( 'items' => $items ) ) );
	}
}
