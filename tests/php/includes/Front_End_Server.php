<?php
/**
 * Test helper: the test site served over real HTTP by PHP's built-in server.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests;

/**
 * Starts `php -S` on the test site (the same database, through the environment the bootstrap
 * exported) with tests/php/integration/Cache/front-router.php, which points the site's URL at
 * the server's own port and, on request, switches to a fixture theme. The port is
 * ACAPI_PHPUNIT_HTTP_PORT, else the emulator's port + 1000, so parallel runs do not collide.
 * Front-end responses are real: WordPress's own headers, output buffers and shutdown.
 */
final class Front_End_Server {

	/**
	 * The server process.
	 *
	 * @var resource|null
	 */
	private $process = null;

	/**
	 * Builds the helper (not started).
	 *
	 * @param int $port Port.
	 */
	private function __construct( private readonly int $port ) {
	}

	/**
	 * Starts the server and waits until it answers.
	 *
	 * @throws \RuntimeException When it does not start.
	 */
	public static function start(): self {
		$port   = (int) getenv( 'ACAPI_PHPUNIT_HTTP_PORT' );
		$port   = $port > 0 ? $port : 1000 + (int) ( getenv( 'ACAPI_EMULATOR_PORT' ) ? getenv( 'ACAPI_EMULATOR_PORT' ) : 9412 );
		$server = new self( $port );
		$root   = dirname( __DIR__, 3 );
		$log    = sys_get_temp_dir() . '/acapi-front-' . $port . '.log';
		// phpcs:ignore Generic.PHP.ForbiddenFunctions.Found -- a real web server is the point.
		$process = proc_open(
			array( PHP_BINARY, '-S', '127.0.0.1:' . $port, '-t', (string) getenv( 'ACAPI_TEST_SITE' ), $root . '/tests/php/integration/Cache/front-router.php' ),
			array(
				0 => array( 'file', '/dev/null', 'r' ),
				1 => array( 'file', $log, 'a' ),
				2 => array( 'file', $log, 'a' ),
			),
			$pipes
		);
		if ( ! is_resource( $process ) ) {
			throw new \RuntimeException( 'php -S did not start' );
		}
		$server->process = $process;
		$deadline        = microtime( true ) + 15;
		while ( microtime( true ) < $deadline ) {
			$socket = @fsockopen( '127.0.0.1', $port, $errno, $errstr, 0.2 ); // phpcs:ignore WordPress.PHP.NoSilencedErrors -- not up yet.
			if ( is_resource( $socket ) ) {
				fclose( $socket ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fclose -- a socket.
				return $server;
			}
			usleep( 100000 );
		}
		$server->stop();
		throw new \RuntimeException( 'php -S did not answer on port ' . $port . ' (see ' . $log . ')' );
	}

	/**
	 * Stops the server.
	 */
	public function stop(): void {
		if ( is_resource( $this->process ) ) {
			proc_terminate( $this->process );
			proc_close( $this->process );
		}
		$this->process = null;
	}

	/**
	 * The site's URL on this server.
	 *
	 * @param string $path Path (with query).
	 */
	public function url( string $path = '/' ): string {
		return 'http://127.0.0.1:' . $this->port . $path;
	}

	/**
	 * The path (and query) of one of the site's URLs, to request it on this server.
	 *
	 * @param string $url A URL of the site (any host and port).
	 */
	public static function path_of( string $url ): string {
		$path  = (string) wp_parse_url( $url, PHP_URL_PATH );
		$query = (string) wp_parse_url( $url, PHP_URL_QUERY );
		return ( '' === $path ? '/' : $path ) . ( '' === $query ? '' : '?' . $query );
	}

	/**
	 * One request.
	 *
	 * @param string                $path    Path (with query).
	 * @param array<string, string> $headers Request headers.
	 * @param string                $method  Method.
	 * @return array{status: int, headers: array<string, string>, body: string}
	 * @throws \RuntimeException When the request fails.
	 */
	public function request( string $path, array $headers = array(), string $method = 'GET' ): array {
		$response = wp_remote_request(
			$this->url( $path ),
			array(
				'method'      => $method,
				'headers'     => $headers,
				'timeout'     => 30,
				'redirection' => 0,
			)
		);
		if ( is_wp_error( $response ) ) {
			throw new \RuntimeException( $response->get_error_message() );
		}
		$out = array();
		foreach ( wp_remote_retrieve_headers( $response ) as $name => $value ) {
			$out[ strtolower( (string) $name ) ] = is_array( $value ) ? implode( ', ', $value ) : (string) $value;
		}
		return array(
			'status'  => (int) wp_remote_retrieve_response_code( $response ),
			'headers' => $out,
			'body'    => (string) wp_remote_retrieve_body( $response ),
		);
	}

	/**
	 * The login cookie of a user for this server's site URL (its cookie name hashes the URL).
	 *
	 * @param int $user_id User id.
	 */
	public function login_cookie( int $user_id ): string {
		$expiration = time() + HOUR_IN_SECONDS;
		$token      = \WP_Session_Tokens::get_instance( $user_id )->create( $expiration );
		$value      = wp_generate_auth_cookie( $user_id, $expiration, 'logged_in', $token );
		return 'wordpress_logged_in_' . md5( $this->url( '' ) ) . '=' . rawurlencode( $value );
	}
}
