<?php
/**
 * Hostile input: an XSS corpus through every shortcode attribute, every block attribute and
 * every product field, and shortcodes in comments.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Reliability;

use Creators_Connect\Render\Output_Context;
use Creators_Connect\Render\Product_Lookup;
use Creators_Connect\Render\Render_Arguments;
use Creators_Connect\Render\Renderer;
use Creators_Connect\Render\Stylesheet;
use Creators_Connect\Render\Shortcode;
use Creators_Connect\Tests\Fixture_Product_Source;
use Creators_Connect\Tests\Integration_Test_Case;
use Creators_Connect\Tests\Payload_Product_Source;
use Creators_Connect\Settings\General_Settings;

/**
 * Whatever comes in, the output parses as HTML with no script element, no event handler, no
 * script URL, and the hostile text survives as text.
 */
final class Hostile_Input_Test extends Integration_Test_Case {

	/**
	 * Every shortcode attribute (ours and AAWP's).
	 */
	private const SHORTCODE_ATTRIBUTES = array( 'asin', 'asins', 'country', 'template', 'title', 'button_text', 'items', 'field', 'search', 'index', 'image_size', 'affiliate_label', 'box', 'link', 'fields', 'value', 'bestseller', 'new' );

	/**
	 * Every block attribute (block.json, what render_block() reads, and the supports).
	 */
	private const BLOCK_ATTRIBUTES = array( 'asins', 'country', 'template', 'show', 'buttonText', 'imageSize', 'affiliateLabel', 'search', 'items', 'className', 'align' );

	/**
	 * A product with a script tag, quotes and & in its title (us).
	 */
	private const ASIN = 'B0B8RZ4XJQ';

	/**
	 * The fixture source (shortcode and block tests).
	 *
	 * @var Fixture_Product_Source
	 */
	private Fixture_Product_Source $source;

	/**
	 * Renderer on the fixture source.
	 *
	 * @var Renderer
	 */
	private Renderer $renderer;

	/**
	 * Shortcode on that renderer.
	 *
	 * @var Shortcode
	 */
	private Shortcode $shortcode;

	/**
	 * Registered shortcodes before the test.
	 *
	 * @var array<string, callable>
	 */
	private array $saved_tags = array();

	/**
	 * The product block's render callback before the test.
	 *
	 * @var callable|null
	 */
	private $saved_callback = null;

	/**
	 * Our shortcodes and the product block on a fixture source.
	 */
	protected function setUp(): void {
		parent::setUp();
		$this->source     = new Fixture_Product_Source();
		$this->renderer   = new Renderer( new Product_Lookup( $this->source ), array( General_Settings::class, 'read' ), ACAPI_DIR . 'templates', new Output_Context(), new Stylesheet() );
		$this->shortcode  = new Shortcode( $this->renderer );
		$this->saved_tags = $GLOBALS['shortcode_tags'];
		remove_shortcode( Shortcode::TAG );
		remove_shortcode( Shortcode::OWN_TAG );
		add_shortcode( Shortcode::OWN_TAG, array( $this->shortcode, 'render' ) );
		$this->shortcode->register_shared_tag();
		add_filter( 'pre_do_shortcode_tag', array( $this->shortcode, 'keep_in_comments' ), 10, 4 );

		$type = \WP_Block_Type_Registry::get_instance()->get_registered( 'creators-connect-for-amazon/product' );
		$this->assertNotNull( $type );
		$this->saved_callback         = $type->render_callback;
		$renderer                     = $this->renderer;
		$type->render_callback        = static function ( $attributes ) use ( $renderer ): string {
			return $renderer->render_block( (array) $attributes );
		};
		$GLOBALS['wp_query']->is_feed = false;
	}

	/**
	 * Restores the registries.
	 */
	protected function tearDown(): void {
		$GLOBALS['shortcode_tags'] = $this->saved_tags;
		remove_filter( 'pre_do_shortcode_tag', array( $this->shortcode, 'keep_in_comments' ), 10 );
		remove_all_filters( 'acapi_plain_output' );
		remove_filter( 'comment_text', 'do_shortcode', 11 );
		$type = \WP_Block_Type_Registry::get_instance()->get_registered( 'creators-connect-for-amazon/product' );
		if ( null !== $type ) {
			$type->render_callback = $this->saved_callback;
		}
		parent::tearDown();
	}

	/**
	 * The XSS corpus. Each payload tries to set window.__xss.
	 *
	 * @return array<string, array{0: string}>
	 */
	public static function payloads(): array {
		return array(
			'script tag'            => array( '<script>window.__xss=1</script>' ),
			'closing and script'    => array( '"></a></div><script>window.__xss=1</script>' ),
			'img onerror'           => array( '\'><img src=x onerror="window.__xss=1">' ),
			'event handler quote'   => array( '" onmouseover="window.__xss=1" x="' ),
			'event handler single'  => array( "' onfocus='window.__xss=1' autofocus='" ),
			'javascript url'        => array( 'javascript:window.__xss=1' ),
			'mixed-case javascript' => array( 'JaVaScRiPt:window.__xss=1//' ),
			'tab in javascript'     => array( "java\tscript:window.__xss=1" ),
			'entity javascript'     => array( 'javascript&#58;window.__xss=1' ),
			'encoded script'        => array( '&lt;script&gt;window.__xss=1&lt;/script&gt;' ),
			'numeric entities'      => array( '&#34;&#62;&#60;script&#62;window.__xss=1&#60;/script&#62;' ),
			'svg onload'            => array( '<svg/onload=window.__xss=1>' ),
			'iframe'                => array( '</p><iframe src="javascript:window.__xss=1"></iframe>' ),
			'broken comment'        => array( '--><script>window.__xss=1</script><!--' ),
			'style expression'      => array( '" style="background:url(javascript:window.__xss=1)' ),
			'shortcode brackets'    => array( ']<script>window.__xss=1</script>[' ),
		);
	}

	/**
	 * Every shortcode attribute, as the parser hands it over and through do_shortcode().
	 *
	 * @dataProvider payloads
	 *
	 * @param string $payload Payload.
	 */
	public function test_every_shortcode_attribute( string $payload ): void {
		$this->act_as( 'editor' );
		foreach ( self::SHORTCODE_ATTRIBUTES as $attribute ) {
			$atts = array(
				'asin'    => self::ASIN,
				'country' => 'us',
			);
			if ( 'value' === $attribute ) {
				$atts = array( 'fields' => self::ASIN );
			}
			$atts[ $attribute ] = $payload;
			$html               = $this->shortcode->render( $atts );
			$this->assert_safe( $html, "attribute {$attribute}" );
			if ( in_array( $attribute, array( 'title', 'button_text' ), true ) ) {
				$this->assert_text_intact( $html, $payload, "attribute {$attribute}" );
			}

			// Through the shortcode parser, quoted so that it parses.
			$quote = ! str_contains( $payload, '"' ) ? '"' : ( ! str_contains( $payload, "'" ) ? "'" : '' );
			if ( '' === $quote || str_contains( $payload, '[' ) || str_contains( $payload, ']' ) ) {
				continue;
			}
			$base = 'value' === $attribute ? 'fields="' . self::ASIN . '"' : 'asin="' . self::ASIN . '" country="us"';
			$html = do_shortcode( '[' . Shortcode::OWN_TAG . ' ' . $base . ' ' . $attribute . '=' . $quote . $payload . $quote . ']' );
			if ( str_contains( $html, '[' . Shortcode::OWN_TAG ) ) {
				// WordPress's parser left it as the author's own text (e.g. around HTML comments).
				continue;
			}
			$this->assert_safe( $html, "do_shortcode, attribute {$attribute}" );
		}
	}

	/**
	 * Every block attribute through do_blocks() (the markup the editor saves) and render_block().
	 *
	 * @dataProvider payloads
	 *
	 * @param string $payload Payload.
	 */
	public function test_every_block_attribute( string $payload ): void {
		$this->act_as( 'editor' );
		foreach ( self::BLOCK_ATTRIBUTES as $attribute ) {
			$attrs               = array(
				'asins'   => array( self::ASIN ),
				'country' => 'us',
			);
			$attrs[ $attribute ] = in_array( $attribute, array( 'asins', 'show' ), true ) ? array( $payload ) : $payload;
			$markup              = serialize_block(
				array(
					'blockName'    => 'creators-connect-for-amazon/product',
					'attrs'        => $attrs,
					'innerBlocks'  => array(),
					'innerHTML'    => '',
					'innerContent' => array(),
				)
			);
			$html                = do_blocks( $markup );
			$this->assert_safe( $html, "block attribute {$attribute} (do_blocks)" );
			$this->assertStringContainsString( 'wp-block-creators-connect-for-amazon-product', $html, "nothing rendered for {$attribute}" );
			if ( 'buttonText' === $attribute ) {
				$this->assert_text_intact( $html, $payload, 'buttonText' );
			}

			$blocks = parse_blocks( $markup );
			$this->assertCount( 1, $blocks );
			$this->assert_safe( render_block( $blocks[0] ), "block attribute {$attribute} (render_block)" );
		}
	}

	/**
	 * Every template and every field with a product whose every string field is the payload:
	 * as an Amazon URL carrying the payload and as the bare payload in URL fields; in full, as
	 * a plain link (feeds), and as search results.
	 *
	 * @dataProvider payloads
	 *
	 * @param string $payload Payload.
	 */
	public function test_every_template_with_hostile_product_fields( string $payload ): void {
		$this->act_as( 'editor' );
		foreach ( array( false, true ) as $bare_url ) {
			$renderer = new Renderer( new Product_Lookup( new Payload_Product_Source( $payload, $bare_url ) ), array( General_Settings::class, 'read' ), ACAPI_DIR . 'templates', new Output_Context(), new Stylesheet() );
			$label    = $bare_url ? 'bare URL' : 'Amazon URL';
			foreach ( Render_Arguments::TEMPLATES as $template ) {
				if ( 'field' === $template ) {
					continue;
				}
				$html = $renderer->render(
					array(
						'asins'           => 'B0PAYLOAD1,B0PAYLOAD2',
						'template'        => $template,
						'show'            => Render_Arguments::PARTS,
						'affiliate_label' => true,
					)
				);
				$this->assert_safe( $html, "template {$template}, {$label}" );
				if ( ! in_array( $template, array( 'button', 'image_link' ), true ) ) {
					$this->assert_text_intact( $html, $payload, "template {$template}, {$label}" );
				}
				$this->assert_alt_intact( $html, $payload, "template {$template}, {$label}" );
			}
			foreach ( Render_Arguments::FIELDS as $field ) {
				$html = $renderer->render(
					array(
						'asins' => 'B0PAYLOAD1',
						'field' => $field,
					)
				);
				$this->assert_safe( $html, "field {$field}, {$label}" );
			}
			$this->assert_safe(
				$renderer->render(
					array(
						'search'   => 'anything',
						'template' => 'grid',
					)
				),
				"search, {$label}"
			);
			add_filter( 'acapi_plain_output', '__return_true' );
			$this->assert_safe( $renderer->render( array( 'asins' => 'B0PAYLOAD1' ) ), "plain output, {$label}" );
			remove_all_filters( 'acapi_plain_output' );
		}
	}

	/**
	 * A comment with our shortcode stays text and calls nothing, also when the site runs
	 * do_shortcode on comment text; the same shortcode in a post still renders.
	 */
	public function test_shortcodes_in_comments_are_not_executed(): void {
		$post = wp_insert_post(
			array(
				'post_title'   => 'Comments',
				'post_status'  => 'publish',
				'post_content' => 'Hello',
			)
		);
		$this->assertIsInt( $post );
		$text    = 'Look: [amazon asin="B0C7KX2Q4M"] and [amazon_product asin="B0C7KX2Q4M" title="<b>x</b>"]';
		$comment = wp_insert_comment(
			array(
				'comment_post_ID'  => $post,
				'comment_content'  => $text,
				'comment_approved' => 1,
				'comment_author'   => 'Visitor',
			)
		);
		$this->assertIsInt( $comment );

		foreach ( array( false, true ) as $theme_filter ) {
			if ( $theme_filter ) {
				add_filter( 'comment_text', 'do_shortcode', 11 );
			}
			$object = get_comment( $comment );
			$this->assertInstanceOf( \WP_Comment::class, $object );
			$html = (string) apply_filters( 'comment_text', get_comment_text( $object ), $object, array() );
			$this->assertStringContainsString( '[amazon asin=', $html, 'the shortcode did not stay text' );
			$this->assertStringContainsString( '[amazon_product asin=', $html );
			$this->assertStringNotContainsString( 'acapi', $html );
			$this->assertSame( array(), $this->source->calls, 'a comment made the plugin fetch products' );
			$this->assertStringContainsString( '[amazon', (string) apply_filters( 'comment_excerpt', get_comment_excerpt( $comment ), $comment, $object ) );
		}

		// Control: the same shortcode outside comment text runs.
		$this->assertStringContainsString( 'acapi-box', do_shortcode( '[amazon asin="B0C7KX2Q4M"]' ) );
		$this->assertNotSame( array(), $this->source->calls );
	}

	/**
	 * Parses the HTML (fails on parse errors) and checks it has no active content.
	 *
	 * @param string $html    HTML fragment.
	 * @param string $context What rendered it.
	 */
	private function assert_safe( string $html, string $context ): void {
		$xpath = $this->dom( $html, $context );
		$this->assertSame( 0, $this->count_nodes( $xpath, '//body//script | //body//iframe | //body//object | //body//embed | //body//svg | //body//math | //body//base | //body//form | //body//style | //body//link | //body//meta' ), "{$context}: injected element in\n{$html}" );
		$elements = $xpath->query( '//body//*' );
		$this->assertNotFalse( $elements );
		foreach ( $elements as $element ) {
			if ( ! $element instanceof \DOMElement ) {
				continue;
			}
			foreach ( $element->attributes ?? array() as $attribute ) {
				$name = strtolower( $attribute->name );
				// phpcs:ignore WordPress.NamingConventions.ValidVariableName.UsedPropertyNotSnakeCase -- DOM API.
				$value = (string) $attribute->value;
				$this->assertStringStartsNotWith( 'on', $name, "{$context}: event handler attribute in\n{$html}" );
				$this->assertNotSame( 'style', $name, "{$context}: style attribute in\n{$html}" );
				if ( in_array( $name, array( 'href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'poster', 'data' ), true ) ) {
					foreach ( 'srcset' === $name ? explode( ',', $value ) : array( $value ) as $url ) {
						$url = strtolower( (string) preg_replace( '/[\x00-\x20]+/', '', $url ) );
						$this->assertDoesNotMatchRegularExpression( '/^(javascript|vbscript|data):/', $url, "{$context}: script URL in {$name} in\n{$html}" );
					}
				}
			}
		}
	}

	/**
	 * The payload survives as visible text (decoded once, as the browser would show it).
	 *
	 * @param string $html    HTML.
	 * @param string $payload Payload.
	 * @param string $context What rendered it.
	 */
	private function assert_text_intact( string $html, string $payload, string $context ): void {
		$text = $this->dom( $html, $context )->evaluate( 'string(//body)' );
		$this->assertIsString( $text );
		$options = array( $payload, html_entity_decode( $payload, ENT_QUOTES | ENT_HTML5, 'UTF-8' ) );
		$found   = false;
		foreach ( $options as $option ) {
			$found = $found || str_contains( $text, $option );
		}
		$this->assertTrue( $found, "{$context}: the payload is not shown as text in\n{$html}" );
	}

	/**
	 * Every image's alt text is the payload title, unbroken.
	 *
	 * @param string $html    HTML.
	 * @param string $payload Payload.
	 * @param string $context What rendered it.
	 */
	private function assert_alt_intact( string $html, string $payload, string $context ): void {
		$images = $this->dom( $html, $context )->query( '//img' );
		$this->assertNotFalse( $images );
		foreach ( $images as $image ) {
			$this->assertInstanceOf( \DOMElement::class, $image );
			$alt = $image->getAttribute( 'alt' );
			$this->assertContains( $alt, array( $payload, html_entity_decode( $payload, ENT_QUOTES | ENT_HTML5, 'UTF-8' ) ), "{$context}: alt text broken in\n{$html}" );
		}
	}

	/**
	 * Parses an HTML fragment; fails on any parse error except HTML5 elements libxml does not know.
	 *
	 * @param string $html    HTML fragment.
	 * @param string $context What rendered it.
	 */
	private function dom( string $html, string $context ): \DOMXPath {
		$previous = libxml_use_internal_errors( true );
		libxml_clear_errors();
		$doc = new \DOMDocument();
		$doc->loadHTML( '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>' . $html . '</body></html>' );
		$errors = array();
		foreach ( libxml_get_errors() as $error ) {
			if ( ! preg_match( '/Tag (details|summary|article|del|figure|figcaption|section|time|mark) invalid/', $error->message ) ) {
				$errors[] = trim( $error->message ) . ' (line ' . $error->line . ')';
			}
		}
		libxml_clear_errors();
		libxml_use_internal_errors( $previous );
		$this->assertSame( array(), $errors, "{$context}: invalid HTML:\n{$html}" );
		return new \DOMXPath( $doc );
	}

	/**
	 * Number of nodes an XPath query finds.
	 *
	 * @param \DOMXPath $xpath XPath.
	 * @param string    $query Query.
	 */
	private function count_nodes( \DOMXPath $xpath, string $query ): int {
		$nodes = $xpath->query( $query );
		$this->assertNotFalse( $nodes );
		return $nodes->length;
	}
}
