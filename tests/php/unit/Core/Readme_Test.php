<?php
/**
 * Unit tests of readme.txt, parsed the way the plugin directory reads it.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Unit\Core;

use PHPUnit\Framework\TestCase;

/**
 * The directory's readme format: `=== Name ===`, header fields up to the first blank line, a short
 * description, then `== Section ==` blocks. See docs/plugin-directory.md.
 */
final class Readme_Test extends TestCase {

	/**
	 * The plugin's root folder.
	 */
	private const ROOT = __DIR__ . '/../../../..';

	/**
	 * The parsed readme.
	 *
	 * @var array{name: string, fields: array<string, string>, short: string, sections: array<string, string>}
	 */
	private array $readme;

	/**
	 * Parses readme.txt.
	 */
	protected function setUp(): void {
		parent::setUp();
		$this->readme = self::parse( (string) file_get_contents( self::ROOT . '/readme.txt' ) );
	}

	/**
	 * Splits a readme into name, header fields, short description and sections.
	 *
	 * @param string $text The readme.
	 * @return array{name: string, fields: array<string, string>, short: string, sections: array<string, string>}
	 */
	private static function parse( string $text ): array {
		$lines  = preg_split( '/\r\n|\n/', $text );
		$lines  = false === $lines ? array() : $lines;
		$total  = count( $lines );
		$name   = '';
		$fields = array();
		$short  = '';
		$i      = 0;
		if ( isset( $lines[0] ) && 1 === preg_match( '/^===\s*(.+?)\s*===$/', $lines[0], $m ) ) {
			$name = $m[1];
			$i    = 1;
		}
		for ( ; $i < $total; $i++ ) {
			if ( '' === trim( $lines[ $i ] ) ) {
				break;
			}
			if ( 1 === preg_match( '/^([A-Za-z ]+):\s*(.*)$/', $lines[ $i ], $m ) ) {
				$fields[ $m[1] ] = trim( $m[2] );
			}
		}
		for ( ; $i < $total; $i++ ) {
			if ( str_starts_with( $lines[ $i ], '==' ) ) {
				break;
			}
			$short .= trim( $lines[ $i ] ) . ' ';
		}
		$sections = array();
		$current  = '';
		for ( ; $i < $total; $i++ ) {
			if ( 1 === preg_match( '/^==\s*(.+?)\s*==$/', $lines[ $i ], $m ) ) {
				$current              = $m[1];
				$sections[ $current ] = '';
				continue;
			}
			if ( '' !== $current ) {
				$sections[ $current ] .= $lines[ $i ] . "\n";
			}
		}
		return array(
			'name'     => $name,
			'fields'   => $fields,
			'short'    => trim( $short ),
			'sections' => $sections,
		);
	}

	/**
	 * The plugin header's fields (plugin.php), as get_file_data() would read them.
	 *
	 * @return array<string, string>
	 */
	private static function plugin_header(): array {
		$source = (string) file_get_contents( self::ROOT . '/plugin.php' );
		$fields = array();
		foreach ( array( 'Plugin Name', 'Version', 'Requires at least', 'Requires PHP', 'License', 'Description' ) as $field ) {
			if ( 1 === preg_match( '/^\s*\*\s*' . preg_quote( $field, '/' ) . ':\s*(.+)$/m', $source, $m ) ) {
				$fields[ $field ] = trim( $m[1] );
			}
		}
		return $fields;
	}

	/**
	 * Every header field the directory asks for is there and filled.
	 */
	public function test_header_fields(): void {
		$this->assertSame( 'Creators Connect for Amazon', $this->readme['name'] );
		foreach ( array( 'Contributors', 'Tags', 'Requires at least', 'Tested up to', 'Requires PHP', 'Stable tag', 'License', 'License URI' ) as $field ) {
			$this->assertNotEmpty( $this->readme['fields'][ $field ] ?? '', "readme.txt lacks the \"$field\" field" );
		}
		$tags = array_map( 'trim', explode( ',', $this->readme['fields']['Tags'] ) );
		$this->assertLessThanOrEqual( 5, count( $tags ), 'the directory shows at most five tags' );
		$this->assertStringNotContainsString( 'amazon', strtolower( explode( ' ', $this->readme['name'] )[0] ), 'the name may not start with a trademark' );
		$this->assertNotSame( '', $this->readme['short'] );
		$this->assertLessThanOrEqual( 150, strlen( $this->readme['short'] ), 'the short description is cut at 150 characters' );
	}

	/**
	 * Stable tag, the plugin's version and its requirements agree everywhere.
	 */
	public function test_versions_match_the_plugin(): void {
		$header  = self::plugin_header();
		$package = json_decode( (string) file_get_contents( self::ROOT . '/package.json' ), true );
		$this->assertIsArray( $package );
		$this->assertSame( $header['Version'], $this->readme['fields']['Stable tag'] );
		$this->assertSame( $package['version'], $this->readme['fields']['Stable tag'] );
		$this->assertMatchesRegularExpression( "/define\\( 'ACAPI_VERSION', '" . preg_quote( $this->readme['fields']['Stable tag'], '/' ) . "' \\)/", (string) file_get_contents( self::ROOT . '/plugin.php' ) );
		$this->assertSame( $header['Requires at least'], $this->readme['fields']['Requires at least'] );
		$this->assertSame( $header['Requires PHP'], $this->readme['fields']['Requires PHP'] );
		$this->assertSame( $header['License'], $this->readme['fields']['License'] );
		$this->assertSame( $header['Plugin Name'], $this->readme['name'] );
		$this->assertTrue( version_compare( $this->readme['fields']['Tested up to'], $this->readme['fields']['Requires at least'], '>=' ) );
	}

	/**
	 * The sections, the FAQ's questions and a changelog entry for the stable version.
	 */
	public function test_sections(): void {
		foreach ( array( 'Description', 'Installation', 'Frequently Asked Questions', 'Screenshots', 'Changelog', 'Upgrade Notice' ) as $section ) {
			$this->assertNotSame( '', trim( $this->readme['sections'][ $section ] ?? '' ), "readme.txt lacks the \"$section\" section" );
		}
		$faq = $this->readme['sections']['Frequently Asked Questions'];
		foreach ( array( 'eligible', 'Cognito', 'Login with Amazon', 'retired', '24-hour', 'page cache' ) as $topic ) {
			$this->assertStringContainsString( $topic, $faq, "the FAQ does not cover \"$topic\"" );
		}
		$stable = preg_quote( $this->readme['fields']['Stable tag'], '/' );
		$this->assertMatchesRegularExpression( "/^= $stable =$/m", $this->readme['sections']['Changelog'] );
		$this->assertMatchesRegularExpression( "/^= $stable =$/m", $this->readme['sections']['Upgrade Notice'] );
		$this->assertMatchesRegularExpression( '/^1\. \S/m', $this->readme['sections']['Screenshots'] );
	}

	/**
	 * One caption per picture of the Playwright suite that tools/directory-screenshots.sh copies to
	 * screenshot-N.png, in the same order.
	 */
	public function test_screenshots_come_from_the_e2e_suite(): void {
		$names = json_decode( (string) file_get_contents( self::ROOT . '/tests/e2e/directory-screenshots.json' ), true );
		$this->assertIsArray( $names );
		preg_match_all( '/^(\d+)\. \S/m', $this->readme['sections']['Screenshots'], $m );
		$this->assertSame( range( 1, count( $names ) ), array_map( 'intval', $m[1] ), 'one caption per screenshot, numbered in order' );
	}

	/**
	 * The external services: every host the plugin talks to, what is sent and when, and Amazon's
	 * terms and privacy notice.
	 */
	public function test_external_services(): void {
		$description = $this->readme['sections']['Description'];
		$this->assertMatchesRegularExpression( '/^= External services =$/m', $description );
		$services = substr( $description, (int) strpos( $description, '= External services =' ) );
		$hosts    = array(
			'https://creatorsapi.amazon',
			'creatorsapi.auth.us-east-1.amazoncognito.com',
			'creatorsapi.auth.eu-south-2.amazoncognito.com',
			'creatorsapi.auth.us-west-2.amazoncognito.com',
			'https://api.amazon.com',
			'https://api.amazon.co.uk',
			'https://api.amazon.co.jp',
			'webservices.amazon.',
			'm.media-amazon.com',
		);
		foreach ( $hosts as $host ) {
			$this->assertStringContainsString( $host, $services, "External services does not name $host" );
		}
		$this->assertGreaterThanOrEqual( 3, substr_count( $services, 'What is sent' ) );
		$this->assertGreaterThanOrEqual( 3, substr_count( $services, 'When:' ) );
		$this->assertStringContainsString( 'https://affiliate-program.amazon.com/help/operating/agreement', $services );
		$this->assertMatchesRegularExpression( '/Privacy Notice: https:\/\/www\.amazon\.com\//', $services );
	}

	/**
	 * Every host the Amazon layer and the marketplace registry name in code appears in the readme's external services.
	 */
	public function test_every_host_in_the_code_is_disclosed(): void {
		$services = $this->readme['sections']['Description'];
		$found    = array();
		foreach ( array_merge( (array) glob( self::ROOT . '/includes/Amazon/*.php' ), (array) glob( self::ROOT . '/includes/Marketplace/*.php' ) ) as $file ) {
			// String literals only: comments name example pages.
			preg_match_all( "#'https://([a-z0-9.-]+)#", (string) file_get_contents( (string) $file ), $m );
			$found = array_merge( $found, $m[1] );
		}
		// The image hosts the plugin accepts (Marketplace\Image_Hosts): visitors' browsers load them.
		preg_match_all( "#'([a-z0-9.-]+amazon\\.com)'#", (string) file_get_contents( self::ROOT . '/includes/Marketplace/Image_Hosts.php' ), $m );
		$this->assertContains( 'm.media-amazon.com', $m[1] );
		$found = array_merge( $found, $m[1] );
		$this->assertNotEmpty( $found );
		foreach ( array_unique( $found ) as $host ) {
			$this->assertStringContainsString( $host, $services, "the code calls $host, which readme.txt does not name" );
		}
	}
}
