<?php
/**
 * A Product_Source whose products carry one hostile payload in every string field.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests;

use Creators_Connect\Model\Get_Items_Result;
use Creators_Connect\Model\Search_Result;
use Creators_Connect\Model\Product;
use Creators_Connect\Catalog\Product_Source;

/**
 * Every requested ASIN comes back as a fresh product whose title, URL, image URLs, money
 * display strings, availability, features, brand, by-line, merchant, condition, deal badge,
 * browse nodes, list-price label and variation attributes all hold the payload (URLs either
 * the payload itself or an Amazon URL with the payload in its query).
 */
final class Payload_Product_Source implements Product_Source {

	/**
	 * Builds the source.
	 *
	 * @param string $payload  The hostile string.
	 * @param bool   $bare_url Whether URLs are the payload itself (else an Amazon URL carrying it).
	 */
	public function __construct( public string $payload, public bool $bare_url = false ) {
	}

	/**
	 * The product for an ASIN.
	 *
	 * @param string $country Country.
	 * @param string $asin    ASIN.
	 */
	public function product( string $country, string $asin ): Product {
		$p     = $this->payload;
		$url   = $this->bare_url ? $p : 'https://www.amazon.com/dp/' . $asin . '?tag=acapidemous-20&x=' . $p;
		$image = $this->bare_url ? $p : 'https://m.media-amazon.com/images/I/' . $p . '.jpg';
		$money = array(
			'amount'   => 19.99,
			'currency' => 'USD',
			'display'  => $p,
		);
		return new Product(
			asin: $asin,
			marketplace: '' === $country ? 'us' : $country,
			title: $p,
			detail_page_url: $url,
			images: array(
				'small'  => array(
					'url'    => $image,
					'width'  => 75,
					'height' => 75,
				),
				'medium' => array(
					'url'    => $image,
					'width'  => 160,
					'height' => 160,
				),
				'large'  => array(
					'url'    => $image,
					'width'  => 500,
					'height' => 500,
				),
			),
			price: $money,
			list_price: $money,
			savings: $money,
			savings_percent: 20,
			availability: array(
				'message' => $p,
				'type'    => $p,
			),
			condition: $p,
			merchant: $p,
			is_buy_box_winner: true,
			deal: array(
				'badge'           => $p,
				'access_type'     => $p,
				'type'            => $p,
				'start_time'      => $p,
				'end_time'        => $p,
				'percent_claimed' => 10,
			),
			features: array( $p, $p, $p, $p ),
			brand: $p,
			by_line: $p,
			rating: 4.5,
			review_count: 1234,
			browse_nodes: array(
				array(
					'id'         => $p,
					'name'       => $p,
					'sales_rank' => 1,
				),
			),
			fetched_at: time() - 60,
			source: 'creators',
			api_version: '3.1',
			parent_asin: null,
			list_price_label: $p,
			violates_map: false,
			variation_attributes: array( 'color_name' => $p )
		);
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string       $country Country.
	 * @param list<string> $asins   ASINs.
	 */
	public function get_products( string $country, array $asins ): Get_Items_Result {
		$products = array();
		foreach ( $asins as $asin ) {
			$products[ $asin ] = $this->product( $country, $asin );
		}
		return new Get_Items_Result( $products, array(), 1 );
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string               $country  Country.
	 * @param string               $keywords Keywords.
	 * @param array<string, mixed> $params   Parameters.
	 */
	public function search( string $country, string $keywords, array $params = array() ): Search_Result {
		unset( $keywords, $params );
		return new Search_Result( array( $this->product( $country, 'B0PAYLOAD1' ), $this->product( $country, 'B0PAYLOAD2' ) ), 2, '' );
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string $country A marketplace country code, or '' for the default.
	 * @param string $tag     Partner tag.
	 */
	public function accepts_tag( string $country, string $tag ): bool {
		return '' === $tag;
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string $country Country.
	 * @param string $asin    ASIN.
	 */
	public function link_product( string $country, string $asin ): ?Product {
		unset( $country, $asin );
		return null;
	}
}
