<?php
/**
 * A whole WordPress site for the site tests: made by the project's own scripts, driven from
 * outside through the real `wp` (vendor/bin/wp) and through PHP run inside it.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests;

/**
 * One site in .wp/sites/<name> with its own SQLite database; nothing of it lives in the test's
 * process, so what a command changes is what the next request sees.
 */
final class Test_Site {

	/**
	 * The repository's root.
	 *
	 * @var string
	 */
	private string $root;

	/**
	 * The site's folder.
	 *
	 * @var string
	 */
	public string $dir;

	/**
	 * The site's address (no server listens: requests are made by `wp` and PHP processes).
	 *
	 * @var string
	 */
	public string $url;

	/**
	 * Describes a site.
	 *
	 * @param string $name Site name (folder under .wp/sites).
	 * @param int    $port The port in its address.
	 */
	private function __construct( string $name, int $port ) {
		$this->root = dirname( __DIR__, 3 );
		$base       = getenv( 'ACAPI_WP_DIR' ) ? (string) getenv( 'ACAPI_WP_DIR' ) : $this->root . '/.wp';
		$this->dir  = $base . '/sites/' . $name;
		$this->url  = 'http://127.0.0.1:' . $port;
	}

	/**
	 * A fresh site: tools/wp-site.sh --reset; a single site with the plugin active, or a
	 * subdirectory multisite network (tools/wp-install.php --multisite) with the plugin inactive.
	 *
	 * @param string $name      Site name.
	 * @param int    $port      The port in its address.
	 * @param bool   $multisite Whether to make a network.
	 * @throws \RuntimeException When a script fails.
	 */
	public static function create( string $name, int $port, bool $multisite = false ): self {
		$site = new self( $name, $port );
		$site->shell( array_merge( array( 'bash', 'tools/wp-site.sh', $name, (string) $port, '--reset' ), $multisite ? array( '--no-plugin' ) : array() ) );
		if ( $multisite ) {
			$site->shell( array( 'bash', '-c', 'source tools/lib.sh && sync_plugin "$0"', $site->dir ) );
			$site->shell( array( PHP_BINARY, 'tools/wp-install.php', $site->dir, $site->url, '--multisite' ) );
		}
		return $site;
	}

	/**
	 * Runs `wp` (the project's vendor/bin/wp) on the site.
	 *
	 * @param list<string> $args Arguments after `wp`.
	 * @param string       $path The site's path on a network (`/two/`), for --url.
	 * @return array{status: int, stdout: string, stderr: string}
	 */
	public function wp( array $args, string $path = '/' ): array {
		$command = array( $this->root . '/vendor/bin/wp', '--path=' . $this->dir, '--url=' . $this->url . $path );
		if ( function_exists( 'posix_geteuid' ) && 0 === posix_geteuid() ) {
			$command[] = '--allow-root';
		}
		$result = $this->exec( array_merge( $command, $args ) );
		// mustache/mustache 2.13 (served here instead of 2.14.1, see composer.json) calls trim(null)
		// on PHP 8.1+: a deprecation of WP-CLI's own help templates, not of the plugin.
		$result['stderr'] = (string) preg_replace( '/^Deprecated: trim\(\): Passing null .*Mustache\/Tokenizer\.php on line \d+\n?/m', '', $result['stderr'] );
		return $result;
	}

	/**
	 * Runs PHP code inside the site (tests/php/site/site-run.php) and returns what it returns.
	 *
	 * @param string $code PHP statements ending with `return …;`.
	 * @param string $path The site's path on a network.
	 * @return mixed The returned value, through JSON.
	 * @throws \RuntimeException When the code fails.
	 */
	public function run( string $code, string $path = '/' ) {
		$result = $this->exec( array( PHP_BINARY, $this->root . '/tests/php/site/site-run.php', $this->dir, $this->url . $path ), $code );
		if ( 0 !== $result['status'] ) {
			throw new \RuntimeException( 'site-run failed: ' . $result['stdout'] . $result['stderr'] ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- A test's failure message.
		}
		return json_decode( $result['stdout'], true );
	}

	/**
	 * Runs a command in the repository and fails on a non-zero exit.
	 *
	 * @param list<string> $command Command.
	 * @throws \RuntimeException When it fails.
	 */
	private function shell( array $command ): void {
		$result = $this->exec( $command );
		if ( 0 !== $result['status'] ) {
			throw new \RuntimeException( implode( ' ', $command ) . " failed:\n" . $result['stdout'] . $result['stderr'] ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- A test's failure message.
		}
	}

	/**
	 * Runs a process with the test's environment.
	 *
	 * @param list<string> $command Command.
	 * @param string       $stdin   Standard input.
	 * @return array{status: int, stdout: string, stderr: string}
	 */
	private function exec( array $command, string $stdin = '' ): array {
		$pipes   = array();
		$process = proc_open( $command, array( array( 'pipe', 'r' ), array( 'pipe', 'w' ), array( 'pipe', 'w' ) ), $pipes, $this->root );
		if ( ! is_resource( $process ) ) {
			return array(
				'status' => 127,
				'stdout' => '',
				'stderr' => 'could not start ' . $command[0],
			);
		}
		fwrite( $pipes[0], $stdin ); // phpcs:ignore WordPress.WP.AlternativeFunctions -- A pipe.
		fclose( $pipes[0] ); // phpcs:ignore WordPress.WP.AlternativeFunctions -- A pipe.
		$stdout = (string) stream_get_contents( $pipes[1] );
		$stderr = (string) stream_get_contents( $pipes[2] );
		fclose( $pipes[1] ); // phpcs:ignore WordPress.WP.AlternativeFunctions -- A pipe.
		fclose( $pipes[2] ); // phpcs:ignore WordPress.WP.AlternativeFunctions -- A pipe.
		return array(
			'status' => proc_close( $process ),
			'stdout' => $stdout,
			'stderr' => $stderr,
		);
	}
}
