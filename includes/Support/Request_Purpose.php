<?php
/**
 * Who is asking: the purpose of the current request, and for an editor path the user and role.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Support;

/**
 * Told once per request (when its Budget is made) and carried in the Budget down to the one
 * place an Amazon call happens, so that the spending limits decide on the same answer everywhere.
 *
 * - `cli`: WP-CLI.
 * - `refresh`: WP-Cron (the refresh job).
 * - `editor`: a logged-in user on any REST request (the plugin's routes, core's
 *   `/wp/v2/block-renderer/<block>`), admin-ajax, wp-admin or a front-end preview.
 * - `visitor`: everything else (a page view, logged in or not).
 *
 * An editor's tier is the highest of contributor, author, editor and administrator whose
 * capability the user has (manage_options, edit_others_posts, publish_posts; anyone else is a
 * contributor), so custom roles get the tier of what they can do.
 */
final class Request_Purpose {

	public const VISITOR = 'visitor';
	public const EDITOR  = 'editor';
	public const REFRESH = 'refresh';
	public const CLI     = 'cli';

	/**
	 * The editor tiers, lowest first.
	 */
	public const ROLES = array( 'contributor', 'author', 'editor', 'administrator' );

	/**
	 * The route of the REST request being dispatched (set around its callbacks), or null.
	 *
	 * @var string|null
	 */
	private static ?string $rest_route = null;

	/**
	 * Builds a purpose.
	 *
	 * @param string $kind    One of the constants.
	 * @param int    $user_id The user (editor paths), 0 otherwise.
	 * @param string $role    One of ROLES (editor paths), '' otherwise.
	 * @param string $route   The REST route, when one is dispatched.
	 */
	public function __construct(
		public readonly string $kind,
		public readonly int $user_id = 0,
		public readonly string $role = '',
		public readonly string $route = ''
	) {
	}

	/**
	 * The purpose of the current request.
	 */
	public static function current(): self {
		if ( defined( 'WP_CLI' ) && constant( 'WP_CLI' ) ) {
			return new self( self::CLI );
		}
		if ( wp_doing_cron() ) {
			return new self( self::REFRESH );
		}
		$user = get_current_user_id();
		if ( $user > 0 && self::is_editor_path() ) {
			return new self( self::EDITOR, $user, self::role_of( $user ), (string) self::$rest_route );
		}
		return new self( self::VISITOR );
	}

	/**
	 * Whether another purpose says the same (kind, user, role and route).
	 *
	 * @param self|null $other Another purpose.
	 */
	public function same_as( ?self $other ): bool {
		return null !== $other && array( $this->kind, $this->user_id, $this->role, $this->route ) === array( $other->kind, $other->user_id, $other->role, $other->route );
	}

	/**
	 * Whether this is an editor path (the user is logged in).
	 */
	public function is_editor(): bool {
		return self::EDITOR === $this->kind;
	}

	/**
	 * Whether the request renders or looks up products for a person waiting (not the refresh
	 * job or WP-CLI): the ones a per-request fetch cap protects.
	 */
	public function is_interactive(): bool {
		return self::VISITOR === $this->kind || self::EDITOR === $this->kind;
	}

	/**
	 * The editor tier of a user.
	 *
	 * @param int $user_id User.
	 */
	public static function role_of( int $user_id ): string {
		if ( user_can( $user_id, 'manage_options' ) ) {
			return 'administrator';
		}
		if ( user_can( $user_id, 'edit_others_posts' ) ) {
			return 'editor';
		}
		return user_can( $user_id, 'publish_posts' ) ? 'author' : 'contributor';
	}

	/**
	 * Filter `rest_request_before_callbacks`: notes the route being dispatched. Passes the
	 * response through.
	 *
	 * @param mixed            $response Response so far.
	 * @param mixed            $handler  Route handler.
	 * @param \WP_REST_Request $request  Request.
	 * @return mixed
	 */
	public static function enter_rest( mixed $response, mixed $handler, \WP_REST_Request $request ): mixed {
		unset( $handler );
		self::$rest_route = $request->get_route();
		return $response;
	}

	/**
	 * Filter `rest_request_after_callbacks`: the dispatch is over. Passes the response through.
	 *
	 * @param mixed $response Response.
	 * @return mixed
	 */
	public static function leave_rest( mixed $response ): mixed {
		self::$rest_route = null;
		return $response;
	}

	/**
	 * Whether the current request is an editor path (REST, admin-ajax, wp-admin, a preview).
	 */
	private static function is_editor_path(): bool {
		if ( null !== self::$rest_route || wp_is_serving_rest_request() || wp_doing_ajax() || is_admin() ) {
			return true;
		}
		$query = $GLOBALS['wp_query'] ?? null;
		return $query instanceof \WP_Query && $query->is_preview();
	}
}
