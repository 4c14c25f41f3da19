<?php
/**
 * Site Health: the Amazon calls of each credential today against the daily limit.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Health;

use Creators_Connect\Amazon\Call_Guard;
use Creators_Connect\Catalog\Router;
use Creators_Connect\Marketplace\Marketplace_Registry;

/**
 * A direct test (Tools → Site Health): good below 80 % of the daily limit (General,
 * `daily_quota`), recommended from 80 %, critical at 100 %; the same figures per marketplace in
 * the routing panel of the settings screen (usage()).
 */
final class Quota_Check {

	/**
	 * Router (which credential answers for a marketplace).
	 *
	 * @var Router
	 */
	private Router $router;

	/**
	 * The counters.
	 *
	 * @var Call_Guard
	 */
	private Call_Guard $guard;

	/**
	 * Builds the check.
	 *
	 * @param Router     $router Router.
	 * @param Call_Guard $guard  The counters.
	 */
	public function __construct( Router $router, Call_Guard $guard ) {
		$this->router = $router;
		$this->guard  = $guard;
	}

	/**
	 * Adds the filter.
	 */
	public function register_hooks(): void {
		add_filter( 'site_status_tests', array( $this, 'add_test' ) );
	}

	/**
	 * Filter `site_status_tests`.
	 *
	 * @param mixed $tests Tests.
	 * @return mixed
	 */
	public function add_test( $tests ) {
		if ( is_array( $tests ) ) {
			$tests['direct']['acapi_daily_quota'] = array(
				'label' => __( 'Amazon calls today', 'creators-connect-for-amazon' ),
				'test'  => array( $this, 'test_quota' ),
			);
		}
		return $tests;
	}

	/**
	 * A marketplace's calls today and the daily limit (null when no credential answers for it).
	 *
	 * @param string $country Country code.
	 * @return array{calls_today: int, daily_limit: int}|null
	 */
	public function usage( string $country ): ?array {
		$credentials = $this->router->decide( $country )->credentials;
		if ( null === $credentials ) {
			return null;
		}
		return array(
			'calls_today' => $this->guard->calls_today( $credentials->cache_id() ),
			'daily_limit' => $this->guard->daily_limit(),
		);
	}

	/**
	 * The test: the busiest credential against the daily limit.
	 *
	 * @return array<string, mixed>
	 */
	public function test_quota(): array {
		$limit = $this->guard->daily_limit();
		$seen  = array();
		$busy  = array();
		foreach ( Marketplace_Registry::countries() as $country ) {
			$credentials = $this->router->decide( $country )->credentials;
			if ( null === $credentials || isset( $seen[ $credentials->cache_id() ] ) ) {
				continue;
			}
			$seen[ $credentials->cache_id() ] = true;
			$calls                            = $this->guard->calls_today( $credentials->cache_id() );
			if ( $calls >= $limit * Call_Guard::WARN_SHARE ) {
				$busy[] = sprintf( '%s: %s', strtoupper( $country ), self::figure( $calls, $limit ) );
			}
		}
		$max    = 0;
		$counts = array_map( fn( string $id ): int => $this->guard->calls_today( $id ), array_keys( $seen ) );
		if ( array() !== $counts ) {
			$max = max( $counts );
		}
		if ( array() === $busy ) {
			/* translators: %s: "N of M calls today". */
			$text = sprintf( __( 'The busiest credential: %s.', 'creators-connect-for-amazon' ), self::figure( $max, $limit ) );
			return self::result( 'good', __( 'Amazon calls today are well within the daily limit', 'creators-connect-for-amazon' ), $text );
		}
		$status = $max >= $limit ? 'critical' : 'recommended';
		return self::result(
			$status,
			'critical' === $status
				? __( 'The daily limit of Amazon calls is reached', 'creators-connect-for-amazon' )
				: __( 'Amazon calls today are close to the daily limit', 'creators-connect-for-amazon' ),
			sprintf(
				/* translators: 1: credentials and their calls ("DE: 7,000 of 8,640 calls today"), 2: percent. */
				__( '%1$s. From %2$d %% of the limit, searches and editor look-ups stop until midnight UTC; at 100 %% every call stops and pages show stored data. Raise the limit under Settings → Amazon Creators API → General only if Amazon allows this account more.', 'creators-connect-for-amazon' ),
				implode( '; ', $busy ),
				(int) round( 100 * Call_Guard::NON_ESSENTIAL_SHARE )
			)
		);
	}

	/**
	 * "N of M calls today".
	 *
	 * @param int $calls Calls.
	 * @param int $limit Limit.
	 */
	public static function figure( int $calls, int $limit ): string {
		/* translators: 1: calls made today, 2: the daily limit. */
		return sprintf( __( '%1$s of %2$s calls today', 'creators-connect-for-amazon' ), number_format_i18n( $calls ), number_format_i18n( $limit ) );
	}

	/**
	 * A Site Health result.
	 *
	 * @param string $status      good, recommended or critical.
	 * @param string $label       Label.
	 * @param string $description Description (plain text).
	 * @return array<string, mixed>
	 */
	private static function result( string $status, string $label, string $description ): array {
		return array(
			'label'       => $label,
			'status'      => $status,
			'badge'       => array(
				'label' => __( 'Amazon', 'creators-connect-for-amazon' ),
				'color' => 'good' === $status ? 'blue' : ( 'critical' === $status ? 'red' : 'orange' ),
			),
			'description' => '<p>' . esc_html( $description ) . '</p>',
			'actions'     => '',
			'test'        => 'acapi_daily_quota',
		);
	}
}
