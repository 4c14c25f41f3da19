<?php
/**
 * Which shortcode tags are the plugin's, read from WordPress's registry.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Unit\Reference;

use Creators_Connect\Reference\Product_Reference;
use Creators_Connect\Reference\Shortcode_Tags;
use PHPUnit\Framework\TestCase;

/**
 * Shortcode_Tags against the shapes WordPress's `$shortcode_tags` takes: our handler on both tags,
 * another plugin's (a method, a function, a closure) on `[amazon]`, or ours not registered yet.
 */
final class Shortcode_Tags_Test extends TestCase {

	/**
	 * The registry as it was before the test.
	 *
	 * @var mixed
	 */
	private mixed $saved = null;

	/**
	 * Keeps the registry.
	 */
	protected function setUp(): void {
		parent::setUp();
		$this->saved = $GLOBALS['shortcode_tags'] ?? null;
	}

	/**
	 * Puts the registry back.
	 */
	protected function tearDown(): void {
		$GLOBALS['shortcode_tags'] = $this->saved;
		parent::tearDown();
	}

	/**
	 * The same class and method on both tags (two instances, as after a re-wire): both are ours.
	 */
	public function test_our_handler_on_both_tags(): void {
		$GLOBALS['shortcode_tags'] = array(
			Shortcode_Tags::SHARED => array( new \ArrayObject(), 'count' ),
			Shortcode_Tags::OWN    => array( new \ArrayObject(), 'count' ),
		);
		$this->assertTrue( Shortcode_Tags::shared_is_ours() );
		$this->assertSame( array( 'amazon', 'amazon_product' ), Shortcode_Tags::owned() );
		$this->assertNotNull( Product_Reference::from_shortcode( array( 'asin' => 'B0C7KX2Q4M' ), Shortcode_Tags::SHARED ) );
	}

	/**
	 * Another plugin's handler on `[amazon]`, in each form WordPress accepts: only
	 * `[amazon_product]` is ours, and an `[amazon]` reference parses to nothing.
	 */
	public function test_another_plugins_handler_on_the_shared_tag(): void {
		$others = array(
			'method'   => array( new \ArrayIterator(), 'count' ),
			'function' => 'strtoupper',
			'closure'  => static fn(): string => '',
		);
		foreach ( $others as $form => $handler ) {
			$GLOBALS['shortcode_tags'] = array(
				Shortcode_Tags::SHARED => $handler,
				Shortcode_Tags::OWN    => array( new \ArrayObject(), 'count' ),
			);
			$this->assertFalse( Shortcode_Tags::shared_is_ours(), $form );
			$this->assertSame( array( 'amazon_product' ), Shortcode_Tags::owned(), $form );
			$this->assertNull( Product_Reference::from_shortcode( array( 'asin' => 'B0C7KX2Q4M' ), Shortcode_Tags::SHARED ), $form );
			$this->assertNotNull( Product_Reference::from_shortcode( array( 'asin' => 'B0C7KX2Q4M' ), Shortcode_Tags::OWN ), $form );
		}
	}

	/**
	 * Before our tags are registered (or with no registry at all), `[amazon]` is not ours.
	 */
	public function test_nothing_registered(): void {
		$GLOBALS['shortcode_tags'] = array( Shortcode_Tags::SHARED => 'strtoupper' );
		$this->assertFalse( Shortcode_Tags::shared_is_ours() );
		$GLOBALS['shortcode_tags'] = null;
		$this->assertSame( array( 'amazon_product' ), Shortcode_Tags::owned() );
	}
}
