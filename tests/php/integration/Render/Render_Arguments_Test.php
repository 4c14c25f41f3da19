<?php
/**
 * Integration tests of the render arguments' rules (sanitize_html_class() needs WordPress).
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Render;

use Creators_Connect\Render\Render_Arguments;
use Creators_Connect\Tests\Integration_Test_Case;

/**
 * Raw shortcode, block or caller arguments → the one shape the renderer reads.
 */
final class Render_Arguments_Test extends Integration_Test_Case {

	/**
	 * No arguments: every key present, the box template with its own parts and image size.
	 */
	public function test_empty_arguments_get_every_default(): void {
		$args = Render_Arguments::normalize( array() );
		$this->assertSame(
			array(
				'asins'           => array(),
				'country'         => '',
				'template'        => 'box',
				'title'           => '',
				'button_text'     => '',
				'items'           => 0,
				'field'           => '',
				'search'          => '',
				'filters'         => array(),
				'index'           => '',
				'link_text'       => '',
				'heading_level'   => Render_Arguments::HEADING_LEVEL,
				'show'            => null,
				'image_size'      => 'medium',
				'affiliate_label' => null,
				'class_name'      => '',
				'tag'             => '',
			),
			$args
		);
		$this->assertSame( Render_Arguments::PARTS, Render_Arguments::parts( $args ) );
	}

	/**
	 * The template: the one asked for (any case, `-` or `_`), else the site's default, else box.
	 */
	public function test_template_falls_back_to_the_site_default_then_box(): void {
		$this->assertSame( 'text_link', Render_Arguments::normalize( array( 'template' => ' Text-Link ' ) )['template'] );
		$this->assertSame( 'grid', Render_Arguments::normalize( array(), array( 'default_template' => 'grid' ) )['template'] );
		$this->assertSame( 'list', Render_Arguments::normalize( array( 'template' => 'list' ), array( 'default_template' => 'grid' ) )['template'] );
		$this->assertSame( 'box', Render_Arguments::normalize( array( 'template' => 'carousel' ), array( 'default_template' => 'grid' ) )['template'] );
		$this->assertSame( 'box', Render_Arguments::normalize( array(), array( 'default_template' => array( 'grid' ) ) )['template'] );
	}

	/**
	 * A field makes it the field template; a field it does not know prints the title.
	 */
	public function test_a_field_forces_the_field_template(): void {
		$args = Render_Arguments::normalize(
			array(
				'template' => 'grid',
				'field'    => 'PRICE',
			)
		);
		$this->assertSame( array( 'field', 'price' ), array( $args['template'], $args['field'] ) );
		$this->assertSame( array(), Render_Arguments::parts( $args ) );
		$this->assertSame( 'title', Render_Arguments::normalize( array( 'field' => 'colour' ) )['field'] );
	}

	/**
	 * Parts asked for keep only known ones, in the templates' order; none asked for: the template's.
	 */
	public function test_parts_are_filtered_and_default_per_template(): void {
		$args = Render_Arguments::normalize( array( 'show' => array( 'button', 'nonsense', array( 'title' ), 'image' ) ) );
		$this->assertSame( array( 'image', 'button' ), $args['show'] );
		$this->assertSame( array( 'image', 'button' ), Render_Arguments::parts( $args ) );
		$this->assertSame( array( 'image', 'title', 'price', 'button' ), Render_Arguments::parts( Render_Arguments::normalize( array( 'template' => 'list' ) ) ) );
		$this->assertSame( array(), Render_Arguments::parts( Render_Arguments::normalize( array( 'show' => array() ) ) ) );
	}

	/**
	 * Image sizes, heading levels and counts stay within what the templates can draw.
	 */
	public function test_limits(): void {
		$this->assertSame( 'small', Render_Arguments::normalize( array( 'template' => 'table' ) )['image_size'] );
		$this->assertSame( 'large', Render_Arguments::normalize( array( 'image_size' => 'large' ) )['image_size'] );
		$this->assertSame( 'medium', Render_Arguments::normalize( array( 'image_size' => 'huge' ) )['image_size'] );
		$this->assertSame( 4, Render_Arguments::normalize( array( 'heading_level' => '4' ) )['heading_level'] );
		$this->assertSame( Render_Arguments::HEADING_LEVEL, Render_Arguments::normalize( array( 'heading_level' => 1 ) )['heading_level'] );
		$this->assertSame( Render_Arguments::HEADING_LEVEL, Render_Arguments::normalize( array( 'heading_level' => 7 ) )['heading_level'] );
		$this->assertSame( 0, Render_Arguments::normalize( array( 'items' => -3 ) )['items'] );
		$this->assertSame( 3, Render_Arguments::normalize( array( 'items' => '3' ) )['items'] );
		$this->assertSame( 0, Render_Arguments::normalize( array( 'items' => 'three' ) )['items'] );
	}

	/**
	 * ASIN lists are split like a shortcode's and cut at MAX_ASINS.
	 */
	public function test_asins_are_split_and_capped(): void {
		$this->assertSame( array( 'B0B8RZ4XJQ', 'B07FZ8S74R' ), Render_Arguments::normalize( array( 'asins' => 'B0B8RZ4XJQ, B07FZ8S74R' ) )['asins'] );
		$many = array();
		for ( $i = 0; $i < Render_Arguments::MAX_ASINS + 5; $i++ ) {
			$many[] = sprintf( 'B0%08d', $i );
		}
		$this->assertCount( Render_Arguments::MAX_ASINS, Render_Arguments::normalize( array( 'asins' => $many ) )['asins'] );
	}

	/**
	 * Free text is trimmed, the country lowercased, the index and class cleaned, the label a bool.
	 */
	public function test_text_is_cleaned(): void {
		$args = Render_Arguments::normalize(
			array(
				'country'         => ' DE ',
				'title'           => '  A title ',
				'index'           => 'Electronics<script>',
				'class_name'      => 'my class"><b>',
				'affiliate_label' => 0,
				'tag'             => ' mysite-21 ',
				'filters'         => 'not a list',
				'search'          => array( 'not text' ),
			)
		);
		$this->assertSame( 'de', $args['country'] );
		$this->assertSame( 'A title', $args['title'] );
		$this->assertSame( 'Electronicsscript', $args['index'] );
		$this->assertSame( 'myclassb', $args['class_name'] );
		$this->assertFalse( $args['affiliate_label'] );
		$this->assertSame( 'mysite-21', $args['tag'] );
		$this->assertSame( array(), $args['filters'] );
		$this->assertSame( '', $args['search'] );
	}
}
