<?php
/**
 * Records product state changes as fetches are stored.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Health;

use Creators_Connect\Catalog\Product_Store;

/**
 * Listens to `acapi_product_rows_written` (the product store fires it after any fetch's answer
 * was stored: a page, the refresh job, WP-CLI, a search), reads the rows back, and writes a state
 * change to the health log only when a state differs from the last one recorded. Rows no page,
 * editor or command ever asked for (search results nobody placed) are left out until they are.
 */
final class Health_Recorder {

	/**
	 * Product store.
	 *
	 * @var Product_Store
	 */
	private Product_Store $store;

	/**
	 * Health log.
	 *
	 * @var Health_Log
	 */
	private Health_Log $log;

	/**
	 * Builds the recorder.
	 *
	 * @param Product_Store $store Product store.
	 * @param Health_Log    $log   Health log.
	 */
	public function __construct( Product_Store $store, Health_Log $log ) {
		$this->store = $store;
		$this->log   = $log;
	}

	/**
	 * Adds the action.
	 */
	public function register_hooks(): void {
		add_action( 'acapi_product_rows_written', array( $this, 'on_rows_written' ), 10, 3 );
	}

	/**
	 * Action `acapi_product_rows_written`.
	 *
	 * @param mixed $country Country code.
	 * @param mixed $asins   ASINs.
	 * @param mixed $now     Unix time of the write.
	 */
	public function on_rows_written( $country, $asins, $now = null ): void {
		if ( ! is_string( $country ) || ! is_array( $asins ) ) {
			return;
		}
		$asins = array_values( array_filter( $asins, 'is_string' ) );
		$this->check( $country, $asins, is_int( $now ) ? $now : time() );
	}

	/**
	 * Classifies the stored rows of some products and records the ones whose state changed.
	 *
	 * @param string       $country Country code.
	 * @param list<string> $asins   ASINs.
	 * @param int          $now     Unix time.
	 * @return array<string, string> The states recorded now, by ASIN.
	 */
	public function check( string $country, array $asins, int $now ): array {
		if ( array() === $asins ) {
			return array();
		}
		$rows    = $this->store->get_many( $country, $asins );
		$before  = $this->log->rows( $country, $asins );
		$changes = array();
		foreach ( $rows as $asin => $row ) {
			$state = Product_State::of( $row, $now );
			$last  = $before[ $asin ]['state'] ?? Product_State::OK;
			if ( $state === $last || ( ! isset( $before[ $asin ] ) && 0 === $row->last_requested_at ) ) {
				continue;
			}
			$changes[ $asin ] = array(
				'state'  => $state,
				'detail' => Product_State::detail( $row ),
			);
		}
		if ( array() !== $changes ) {
			$this->log->record( $country, $changes, $before, $now );
			/**
			 * Fires after product health states changed (the admin menu's count is cached until then).
			 *
			 * @param string                $country Country code.
			 * @param array<string, string> $states  New states by ASIN.
			 */
			do_action( 'acapi_product_health_changed', $country, array_map( static fn( array $change ): string => $change['state'], $changes ) );
		}
		return array_map( static fn( array $change ): string => $change['state'], $changes );
	}
}
