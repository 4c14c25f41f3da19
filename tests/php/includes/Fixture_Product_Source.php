<?php
/**
 * A Product_Source for rendering tests: real Products from the fixture catalog.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests;

use Creators_Connect\Model\Amazon_Error;
use Creators_Connect\Amazon\Creators_Mapper;
use Creators_Connect\Model\Get_Items_Result;
use Creators_Connect\Model\Search_Result;
use Creators_Connect\Model\Product;
use Creators_Connect\Catalog\Product_Source;
use Creators_Connect\Marketplace\Marketplace_Registry;
use Creators_Connect\Reference\Asin;

/**
 * Maps tests/fixtures/catalog/<country>.json items through Creators_Mapper (with the detail page
 * URL the emulator would return), like the product service would hand them out. Per-ASIN errors,
 * stale ASINs (handed out as the service does: no price, availability or images) and a
 * not-configured state can be set. Records every call.
 */
final class Fixture_Product_Source implements Product_Source {

	/**
	 * Errors to return per ASIN.
	 *
	 * @var array<string, Amazon_Error>
	 */
	public array $errors = array();

	/**
	 * ASINs whose data is older than 24 hours.
	 *
	 * @var list<string>
	 */
	public array $stale = array();

	/**
	 * When set, every request fails with this error.
	 *
	 * @var Amazon_Error|null
	 */
	public ?Amazon_Error $fail_all = null;

	/**
	 * Marketplaces with a partner tag (the emulator's) for link_product(); none by default.
	 *
	 * @var list<string>
	 */
	public array $tagged = array();

	/**
	 * The calls: [ method, country, asins or keywords, params ].
	 *
	 * @var list<array{0: string, 1: string, 2: list<string>|string, 3: array<string, mixed>}>
	 */
	public array $calls = array();

	/**
	 * Tracking IDs accepts_tag() accepts.
	 *
	 * @var list<string>
	 */
	public array $tags = array();

	/**
	 * Fetch time of fresh products.
	 *
	 * @var int
	 */
	public int $fetched_at;

	/**
	 * Decoded catalogs by country.
	 *
	 * @var array<string, list<array<mixed>>>
	 */
	private array $catalogs = array();

	/**
	 * Builds the source.
	 *
	 * @param int|null $fetched_at Fetch time of fresh products (default: a minute ago).
	 */
	public function __construct( ?int $fetched_at = null ) {
		$this->fetched_at = $fetched_at ?? time() - 60;
	}

	/**
	 * One product straight from the catalog (for assertions).
	 *
	 * @param string $country Country.
	 * @param string $asin    ASIN.
	 */
	public function product( string $country, string $asin ): ?Product {
		$country = '' === $country ? 'us' : Marketplace_Registry::normalize_country( $country );
		foreach ( $this->catalog( $country ) as $item ) {
			if ( isset( $item['asin'] ) && $asin === $item['asin'] ) {
				return $this->map( $item, $country );
			}
		}
		return null;
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string       $country Country ('' = us).
	 * @param list<string> $asins   ASINs.
	 */
	public function get_products( string $country, array $asins ): Get_Items_Result {
		$this->calls[] = array( 'get_products', $country, $asins, array() );
		$products      = array();
		$errors        = array();
		foreach ( $asins as $asin ) {
			if ( null !== $this->fail_all ) {
				$errors[ $asin ] = $this->fail_all->for_asin( $asin );
				continue;
			}
			if ( isset( $this->errors[ $asin ] ) ) {
				$errors[ $asin ] = $this->errors[ $asin ]->for_asin( $asin );
				continue;
			}
			// A tracking ID's request (`de#tag`) reads the marketplace's catalog.
			$product = $this->product( explode( '#', $country )[0], $asin );
			if ( null === $product ) {
				$errors[ $asin ] = Amazon_Error::for_item( 'creators', 'InvalidParameterValue', 'The ItemId ' . $asin . ' is not accessible through the API.', $asin );
				continue;
			}
			$products[ $asin ] = $product;
		}
		return new Get_Items_Result( $products, $errors, 1 );
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string               $country  Country ('' = us).
	 * @param string               $keywords Keywords (any word matches the title).
	 * @param array<string, mixed> $params   item_count.
	 */
	public function search( string $country, string $keywords, array $params = array() ): Search_Result {
		$this->calls[] = array( 'search', $country, $keywords, $params );
		if ( null !== $this->fail_all ) {
			return new Search_Result( array(), 0, '', array(), array( $this->fail_all ) );
		}
		$country = '' === $country ? 'us' : Marketplace_Registry::normalize_country( $country );
		$count   = isset( $params['item_count'] ) && is_numeric( $params['item_count'] ) ? (int) $params['item_count'] : 10;
		$words   = array_filter( explode( ' ', strtolower( $keywords ) ) );
		$found   = array();
		foreach ( $this->catalog( $country ) as $item ) {
			$product = $this->map( $item, $country );
			if ( null === $product ) {
				continue;
			}
			foreach ( $words as $word ) {
				if ( str_contains( strtolower( $product->title ), $word ) ) {
					$found[] = $product;
					break;
				}
			}
		}
		return new Search_Result( array_slice( $found, 0, $count ), count( $found ), '' );
	}

	/**
	 * Maps one catalog item as the emulator and the service would.
	 *
	 * @param array<mixed> $item    Catalog item.
	 * @param string       $country Country.
	 */
	private function map( array $item, string $country ): ?Product {
		$market = Marketplace_Registry::get( $country );
		$asin   = (string) ( $item['asin'] ?? '' );
		$tag    = 'acapidemo' . $country . '-2' . ( 'NA' === $market?->region ? '0' : ( 'EU' === $market?->region ? '1' : '2' ) );

		$item['detailPageURL'] = 'https://' . ( $market->host ?? 'www.amazon.com' ) . '/dp/' . $asin . '?tag=' . rawurlencode( $tag ) . '&linkCode=ogi&th=1&psc=1';
		$product               = ( new Creators_Mapper() )->item( $item, $country, '2.2', $this->fetched_at );
		if ( null === $product || ! in_array( $product->asin, $this->stale, true ) ) {
			return $product;
		}
		// What the service hands out for data older than 24 hours.
		$data                 = $product->to_array();
		$data['fetched_at']   = time() - 2 * DAY_IN_SECONDS;
		$data['price']        = null;
		$data['list_price']   = null;
		$data['savings']      = null;
		$data['availability'] = null;
		$data['images']       = array();
		return Product::from_array( $data );
	}

	/**
	 * The decoded catalog items of a country.
	 *
	 * @param string $country Country.
	 * @return list<array<mixed>>
	 */
	private function catalog( string $country ): array {
		if ( ! isset( $this->catalogs[ $country ] ) ) {
			$file  = dirname( __DIR__, 2 ) . '/fixtures/catalog/' . $country . '.json';
			$data  = is_readable( $file ) ? json_decode( (string) file_get_contents( $file ), true ) : null;
			$items = array();
			foreach ( is_array( $data ) && isset( $data['items'] ) && is_array( $data['items'] ) ? $data['items'] : array() as $item ) {
				if ( is_array( $item ) ) {
					$items[] = $item;
				}
			}
			$this->catalogs[ $country ] = $items;
		}
		return $this->catalogs[ $country ];
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string $country A marketplace country code, or '' for the default.
	 * @param string $tag     Partner tag.
	 */
	public function accepts_tag( string $country, string $tag ): bool {
		return '' === $tag || in_array( $tag, $this->tags, true );
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string $country Country ('' = us).
	 * @param string $asin    ASIN.
	 */
	public function link_product( string $country, string $asin ): ?Product {
		$country = '' === $country ? 'us' : Marketplace_Registry::normalize_country( $country );
		if ( ! in_array( $country, $this->tagged, true ) || ! Asin::is_valid( $asin ) ) {
			return null;
		}
		$host = (string) Marketplace_Registry::get( $country )?->host;
		return new Product( asin: $asin, marketplace: $country, detail_page_url: 'https://' . $host . '/dp/' . $asin . '?tag=' . Emulator::partner_tag( $country ), source: 'link' );
	}
}
