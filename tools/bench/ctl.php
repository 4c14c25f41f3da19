<?php
/**
 * Benchmark and load-run helper (tools/bench only): loads the bench site's WordPress and acts on it.
 *
 * Usage:
 *   php tools/bench/ctl.php <site-dir> pages        writes the bench pages, prints their manifest (JSON)
 *   php tools/bench/ctl.php <site-dir> reset-store  empties the product table (the next page view is cold)
 *   php tools/bench/ctl.php <site-dir> refresh      marks every stored product due, runs the refresh job
 *   php tools/bench/ctl.php <site-dir> profile [N]  where a warm box's time goes, on the N-box page (JSON)
 *   php tools/bench/ctl.php <site-dir> versions     prints the PHP and WordPress versions (JSON)
 *
 * The demo credentials are seeded by tools/seed-demo.php (run.sh calls it first), not here.
 *
 * @package Creators_Connect
 */

use Creators_Connect\Catalog\Product_Store;

if ( PHP_SAPI !== 'cli' || $argc < 3 ) {
	fwrite( STDERR, "usage: php tools/bench/ctl.php <site-dir> pages|reset-store|refresh|profile|versions\n" );
	exit( 2 );
}

$_SERVER['HTTP_HOST']   = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
require rtrim( $argv[1], '/' ) . '/wp-load.php';

/**
 * ASINs of a fixture catalog that answer with a product (no variation parents, nothing the
 * emulator marks not accessible).
 *
 * @param string $country Country code.
 * @return list<string>
 */
function acapi_bench_pool( string $country ): array {
	$file = dirname( __DIR__, 2 ) . '/tests/fixtures/catalog/' . $country . '.json';
	$data = json_decode( (string) file_get_contents( $file ), true );
	$out  = array();
	foreach ( is_array( $data ) && isset( $data['items'] ) && is_array( $data['items'] ) ? $data['items'] : array() as $item ) {
		$meta = isset( $item['_emulator'] ) && is_array( $item['_emulator'] ) ? $item['_emulator'] : array();
		if ( empty( $meta['notAccessible'] ) && empty( $meta['variationParent'] ) && isset( $item['asin'] ) ) {
			$out[] = (string) $item['asin'];
		}
	}
	return $out;
}

/**
 * The references of a page: N (country, ASIN) pairs, marketplaces alternating, ASINs repeating
 * once a marketplace's catalog is used up.
 *
 * @param int          $n         References.
 * @param list<string> $countries Marketplaces.
 * @return list<array{0: string, 1: string}>
 */
function acapi_bench_references( int $n, array $countries ): array {
	$pools = array();
	foreach ( $countries as $country ) {
		$pools[ $country ] = acapi_bench_pool( $country );
	}
	$out = array();
	for ( $i = 0; $i < $n; $i++ ) {
		$country = $countries[ $i % count( $countries ) ];
		$pool    = $pools[ $country ];
		$out[]   = array( $country, $pool[ intdiv( $i, count( $countries ) ) % count( $pool ) ] );
	}
	return $out;
}

/**
 * A page body: every reference as a product box (even: a block, odd: a shortcode) or as a plain
 * link, with a paragraph of text every five references, so both kinds have the same structure.
 *
 * @param list<array{0: string, 1: string}> $references References.
 * @param string                            $kind       'boxes' or 'links'.
 */
function acapi_bench_content( array $references, string $kind ): string {
	$tlds  = array(
		'us' => 'com',
		'de' => 'de',
	);
	$parts = array( '<!-- wp:paragraph --><p>Benchmark page. Every product reference below is a ' . esc_html( $kind ) . '.</p><!-- /wp:paragraph -->' );
	foreach ( $references as $i => list( $country, $asin ) ) {
		if ( 0 === $i % 5 ) {
			$parts[] = '<!-- wp:paragraph --><p>Section ' . ( $i / 5 + 1 ) . ': a short paragraph of ordinary text between the products, as a review would have.</p><!-- /wp:paragraph -->';
		}
		if ( 'links' === $kind ) {
			$url     = 'https://www.amazon.' . $tlds[ $country ] . '/dp/' . $asin . '?tag=acapidemo' . $country . ( 'us' === $country ? '-20' : '-21' );
			$parts[] = '<!-- wp:paragraph --><p><a href="' . esc_url( $url ) . '" rel="sponsored nofollow noopener" target="_blank">Product ' . esc_html( $asin ) . ' on Amazon</a></p><!-- /wp:paragraph -->';
		} elseif ( 0 === $i % 2 ) {
			$parts[] = '<!-- wp:creators-connect-for-amazon/product ' . wp_json_encode(
				array(
					'asins'    => array( $asin ),
					'country'  => $country,
					'template' => 'box',
				)
			) . ' /-->';
		} else {
			$parts[] = "<!-- wp:shortcode -->\n[amazon asin=\"" . $asin . '" country="' . $country . "\" template=\"box\"]\n<!-- /wp:shortcode -->";
		}
	}
	return implode( "\n\n", $parts );
}

/**
 * Writes (or rewrites) a page and returns its URL.
 *
 * @param string $slug    Slug.
 * @param string $content Content.
 */
function acapi_bench_page( string $slug, string $content ): string {
	$page = get_page_by_path( $slug );
	$post = array(
		'post_type'    => 'page',
		'post_status'  => 'publish',
		'post_title'   => 'Bench ' . $slug,
		'post_name'    => $slug,
		'post_content' => $content,
	);
	if ( $page instanceof WP_Post ) {
		$post['ID'] = $page->ID;
	}
	$id = wp_insert_post( wp_slash( $post ), true );
	if ( is_wp_error( $id ) ) {
		fwrite( STDERR, 'Could not write ' . $slug . ': ' . $id->get_error_message() . "\n" );
		exit( 1 );
	}
	return (string) get_permalink( $id );
}

$acapi_bench_command = (string) $argv[2];

if ( 'pages' === $acapi_bench_command ) {
	$acapi_bench_sizes = array_map( 'intval', isset( $argv[3] ) ? explode( ',', (string) $argv[3] ) : array( 0, 10, 50, 100, 500 ) );
	$acapi_bench_out   = array(
		'empty' => acapi_bench_page( 'bench-empty', acapi_bench_content( array(), 'links' ) ),
		'sizes' => array(),
	);
	foreach ( $acapi_bench_sizes as $acapi_bench_n ) {
		$acapi_bench_row = array( 'n' => $acapi_bench_n );
		foreach ( array(
			'one' => array( 'us' ),
			'two' => array( 'us', 'de' ),
		) as $acapi_bench_key => $acapi_bench_countries ) {
			$acapi_bench_refs     = acapi_bench_references( $acapi_bench_n, $acapi_bench_countries );
			$acapi_bench_distinct = array();
			foreach ( $acapi_bench_refs as list( $acapi_bench_country, $acapi_bench_asin ) ) {
				$acapi_bench_distinct[ $acapi_bench_country ][ $acapi_bench_asin ] = true;
			}
			$acapi_bench_row[ $acapi_bench_key ] = array(
				'boxes'    => acapi_bench_page( "bench-boxes-{$acapi_bench_key}-{$acapi_bench_n}", acapi_bench_content( $acapi_bench_refs, 'boxes' ) ),
				'links'    => acapi_bench_page( "bench-links-{$acapi_bench_key}-{$acapi_bench_n}", acapi_bench_content( $acapi_bench_refs, 'links' ) ),
				'distinct' => array_map( 'count', $acapi_bench_distinct ),
			);
		}
		$acapi_bench_out['sizes'][] = $acapi_bench_row;
	}
	echo wp_json_encode( $acapi_bench_out ) . "\n";
} elseif ( 'reset-store' === $acapi_bench_command ) {
	$acapi_bench_deleted = ( new Product_Store() )->delete();
	echo wp_json_encode( array( 'deleted' => $acapi_bench_deleted ) ) . "\n";
} elseif ( 'refresh' === $acapi_bench_command ) {
	global $wpdb;
	// Every stored product due now (still servable): the job has real work on every run.
	$wpdb->query( $wpdb->prepare( 'UPDATE ' . Product_Store::table() . ' SET expires_at = %d', time() - 1 ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared -- bench tooling on the plugin's own table.
	do_action( 'acapi_refresh_products', 'bench' ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- the plugin's own hook.
	echo wp_json_encode( array( 'refreshed' => true ) ) . "\n";
} elseif ( 'profile' === $acapi_bench_command ) {
	// Where a warm box's time goes: the plugin's renderer alone, then WordPress's block and
	// shortcode machinery around it, then core's content filters over the bigger HTML.
	$acapi_bench_n      = isset( $argv[3] ) ? (int) $argv[3] : 500;
	$acapi_bench_boxes  = get_page_by_path( "bench-boxes-one-{$acapi_bench_n}" );
	$acapi_bench_links  = get_page_by_path( "bench-links-one-{$acapi_bench_n}" );
	$acapi_bench_timer  = static function ( callable $fn ): float {
		$times = array();
		for ( $i = 0; $i < 7; $i++ ) {
			$start = hrtime( true );
			$fn();
			$times[] = ( hrtime( true ) - $start ) / 1e6;
		}
		sort( $times );
		return $times[3];
	};
	$acapi_bench_blocks = '';
	$acapi_bench_codes  = '';
	foreach ( parse_blocks( $acapi_bench_boxes instanceof WP_Post ? $acapi_bench_boxes->post_content : '' ) as $acapi_bench_block ) {
		if ( 'creators-connect-for-amazon/product' === $acapi_bench_block['blockName'] ) {
			$acapi_bench_blocks .= serialize_block( $acapi_bench_block ) . "\n";
		} elseif ( 'core/shortcode' === $acapi_bench_block['blockName'] ) {
			$acapi_bench_codes .= serialize_block( $acapi_bench_block ) . "\n";
		}
	}
	$acapi_bench_renderer  = Creators_Connect\Plugin::instance()->renderer();
	$acapi_bench_args      = array(
		'asins'    => array( acapi_bench_pool( 'us' )[0] ),
		'country'  => 'us',
		'template' => 'box',
	);
	$acapi_bench_html      = apply_filters( 'the_content', $acapi_bench_boxes instanceof WP_Post ? $acapi_bench_boxes->post_content : '' ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- core's filter.
	$acapi_bench_link_html = apply_filters( 'the_content', $acapi_bench_links instanceof WP_Post ? $acapi_bench_links->post_content : '' ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- core's filter.
	$acapi_bench_filters   = static function ( string $html ): void {
		convert_smilies( wpautop( wptexturize( $html ) ) );
	};
	$acapi_bench_render    = $acapi_bench_timer(
		static function () use ( $acapi_bench_renderer, $acapi_bench_args, $acapi_bench_n ): void {
			for ( $i = 0; $i < $acapi_bench_n; $i++ ) {
				$acapi_bench_renderer->render( $acapi_bench_args );
			}
		}
	);
	echo wp_json_encode(
		array(
			'n'                     => $acapi_bench_n,
			'render_ms_per_box'     => $acapi_bench_render / $acapi_bench_n,
			'block_ms_per_box'      => $acapi_bench_timer( static fn() => do_blocks( $acapi_bench_blocks ) ) / max( 1, substr_count( $acapi_bench_blocks, '<!-- wp:creators-connect-for-amazon/product' ) ),
			'shortcode_ms_per_box'  => $acapi_bench_timer( static fn() => do_shortcode( do_blocks( $acapi_bench_codes ) ) ) / max( 1, substr_count( $acapi_bench_codes, '[amazon ' ) ),
			'filters_ms_boxes_page' => $acapi_bench_timer( static fn() => $acapi_bench_filters( $acapi_bench_html ) ),
			'filters_ms_links_page' => $acapi_bench_timer( static fn() => $acapi_bench_filters( $acapi_bench_link_html ) ),
			'content_ms_boxes_page' => $acapi_bench_timer( static fn() => apply_filters( 'the_content', $acapi_bench_boxes instanceof WP_Post ? $acapi_bench_boxes->post_content : '' ) ), // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- core's filter.
			'content_ms_links_page' => $acapi_bench_timer( static fn() => apply_filters( 'the_content', $acapi_bench_links instanceof WP_Post ? $acapi_bench_links->post_content : '' ) ), // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- core's filter.
			'bytes_per_box'         => strlen( $acapi_bench_html ) / max( 1, $acapi_bench_n ),
			'bytes_per_link'        => strlen( $acapi_bench_link_html ) / max( 1, $acapi_bench_n ),
			'boxes_in_content'      => substr_count( $acapi_bench_html, 'class="acapi acapi-box"' ),
		)
	) . "\n";
} elseif ( 'versions' === $acapi_bench_command ) {
	echo wp_json_encode(
		array(
			'php'       => PHP_VERSION,
			'wordpress' => get_bloginfo( 'version' ),
			'database'  => defined( 'DB_ENGINE' ) ? DB_ENGINE : 'mysql',
		)
	) . "\n";
} else {
	fwrite( STDERR, "unknown command\n" );
	exit( 2 );
}
