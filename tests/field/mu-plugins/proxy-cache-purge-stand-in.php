<?php
/**
 * Plugin Name: Proxy Cache Purge stand-in (field tests only)
 * Description: The public surface of the Proxy Cache Purge plugin (varnish-http-purge) that the plugin's adapter calls: a global `$purger` whose `purge_post( $post_id )` queues the post's URL and sends, at shutdown, one HTTP `PURGE` per URL to Varnish with the site's Host header and `X-Purge-Method: default`, as that plugin does. The real plugin is not served by any registry here.
 *
 * Copied by tools/field.sh into the field site only; not part of the plugin.
 *
 * @package Creators_Connect
 */

// phpcs:disable Generic.Files.OneObjectStructurePerFile, WordPress.NamingConventions.PrefixAllGlobals -- the stand-in keeps the real plugin's global and class names.

/**
 * Queues URLs and purges them from Varnish at shutdown.
 */
final class VarnishPurger {

	/**
	 * URLs to purge.
	 *
	 * @var array<string, true>
	 */
	private array $urls = array();

	/**
	 * Hooks the sending of the queue.
	 */
	public function __construct() {
		add_action( 'shutdown', array( $this, 'execute_purge' ) );
	}

	/**
	 * Queues a post's URL (and the home page, as Proxy Cache Purge does for a post).
	 *
	 * @param int $post_id Post ID.
	 */
	public function purge_post( $post_id ): void {
		$url = get_permalink( (int) $post_id );
		if ( is_string( $url ) && '' !== $url ) {
			$this->urls[ $url ] = true;
		}
		$this->urls[ home_url( '/' ) ] = true;
	}

	/**
	 * Sends one PURGE per queued URL to Varnish (ACAPI_FIELD_VARNISH), logging each to the
	 * debug log so that tests can tell a purge happened.
	 */
	public function execute_purge(): void {
		$varnish = (string) getenv( 'ACAPI_FIELD_VARNISH' );
		foreach ( array_keys( $this->urls ) as $url ) {
			$parts    = wp_parse_url( $url );
			$target   = rtrim( $varnish, '/' ) . ( $parts['path'] ?? '/' ) . ( isset( $parts['query'] ) ? '?' . $parts['query'] : '' );
			$response = wp_remote_request(
				$target,
				array(
					'method'  => 'PURGE',
					'headers' => array(
						'Host'           => $parts['host'] . ( isset( $parts['port'] ) ? ':' . $parts['port'] : '' ),
						'X-Purge-Method' => 'default',
					),
					'timeout' => 5,
				)
			);
			error_log( 'field purger: PURGE ' . $target . ' → ' . ( is_wp_error( $response ) ? $response->get_error_message() : wp_remote_retrieve_response_code( $response ) ) ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- test tooling.
		}
		$this->urls = array();
	}
}

$GLOBALS['purger'] = new VarnishPurger();
