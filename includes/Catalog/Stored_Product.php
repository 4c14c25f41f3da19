<?php
/**
 * One row of the product table.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Catalog;

use Creators_Connect\Model\Amazon_Error;
use Creators_Connect\Model\Product;

/**
 * A stored product (or only its last error, when it was never fetched) with its timing.
 */
final class Stored_Product {

	/**
	 * Builds the row value.
	 *
	 * @param string            $marketplace       Country code.
	 * @param string            $asin              ASIN.
	 * @param Product|null      $product           The last product fetched, null when never fetched.
	 * @param int               $fetched_at        Unix time of the last successful fetch (0: never).
	 * @param int               $expires_at        Unix time from which a refresh (or retry) is due.
	 * @param Amazon_Error|null $last_error        The last failure, null after a success.
	 * @param int               $error_count       Failures since the last success.
	 * @param int               $last_error_at     Unix time of the last failure (0: none).
	 * @param int               $last_requested_at Unix time a page or the editor last asked for it.
	 * @param string            $api               API that answered (`creators`, `paapi`, '').
	 * @param string            $route             Why that API answered (Route_Decision::reason_code()).
	 */
	public function __construct(
		public readonly string $marketplace,
		public readonly string $asin,
		public readonly ?Product $product,
		public readonly int $fetched_at,
		public readonly int $expires_at,
		public readonly ?Amazon_Error $last_error = null,
		public readonly int $error_count = 0,
		public readonly int $last_error_at = 0,
		public readonly int $last_requested_at = 0,
		public readonly string $api = '',
		public readonly string $route = ''
	) {
	}

	/**
	 * Builds the value from a database row.
	 *
	 * @param array<string, mixed> $row Row.
	 */
	public static function from_row( array $row ): self {
		$product = null;
		if ( isset( $row['product'] ) && is_string( $row['product'] ) && '' !== $row['product'] ) {
			$data = json_decode( $row['product'], true );
			if ( is_array( $data ) && isset( $data['asin'] ) ) {
				$product = Product::from_array( $data );
			}
		}
		$error = null;
		if ( isset( $row['last_error'] ) && is_string( $row['last_error'] ) && '' !== $row['last_error'] ) {
			$data = json_decode( $row['last_error'], true );
			if ( is_array( $data ) ) {
				$error = Amazon_Error::from_array( $data );
			}
		}
		return new self(
			(string) ( $row['marketplace'] ?? '' ),
			(string) ( $row['asin'] ?? '' ),
			$product,
			self::int( $row['fetched_at'] ?? 0 ),
			self::int( $row['expires_at'] ?? 0 ),
			$error,
			self::int( $row['error_count'] ?? 0 ),
			self::int( $row['last_error_at'] ?? 0 ),
			self::int( $row['last_requested_at'] ?? 0 ),
			(string) ( $row['api'] ?? '' ),
			(string) ( $row['route'] ?? '' )
		);
	}

	/**
	 * Whether the product may be served without a refresh.
	 *
	 * @param int $now Unix time.
	 */
	public function is_fresh( int $now ): bool {
		return null !== $this->product && $now < $this->expires_at && Compliance::within_max_age( $this->fetched_at, $now );
	}

	/**
	 * Whether the product may be served in full (with price and images): under 24 hours old.
	 *
	 * @param int $now Unix time.
	 */
	public function is_servable( int $now ): bool {
		return null !== $this->product && Compliance::within_max_age( $this->fetched_at, $now );
	}

	/**
	 * Whether a refresh (or a retry after a failure) is due.
	 *
	 * @param int $now Unix time.
	 */
	public function is_due( int $now ): bool {
		return $now >= $this->expires_at;
	}

	/**
	 * Whether the last attempt failed and the retry is not due yet (do not call Amazon again now).
	 *
	 * @param int $now Unix time.
	 */
	public function is_backing_off( int $now ): bool {
		return null !== $this->last_error && $now < $this->expires_at;
	}

	/**
	 * An integer from a database value.
	 *
	 * @param mixed $value Value.
	 */
	private static function int( mixed $value ): int {
		return is_numeric( $value ) ? (int) $value : 0;
	}
}
