<?php
/**
 * The SearchItems parameters both APIs take.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Amazon;

/**
 * Turns the plugin's search parameters (snake_case, as REST and WP-CLI take them) into SearchItems
 * body fields: lower camel case for the Creators API, PascalCase for PA-API, numbers as integers,
 * `itemCount` and `itemPage` within 1–10 (docs/amazon-protocol.md §C3.5).
 */
final class Search_Body {

	/**
	 * SearchItems body fields from snake_case (or camelCase) parameters; PascalCase for PA-API.
	 *
	 * @param array<string, mixed> $params Parameters.
	 * @param bool                 $pascal PascalCase keys (PA-API).
	 * @return array<string, mixed>
	 */
	public static function from( array $params, bool $pascal ): array {
		$fields = array(
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
		);
		$ints   = array( 'itemCount', 'itemPage', 'minPrice', 'maxPrice', 'minReviewsRating', 'minSavingPercent' );
		$body   = array();
		foreach ( $fields as $snake => $camel ) {
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
}
