<?php
/**
 * Sends the freshness headers of pages that show products.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Cache;

use Creators_Connect\Catalog\Compliance;

/**
 * WordPress sends its headers (`send_headers`) before the main query runs, and a classic theme
 * prints its header before `the_content` renders any product; widgets and block-template parts
 * render later still. So on front-end GET and HEAD requests of visitors, the page is
 * output-buffered from `template_redirect`, and the headers are decided when the buffer is sent,
 * after everything rendered:
 *
 *     Cache-Control: public, s-maxage=N, max-age=M   (M = min(N, 60): browsers cannot be purged)
 *     X-Accel-Expires: N                              (nginx fastcgi_cache / proxy_cache)
 *     Surrogate-Control: max-age=N                    (Varnish, Fastly)
 *
 * with N from Page_Freshness, and N handed to the page-cache plugins with a per-page TTL API.
 * Pages without products, logged-in users, previews, feeds, REST, admin and responses another
 * part already made private or uncacheable are left as they are.
 */
final class Cache_Headers {

	/**
	 * Most seconds a browser may keep a page with products (it cannot be purged).
	 */
	public const BROWSER_MAX_AGE = 60;

	/**
	 * Whether this request's page is buffered.
	 *
	 * @var bool
	 */
	private bool $buffering = false;

	/**
	 * Whether the headers were decided for the buffered page.
	 *
	 * @var bool
	 */
	private bool $decided = false;

	/**
	 * Sends a header (default: PHP's header()).
	 *
	 * @var callable(string): void
	 */
	private $send;

	/**
	 * Builds the sender.
	 *
	 * @param Page_Freshness                $freshness      The page's product ages.
	 * @param list<Page_Cache>              $caches         Page-cache plugin adapters.
	 * @param (\Closure(): bool)|null       $page_prefetched Whether the product service loaded products for the page's posts.
	 * @param (callable(string): void)|null $send          Header sender (tests).
	 */
	public function __construct(
		private readonly Page_Freshness $freshness,
		private readonly array $caches = array(),
		private readonly ?\Closure $page_prefetched = null,
		?callable $send = null
	) {
		$this->send = $send ?? static function ( string $header ): void {
			header( $header, true );
		};
	}

	/**
	 * Starts the buffer early on `template_redirect` (before any template prints).
	 */
	public function register_hooks(): void {
		add_action( 'template_redirect', array( $this, 'start' ), 0 );
	}

	/**
	 * Action `template_redirect`: buffers a visitor's front-end GET or HEAD page.
	 */
	public function start(): void {
		if ( $this->buffering || ! self::is_public_request() ) {
			return;
		}
		$this->freshness->reset();
		$this->decided   = false;
		$this->buffering = ob_start( array( $this, 'finish' ) );
	}

	/**
	 * Output buffer callback: decides the headers the first time output leaves the buffer (the
	 * whole page, unless something flushed early), then passes the output through unchanged.
	 *
	 * @param string $buffer Output.
	 * @param int    $phase  PHP_OUTPUT_HANDLER_* flags.
	 */
	public function finish( string $buffer, int $phase = PHP_OUTPUT_HANDLER_FINAL ): string {
		if ( ! $this->decided ) {
			$this->decided = true;
			$this->decide( 0 !== ( $phase & PHP_OUTPUT_HANDLER_FINAL ) );
		}
		if ( $phase & PHP_OUTPUT_HANDLER_FINAL ) {
			$this->buffering = false;
		}
		return $buffer;
	}

	/**
	 * The headers for a page a shared cache may keep N seconds.
	 *
	 * @param int $ttl N.
	 * @return list<string>
	 */
	public static function headers( int $ttl ): array {
		$ttl = max( 1, $ttl );
		return array(
			sprintf( 'Cache-Control: public, s-maxage=%d, max-age=%d', $ttl, min( $ttl, self::BROWSER_MAX_AGE ) ),
			'X-Accel-Expires: ' . $ttl,
			'Surrogate-Control: max-age=' . $ttl,
		);
	}

	/**
	 * Sends the headers when the page shows products and may be cached at all.
	 *
	 * @param bool $complete Whether the whole page rendered (false: something flushed early).
	 */
	private function decide( bool $complete ): void {
		if ( headers_sent() || ! self::is_public_request() || self::is_uncacheable() ) {
			return;
		}
		$ttl = $this->freshness->ttl( time() );
		if ( null === $ttl && ! $complete && null !== $this->page_prefetched && ( $this->page_prefetched )() ) {
			// Flushed before its products rendered: their age is unknown yet, so the floor.
			$ttl = Compliance::CACHE_FLOOR;
		}
		if ( null === $ttl ) {
			return; // No products: the headers stay as WordPress and other plugins made them.
		}
		foreach ( self::headers( $ttl ) as $header ) {
			( $this->send )( $header );
		}
		foreach ( $this->caches as $cache ) {
			if ( $cache->is_active() ) {
				$cache->set_ttl( $ttl );
			}
		}
	}

	/**
	 * Whether this is a front-end GET or HEAD request a shared cache could keep for everyone: no
	 * logged-in user, no preview, no feed, REST, admin, AJAX, cron, embed, robots or favicon.
	 */
	public static function is_public_request(): bool {
		$method = isset( $_SERVER['REQUEST_METHOD'] ) ? strtoupper( sanitize_text_field( wp_unslash( (string) $_SERVER['REQUEST_METHOD'] ) ) ) : 'GET';
		if ( ! in_array( $method, array( 'GET', 'HEAD' ), true ) ) {
			return false;
		}
		if ( is_admin() || wp_doing_ajax() || wp_doing_cron() || wp_is_serving_rest_request() || is_user_logged_in() ) {
			return false;
		}
		return ! ( is_preview() || is_customize_preview() || is_feed() || is_embed() || is_robots() || is_favicon() || is_trackback() );
	}

	/**
	 * Whether another part already made the response private or uncacheable (nocache_headers(),
	 * a shop's cart, DONOTCACHEPAGE), or it is not a page a cache should keep (redirects, errors).
	 */
	private static function is_uncacheable(): bool {
		if ( defined( 'DONOTCACHEPAGE' ) && constant( 'DONOTCACHEPAGE' ) ) {
			return true;
		}
		$status = http_response_code();
		if ( is_int( $status ) && ! in_array( $status, array( 200, 203, 404 ), true ) ) {
			return true;
		}
		foreach ( headers_list() as $header ) {
			$header = strtolower( $header );
			if ( str_starts_with( $header, 'cache-control:' ) && 1 === preg_match( '/private|no-store|no-cache/', $header ) ) {
				return true;
			}
		}
		return false;
	}
}
