<?php
/**
 * Geotargeting on a real front-end render with the emulator: the alternatives' call count, the
 * links' data, the server's choice from a country header, the fallbacks, and targets without a tag.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Geo;

use Creators_Connect\Plugin;
use Creators_Connect\Settings\Geo_Settings;
use Creators_Connect\Settings\Secret_Box;
use Creators_Connect\Settings\Marketplace_Rows;
use Creators_Connect\Tests\Emulator;
use Creators_Connect\Tests\Integration_Test_Case;

/**
 * US is the default marketplace; DE and UK are set up with their tags; FR is not set up at all.
 */
final class Geotargeting_Test extends Integration_Test_Case {

	/**
	 * In the US, German and British catalogues.
	 */
	private const EVERYWHERE = 'B0C7KX2Q4M';

	/**
	 * In the US catalogue only.
	 */
	private const US_ONLY = 'B0C7KX2Q5N';

	/**
	 * The emulator.
	 *
	 * @var Emulator
	 */
	private Emulator $emulator;

	/**
	 * Marketplaces, emulator, request spacing off.
	 */
	protected function setUp(): void {
		parent::setUp();
		$this->emulator = $this->clean_emulator();
		add_filter( 'acapi_rate_limit_per_second', '__return_zero' );
		$this->add_demo_us_marketplace();
		$settings = new Marketplace_Rows( new Secret_Box() );
		foreach ( array( 'de', 'uk' ) as $country ) {
			$cognito = Emulator::credentials()['cognito']['EU'];
			$this->assertIsArray(
				$settings->add(
					array(
						'country'           => $country,
						'credential_type'   => 'cognito',
						'credential_id'     => $cognito['credential_id'],
						'credential_secret' => $cognito['credential_secret'],
						'partner_tag'       => Emulator::partner_tag( $country ),
					)
				)
			);
		}
	}

	/**
	 * Server variables and filters go with the test.
	 */
	protected function tearDown(): void {
		unset( $_SERVER['HTTP_CF_IPCOUNTRY'], $_SERVER['HTTP_X_GEO_COUNTRY'], $_SERVER['GEOIP_COUNTRY_CODE'] );
		parent::tearDown();
	}

	/**
	 * Geotargeting settings.
	 *
	 * @param array<string, mixed> $settings Fields over the defaults.
	 */
	private function geo( array $settings ): void {
		update_option( Geo_Settings::OPTION, $settings + array( 'enabled' => true ) );
	}

	/**
	 * A published post showing US products, four per block (so that loading them box by box would
	 * cost more calls than the page's prefetch).
	 *
	 * @param list<string> $asins ASINs.
	 */
	private function post( array $asins ): int {
		$content = '';
		foreach ( array_chunk( $asins, 4 ) as $box ) {
			$content .= '<!-- wp:creators-connect-for-amazon/product {"asins":' . wp_json_encode( $box ) . ',"country":"us","template":"list"} /-->';
		}
		$id = wp_insert_post(
			array(
				'post_status'  => 'publish',
				'post_title'   => 'Gadgets',
				'post_content' => $content,
			)
		);
		$this->assertIsInt( $id );
		return $id;
	}

	/**
	 * One front-end request: the main query (the prefetcher runs), the content, the footer's script.
	 *
	 * @param int $post_id Post id.
	 */
	private function request( int $post_id ): string {
		Plugin::instance()->products()?->reset();
		Plugin::instance()->renderer()->reset();
		Plugin::instance()->geo()?->reset();
		wp_dequeue_script( 'acapi-geo' );
		$this->go_to_post( $post_id );
		$post = get_post( $post_id );
		$this->assertInstanceOf( \WP_Post::class, $post );
		$html = (string) apply_filters( 'the_content', $post->post_content );
		Plugin::instance()->geo()?->print_script();
		return $html;
	}

	/**
	 * The alternatives of the links of one ASIN (every link of a product carries the same).
	 *
	 * @param string $html HTML.
	 * @param string $asin ASIN.
	 * @return array<string, string>|null
	 */
	private static function alternatives( string $html, string $asin ): ?array {
		$dom = new \DOMDocument();
		libxml_use_internal_errors( true );
		$dom->loadHTML( '<?xml encoding="utf-8"?><body>' . $html . '</body>' );
		libxml_clear_errors();
		foreach ( $dom->getElementsByTagName( 'a' ) as $link ) {
			if ( str_contains( $link->getAttribute( 'href' ), '/dp/' . $asin ) || str_contains( $link->getAttribute( 'href' ), 'k=' ) ) {
				if ( ! $link->hasAttribute( 'data-acapi-geo' ) ) {
					return null;
				}
				$data = json_decode( $link->getAttribute( 'data-acapi-geo' ), true );
				return is_array( $data ) ? $data : null;
			}
		}
		return null;
	}

	/**
	 * The href of the first link to a product.
	 *
	 * @param string $html HTML.
	 * @param string $asin ASIN.
	 */
	private static function href( string $html, string $asin ): string {
		return preg_match( '#<a href="([^"]*/dp/' . $asin . '[^"]*)"#', $html, $match ) ? html_entity_decode( $match[1] ) : '';
	}

	/**
	 * Off (the default): no alternatives, no script, no call beyond the page's own marketplace.
	 */
	public function test_off_by_default(): void {
		$html = $this->request( $this->post( array( self::EVERYWHERE, self::US_ONLY ) ) );
		$this->assertStringNotContainsString( 'data-acapi-geo', $html );
		$this->assertFalse( wp_script_is( 'acapi-geo', 'enqueued' ) );
		$this->assertSame( 1, $this->emulator->count( 'getItems' ) );
	}

	/**
	 * On for DE and UK: ⌈N/10⌉ calls per enabled marketplace cold (12 products in three blocks: 2
	 * calls each, where block by block would be 3), none warm; every link carries
	 * the API's URL in each store that has the product (with that store's tag), the page's prices
	 * stay in dollars, and the script is loaded.
	 */
	public function test_alternatives_cost_one_batch_per_marketplace_and_nothing_warm(): void {
		$this->geo( array( 'targets' => array( 'de', 'uk' ) ) );
		$asins = array_values( array_diff( array_slice( Emulator::catalog_asins( 'us' ), 0, 18 ), array( 'B0CEXCLD12', 'B0CJ4TSH1R', 'B0CNOOFFR1' ) ) );
		$asins = array_slice( $asins, 0, 12 );
		$this->assertContains( self::EVERYWHERE, $asins );
		$post = $this->post( $asins );

		$cold = $this->request( $post );
		foreach ( array( 'us', 'de', 'uk' ) as $country ) {
			$this->assertSame( 2, $this->emulator->count( 'getItems:' . $country ), "⌈12/10⌉ calls in $country" );
		}
		$this->assertSame( 6, $this->emulator->count( 'getItems' ) );
		$this->assertTrue( wp_script_is( 'acapi-geo', 'enqueued' ) );

		$alt = self::alternatives( $cold, self::EVERYWHERE );
		$this->assertIsArray( $alt );
		$this->assertSame( array( 'de', 'uk' ), array_keys( $alt ) );
		$this->assertMatchesRegularExpression( '#^https://www\.amazon\.de/dp/' . self::EVERYWHERE . '\?tag=' . Emulator::partner_tag( 'de' ) . '&#', $alt['de'] );
		$this->assertMatchesRegularExpression( '#^https://www\.amazon\.co\.uk/dp/' . self::EVERYWHERE . '\?tag=' . Emulator::partner_tag( 'uk' ) . '&#', $alt['uk'] );
		$this->assertNull( self::alternatives( $cold, self::US_ONLY ), 'not sold in DE or UK, fallback "original": no alternative' );
		$this->assertStringContainsString( 'https://www.amazon.com/dp/' . self::EVERYWHERE . '?tag=' . Emulator::partner_tag( 'us' ), self::href( $cold, self::EVERYWHERE ) );
		$this->assertStringContainsString( '$', wp_strip_all_tags( $cold ), 'prices stay the box\'s own' );
		$this->assertStringNotContainsString( '€', wp_strip_all_tags( $cold ) );
		$this->assertStringNotContainsString( '£', wp_strip_all_tags( $cold ) );

		$warm = $this->request( $post );
		$this->assertSame( 6, $this->emulator->count( 'getItems' ), 'no call on a warm cache' );
		$this->assertSame( $cold, $warm );
	}

	/**
	 * The editor's previews (admin, REST) keep the box's own links and ask no other store.
	 */
	public function test_admin_previews_are_left_alone(): void {
		$this->geo( array( 'targets' => array( 'de', 'uk' ) ) );
		set_current_screen( 'edit-post' );
		$html = Plugin::instance()->renderer()->render(
			array(
				'asins'   => array( self::EVERYWHERE ),
				'country' => 'us',
			)
		);
		$this->assertStringContainsString( 'https://www.amazon.com/dp/' . self::EVERYWHERE, $html );
		$this->assertStringNotContainsString( 'data-acapi-geo', $html );
		$this->assertSame( 0, $this->emulator->count( 'getItems:de' ) + $this->emulator->count( 'getItems:uk' ) );
	}

	/**
	 * Fallback "search": a store without the product gets a keyword search there, with its tag.
	 */
	public function test_fallback_search_links_a_keyword_search_in_the_target_store(): void {
		$this->geo(
			array(
				'targets'  => array( 'de' ),
				'fallback' => 'search',
			)
		);
		$html = $this->request( $this->post( array( self::US_ONLY ) ) );
		$alt  = self::alternatives( $html, self::US_ONLY );
		$this->assertIsArray( $alt );
		$this->assertMatchesRegularExpression( '#^https://www\.amazon\.de/s\?k=[^&]+&tag=' . Emulator::partner_tag( 'de' ) . '$#', $alt['de'] );
	}

	/**
	 * A marketplace without the publisher's registration (FR: no tag) is never a target, and is not
	 * asked for anything.
	 */
	public function test_a_marketplace_without_a_tag_is_never_a_target(): void {
		$this->geo( array( 'targets' => array( 'de', 'fr' ) ) );
		$html = $this->request( $this->post( array( self::EVERYWHERE ) ) );
		$this->assertSame( array( 'de' ), array_keys( (array) self::alternatives( $html, self::EVERYWHERE ) ) );
		$this->assertSame( 0, $this->emulator->count( 'getItems:fr' ) );
		$this->assertSame( array( 'de' ), array_keys( (array) Plugin::instance()->geo()?->targets() ) );
	}

	/**
	 * A country header on an answer no shared cache keeps (a logged-in visitor): the server writes
	 * the visitor's store's link itself and loads no script. Austria goes to amazon.de through the
	 * table; a country without a target keeps the original link.
	 */
	public function test_country_header_lets_the_server_render_the_link_when_not_cached(): void {
		$this->geo( array( 'targets' => array( 'de', 'uk' ) ) );
		$post = $this->post( array( self::EVERYWHERE ) );
		$this->act_as( 'subscriber' );

		$_SERVER['HTTP_CF_IPCOUNTRY'] = 'AT';
		$html                         = $this->request( $post );
		$this->assertStringStartsWith( 'https://www.amazon.de/dp/' . self::EVERYWHERE . '?tag=' . Emulator::partner_tag( 'de' ), (string) preg_replace( '#^.*?<a href="([^"]+)".*$#s', '$1', html_entity_decode( $html ) ) );
		$this->assertStringNotContainsString( 'amazon.com/dp/', $html );
		$this->assertStringNotContainsString( 'data-acapi-geo', $html );
		$this->assertFalse( wp_script_is( 'acapi-geo', 'enqueued' ), 'the server chose: no script' );

		$_SERVER['HTTP_CF_IPCOUNTRY'] = 'IE';
		$this->assertStringContainsString( 'https://www.amazon.co.uk/dp/' . self::EVERYWHERE, $this->request( $post ), 'IE → UK' );

		$_SERVER['HTTP_CF_IPCOUNTRY'] = 'BR';
		$html                         = $this->request( $post );
		$this->assertStringContainsString( 'https://www.amazon.com/dp/' . self::EVERYWHERE, $html, 'no target for Brazil: the original store' );
		$this->assertFalse( wp_script_is( 'acapi-geo', 'enqueued' ) );

		unset( $_SERVER['HTTP_CF_IPCOUNTRY'] );
		$_SERVER['GEOIP_COUNTRY_CODE'] = 'GB';
		$this->assertStringContainsString( 'https://www.amazon.co.uk/dp/' . self::EVERYWHERE, $this->request( $post ), 'the web server\'s GeoIP variable' );
	}

	/**
	 * An anonymous visitor's answer is shared by caches: with the header present the page still
	 * carries the alternatives and the script, unless the admin says the cache keys on the header;
	 * then the server chooses and the answer says `Vary` on it.
	 */
	public function test_cached_answers_stay_the_same_for_everyone_unless_the_cache_varies(): void {
		$this->geo( array( 'targets' => array( 'de' ) ) );
		$post                         = $this->post( array( self::EVERYWHERE ) );
		$_SERVER['HTTP_CF_IPCOUNTRY'] = 'DE';
		$html                         = $this->request( $post );
		$this->assertStringContainsString( 'https://www.amazon.com/dp/' . self::EVERYWHERE, $html );
		$this->assertIsArray( self::alternatives( $html, self::EVERYWHERE ) );
		$this->assertTrue( wp_script_is( 'acapi-geo', 'enqueued' ) );
		unset( $_SERVER['HTTP_CF_IPCOUNTRY'] );
		$this->assertSame( $html, $this->request( $post ), 'the same HTML without the header' );

		$this->geo(
			array(
				'targets'       => array( 'de' ),
				'server_render' => 'always',
				'header'        => 'X-Geo-Country',
			)
		);
		$_SERVER['HTTP_X_GEO_COUNTRY'] = 'ch';
		$html                          = $this->request( $post );
		$this->assertStringContainsString( 'https://www.amazon.de/dp/' . self::EVERYWHERE, $html, 'CH → DE through the admin\'s header' );
		$this->assertFalse( wp_script_is( 'acapi-geo', 'enqueued' ) );
		$headers = Plugin::instance()->geo()?->vary( array( 'Content-Type' => 'text/html' ) );
		$this->assertSame( 'X-Geo-Country', $headers['Vary'] ?? null );
	}

	/**
	 * The script's table: each target (its own country first), the table's countries that map to a
	 * target, and the time zones of those countries; placeholder country codes are no country.
	 */
	public function test_script_table_and_placeholder_countries(): void {
		$this->geo( array( 'targets' => array( 'de', 'uk' ) ) );
		$config = Plugin::instance()->geo()?->script_config();
		$this->assertIsArray( $config );
		$this->assertSame( 'de', $config['m']['at'] );
		$this->assertSame( 'uk', $config['m']['gb'] );
		$this->assertSame( 'uk', $config['m']['ie'] );
		$this->assertArrayNotHasKey( 'nz', $config['m'], 'AU is no target' );
		$this->assertSame( 'at', $config['z']['Europe/Vienna'] );
		$this->assertSame( 'ch', $config['z']['Europe/Zurich'] );
		$this->assertLessThan( 2048, strlen( (string) wp_json_encode( $config ) ) );

		$post                         = $this->post( array( self::EVERYWHERE ) );
		$_SERVER['HTTP_CF_IPCOUNTRY'] = 'XX';
		$this->act_as( 'subscriber' );
		$this->assertIsArray( self::alternatives( $this->request( $post ), self::EVERYWHERE ), 'XX is no country: the browser chooses' );
	}
}
