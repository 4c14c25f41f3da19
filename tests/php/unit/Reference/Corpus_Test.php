<?php
/**
 * The shared corpus of product references, on the server's side.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Unit\Reference;

use Creators_Connect\Reference\Asin;
use Creators_Connect\Reference\Pasted_Input;
use Creators_Connect\Reference\Product_Reference;
use PHPUnit\Framework\TestCase;

/**
 * Asin, Pasted_Input and Product_Reference against tests/fixtures/product-references.json, which
 * jest holds the block editor's module to as well.
 */
final class Corpus_Test extends TestCase {

	/**
	 * The corpus.
	 *
	 * @return array<string, list<array<string, mixed>>>
	 */
	private static function corpus(): array {
		$corpus = json_decode( (string) file_get_contents( dirname( __DIR__, 3 ) . '/fixtures/product-references.json' ), true );
		self::assertIsArray( $corpus );
		return $corpus;
	}

	/**
	 * Cases of one section, named by their input.
	 *
	 * @param string $section Section.
	 * @return array<string, array{0: array<string, mixed>}>
	 */
	private static function cases( string $section ): array {
		$cases = array();
		foreach ( self::corpus()[ $section ] as $index => $case ) {
			$cases[ $index . ': ' . substr( (string) json_encode( $case, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ), 0, 80 ) ] = array( $case );
		}
		return $cases;
	}

	/**
	 * Cases of the ASIN rule.
	 *
	 * @return array<string, array{0: array<string, mixed>}>
	 */
	public static function asin_cases(): array {
		return self::cases( 'asins' );
	}

	/**
	 * Cases of editor input.
	 *
	 * @return array<string, array{0: array<string, mixed>}>
	 */
	public static function input_cases(): array {
		return self::cases( 'inputs' );
	}

	/**
	 * Cases of shortcodes.
	 *
	 * @return array<string, array{0: array<string, mixed>}>
	 */
	public static function shortcode_cases(): array {
		return self::cases( 'shortcodes' );
	}

	/**
	 * Cases of blocks.
	 *
	 * @return array<string, array{0: array<string, mixed>}>
	 */
	public static function block_cases(): array {
		return self::cases( 'blocks' );
	}

	/**
	 * One value against the ASIN rule.
	 *
	 * @dataProvider asin_cases
	 * @param array<string, mixed> $a_case Input and the ASIN it is (null: none).
	 */
	public function test_asin( array $a_case ): void {
		$asin = Asin::parse( $a_case['input'] );
		$this->assertSame( $a_case['asin'], null === $asin ? null : $asin->value );
		$this->assertSame( null !== $a_case['asin'], Asin::is_valid( (string) $a_case['input'] ) );
	}

	/**
	 * One editor input against its expected items.
	 *
	 * @dataProvider input_cases
	 * @param array<string, mixed> $a_case Input and items.
	 */
	public function test_input( array $a_case ): void {
		$this->assertSame( self::sorted( $a_case['items'] ), self::sorted( Pasted_Input::classify( $a_case['input'] ) ) );
	}

	/**
	 * One shortcode against its expected parse (null: not ours).
	 *
	 * @dataProvider shortcode_cases
	 * @param array<string, mixed> $a_case Tag, ownership, attributes, parse.
	 */
	public function test_shortcode( array $a_case ): void {
		$reference = Product_Reference::from_shortcode( $a_case['atts'], $a_case['tag'], $a_case['shared_tag_ours'] ?? true );
		if ( null === $a_case['parse'] ) {
			$this->assertNull( $reference );
			return;
		}
		$this->assertNotNull( $reference );
		$this->assert_parse( $a_case['parse'], $reference );
	}

	/**
	 * One block's attributes against their expected parse.
	 *
	 * @dataProvider block_cases
	 * @param array<string, mixed> $a_case Attributes and parse.
	 */
	public function test_block( array $a_case ): void {
		$this->assert_parse( $a_case['parse'], Product_Reference::from_block( $a_case['attributes'] ) );
	}

	/**
	 * The corpus holds issue 15's cases (so nobody trims them away).
	 */
	public function test_corpus_holds_the_issue_cases(): void {
		$inputs = array_column( self::corpus()['inputs'], 'items', 'input' );
		$this->assertSame( 'keywords', $inputs['headphones'][0]['kind'] );
		$this->assertSame( 'asin', $inputs['B0DKAFFEE1'][0]['kind'] );
		$this->assertSame( 'asin', $inputs['0306406152'][0]['kind'] );
		$this->assertSame( 'keywords', $inputs['0306406153'][0]['kind'] );
		$mixed = array_values( array_filter( $inputs, static fn( array $items ): bool => 5 === count( $items ) ) );
		$this->assertCount( 1, $mixed );
		$this->assertSame( array( 'asin', 'asin', 'url', 'asin', 'url' ), array_column( $mixed[0], 'kind' ) );
		$this->assertSame( array( 'de', 'us' ), array_column( $mixed[0], 'country' ) );
	}

	/**
	 * The list is cut at MAX_ASINS values (valid or not), in order.
	 */
	public function test_list_is_cut_at_the_limit(): void {
		$values    = array();
		$base      = 'B0' . str_repeat( 'A', 6 );
		$letters   = range( 'A', 'Z' );
		$reference = null;
		for ( $i = 0; $i < Product_Reference::MAX_ASINS + 5; $i++ ) {
			$values[] = $base . $letters[ intdiv( $i, 26 ) ] . $letters[ $i % 26 ];
		}
		$reference = Product_Reference::from_shortcode( array( 'asin' => implode( ' ', $values ) ) );
		$this->assertNotNull( $reference );
		$this->assertSame( array_slice( $values, 0, Product_Reference::MAX_ASINS ), $reference->asins );
	}

	/**
	 * A parse against the corpus's expectation: country, ASINs, invalid values, template and the
	 * options the corpus names.
	 *
	 * @param array<string, mixed> $expected  Expected parse.
	 * @param Product_Reference    $reference Actual parse.
	 */
	private function assert_parse( array $expected, Product_Reference $reference ): void {
		$actual = $reference->to_array();
		foreach ( array( 'country', 'asins', 'invalid', 'template' ) as $key ) {
			$this->assertSame( $expected[ $key ], $actual[ $key ], $key );
		}
		foreach ( array( 'field', 'search' ) as $option ) {
			$this->assertSame( $expected[ $option ] ?? '', $actual['options'][ $option ] ?? '', $option );
		}
	}

	/**
	 * Items with their keys in one order (the corpus is written for reading, not key order).
	 *
	 * @param array<mixed> $items Items.
	 * @return list<array<string, mixed>>
	 */
	private static function sorted( array $items ): array {
		$out = array();
		foreach ( $items as $item ) {
			$item = (array) $item;
			ksort( $item );
			$out[] = $item;
		}
		return $out;
	}
}
