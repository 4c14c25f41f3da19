<?php
/**
 * Remembers, for a day, that a marketplace fell back from the Creators API to PA-API.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Catalog;

use Creators_Connect\Model\Amazon_Error;
use Creators_Connect\Model\Get_Items_Result;
use Creators_Connect\Support\Shared_Store;

/**
 * The routing summary says "on … the Creators API failed: …; PA-API answered instead": the router
 * records each fallback (and each such failure without one) here (in the shared store, so every PHP process sees it) and forgets it
 * once the Creators API answers again.
 */
final class Fallback_Memory {

	/**
	 * How long a fallback is remembered, in seconds.
	 */
	public const SECONDS = 86400;

	/**
	 * Builds the memory.
	 *
	 * @param Shared_Store $store Where it is kept.
	 */
	public function __construct( private readonly Shared_Store $store ) {
	}

	/**
	 * The last fallback recorded for a marketplace (within a day), or null.
	 *
	 * @param string $country Country code.
	 * @return array{kind: string, at: int, answered: bool, tried: bool}|null
	 */
	public function last( string $country ): ?array {
		$data = $this->store->get( 'route_' . $country );
		if ( ! is_array( $data ) || ! isset( $data['kind'], $data['at'] ) ) {
			return null;
		}
		return array(
			'kind'     => (string) $data['kind'],
			'at'       => (int) $data['at'],
			'answered' => ! empty( $data['answered'] ),
			'tried'    => ! array_key_exists( 'tried', $data ) || ! empty( $data['tried'] ),
		);
	}

	/**
	 * The Creators API's last failure in a marketplace, for the settings screen: what failed (in
	 * a few words), when, and whether PA-API answered instead. Null when none within a day.
	 *
	 * @param string $country Country code.
	 * @return array{api: string, kind: string, label: string, message: string, at: string, time: string, fallback: string|null}|null
	 */
	public function failure( string $country ): ?array {
		$last = $this->last( $country );
		if ( null === $last ) {
			return null;
		}
		$labels   = array(
			Amazon_Error::NOT_ELIGIBLE        => __( 'not eligible', 'creators-connect-for-amazon' ),
			Amazon_Error::INVALID_CREDENTIALS => __( 'credentials refused', 'creators-connect-for-amazon' ),
			Amazon_Error::CIRCUIT_OPEN        => __( 'paused after repeated failures', 'creators-connect-for-amazon' ),
		);
		$fallback = null;
		if ( $last['tried'] ) {
			$fallback = $last['answered'] ? 'answered' : 'failed';
		}
		return array(
			'api'      => Route_Decision::API_CREATORS,
			'kind'     => $last['kind'],
			'label'    => $labels[ $last['kind'] ] ?? $last['kind'],
			'message'  => ( new Amazon_Error( $last['kind'], 'creators' ) )->message(),
			'at'       => gmdate( 'c', $last['at'] ),
			'time'     => (string) wp_date( (string) get_option( 'time_format' ), $last['at'] ),
			'fallback' => $fallback,
		);
	}

	/**
	 * Remembers that a marketplace fell back to PA-API (for the routing summary).
	 *
	 * @param string                $country Country code.
	 * @param Amazon_Error          $cause   The Creators API's error.
	 * @param Get_Items_Result|null $answer  PA-API's answer (null: a search that succeeded).
	 * @param bool                  $tried   Whether PA-API was asked (false: there is no fallback;
	 *                                       remembered too, so that the settings show the marketplace failing).
	 */
	public function remember( string $country, Amazon_Error $cause, ?Get_Items_Result $answer, bool $tried = true ): void {
		$this->store->set(
			'route_' . $country,
			array(
				'kind'     => $cause->kind,
				'at'       => time(),
				'answered' => $tried && ( null === $answer || $answer->has_products() || null === $answer->request_error() ),
				'tried'    => $tried,
			),
			self::SECONDS
		);
	}

	/**
	 * Forgets a remembered fallback once the Creators API answers again.
	 *
	 * @param string           $country Country code.
	 * @param Get_Items_Result $result  The Creators API's answer.
	 */
	public function forget( string $country, Get_Items_Result $result ): void {
		if ( $result->has_products() && null !== $this->store->get( 'route_' . $country ) ) {
			$this->store->delete( 'route_' . $country );
		}
	}
}
