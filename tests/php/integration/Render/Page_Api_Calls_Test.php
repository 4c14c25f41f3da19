<?php
/**
 * A page with 30 products, through the plugin as it is wired for a real request: its settings,
 * prefetcher, product service and renderer, over real HTTP to the emulator.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Render;

use Creators_Connect\Tests\Emulator;
use Creators_Connect\Tests\Integration_Test_Case;

/**
 * ⌈N/10⌉ getItems calls cold, none warm.
 */
final class Page_Api_Calls_Test extends Integration_Test_Case {

	/**
	 * The emulator.
	 *
	 * @var Emulator
	 */
	private Emulator $emulator;

	/**
	 * Configures the US marketplace (LWA demo credentials) and a clean emulator log.
	 */
	protected function setUp(): void {
		parent::setUp();
		$this->emulator = $this->counting_emulator();
	}

	/**
	 * 30 product references (blocks and shortcodes, 24 catalog products and 6 ASINs Amazon does
	 * not know) cost 3 getItems calls on a cold cache and none on a warm one.
	 */
	public function test_30_products_cost_3_calls_cold_and_none_warm(): void {
		$asins = array_slice( Emulator::catalog_asins( 'us' ), 0, 24 );
		$this->assertCount( 24, $asins );
		foreach ( range( 1, 6 ) as $n ) {
			$asins[] = sprintf( 'B0UNKNOWN%d', $n );
		}
		$content  = '<!-- wp:creators-connect-for-amazon/product {"asins":' . wp_json_encode( array_slice( $asins, 0, 10 ) ) . ',"template":"grid"} /-->';
		$content .= '<!-- wp:shortcode -->[amazon asin="' . implode( ',', array_slice( $asins, 10, 10 ) ) . '" template="list"]<!-- /wp:shortcode -->';
		$content .= '<!-- wp:creators-connect-for-amazon/product {"asins":' . wp_json_encode( array_slice( $asins, 20, 10 ) ) . ',"country":"us","template":"table"} /-->';
		$post_id  = wp_insert_post(
			array(
				'post_status'  => 'publish',
				'post_title'   => 'Thirty products',
				'post_content' => $content,
			)
		);
		$this->assertIsInt( $post_id );

		$cold = $this->render_as_front_end( $post_id );
		$this->assertSame( 3, $this->emulator->count( 'getItems' ), '⌈30/10⌉ getItems calls on a cold cache' );
		foreach ( array( 'grid', 'list', 'table' ) as $template ) {
			$this->assertSame( 1, preg_match_all( '/class="[^"]*\\bacapi-' . $template . '[\\s"]/', $cold ), "one $template rendered" );
		}
		foreach ( self::offered_asins( array_slice( $asins, 0, 24 ) ) as $asin ) {
			$this->assertStringContainsString( '/dp/' . $asin, $cold, "$asin is on the page" );
		}

		$warm = $this->render_as_front_end( $post_id );
		$this->assertSame( 3, $this->emulator->count( 'getItems' ), 'no getItems call on a warm cache' );
		$this->assertSame( $cold, $warm );
	}

	/**
	 * The ASINs among these that getItems answers with an item: not the catalog's deliberately
	 * inaccessible item, nor a variation parent (Amazon returns those only through getVariations).
	 *
	 * @param list<string> $asins ASINs of the US catalog.
	 * @return list<string>
	 */
	private static function offered_asins( array $asins ): array {
		$catalog = json_decode( (string) file_get_contents( dirname( __DIR__, 3 ) . '/fixtures/catalog/us.json' ), true );
		$skipped = array();
		foreach ( $catalog['items'] as $item ) {
			if ( ! empty( $item['_emulator']['notAccessible'] ) || ! empty( $item['_emulator']['variationParent'] ) ) {
				$skipped[] = $item['asin'];
			}
		}
		return array_values( array_diff( $asins, $skipped ) );
	}

	/**
	 * Runs the main query for the post, as a front-end request does (the prefetcher hooks it),
	 * and renders its content.
	 *
	 * @param int $post_id Post id.
	 */
	private function render_as_front_end( int $post_id ): string {
		$this->go_to_post( $post_id );
		$post = get_post( $post_id );
		$this->assertInstanceOf( \WP_Post::class, $post );
		return (string) apply_filters( 'the_content', $post->post_content );
	}
}
