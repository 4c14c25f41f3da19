<?php
/**
 * A request-level failure of the Amazon layer.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Amazon;

use Creators_Connect\Model\Amazon_Error;

/**
 * Thrown when a whole request fails (credentials, eligibility, network, …). Carries the
 * Amazon_Error; its exception message is the error's technical summary, which never holds a secret.
 */
final class Amazon_Exception extends \RuntimeException {

	/**
	 * The error.
	 *
	 * @var Amazon_Error
	 */
	private Amazon_Error $error;

	/**
	 * Wraps an error.
	 *
	 * @param Amazon_Error    $error    The error.
	 * @param \Throwable|null $previous Previous throwable.
	 */
	public function __construct( Amazon_Error $error, ?\Throwable $previous = null ) {
		// Escaped once, here, as WordPress's coding standards ask of every exception message (a
		// handler may print it); outside WordPress (unit tests, tools) the same escaping by hand.
		$summary = $error->summary();
		parent::__construct( function_exists( 'esc_html' ) ? esc_html( $summary ) : htmlspecialchars( $summary, ENT_QUOTES, 'UTF-8' ), $error->http_status, $previous );
		$this->error = $error;
	}

	/**
	 * The error.
	 */
	public function error(): Amazon_Error {
		return $this->error;
	}
}
