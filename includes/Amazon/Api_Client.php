<?php
/**
 * What both Amazon clients share: the call policy around one HTTP request.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Amazon;

use Creators_Connect\Model\Amazon_Error;
use Creators_Connect\Model\Browse_Nodes_Result;
use Creators_Connect\Model\Get_Items_Result;
use Creators_Connect\Reference\Asin;
use Creators_Connect\Support\Budget;
use Creators_Connect\Support\Request_Purpose;
use Creators_Connect\Support\Shared_Store;

/**
 * Circuit breaker check, rate limiting per credential, and bounded retries: 429 with exponential
 * backoff plus jitter (honouring Amazon's retry-after), one retry of a 5xx, all within a total
 * wait budget (default 3 s, filter `acapi_retry_budget`) so that a page never hangs.
 */
abstract class Api_Client {

	/**
	 * Default total seconds spent waiting between retries.
	 */
	public const RETRY_BUDGET = 3.0;

	/**
	 * Most attempts per call (the first one included).
	 */
	public const MAX_ATTEMPTS = 4;

	/**
	 * Most item (or browse node) ids one call may carry, in both APIs.
	 */
	public const MAX_IDS_PER_CALL = 10;

	/**
	 * Transport.
	 *
	 * @var Http_Transport
	 */
	protected Http_Transport $transport;

	/**
	 * Rate limiter.
	 *
	 * @var Rate_Limiter
	 */
	protected Rate_Limiter $limiter;

	/**
	 * Circuit breaker.
	 *
	 * @var Circuit_Breaker
	 */
	protected Circuit_Breaker $breaker;

	/**
	 * The site's spending limits (null: none, e.g. a connection test's own client).
	 *
	 * @var Call_Guard|null
	 */
	protected ?Call_Guard $guard;

	/**
	 * Sleeper.
	 *
	 * @var callable(float): void
	 */
	protected $sleep;

	/**
	 * HTTP attempts made by this client (retries included).
	 *
	 * @var int
	 */
	protected int $attempts = 0;

	/**
	 * Sets the shared collaborators.
	 *
	 * @param Http_Transport               $transport Transport.
	 * @param Rate_Limiter|null            $limiter   Rate limiter (default: shared WordPress store).
	 * @param Circuit_Breaker|null         $breaker   Circuit breaker (default: shared WordPress store).
	 * @param (callable(float): void)|null $sleep     Sleeper (tests).
	 * @param Call_Guard|null              $guard     The site's spending limits (null: none).
	 */
	protected function init( Http_Transport $transport, ?Rate_Limiter $limiter, ?Circuit_Breaker $breaker, ?callable $sleep, ?Call_Guard $guard = null ): void {
		$this->transport = $transport;
		$this->guard     = $guard;
		$this->sleep     = $sleep ?? static function ( float $seconds ): void {
			if ( $seconds > 0 ) {
				usleep( (int) round( $seconds * 1000000 ) );
			}
		};
		$store           = new Shared_Store();
		$this->limiter   = $limiter ?? new Rate_Limiter( $store, $this->sleep );
		$this->breaker   = $breaker ?? new Circuit_Breaker( $store );
	}

	/**
	 * HTTP attempts made by this client so far (retries included).
	 */
	public function attempts(): int {
		return $this->attempts;
	}

	/**
	 * Runs one API call under the call policy.
	 *
	 * @param string                                $api         `creators` or `paapi`.
	 * @param string                                $marketplace Country code.
	 * @param string                                $limiter_key Credential key (hashed).
	 * @param callable(): Http_Response             $send        Builds and sends one attempt (re-signing as needed).
	 * @param callable(Http_Response): Amazon_Error $classify    Error for a non-2xx answer.
	 * @param Budget|null                           $budget      The caller's time budget (caps the retry waits; carries who is asking).
	 * @param string                                $operation   The operation (the spending limits tell searches apart).
	 * @throws Amazon_Exception When the call fails for good, or a spending limit holds it back.
	 */
	protected function execute( string $api, string $marketplace, string $limiter_key, callable $send, callable $classify, ?Budget $budget = null, string $operation = '' ): Http_Response {
		$purpose = null === $this->guard ? null : ( $budget?->purpose() ?? Request_Purpose::current() );
		if ( ! $this->breaker->allow( $api, $marketplace ) ) {
			$status = $this->breaker->status( $api, $marketplace );
			throw new Amazon_Exception( new Amazon_Error( Amazon_Error::CIRCUIT_OPEN, $api, 0, 'CircuitOpen', '', $status['retry_in'], null, null, array( 'marketplace' => $marketplace ) ) ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- Amazon_Exception escapes its message (esc_html) when it is built.
		}

		$wait    = null !== $budget ? $budget->retry_wait( $this->retry_budget() ) : $this->retry_budget();
		$waited  = 0.0;
		$attempt = 0;
		while ( true ) {
			++$attempt;
			$start = microtime( true );
			if ( null !== $purpose ) {
				$this->guard?->check( $api, $marketplace, $limiter_key, $operation, $purpose );
			}
			if ( ! $this->limiter->acquire( $limiter_key, max( 1.0, $wait - $waited ) ) ) {
				// Our own spacing would wait too long: answer "throttled" without calling Amazon.
				throw new Amazon_Exception( new Amazon_Error( Amazon_Error::THROTTLED, $api, 0, Amazon_Error::CODE_LOCAL_RATE_LIMIT, '', (int) ceil( 1 / max( 0.001, $this->limiter->per_second( $limiter_key ) ) ), null, null, array( 'marketplace' => $marketplace ) ) ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- Amazon_Exception escapes its message (esc_html) when it is built.
			}
			if ( $attempt > 1 ) {
				$waited += microtime( true ) - $start;
			}

			try {
				++$this->attempts;
				if ( null !== $purpose ) {
					// Counted once per HTTP request, right before it goes out (retries included).
					$this->guard?->count( $limiter_key, $purpose );
				}
				$response = $send();
			} catch ( Amazon_Exception $exception ) {
				if ( $exception->error()->counts_as_failure() ) {
					$this->breaker->record_failure( $api, $marketplace );
				}
				throw $exception;
			}

			if ( $response->is_success() ) {
				$this->breaker->record_success( $api, $marketplace );
				return $response;
			}

			$error = $classify( $response );
			$pause = null;
			if ( Amazon_Error::THROTTLED === $error->kind && $attempt < self::MAX_ATTEMPTS ) {
				// Amazon's retry-after when given (never less than the backoff), plus jitter so that
				// processes throttled together do not retry together.
				$pause = max( (float) ( $error->retry_after ?? 0 ), $this->backoff( $attempt ) ) + mt_rand( 0, 100 ) / 1000; // phpcs:ignore WordPress.WP.AlternativeFunctions.rand_mt_rand -- Jitter, not security.
				$this->limiter->penalize( $limiter_key, $pause );
			} elseif ( Amazon_Error::SERVER_ERROR === $error->kind && 1 === $attempt ) {
				$pause = $this->backoff( $attempt );
			}

			if ( null !== $pause && $waited + $pause <= $wait ) {
				( $this->sleep )( $pause );
				$waited += $pause;
				continue;
			}

			if ( $error->counts_as_failure() ) {
				$this->breaker->record_failure( $api, $marketplace );
			} else {
				$this->breaker->record_success( $api, $marketplace );
			}
			throw new Amazon_Exception( $error ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- Amazon_Exception escapes its message (esc_html) when it is built.
		}
	}

	/**
	 * Exponential backoff with full jitter: ~0.25 s, 0.5 s, 1 s … (random 50–100 %).
	 *
	 * @param int $attempt Attempt that failed (1-based).
	 */
	protected function backoff( int $attempt ): float {
		$base = 0.25 * ( 2 ** ( $attempt - 1 ) );
		return round( $base * ( 0.5 + mt_rand( 0, 1000 ) / 2000 ), 3 ); // phpcs:ignore WordPress.WP.AlternativeFunctions.rand_mt_rand -- Jitter, not security.
	}

	/**
	 * Total seconds one call may spend waiting to retry.
	 */
	protected function retry_budget(): float {
		$budget = function_exists( 'apply_filters' ) ? apply_filters( 'acapi_retry_budget', self::RETRY_BUDGET ) : self::RETRY_BUDGET;
		return is_numeric( $budget ) && (float) $budget >= 0 ? (float) $budget : self::RETRY_BUDGET;
	}

	/**
	 * JSON for a request body: slashes and Unicode unescaped, no nulls.
	 *
	 * @param array<string, mixed> $data Data.
	 */
	protected static function encode( array $data ): string {
		$data = array_filter(
			$data,
			static function ( $value ): bool {
				return null !== $value && array() !== $value;
			}
		);
		return (string) json_encode( $data, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ); // phpcs:ignore WordPress.WP.AlternativeFunctions.json_encode_json_encode -- The exact bytes are signed; also runs outside WordPress.
	}

	/**
	 * GetItems in batches of MAX_IDS_PER_CALL, the one batch loop of both clients. Malformed ASINs
	 * become per-item errors without a call; a failed batch becomes per-item errors (a configuration
	 * error before anything came back is thrown); after a batch whose error would repeat
	 * (Amazon_Error::stops_batches()) the remaining batches get that error without a call.
	 *
	 * @param string                                   $api         `creators` or `paapi`.
	 * @param array<mixed>                             $asins       ASINs as given.
	 * @param callable(list<string>): Get_Items_Result $fetch_batch One call for one batch.
	 * @throws Amazon_Exception For a configuration error when nothing was fetched yet.
	 */
	protected static function get_items_in_batches( string $api, array $asins, callable $fetch_batch ): Get_Items_Result {
		list( $valid, $bad ) = Asin::partition( $asins );
		$result              = Get_Items_Result::malformed( $bad, $api );
		$stop                = null;
		foreach ( array_chunk( $valid, self::MAX_IDS_PER_CALL ) as $batch ) {
			if ( null !== $stop ) {
				// The previous batch showed that calling again would fail alike: do not spend the time.
				$result = self::batch_failure( $stop, $batch, $result, $api );
				continue;
			}
			try {
				$result = $result->merge( $fetch_batch( $batch ) );
			} catch ( Amazon_Exception $exception ) {
				$result = self::batch_failure( $exception->error(), $batch, $result, $api );
				$result = new Get_Items_Result( $result->products, $result->errors, $result->calls + 1 );
				$stop   = $exception->error()->stops_batches() ? $exception->error() : null;
			}
		}
		return $result;
	}

	/**
	 * Sorts a batch failure into per-item errors, stopping for configuration errors.
	 *
	 * @param Amazon_Error     $error  The batch's error.
	 * @param list<string>     $batch  The batch's ASINs.
	 * @param Get_Items_Result $result Result so far.
	 * @param string           $api    API.
	 * @return Get_Items_Result
	 * @throws Amazon_Exception For a configuration error when nothing was fetched yet.
	 */
	private static function batch_failure( Amazon_Error $error, array $batch, Get_Items_Result $result, string $api ): Get_Items_Result {
		if ( ( $error->is_configuration_error() ) && ! $result->has_products() ) {
			throw new Amazon_Exception( $error ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- Amazon_Exception escapes its message (esc_html) when it is built.
		}
		$errors = array();
		foreach ( $batch as $asin ) {
			$errors[ $asin ] = Amazon_Error::NOT_FOUND === $error->kind
				? Amazon_Error::for_item( $api, 'InvalidParameterValue', $error->detail, $asin )
				: $error->for_asin( $asin );
		}
		return $result->merge( new Get_Items_Result( array(), $errors, 0 ) );
	}

	/**
	 * Browse nodes, ten ids a call; a batch Amazon does not know at all (404) becomes per-id
	 * errors, like a partial answer, instead of failing the whole lookup.
	 *
	 * @param array<mixed>                                $ids         Browse node ids.
	 * @param int                                         $batch_size  Ids per call.
	 * @param callable(list<string>): Browse_Nodes_Result $fetch_batch One call for a batch.
	 * @param callable(list<string>): Browse_Nodes_Result $not_found   The result for an unknown batch.
	 * @throws Amazon_Exception When a call fails for another reason.
	 */
	protected static function browse_nodes_in_batches( array $ids, int $batch_size, callable $fetch_batch, callable $not_found ): Browse_Nodes_Result {
		$ids    = array_values( array_unique( array_filter( array_map( static fn( $id ): string => is_scalar( $id ) ? trim( (string) $id ) : '', $ids ) ) ) );
		$nodes  = array();
		$errors = array();
		foreach ( array_chunk( $ids, max( 1, $batch_size ) ) as $batch ) {
			try {
				$part = $fetch_batch( $batch );
			} catch ( Amazon_Exception $exception ) {
				if ( Amazon_Error::NOT_FOUND !== $exception->error()->kind ) {
					throw $exception;
				}
				$part = $not_found( $batch );
			}
			$nodes  += $part->nodes;
			$errors += $part->errors;
		}
		return new Browse_Nodes_Result( $nodes, $errors );
	}

	/**
	 * The resources an operation asks for: the caller's `resources` option, else the defaults,
	 * then the API's filter.
	 *
	 * @param 'acapi_creators_resources'|'acapi_paapi_resources' $filter Filter name.
	 * @param string                                             $operation Operation.
	 * @param list<string>                                       $defaults  The operation's default resources.
	 * @param array<string, mixed>                               $options   Options (`resources` overrides).
	 * @return list<string>
	 */
	protected static function filtered_resources( string $filter, string $operation, array $defaults, array $options ): array {
		$resources = isset( $options['resources'] ) && is_array( $options['resources'] )
			? array_values( array_filter( $options['resources'], 'is_string' ) )
			: $defaults;
		if ( function_exists( 'apply_filters' ) ) {
			$filtered  = apply_filters( $filter, $resources, $operation ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.DynamicHooknameFound -- one of the two prefixed names above.
			$resources = is_array( $filtered ) ? array_values( array_filter( $filtered, 'is_string' ) ) : $resources;
		}
		return $resources;
	}
}
