<?php
/**
 * Base class of the integration tests: each test runs inside a database transaction that is
 * rolled back afterwards, with a clean object cache, no current user and a fresh REST server.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests;

use PHPUnit\Framework\TestCase;

/**
 * What WP_UnitTestCase gives, for a suite that has no WordPress test library.
 */
abstract class Integration_Test_Case extends TestCase {

	/**
	 * The hooks as they were before the test (WordPress's own test case keeps them the same way).
	 *
	 * @var array<string, \WP_Hook>
	 */
	private array $saved_hooks = array();

	/**
	 * Starts a transaction and resets WordPress's per-request state.
	 */
	protected function setUp(): void {
		parent::setUp();
		global $wpdb, $wp_filter;
		foreach ( $wp_filter as $name => $hook ) {
			$this->saved_hooks[ $name ] = clone $hook;
		}
		$wpdb->query( 'START TRANSACTION' );
		wp_cache_flush();
		// Each test is a new request: the product service's and the renderer's memos start empty.
		\Creators_Connect\Plugin::instance()->products()?->reset();
		\Creators_Connect\Plugin::instance()->renderer()->reset();
		\Creators_Connect\Plugin::instance()->freshness()?->reset();
		\Creators_Connect\Plugin::instance()->geo()?->reset();
		wp_set_current_user( 0 );
		$GLOBALS['wp_rest_server'] = null;
	}

	/**
	 * Rolls the transaction back.
	 */
	protected function tearDown(): void {
		global $wpdb;
		$wpdb->query( 'ROLLBACK' );
		// Filters a test added (or removed) go with it.
		$GLOBALS['wp_filter'] = $this->saved_hooks;
		$this->saved_hooks    = array();
		wp_cache_flush();
		wp_set_current_user( 0 );
		$GLOBALS['wp_rest_server'] = null;
		// An admin screen a test set would make is_admin() true for every later test.
		unset( $GLOBALS['current_screen'] );
		parent::tearDown();
	}

	/**
	 * Runs the main query for one post as a front-end request does (the plugin's prefetcher sees
	 * its posts) and makes it the current query.
	 *
	 * @param int $post_id Post id.
	 */
	protected function go_to_post( int $post_id ): void {
		$GLOBALS['wp_the_query']->query( array( 'p' => $post_id ) );
		$GLOBALS['wp_query'] = $GLOBALS['wp_the_query'];
		$this->assertSame( $post_id, $GLOBALS['wp_the_query']->post->ID ?? null );
	}

	/**
	 * The Amazon emulator, answering, with its default configuration, an empty request log and
	 * no faults or issued tokens.
	 */
	protected function clean_emulator(): Emulator {
		$emulator = new Emulator();
		$this->assertTrue( $emulator->is_up(), 'The Amazon emulator does not answer at ' . $emulator->url() );
		$emulator->default_config();
		$emulator->reset();
		return $emulator;
	}

	/**
	 * A clean emulator and the US demo marketplace, without request spacing (1 call a second per
	 * credential is the subject of other tests), for tests that count Amazon calls.
	 */
	protected function counting_emulator(): Emulator {
		$emulator = $this->clean_emulator();
		add_filter( 'acapi_rate_limit_per_second', '__return_zero' );
		$this->add_demo_us_marketplace();
		return $emulator;
	}

	/**
	 * Configures the US marketplace with the emulator's LWA demo credentials as the default one.
	 */
	protected function add_demo_us_marketplace(): void {
		$lwa      = Emulator::credentials()['lwa']['NA'];
		$settings = new \Creators_Connect\Settings\Marketplace_Rows( new \Creators_Connect\Settings\Secret_Box() );
		$added    = $settings->add(
			array(
				'country'           => 'us',
				'credential_type'   => 'lwa',
				'credential_id'     => $lwa['credential_id'],
				'credential_secret' => $lwa['credential_secret'],
				'partner_tag'       => Emulator::partner_tag( 'us' ),
			)
		);
		$this->assertIsArray( $added );
		$settings->set_default( 'us' );
	}

	/**
	 * Creates a user with a role and returns its id.
	 *
	 * @param string $role A WordPress role.
	 */
	protected function create_user( string $role ): int {
		$login = $role . '_' . wp_generate_password( 8, false );
		$id    = wp_insert_user(
			array(
				'user_login' => $login,
				'user_pass'  => wp_generate_password(),
				'user_email' => $login . '@example.com',
				'role'       => $role,
			)
		);
		$this->assertIsInt( $id, 'the test user could not be created' );
		return $id;
	}

	/**
	 * Logs a new user with the given role in, or logs out with null.
	 *
	 * @param string|null $role A WordPress role, or null for a visitor.
	 */
	protected function act_as( ?string $role ): int {
		$id = null === $role ? 0 : $this->create_user( $role );
		wp_set_current_user( $id );
		return $id;
	}

	/**
	 * Dispatches a REST request as the current user.
	 *
	 * @param string                    $method HTTP method.
	 * @param string                    $route  Route, e.g. '/creators-connect-for-amazon/v1/marketplaces'.
	 * @param array<string, mixed>|null $body   JSON body parameters.
	 * @param array<string, mixed>      $query  Query parameters.
	 */
	protected function rest( string $method, string $route, ?array $body = null, array $query = array() ): \WP_REST_Response {
		$request = new \WP_REST_Request( $method, $route );
		if ( array() !== $query ) {
			$request->set_query_params( $query );
		}
		if ( null !== $body ) {
			$request->set_header( 'Content-Type', 'application/json' );
			$request->set_body( (string) wp_json_encode( $body ) );
		}
		return rest_do_request( $request );
	}

	/**
	 * The PHP warnings, notices and deprecations logged since the test began.
	 */
	protected function debug_log(): string {
		$file = (string) ACAPI_TEST_DEBUG_LOG;
		return is_readable( $file ) ? (string) file_get_contents( $file ) : ''; // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local file.
	}
}
