<?php
/**
 * The visitor's ladder and the links-only mode through the plugin as wired: real settings, the
 * real product service and the Amazon emulator.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Render;

use Creators_Connect\Plugin;
use Creators_Connect\Tests\Emulator;
use Creators_Connect\Tests\Integration\Settings\Settings_Fixtures;
use Creators_Connect\Tests\Integration_Test_Case;

require_once dirname( __DIR__ ) . '/Settings/Settings_Fixtures.php';

/**
 * Full box, then the tagged link when there is no working API, nothing without a tag; a
 * links-only marketplace upgraded by adding credentials, with no change to the content.
 */
final class Visitor_Ladder_Test extends Integration_Test_Case {

	use Settings_Fixtures;

	/**
	 * A German product of the fixture catalog.
	 */
	private const ASIN = 'B0DKAFFEE1';

	/**
	 * The emulator, clean.
	 *
	 * @var Emulator
	 */
	private Emulator $emulator;

	/**
	 * A clean emulator.
	 */
	protected function setUp(): void {
		parent::setUp();
		$this->emulator = $this->clean_emulator();
	}

	/**
	 * A new request: the product service and renderer forget what they fetched.
	 */
	private function new_request(): void {
		Plugin::instance()->products()?->reset();
		Plugin::instance()->renderer()->reset();
	}

	/**
	 * A product block's markup.
	 *
	 * @param array<string, mixed> $attributes Attributes.
	 */
	private static function block( array $attributes ): string {
		return '<!-- wp:creators-connect-for-amazon/product ' . wp_json_encode( $attributes ) . ' /-->';
	}

	/**
	 * Links only: tagged links shaped by the template, no Amazon call, no price or image; the
	 * editor sees why; adding credentials upgrades the same blocks to full boxes.
	 */
	public function test_links_only_marketplace_then_credentials_upgrade_every_box(): void {
		$added = $this->marketplaces()->add(
			array(
				'country'         => 'de',
				'credential_type' => 'links_only',
				'credential_id'   => '',
				'partner_tag'     => Emulator::partner_tag( 'de' ),
			)
		);
		$this->assertIsArray( $added );
		$this->assertSame( 'links_only', $this->marketplaces()->marketplace_status( 'de' ) );
		$this->assertSame( array( 'de' ), $this->marketplaces()->links_only_countries() );

		$content = self::block(
			array(
				'asins'   => array( self::ASIN ),
				'country' => 'de',
			)
		) . self::block(
			array(
				'asins'    => array( self::ASIN ),
				'country'  => 'de',
				'template' => 'button',
			)
		) . self::block(
			array(
				'asins'    => array( self::ASIN ),
				'country'  => 'de',
				'linkText' => 'Unsere Kaffeemühle',
			)
		);
		$url     = 'https://www.amazon.de/dp/' . self::ASIN . '?tag=' . Emulator::partner_tag( 'de' );
		$html    = do_blocks( $content );

		// Link, button, and the title-and-link box's title and button.
		$this->assertSame( 4, substr_count( $html, 'href="' . esc_url( $url ) . '"' ), $html );
		$this->assertStringContainsString( '<p class="acapi acapi-link-only"><a href="' . esc_url( $url ) . '" class="acapi-text-link" rel="sponsored nofollow noopener" target="_blank">View on Amazon', $html );
		$this->assertStringContainsString( 'class="acapi-button" rel="sponsored nofollow noopener" target="_blank">View on Amazon', $html );
		$this->assertMatchesRegularExpression( '#<div class="acapi acapi-box acapi-link-only">.*<h2 class="acapi-title"><a [^>]+>Unsere Kaffeemühle#s', $html );
		foreach ( array( '<img', 'acapi-price', '€', 'acapi-rating', 'acapi-availability', 'acapi-notice' ) as $absent ) {
			$this->assertStringNotContainsString( $absent, $html, $absent );
		}
		$this->assertSame( 0, $this->emulator->count( 'getItems' ) );

		$this->act_as( 'editor' );
		$this->new_request();
		$this->assertStringContainsString( 'Visitors see a plain link to the product on Amazon, with your partner tag.', do_blocks( $content ) );

		// Credentials added later: the same content now shows full boxes.
		$row     = $this->marketplaces()->row( 'de' );
		$upgrade = $this->demo_input( 'de' );
		unset( $upgrade['country'] );
		$this->assertIsArray( $this->marketplaces()->update( 'de', $upgrade, (int) $row['revision'] ) );
		$this->assertSame( 'enabled', $this->marketplaces()->marketplace_status( 'de' ) );
		wp_set_current_user( 0 );
		$this->new_request();
		$html = do_blocks( $content );
		$this->assertStringNotContainsString( 'acapi-link-only', $html );
		$this->assertSame( 2, substr_count( $html, '<div class="acapi acapi-box">' ), $html );
		$this->assertStringContainsString( 'acapi-price__amount', $html );
		$this->assertGreaterThan( 0, $this->emulator->count( 'getItems' ) );
	}

	/**
	 * An item Amazon does not serve, in a marketplace with a working API: a tagged link, not a gap.
	 */
	public function test_unknown_item_gets_a_tagged_link(): void {
		$this->assertIsArray( $this->marketplaces()->add( $this->demo_input( 'de' ) ) );
		$content = self::block(
			array(
				'asins'   => array( 'B0ZZZZZZZ1', self::ASIN ),
				'country' => 'de',
			)
		);
		$html    = do_blocks( $content );
		$this->assertStringContainsString( '<div class="acapi acapi-box">', $html );
		$this->assertStringContainsString( 'href="' . esc_url( 'https://www.amazon.de/dp/B0ZZZZZZZ1?tag=' . Emulator::partner_tag( 'de' ) ) . '"', $html );
		$this->assertStringNotContainsString( 'acapi-notice', $html );
	}

	/**
	 * No partner tag at all: nothing for visitors, the reason for editors.
	 */
	public function test_nothing_without_a_partner_tag(): void {
		$content = self::block(
			array(
				'asins'   => array( self::ASIN ),
				'country' => 'fr',
			)
		);
		$this->assertSame( '', trim( do_blocks( $content ) ) );
		$this->act_as( 'editor' );
		$this->assertStringContainsString( 'Visitors see nothing here: this marketplace has no partner tag to link with.', do_blocks( $content ) );
	}

	/**
	 * A search list block with its index, order, count and heading level.
	 */
	public function test_search_list_block(): void {
		$this->assertIsArray( $this->marketplaces()->add( $this->demo_input( 'de' ) ) );
		$html = do_blocks(
			self::block(
				array(
					'mode'          => 'search',
					'search'        => 'Laufschuhe',
					'country'       => 'de',
					'template'      => 'grid',
					'items'         => 2,
					'searchFilters' => array( 'sort_by' => 'Price:LowToHigh' ),
					'headingLevel'  => 3,
				)
			)
		);
		$this->assertSame( 2, substr_count( $html, '<li class="acapi-card">' ), $html );
		$this->assertSame( 2, substr_count( $html, '<h3 class="acapi-title">' ) );
		$search = $this->emulator->requests( 'searchItems' );
		$this->assertCount( 1, $search );

		// Keywords left in a block switched to chosen products do not search.
		$this->new_request();
		$this->act_as( 'editor' );
		$html = do_blocks(
			self::block(
				array(
					'mode'    => 'products',
					'search'  => 'Kaffee',
					'country' => 'de',
				)
			)
		);
		$this->assertStringContainsString( 'No product chosen yet', $html );
	}
}
