<?php
/**
 * GET /resolve: an Amazon product URL (or ASIN) → marketplace and ASIN.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Rest;

use Creators_Connect\Support\Shared_Store;
use Creators_Connect\Marketplace\Marketplace_Registry;
use Creators_Connect\Reference\Asin;
use Creators_Connect\Reference\Pasted_Input;

/**
 * `GET /creators-connect-for-amazon/v1/resolve?url=` → `{"country":"de","asin":"B0…","url":"https://www.amazon.de/dp/B0…"}`.
 * Every product URL form (/dp/, /gp/product/, /gp/aw/d/, /exec/obidos/ASIN/, /o/ASIN/,
 * /gp/offer-listing/, /product-reviews/, with or without slug, query, www or smile.) of all 22
 * marketplaces; a bare ASIN resolves to the default marketplace; Amazon's short links (amzn.to,
 * amzn.eu, amzn.asia, a.co) are followed one redirect (the answer cached for a day). What counts
 * as an ASIN, a link or a short link is Pasted_Input's (the block editor's) rule.
 */
final class Resolve_Controller extends Catalog_Controller_Base {

	/**
	 * Default marketplace for bare ASINs.
	 *
	 * @var callable(): string
	 */
	private $default_country;

	/**
	 * Builds the controller.
	 *
	 * @param callable(): string $default_country The default marketplace's code ('' when none).
	 * @param Shared_Store|null  $store           Rate-limit and short-link cache store.
	 */
	public function __construct( callable $default_country, ?Shared_Store $store = null ) {
		parent::__construct( 'resolve', $store );
		$this->default_country = $default_country;
	}

	/**
	 * Query arguments.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public function get_collection_params(): array {
		return array(
			'url' => array(
				'description' => __( 'An Amazon product URL (any form) or an ASIN.', 'creators-connect-for-amazon' ),
				'type'        => 'string',
				'required'    => true,
				'minLength'   => 10,
				'maxLength'   => 2048,
			),
		);
	}

	/**
	 * The resolution.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function get_items( $request ) {
		$resolved = $this->resolve( (string) $request->get_param( 'url' ) );
		if ( null === $resolved ) {
			return new \WP_Error( 'acapi_unresolvable_url', __( 'This is not an Amazon product link or ASIN. Paste the link of a product page (it contains /dp/ followed by the ASIN).', 'creators-connect-for-amazon' ), array( 'status' => 400 ) );
		}
		return rest_ensure_response( $resolved );
	}

	/**
	 * Marketplace and ASIN of a URL or ASIN, or null.
	 *
	 * @param string $input URL or ASIN.
	 * @return array{country: string, asin: string, url: string}|null
	 */
	public function resolve( string $input ): ?array {
		$items = Pasted_Input::classify( $input );
		$item  = 1 === count( $items ) ? $items[0] : null;
		if ( null !== $item && 'asin' === $item['kind'] && isset( $item['asin'] ) ) {
			return self::result( ( $this->default_country )(), $item['asin'] );
		}
		if ( null !== $item && 'url' === $item['kind'] && isset( $item['asin'], $item['country'] ) ) {
			return self::result( $item['country'], $item['asin'] );
		}
		if ( null === $item || 'short-link' !== $item['kind'] ) {
			return null;
		}
		$url   = 1 === preg_match( '#^https?://#i', $item['text'] ) ? $item['text'] : 'https://' . $item['text'];
		$parts = wp_parse_url( $url );
		if ( ! is_array( $parts ) || ! isset( $parts['host'], $parts['path'] ) || strlen( (string) $parts['path'] ) <= 1 ) {
			return null;
		}
		$target = $this->follow_short_link( 'https://' . strtolower( (string) $parts['host'] ) . $parts['path'] );
		return null !== $target && ! Pasted_Input::is_short_host( (string) wp_parse_url( $target, PHP_URL_HOST ) ) ? $this->resolve( $target ) : null;
	}

	/**
	 * The response schema.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		if ( null === $this->schema ) {
			$this->schema = array(
				'$schema'    => 'http://json-schema.org/draft-04/schema#',
				'title'      => 'acapi-resolve',
				'type'       => 'object',
				'properties' => array(
					'country' => array(
						'description' => __( 'Marketplace country code ("" for a bare ASIN when no default is set).', 'creators-connect-for-amazon' ),
						'type'        => 'string',
						'context'     => array( 'view' ),
					),
					'asin'    => array(
						'type'    => 'string',
						'pattern' => Asin::PATTERN,
						'context' => array( 'view' ),
					),
					'url'     => array(
						'description' => __( 'The canonical product page URL (no tracking tag).', 'creators-connect-for-amazon' ),
						'type'        => 'string',
						'context'     => array( 'view' ),
					),
				),
			);
		}
		return $this->add_additional_fields_schema( $this->schema );
	}

	/**
	 * Where a short link redirects to (one hop, cached for a day), or null.
	 *
	 * @param string $url Short link.
	 */
	private function follow_short_link( string $url ): ?string {
		$key    = 'short_' . substr( md5( $url ), 0, 24 );
		$cached = $this->store->get( $key );
		if ( is_string( $cached ) ) {
			return '' === $cached ? null : $cached;
		}
		$response = wp_safe_remote_head(
			$url,
			array(
				'redirection' => 0,
				'timeout'     => 3,
			)
		);
		$location = is_wp_error( $response ) ? '' : wp_remote_retrieve_header( $response, 'location' );
		$location = is_array( $location ) ? (string) reset( $location ) : $location;
		$this->store->set( $key, $location, is_wp_error( $response ) ? 300 : 86400 );
		return '' === $location ? null : $location;
	}

	/**
	 * A resolution.
	 *
	 * @param string $country Country code.
	 * @param string $asin    ASIN.
	 * @return array{country: string, asin: string, url: string}
	 */
	private static function result( string $country, string $asin ): array {
		$marketplace = Marketplace_Registry::get( $country );
		return array(
			'country' => null !== $marketplace ? $marketplace->country : '',
			'asin'    => $asin,
			'url'     => null !== $marketplace ? $marketplace->store_url() . '/dp/' . $asin : '',
		);
	}
}
