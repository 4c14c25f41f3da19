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
 * records each fallback here (in the shared store, so every PHP process sees it) and forgets it
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
	 * @return array{kind: string, at: int, answered: bool}|null
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
		);
	}

	/**
	 * Remembers that a marketplace fell back to PA-API (for the routing summary).
	 *
	 * @param string                $country Country code.
	 * @param Amazon_Error          $cause   The Creators API's error.
	 * @param Get_Items_Result|null $answer  PA-API's answer (null: a search that succeeded).
	 */
	public function remember( string $country, Amazon_Error $cause, ?Get_Items_Result $answer ): void {
		$this->store->set(
			'route_' . $country,
			array(
				'kind'     => $cause->kind,
				'at'       => time(),
				'answered' => null === $answer || $answer->has_products() || null === $answer->request_error(),
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
