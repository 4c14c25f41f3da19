<?php
/**
 * A PHP child process that loads the test site's WordPress, for tests about what several
 * processes see of each other (locks, counters).
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests;

/**
 * `php <script> <site-dir> <args…>`, its output and error streams piped.
 */
final class Child_Process {

	/**
	 * The process.
	 *
	 * @var resource
	 */
	private $process;

	/**
	 * Its output (1) and error (2) pipes.
	 *
	 * @var array<int, resource>
	 */
	private array $pipes;

	/**
	 * Starts a script with the test site's directory as its first argument.
	 *
	 * @param string       $script The PHP script.
	 * @param list<string> $args   Further arguments.
	 * @throws \RuntimeException When the process cannot start.
	 */
	public function __construct( string $script, array $args ) {
		$command = array_merge( array( PHP_BINARY, $script, (string) getenv( 'ACAPI_TEST_SITE' ) ), $args );
		// phpcs:ignore Generic.PHP.ForbiddenFunctions.Found -- Real processes are the point of these tests.
		$process = proc_open(
			$command,
			array(
				1 => array( 'pipe', 'w' ),
				2 => array(
					'pipe',
					'w',
				),
			),
			$pipes
		);
		if ( ! is_resource( $process ) ) {
			throw new \RuntimeException( 'Could not start ' . $script ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- A test's message.
		}
		$this->process = $process;
		$this->pipes   = $pipes;
	}

	/**
	 * Waits for the process: its exit status, output and error output.
	 *
	 * @return array{status: int, out: string, err: string}
	 */
	public function finish(): array {
		$out = (string) stream_get_contents( $this->pipes[1] );
		$err = (string) stream_get_contents( $this->pipes[2] );
		fclose( $this->pipes[1] ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fclose -- A pipe.
		fclose( $this->pipes[2] ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fclose -- A pipe.
		return array(
			'status' => proc_close( $this->process ),
			'out'    => $out,
			'err'    => $err,
		);
	}
}
