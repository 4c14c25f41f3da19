<?php
/**
 * The search filters Amazon accepts, with their enums and ranges: the one place they are kept.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Amazon;

/**
 * SearchItems filters as the official SDKs define them (docs/amazon-offers-and-search.md). The REST
 * schema, the shortcode, the block, WP-CLI and the TypeScript export (tools/export-marketplaces.php)
 * all read them from here, so a value Amazon would answer with a 400 is refused where it enters,
 * with the allowed values named. Keys are the plugin's snake_case names; `FIELDS` maps them to
 * Amazon's lowerCamelCase (PA-API: PascalCase).
 */
final class Search_Options {

	/**
	 * Plugin name => Amazon name, for every SearchItems parameter the plugin sends.
	 */
	public const FIELDS = array(
		'keywords'           => 'keywords',
		'search_index'       => 'searchIndex',
		'item_count'         => 'itemCount',
		'item_page'          => 'itemPage',
		'sort_by'            => 'sortBy',
		'brand'              => 'brand',
		'title'              => 'title',
		'author'             => 'author',
		'actor'              => 'actor',
		'artist'             => 'artist',
		'browse_node_id'     => 'browseNodeId',
		'min_price'          => 'minPrice',
		'max_price'          => 'maxPrice',
		'min_reviews_rating' => 'minReviewsRating',
		'min_saving_percent' => 'minSavingPercent',
		'availability'       => 'availability',
		'delivery_flags'     => 'deliveryFlags',
		'condition'          => 'condition',
	);

	/**
	 * Filters with a fixed set of values (`delivery_flags` takes a list of them).
	 */
	public const ENUMS = array(
		'sort_by'        => array( 'AvgCustomerReviews', 'Featured', 'NewestArrivals', 'Price:HighToLow', 'Price:LowToHigh', 'Relevance' ),
		'availability'   => array( 'Available', 'IncludeOutOfStock' ),
		'delivery_flags' => array( 'AmazonGlobal', 'FreeShipping', 'FulfilledByAmazon', 'Prime' ),
		'condition'      => array( 'Any', 'New' ),
	);

	/**
	 * Integer filters: [minimum, maximum or null]. Prices are in the currency's smallest unit
	 * (cents: 1999 is 19.99); Amazon wants them positive.
	 */
	public const RANGES = array(
		'item_count'         => array( 1, 10 ),
		'item_page'          => array( 1, 10 ),
		'min_price'          => array( 1, null ),
		'max_price'          => array( 1, null ),
		'min_reviews_rating' => array( 1, 4 ),
		'min_saving_percent' => array( 1, 99 ),
	);

	/**
	 * Text filters: [pattern or '', maximum length].
	 */
	public const TEXTS = array(
		'search_index'   => array( '^[A-Za-z]+$', 50 ),
		'browse_node_id' => array( '^[1-9][0-9]{0,18}$', 19 ),
		'brand'          => array( '', 1000 ),
		'title'          => array( '', 1000 ),
		'author'         => array( '', 1000 ),
		'actor'          => array( '', 1000 ),
		'artist'         => array( '', 1000 ),
	);

	/**
	 * SearchItems body fields from snake_case (or camelCase) parameters; PascalCase for PA-API.
	 *
	 * @param array<string, mixed> $params Parameters.
	 * @param bool                 $pascal PascalCase keys (PA-API).
	 * @return array<string, mixed>
	 */
	public static function body( array $params, bool $pascal ): array {
		$ints = array();
		foreach ( array_keys( self::RANGES ) as $name ) {
			$ints[] = self::FIELDS[ $name ];
		}
		$body = array();
		foreach ( self::FIELDS as $snake => $camel ) {
			$value = $params[ $snake ] ?? $params[ $camel ] ?? null;
			if ( null === $value || '' === $value ) {
				continue;
			}
			if ( in_array( $camel, $ints, true ) ) {
				if ( ! is_numeric( $value ) ) {
					continue;
				}
				$value = (int) $value;
				if ( 'itemCount' === $camel || 'itemPage' === $camel ) {
					$value = max( 1, min( 10, $value ) );
				}
			} elseif ( 'deliveryFlags' === $camel ) {
				$value = array_values( array_filter( (array) $value, 'is_string' ) );
			} elseif ( is_scalar( $value ) ) {
				$value = (string) $value;
			} else {
				continue;
			}
			$body[ $pascal ? ucfirst( $camel ) : $camel ] = $value;
		}
		return $body;
	}

	/**
	 * Checks filters and returns them typed: integers as int, `delivery_flags` as a list (a comma
	 * string is split), empty values dropped. Unknown keys are ignored.
	 *
	 * @param array<string, mixed> $filters Raw filters (REST, shortcode, block, CLI).
	 * @return array{0: array<string, int|string|list<string>>, 1: list<string>} Filters and error messages.
	 */
	public static function validate( array $filters ): array {
		$clean  = array();
		$errors = array();
		foreach ( $filters as $name => $value ) {
			if ( ! is_string( $name ) || ! isset( self::FIELDS[ $name ] ) || 'keywords' === $name || null === $value || '' === $value || array() === $value ) {
				continue;
			}
			$error = null;
			if ( 'delivery_flags' === $name ) {
				$flags = is_array( $value ) ? $value : explode( ',', is_scalar( $value ) ? (string) $value : '' );
				$flags = array_values( array_filter( array_map( static fn( $flag ): string => is_scalar( $flag ) ? trim( (string) $flag ) : '', $flags ), static fn( string $flag ): bool => '' !== $flag ) );
				$wrong = array_diff( $flags, self::ENUMS[ $name ] );
				if ( array() !== $wrong ) {
					$error = self::enum_error( $name, (string) reset( $wrong ) );
				} else {
					$clean[ $name ] = array_values( array_unique( $flags ) );
				}
			} elseif ( isset( self::ENUMS[ $name ] ) ) {
				$text = is_scalar( $value ) ? trim( (string) $value ) : '';
				if ( in_array( $text, self::ENUMS[ $name ], true ) ) {
					$clean[ $name ] = $text;
				} else {
					$error = self::enum_error( $name, $text );
				}
			} elseif ( isset( self::RANGES[ $name ] ) ) {
				list( $min, $max ) = self::RANGES[ $name ];
				$text              = is_scalar( $value ) ? trim( (string) $value ) : '';
				if ( 1 === preg_match( '/^-?\d+$/', $text ) && (int) $text >= $min && ( null === $max || (int) $text <= $max ) ) {
					$clean[ $name ] = (int) $text;
				} else {
					$error = null === $max
						/* translators: 1: filter name, 2: the value given, 3: smallest allowed value. */
						? sprintf( __( '%1$s must be a whole number of at least %3$d (got “%2$s”).', 'creators-connect-for-amazon' ), $name, $text, $min )
						/* translators: 1: filter name, 2: the value given, 3: smallest allowed value, 4: largest allowed value. */
						: sprintf( __( '%1$s must be a whole number from %3$d to %4$d (got “%2$s”).', 'creators-connect-for-amazon' ), $name, $text, $min, $max );
				}
			} elseif ( isset( self::TEXTS[ $name ] ) ) {
				list( $pattern, $length ) = self::TEXTS[ $name ];
				$text                     = is_scalar( $value ) ? trim( (string) $value ) : '';
				if ( strlen( $text ) <= $length && ( '' === $pattern || 1 === preg_match( '/' . $pattern . '/', $text ) ) ) {
					$clean[ $name ] = $text;
				} else {
					/* translators: 1: filter name, 2: the value given. */
					$error = sprintf( __( '%1$s has an invalid value (“%2$s”).', 'creators-connect-for-amazon' ), $name, $text );
				}
			}
			if ( null !== $error ) {
				$errors[] = $error;
			}
		}
		if ( isset( $clean['min_price'], $clean['max_price'] ) && $clean['max_price'] < $clean['min_price'] ) {
			$errors[] = __( 'max_price must not be below min_price.', 'creators-connect-for-amazon' );
		}
		return array( $clean, $errors );
	}

	/**
	 * JSON Schema of each filter, for REST arguments (WordPress validates enums and ranges itself
	 * and names the allowed values when it refuses one).
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function rest_args(): array {
		$args = array();
		foreach ( self::ENUMS as $name => $values ) {
			$args[ $name ] = 'delivery_flags' === $name
				? array(
					'type'        => 'array',
					'items'       => array(
						'type' => 'string',
						'enum' => $values,
					),
					'uniqueItems' => true,
				)
				: array(
					'type' => 'string',
					'enum' => $values,
				);
		}
		foreach ( self::RANGES as $name => $range ) {
			$args[ $name ] = array_filter(
				array(
					'type'    => 'integer',
					'minimum' => $range[0],
					'maximum' => $range[1],
				),
				static fn( $value ): bool => null !== $value
			);
		}
		foreach ( self::TEXTS as $name => $text ) {
			$args[ $name ] = array_filter(
				array(
					'type'      => 'string',
					'pattern'   => $text[0],
					'maxLength' => $text[1],
				),
				static fn( $value ): bool => '' !== $value
			);
		}
		return $args;
	}

	/**
	 * Everything the TypeScript side needs (generated into src/shared/search-options.json).
	 *
	 * @return array{fields: array<string, string>, enums: array<string, list<string>>, ranges: array<string, array{min: int, max: int|null}>, texts: array<string, array{pattern: string, max_length: int}>}
	 */
	public static function export(): array {
		$ranges = array();
		foreach ( self::RANGES as $name => $range ) {
			$ranges[ $name ] = array(
				'min' => $range[0],
				'max' => $range[1],
			);
		}
		$texts = array();
		foreach ( self::TEXTS as $name => $text ) {
			$texts[ $name ] = array(
				'pattern'    => $text[0],
				'max_length' => $text[1],
			);
		}
		return array(
			'fields' => self::FIELDS,
			'enums'  => self::ENUMS,
			'ranges' => $ranges,
			'texts'  => $texts,
		);
	}

	/**
	 * "sort_by must be one of …" naming the allowed values.
	 *
	 * @param string $name  Filter.
	 * @param string $value Value given.
	 */
	private static function enum_error( string $name, string $value ): string {
		/* translators: 1: filter name, 2: the value given, 3: the allowed values. */
		return sprintf( __( '%1$s “%2$s” is not allowed. Use one of: %3$s.', 'creators-connect-for-amazon' ), $name, $value, implode( ', ', self::ENUMS[ $name ] ) );
	}
}
