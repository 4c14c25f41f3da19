<?php
/**
 * Where rendered products go: a page, an editor preview, or a place Amazon's content may not be.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Render;

/**
 * Decides whether products render in full or as plain text links. Feeds, REST content exports
 * and anything the `acapi_plain_output` filter marks (e-mail renders) get plain links, since
 * Amazon forbids its content there; the block editor's previews (the block renderer endpoint and
 * the plugin's own REST routes) render in full.
 */
final class Output_Context {

	/**
	 * Whether the current REST request is an editor preview (rendered in full).
	 *
	 * @var bool
	 */
	private bool $preview = false;

	/**
	 * Marks editor previews as REST requests arrive.
	 */
	public function register_hooks(): void {
		add_filter( 'rest_request_before_callbacks', array( $this, 'detect_preview' ), 10, 3 );
	}

	/**
	 * Notes whether a REST request is an editor preview. Passes the response through.
	 *
	 * @param mixed            $response Response so far.
	 * @param mixed            $handler  Route handler.
	 * @param \WP_REST_Request $request  Request.
	 * @return mixed
	 */
	public function detect_preview( mixed $response, mixed $handler, \WP_REST_Request $request ): mixed {
		unset( $handler );
		$route         = $request->get_route();
		$this->preview = str_starts_with( $route, '/wp/v2/block-renderer/' ) || str_starts_with( $route, '/creators-connect-for-amazon/' );
		return $response;
	}

	/**
	 * Whether output must be a plain text link: feeds, REST content exports (not editor previews)
	 * and anything a filter marks (e-mail renders), since Amazon forbids its content there.
	 */
	public function is_plain(): bool {
		$plain = is_feed() || ( wp_is_serving_rest_request() && ! $this->preview );
		/**
		 * Filters whether products render as plain links (e.g. while a newsletter is built).
		 *
		 * @param bool $plain Whether to render plain links.
		 */
		return (bool) apply_filters( 'acapi_plain_output', $plain );
	}
}
