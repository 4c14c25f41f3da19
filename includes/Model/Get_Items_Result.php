<?php
/**
 * The answer to a GetItems request (possibly split into several calls).
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Model;

/**
 * Products keyed by ASIN plus errors keyed by ASIN (partial results are kept): every requested
 * ASIN is in exactly one of the two.
 */
final class Get_Items_Result {

	/**
	 * Builds the result.
	 *
	 * @param array<string, Product>      $products Products by ASIN.
	 * @param array<string, Amazon_Error> $errors   Errors by ASIN.
	 * @param int                         $calls    API calls made (after batching; retries not counted).
	 * @param Amazon_Error|null           $notice   Why some products are only links for now (a
	 *                                              spending limit or the request's fetch cap), for editors.
	 */
	public function __construct(
		public readonly array $products = array(),
		public readonly array $errors = array(),
		public readonly int $calls = 0,
		public readonly ?Amazon_Error $notice = null
	) {
	}

	/**
	 * The answer for malformed values, without a call: an `invalid_asin` error each (code
	 * InvalidFormat). The clients' batch loop and the read path start from it.
	 *
	 * @param list<string> $values Malformed values (the second list of Asin::partition()).
	 * @param string       $api    The API that was to be asked, or '' (the read path).
	 */
	public static function malformed( array $values, string $api = '' ): self {
		$errors = array();
		foreach ( $values as $value ) {
			$errors[ $value ] = new Amazon_Error( Amazon_Error::INVALID_ASIN, $api, 0, 'InvalidFormat', '', null, $value );
		}
		return new self( array(), $errors, 0 );
	}

	/**
	 * Products and errors in the order the ASINs were asked for (upper-cased and trimmed as
	 * asked; an ASIN found in neither is left out, a repeated one comes once).
	 *
	 * @param array<mixed>                $asins    ASINs as asked.
	 * @param array<string, Product>      $products Products by ASIN.
	 * @param array<string, Amazon_Error> $errors   Errors by ASIN.
	 * @param Amazon_Error|null           $notice   Why some products are only links for now.
	 */
	public static function in_order( array $asins, array $products, array $errors, ?Amazon_Error $notice = null ): self {
		$out_products = array();
		$out_errors   = array();
		foreach ( $asins as $asin ) {
			$asin = strtoupper( trim( is_scalar( $asin ) ? (string) $asin : '' ) );
			if ( isset( $products[ $asin ] ) ) {
				$out_products[ $asin ] = $products[ $asin ];
			} elseif ( isset( $errors[ $asin ] ) ) {
				$out_errors[ $asin ] = $errors[ $asin ];
			}
		}
		return new self( $out_products, $out_errors, 0, $notice );
	}

	/**
	 * One product, or null.
	 *
	 * @param string $asin ASIN.
	 */
	public function product( string $asin ): ?Product {
		return $this->products[ strtoupper( $asin ) ] ?? null;
	}

	/**
	 * One item's error, or null.
	 *
	 * @param string $asin ASIN.
	 */
	public function error( string $asin ): ?Amazon_Error {
		return $this->errors[ strtoupper( $asin ) ] ?? null;
	}

	/**
	 * Why an ASIN came back without a product: Amazon's error for it, else "not found" (an item
	 * the answer left out).
	 *
	 * @param string $asin ASIN.
	 */
	public function why_missing( string $asin ): Amazon_Error {
		return $this->error( $asin ) ?? new Amazon_Error( Amazon_Error::NOT_FOUND, '', 0, '', '', null, $asin );
	}

	/**
	 * Whether any product came back.
	 */
	public function has_products(): bool {
		return array() !== $this->products;
	}

	/**
	 * Whether every item failed with a request-level error (not an item error).
	 */
	public function failed_entirely(): bool {
		if ( array() !== $this->products || array() === $this->errors ) {
			return false;
		}
		foreach ( $this->errors as $error ) {
			if ( $error->is_item_error() ) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The first request-level (non-item) error, if any.
	 */
	public function request_error(): ?Amazon_Error {
		foreach ( $this->errors as $error ) {
			if ( ! $error->is_item_error() ) {
				return $error;
			}
		}
		return null;
	}

	/**
	 * Whether this batch's answer means the next batches of its marketplace would fail alike:
	 * nothing came back, and the request-level error stops batches (Amazon_Error::stops_batches()).
	 */
	public function stops_batches(): bool {
		$error = $this->request_error();
		return null !== $error && ! $this->has_products() && $error->stops_batches();
	}

	/**
	 * Whether every ASIN of a batch came back held back by the plugin itself, its request spacing
	 * or a spending limit (Amazon was not asked: the batch ran out of time or allowance rather
	 * than failed).
	 *
	 * @param list<string> $asins The batch's ASINs.
	 */
	public function held_back_locally( array $asins ): bool {
		foreach ( $asins as $asin ) {
			$error = $this->error( $asin );
			if ( null !== $this->product( $asin ) || null === $error || ! $error->is_held_back() ) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A result merged with another (later wins per ASIN).
	 *
	 * @param Get_Items_Result $other Other result.
	 */
	public function merge( Get_Items_Result $other ): self {
		$products = $this->products;
		$errors   = $this->errors;
		foreach ( $other->products as $asin => $product ) {
			$products[ $asin ] = $product;
			unset( $errors[ $asin ] );
		}
		foreach ( $other->errors as $asin => $error ) {
			if ( ! isset( $products[ $asin ] ) ) {
				$errors[ $asin ] = $error;
			}
		}
		return new self( $products, $errors, $this->calls + $other->calls );
	}
}
