<?php
/**
 * Unit tests of the translation template (languages/*.pot) and the German fixture.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Unit\Core;

use PHPUnit\Framework\TestCase;

/**
 * The .pot holds the header's and block.json's strings, and names the built scripts, so that
 * JSON translations made from a .po match what WordPress looks for.
 */
final class Translations_Test extends TestCase {

	/**
	 * The plugin's root folder.
	 */
	private const ROOT = __DIR__ . '/../../../..';

	/**
	 * Entries of a .po/.pot file: context, msgid, references and extracted comments.
	 *
	 * @param string $file File.
	 * @return array<string, array{context: string, msgid: string, references: list<string>, comments: list<string>, msgstr: string}> By context + "\x04" + msgid.
	 */
	private static function entries( string $file ): array {
		$entries = array();
		foreach ( (array) preg_split( '/\n\s*\n/', (string) file_get_contents( $file ) ) as $block ) {
			$entry = array(
				'context'    => '',
				'msgid'      => '',
				'references' => array(),
				'comments'   => array(),
				'msgstr'     => '',
			);
			$last  = '';
			foreach ( explode( "\n", $block ) as $line ) {
				if ( str_starts_with( $line, '#: ' ) ) {
					$entry['references'] = array_merge( $entry['references'], (array) preg_split( '/\s+/', trim( substr( $line, 3 ) ) ) );
				} elseif ( str_starts_with( $line, '#. ' ) ) {
					$entry['comments'][] = substr( $line, 3 );
				} elseif ( 1 === preg_match( '/^(msgctxt|msgid|msgstr) (".*")$/', $line, $m ) ) {
					$last           = 'msgctxt' === $m[1] ? 'context' : $m[1];
					$entry[ $last ] = (string) json_decode( $m[2] );
				} elseif ( '' !== $last && 1 === preg_match( '/^(".*")$/', $line, $m ) ) {
					$entry[ $last ] .= (string) json_decode( $m[1] );
				}
			}
			if ( '' !== $entry['msgid'] ) {
				$entries[ $entry['context'] . "\x04" . $entry['msgid'] ] = $entry;
			}
		}
		return $entries;
	}

	/**
	 * The template's entries.
	 *
	 * @return array<string, array{context: string, msgid: string, references: list<string>, comments: list<string>, msgstr: string}>
	 */
	private static function pot(): array {
		return self::entries( self::ROOT . '/languages/creators-connect-for-amazon.pot' );
	}

	/**
	 * The plugin header's Name and Description, with the comments WordPress's tools write.
	 */
	public function test_plugin_header_strings(): void {
		$source = (string) file_get_contents( self::ROOT . '/plugin.php' );
		$pot    = self::pot();
		foreach ( array( 'Plugin Name', 'Description' ) as $field ) {
			$this->assertSame( 1, preg_match( '/^\s*\*\s*' . $field . ':\s*(.+)$/m', $source, $m ) );
			$key = "\x04" . trim( $m[1] );
			$this->assertArrayHasKey( $key, $pot, "the .pot lacks the header's $field" );
			$this->assertContains( "$field of the plugin", $pot[ $key ]['comments'] );
		}
	}

	/**
	 * Every block.json's title, description and keywords, in WordPress's contexts.
	 */
	public function test_block_json_strings(): void {
		$pot    = self::pot();
		$blocks = (array) glob( self::ROOT . '/blocks/*/block.json' );
		$this->assertNotEmpty( $blocks );
		foreach ( $blocks as $file ) {
			$block = json_decode( (string) file_get_contents( $file ), true );
			$this->assertIsArray( $block );
			$strings = array(
				'block title'       => array( $block['title'] ),
				'block description' => array( $block['description'] ),
				'block keyword'     => $block['keywords'] ?? array(),
			);
			foreach ( $strings as $context => $texts ) {
				foreach ( $texts as $text ) {
					$this->assertArrayHasKey( $context . "\x04" . $text, $pot, "the .pot lacks $context \"$text\"" );
				}
			}
		}
		// The variation titles are the script's own strings.
		$this->assertArrayHasKey( "\x04Amazon Product Box", $pot );
	}

	/**
	 * Script strings name the built scripts WordPress loads, never the TypeScript sources.
	 */
	public function test_script_references_are_the_built_scripts(): void {
		$scripts = array( 'build/admin/settings.js' );
		foreach ( (array) glob( self::ROOT . '/blocks/*/block.json' ) as $file ) {
			$block = json_decode( (string) file_get_contents( $file ), true );
			$this->assertSame( 'file:./index.js', $block['editorScript'] ?? null );
			$scripts[] = 'build/blocks/' . basename( dirname( $file ) ) . '/index.js';
		}
		$used = array();
		foreach ( self::pot() as $entry ) {
			foreach ( $entry['references'] as $reference ) {
				$this->assertDoesNotMatchRegularExpression( '/\.tsx?(:\d+)?$/', $reference, 'a reference to a TypeScript source' );
				if ( str_ends_with( $reference, '.js' ) ) {
					$this->assertContains( $reference, $scripts );
					$used[ $reference ] = true;
				}
			}
		}
		$this->assertArrayHasKey( 'build/admin/settings.js', $used );
		$this->assertArrayHasKey( 'build/blocks/product/index.js', $used );
	}

	/**
	 * The German fixture translates strings the .pot has, with the same references (so its JSON
	 * files get the names WordPress looks for), in PHP, the settings app and the block editor.
	 */
	public function test_german_fixture_matches_the_template(): void {
		$pot     = self::pot();
		$fixture = self::entries( self::ROOT . '/tests/fixtures/languages/creators-connect-for-amazon-de_DE.po' );
		$this->assertGreaterThanOrEqual( 5, count( $fixture ) );
		$kinds = array();
		foreach ( $fixture as $key => $entry ) {
			$this->assertArrayHasKey( $key, $pot, 'not in the .pot: ' . $entry['msgid'] );
			$this->assertSame( $pot[ $key ]['references'], $entry['references'], $entry['msgid'] );
			$this->assertNotSame( '', $entry['msgstr'] );
			foreach ( $entry['references'] as $reference ) {
				$kinds[ str_ends_with( $reference, '.js' ) ? $reference : 'php' ] = true;
			}
		}
		$this->assertEqualsCanonicalizing( array( 'build/admin/settings.js', 'build/blocks/product/index.js', 'php' ), array_keys( $kinds ) );
	}
}
