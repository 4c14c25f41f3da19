<?php
/**
 * The development server's router refuses what a production server refuses.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Unit\Tools;

use PHPUnit\Framework\TestCase;

/**
 * `php -S` with tools/router.php, asked with curl as anyone on the network would ask it.
 */
final class Dev_Server_Router_Test extends TestCase {

	/**
	 * The document root.
	 *
	 * @var string
	 */
	private string $root = '';

	/**
	 * The server process.
	 *
	 * @var resource|null
	 */
	private $server = null;

	/**
	 * The server's base URL.
	 *
	 * @var string
	 */
	private string $base = '';

	/**
	 * A site folder with the files that must never be served, and one that must.
	 */
	protected function setUp(): void {
		if ( '' === (string) shell_exec( 'command -v curl' ) ) {
			$this->markTestSkipped( 'curl is not installed (tools/install-deps.sh installs it).' );
		}
		$this->root = sys_get_temp_dir() . '/acapi-router-' . bin2hex( random_bytes( 4 ) );
		$files      = array(
			'index.php'                      => '<?php echo "WordPress";',
			'wp-config.php'                  => '<?php echo "CONFIG-EXECUTED";',
			'.env'                           => 'DOTFILE-CONTENT',
			'wp-content/database/.ht.sqlite' => 'SQLITE-WITH-TOKENS',
			'wp-content/database/notes.txt'  => 'DATABASE-FOLDER',
			'wp-content/backup.sqlite'       => 'SQLITE-ELSEWHERE',
			'wp-content/debug.log'           => 'DEBUG-LOG',
			'wp-content/uploads/photo.txt'   => 'PUBLIC-FILE',
		);
		foreach ( $files as $path => $content ) {
			$file = $this->root . '/' . $path;
			if ( ! is_dir( dirname( $file ) ) ) {
				mkdir( dirname( $file ), 0777, true );
			}
			file_put_contents( $file, $content ); // phpcs:ignore WordPress.WP.AlternativeFunctions -- A test fixture outside WordPress.
		}
		$probe = stream_socket_server( 'tcp://127.0.0.1:0' );
		$this->assertIsResource( $probe );
		$port = (int) substr( (string) strrchr( (string) stream_socket_get_name( $probe, false ), ':' ), 1 );
		fclose( $probe ); // phpcs:ignore WordPress.WP.AlternativeFunctions -- A socket.
		$router       = dirname( __DIR__, 4 ) . '/tools/router.php';
		$command      = array( PHP_BINARY, '-S', '127.0.0.1:' . $port, '-t', $this->root, $router );
		$this->server = proc_open( $command, array( array( 'pipe', 'r' ), array( 'file', '/dev/null', 'w' ), array( 'file', '/dev/null', 'w' ) ), $pipes );
		$this->base   = 'http://127.0.0.1:' . $port;
		$tries        = 0;
		while ( $tries++ < 50 && '200' !== $this->get( '/wp-content/uploads/photo.txt' )[0] ) {
			usleep( 100000 );
		}
	}

	/**
	 * Stops the server and removes the folder.
	 */
	protected function tearDown(): void {
		if ( is_resource( $this->server ) ) {
			proc_terminate( $this->server );
			proc_close( $this->server );
		}
		if ( '' !== $this->root ) {
			exec( 'rm -rf ' . escapeshellarg( $this->root ) ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions -- Test clean-up.
		}
	}

	/**
	 * Status and body of a GET, by curl.
	 *
	 * @param string $path Path (sent as is, percent-encoding included).
	 * @return array{string, string}
	 */
	private function get( string $path ): array {
		$out = (string) shell_exec( 'curl -s -g --max-time 5 -w "\n%{http_code}" ' . escapeshellarg( $this->base . $path ) );
		$pos = (int) strrpos( $out, "\n" );
		return array( substr( $out, $pos + 1 ), substr( $out, 0, $pos ) );
	}

	/**
	 * The database, the debug log, wp-config.php and dotfiles get 403 and none of their bytes.
	 */
	public function test_private_files_are_refused(): void {
		$this->assertSame( array( '200', 'PUBLIC-FILE' ), $this->get( '/wp-content/uploads/photo.txt' ), 'the server serves public files' );
		$refused = array(
			'/wp-content/database/.ht.sqlite'   => 'SQLITE-WITH-TOKENS',
			'/wp-content/database/%2Eht.sqlite' => 'SQLITE-WITH-TOKENS',
			'//wp-content//database/.ht.sqlite' => 'SQLITE-WITH-TOKENS',
			'/wp-content/database/notes.txt'    => 'DATABASE-FOLDER',
			'/wp-content/backup.sqlite'         => 'SQLITE-ELSEWHERE',
			'/wp-content/debug.log'             => 'DEBUG-LOG',
			'/wp-content/DEBUG.LOG'             => 'DEBUG-LOG',
			'/wp-config.php'                    => 'CONFIG-EXECUTED',
			'/.env'                             => 'DOTFILE-CONTENT',
		);
		foreach ( $refused as $path => $secret ) {
			list( $status, $body ) = $this->get( $path );
			$this->assertSame( '403', $status, $path );
			$this->assertStringNotContainsString( $secret, $body, $path );
		}
	}
}
