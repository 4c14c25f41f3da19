<?php
/**
 * Problem products with the posts that show them: what the view, WP-CLI, Site Health and the
 * digest read.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Health;

/**
 * One read of the health log for every surface, so they agree. Posts come with their title and an
 * edit link; nothing here is Amazon content except the ASIN and marketplace code (the digest
 * leaves even those out).
 *
 * @phpstan-type Report_Post array{id: int, title: string, edit_url: string}
 * @phpstan-type Report_Item array{marketplace: string, asin: string, state: string, label: string, since: int, detail: string, history: list<array{0: string, 1: int}>, posts: list<Report_Post>}
 */
final class Health_Report {

	/**
	 * Health log.
	 *
	 * @var Health_Log
	 */
	private Health_Log $log;

	/**
	 * The default marketplace's code.
	 *
	 * @var callable(): string
	 */
	private $default_country;

	/**
	 * Builds the report.
	 *
	 * @param Health_Log         $log             Health log.
	 * @param callable(): string $default_country The default marketplace's code.
	 */
	public function __construct( Health_Log $log, callable $default_country ) {
		$this->log             = $log;
		$this->default_country = $default_country;
	}

	/**
	 * Problem products, most recent change first.
	 *
	 * @param string $state   One problem state, or '' for all.
	 * @param string $country One marketplace, or '' for all.
	 * @param bool   $all     Also products no published post shows.
	 * @return list<Report_Item>
	 */
	public function items( string $state = '', string $country = '', bool $all = false ): array {
		$out = array();
		foreach ( $this->log->problems( $state, $country, ( $this->default_country )(), $all ) as $row ) {
			$posts = array();
			foreach ( $row['posts'] as $post_id ) {
				$post = get_post( $post_id );
				if ( ! $post instanceof \WP_Post ) {
					continue;
				}
				$posts[] = array(
					'id'       => $post_id,
					'title'    => '' !== $post->post_title ? $post->post_title : sprintf( '#%d', $post_id ),
					'edit_url' => self::edit_url( $post_id, $row['asin'] ),
				);
			}
			$row['posts'] = $posts;
			$row['label'] = Product_State::label( $row['state'] );
			$out[]        = $row;
		}
		return $out;
	}

	/**
	 * Problem products a published post shows, per state (states with none are left out).
	 *
	 * @return array<string, int>
	 */
	public function counts(): array {
		return $this->log->counts( ( $this->default_country )() );
	}

	/**
	 * How many products a published post shows are in a problem state.
	 */
	public function total(): int {
		return (int) array_sum( $this->counts() );
	}

	/**
	 * A post's edit screen, optionally asking the editor to select the block that shows an ASIN
	 * (`acapi_asin`, read by the editor script that Health_Page adds).
	 *
	 * @param int    $post_id Post id.
	 * @param string $asin    ASIN to select, or '' for the plain edit link.
	 */
	public static function edit_url( int $post_id, string $asin = '' ): string {
		$args = array(
			'post'   => $post_id,
			'action' => 'edit',
		);
		if ( '' !== $asin ) {
			$args['acapi_asin'] = $asin;
		}
		return add_query_arg( $args, admin_url( 'post.php' ) );
	}
}
