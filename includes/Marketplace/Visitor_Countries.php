<?php
/**
 * Which Amazon marketplace serves a visitor's country (geotargeting).
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Marketplace;

/**
 * The visitor-country → marketplace table: countries without an Amazon store of their own go to
 * the store that ships there and speaks their language. Kept beside the registry because it is
 * registry data; a site edits it on the settings screen (its rows override these, by country).
 * A country that has its own store (`de`, `ie`, `be`…) goes there first when that store is a
 * geotargeting target; the table is the second choice.
 */
final class Visitor_Countries {

	/**
	 * ISO 3166-1 alpha-2 country (lower case) → marketplace country code.
	 */
	public const DEFAULTS = array(
		// German-speaking neighbours.
		'at' => 'de',
		'ch' => 'de',
		'li' => 'de',
		'lu' => 'de',
		// The British Isles: Ireland has amazon.ie now, but most sites are registered with .co.uk.
		'ie' => 'uk',
		'im' => 'uk',
		'je' => 'uk',
		'gg' => 'uk',
		// Belgium has amazon.com.be; without it, French (the table may say nl).
		'be' => 'fr',
		'mc' => 'fr',
		'pt' => 'es',
		'ad' => 'es',
		'sm' => 'it',
		'va' => 'it',
		'nz' => 'au',
		// Latin America without a store of its own.
		'ar' => 'us',
		'bo' => 'us',
		'cl' => 'us',
		'co' => 'us',
		'cr' => 'us',
		'do' => 'us',
		'ec' => 'us',
		'gt' => 'us',
		'hn' => 'us',
		'ni' => 'us',
		'pa' => 'us',
		'pe' => 'us',
		'pr' => 'us',
		'py' => 'us',
		'sv' => 'us',
		'uy' => 'us',
		've' => 'us',
	);

	/**
	 * The table with a site's rows on top of the defaults (a row with '' removes a default).
	 *
	 * @param array<string, string> $overrides Country → marketplace code, or '' to drop.
	 * @return array<string, string>
	 */
	public static function table( array $overrides = array() ): array {
		$table = self::DEFAULTS;
		foreach ( $overrides as $country => $marketplace ) {
			$country = strtolower( (string) $country );
			if ( '' === $marketplace ) {
				unset( $table[ $country ] );
			} elseif ( null !== Marketplace_Registry::get( $marketplace ) && 1 === preg_match( '/^[a-z]{2}$/', $country ) ) {
				$table[ $country ] = Marketplace_Registry::normalize_country( $marketplace );
			}
		}
		ksort( $table );
		return $table;
	}

	/**
	 * The marketplace for a visitor's country among the targets, or null (the box's own link stays).
	 *
	 * @param string                $country ISO 3166-1 alpha-2 code, any case (`AT`, `gb`).
	 * @param array<string, string> $table   table().
	 * @param list<string>          $targets Marketplace codes a visitor may be sent to.
	 */
	public static function marketplace_for( string $country, array $table, array $targets ): ?string {
		$country = strtolower( trim( $country ) );
		if ( 1 !== preg_match( '/^[a-z]{2}$/', $country ) ) {
			return null;
		}
		$own = Marketplace_Registry::normalize_country( $country );
		if ( in_array( $own, $targets, true ) ) {
			return $own;
		}
		$mapped = $table[ $country ] ?? null;
		return null !== $mapped && in_array( $mapped, $targets, true ) ? $mapped : null;
	}
}
