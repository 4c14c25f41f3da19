<?php
/**
 * An HTTP answer from Amazon (or the emulator).
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Amazon;

/**
 * Immutable status, lower-cased headers and raw body.
 */
final class Http_Response {

	/**
	 * Builds the response.
	 *
	 * @param int                   $status  HTTP status.
	 * @param array<string, string> $headers Headers, names lower-cased.
	 * @param string                $body    Raw body.
	 * @param float                 $elapsed Seconds the request took.
	 */
	public function __construct(
		public readonly int $status,
		public readonly array $headers,
		public readonly string $body,
		public readonly float $elapsed = 0.0
	) {
	}

	/**
	 * Whether the status is 2xx.
	 */
	public function is_success(): bool {
		return $this->status >= 200 && $this->status < 300;
	}

	/**
	 * The decoded JSON object body, or null when it is not a JSON object.
	 *
	 * @return array<mixed>|null
	 */
	public function json(): ?array {
		if ( '' === trim( $this->body ) ) {
			return null;
		}
		$data = json_decode( $this->body, true );
		return is_array( $data ) ? $data : null;
	}

	/**
	 * One header (name case-insensitive), or null.
	 *
	 * @param string $name Header name.
	 */
	public function header( string $name ): ?string {
		return $this->headers[ strtolower( $name ) ] ?? null;
	}

	/**
	 * The Retry-After header in seconds, when it is a number.
	 */
	public function retry_after(): ?int {
		$value = $this->header( 'retry-after' );
		return null !== $value && is_numeric( trim( $value ) ) ? max( 0, (int) ceil( (float) trim( $value ) ) ) : null;
	}
}
