<?php
/**
 * The answer to a GetBrowseNodes request.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Model;

/**
 * Browse nodes keyed by id and errors keyed by id (PHP turns numeric-string keys into ints:
 * look nodes up with node(), or read each node's `id`).
 *
 * A node: `array{id: string, name: string, context_free_name: string, is_root: bool, sales_rank: int|null,
 * ancestors: list<array{id: string, name: string}>, children: list<array{id: string, name: string}>}`
 * (ancestors nearest first).
 */
final class Browse_Nodes_Result {

	/**
	 * Builds the result.
	 *
	 * @param array<string, array<string, mixed>> $nodes  Nodes by id.
	 * @param array<string, Amazon_Error>         $errors Errors by id.
	 */
	public function __construct(
		public readonly array $nodes = array(),
		public readonly array $errors = array()
	) {
	}

	/**
	 * One node, or null.
	 *
	 * @param string $id Browse node id.
	 * @return array<string, mixed>|null
	 */
	public function node( string $id ): ?array {
		return $this->nodes[ $id ] ?? null;
	}
}
