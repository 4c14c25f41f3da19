<?php
/**
 * Unit tests of the requirements check's version handling.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Unit\Core;

use Creators_Connect\Requirements;
use PHPUnit\Framework\TestCase;

/**
 * Requirements::release_version().
 */
final class Requirements_Test extends TestCase {

	/**
	 * A pre-release of the required version counts as that version; older ones do not.
	 *
	 * @dataProvider versions
	 *
	 * @param string $version  A WordPress version string.
	 * @param string $release  Its release.
	 * @param bool   $passes   Whether it meets WordPress 6.6.
	 */
	public function test_release_version( string $version, string $release, bool $passes ): void {
		$this->assertSame( $release, Requirements::release_version( $version ) );
		$this->assertSame( $passes, version_compare( Requirements::release_version( $version ), '6.6', '>=' ) );
	}

	/**
	 * Versions as WordPress spells them.
	 *
	 * @return array<string, array{string, string, bool}>
	 */
	public static function versions(): array {
		return array(
			'release candidate of 6.6' => array( '6.6-RC3', '6.6', true ),
			'6.6 itself'               => array( '6.6', '6.6', true ),
			'a later alpha'            => array( '6.7-alpha-58716', '6.7', true ),
			'a point release'          => array( '6.6.2', '6.6.2', true ),
			'an older release'         => array( '6.5.5', '6.5.5', false ),
			'a beta of 6.5'            => array( '6.5-beta1', '6.5', false ),
		);
	}
}
