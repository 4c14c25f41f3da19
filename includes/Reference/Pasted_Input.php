<?php
/**
 * What an editor typed or pasted: ASINs, Amazon links, short links, or words to search for.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Reference;

use Creators_Connect\Marketplace\Marketplace_Registry;

/**
 * Classifies the text of a product field. The text is split like a shortcode's ASIN list; when
 * every part is an ASIN or a link, each is an item of its own (a paste of several), otherwise
 * the whole text is one keyword search ("headphones", "B0DKAFFEE1 case"). A link names its
 * marketplace by its host (`amazon.de` is Germany) and its product by its path; short links
 * (`amzn.to`, `a.co`, …) name neither until Amazon is asked. The block editor classifies the
 * same way (src/shared/product-reference.ts); the shared corpus holds both to it.
 *
 * @phpstan-type Item array{kind: 'asin'|'url'|'short-link'|'keywords', text: string, asin?: string, country?: string}
 */
final class Pasted_Input {

	/**
	 * Amazon's link shorteners.
	 */
	public const SHORT_HOSTS = array( 'amzn.to', 'amzn.eu', 'amzn.asia', 'a.co', 'amzn.com' );

	/**
	 * Path forms that carry the ASIN (the ASIN itself is then held to Asin's rule).
	 */
	private const PRODUCT_PATH = '#/(?:dp|gp/product|gp/aw/d|exec/obidos/asin|o/asin|gp/offer-listing|product-reviews)/([A-Z0-9]{10})(?:/|$)#i';

	/**
	 * A link with or without scheme: host (no user part), optional port, then path, query or fragment.
	 */
	private const LINK = '#^(https?://)?([^/?\#:@\s]+)(?::[0-9]+)?([/?\#].*)?$#i';

	/**
	 * The items of a text (none for empty text).
	 *
	 * @param string $text What was typed or pasted.
	 * @return list<Item>
	 */
	public static function classify( string $text ): array {
		$items = array();
		foreach ( Product_Reference::parts( $text ) as $part ) {
			$item = self::reference( $part );
			if ( null === $item ) {
				// White space runs read as one space; the words themselves stay as typed.
				$words = preg_replace( '/[' . Asin::SPACE . ']+/u', ' ', $text );
				return array(
					array(
						'kind' => 'keywords',
						'text' => trim( null === $words ? $text : $words ),
					),
				);
			}
			$items[] = $item;
		}
		return $items;
	}

	/**
	 * The marketplace of an Amazon store host (`www.amazon.co.uk`, `amazon.de`, `smile.amazon.com`).
	 *
	 * @param string $host Host.
	 */
	public static function country_of_host( string $host ): ?string {
		$host = rtrim( strtolower( $host ), '.' );
		$hit  = Marketplace_Registry::by_host( $host );
		if ( null !== $hit ) {
			return $hit->country;
		}
		// Sub-domains such as smile.amazon.com or m.amazon.de: the longest matching store domain.
		$best = null;
		foreach ( Marketplace_Registry::all() as $marketplace ) {
			$domain = (string) preg_replace( '/^www\./', '', $marketplace->host );
			if ( ( $host === $domain || str_ends_with( $host, '.' . $domain ) ) && ( null === $best || strlen( $domain ) > strlen( $best[1] ) ) ) {
				$best = array( $marketplace->country, $domain );
			}
		}
		return null === $best ? null : $best[0];
	}

	/**
	 * Whether a host is one of Amazon's link shorteners.
	 *
	 * @param string $host Host.
	 */
	public static function is_short_host( string $host ): bool {
		return in_array( (string) preg_replace( '/^www\./', '', rtrim( strtolower( $host ), '.' ) ), self::SHORT_HOSTS, true );
	}

	/**
	 * The item one part is, or null when it is neither an ASIN nor a link.
	 *
	 * @param string $part One part, as written.
	 * @return Item|null
	 */
	private static function reference( string $part ): ?array {
		$asin = Asin::parse( $part );
		if ( null !== $asin ) {
			return array(
				'kind' => 'asin',
				'text' => $part,
				'asin' => $asin->value,
			);
		}
		if ( 1 !== preg_match( self::LINK, $part, $link ) ) {
			return null;
		}
		$host    = strtolower( $link[2] );
		$country = self::country_of_host( $host );
		if ( self::is_short_host( $host ) ) {
			return array(
				'kind' => 'short-link',
				'text' => $part,
			);
		}
		if ( '' === $link[1] && null === $country ) {
			return null; // Without a scheme only an Amazon host makes a link ("node.js" is a word).
		}
		$item = array(
			'kind' => 'url',
			'text' => $part,
		);
		if ( null !== $country ) {
			$item['country'] = $country;
			$path            = (string) preg_replace( '/[?#].*$/', '', $link[3] ?? '' );
			if ( 1 === preg_match( self::PRODUCT_PATH, $path, $match ) && Asin::is_valid( $match[1] ) ) {
				$item['asin'] = strtoupper( $match[1] );
			}
		}
		return $item;
	}
}
