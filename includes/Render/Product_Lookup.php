<?php
/**
 * The products a render request asks for, and editors' notes on the ones it cannot have.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Render;

use Creators_Connect\Amazon\Search_Options;
use Creators_Connect\Catalog\Product_Source;
use Creators_Connect\Marketplace\Marketplace_Registry;
use Creators_Connect\Model\Amazon_Error;
use Creators_Connect\Model\Get_Items_Result;
use Creators_Connect\Model\Product;
use Creators_Connect\Reference\Asin;

/**
 * Gets a request's products from the Product_Source (a keyword search, or ASINs in a marketplace
 * under a tracking ID) and says in plain words why any is missing. Never calls Amazon itself and
 * never throws. An ASIN the source cannot serve becomes the ladder's third rung here: the plain
 * tagged link in the product's place, when the marketplace has a partner tag.
 *
 * @phpstan-import-type Args from Render_Arguments
 * @phpstan-type Found array{products: list<Product>, notices: list<string>, held_back: bool}
 */
final class Product_Lookup {

	/**
	 * Builds the lookup.
	 *
	 * @param Product_Source|null $source Where products come from (null: not set up yet).
	 */
	public function __construct( private readonly ?Product_Source $source ) {
	}

	/**
	 * Whether a product source is wired.
	 */
	public function has_source(): bool {
		return null !== $this->source;
	}

	/**
	 * The products to show, in order, cut at `items`; notes for editors (not yet de-duplicated);
	 * whether a spending limit or the fetch cap held products back (its note is then given once).
	 *
	 * @param Args $args Normalised arguments.
	 * @return Found
	 */
	public function find( array $args ): array {
		$country = $args['country'];
		if ( '' !== $country && null === Marketplace_Registry::get( $country ) ) {
			$notice = sprintf(
				/* translators: %s: what was given as the country. */
				__( '“%s” is not an Amazon marketplace. Use a country code such as us, uk, de or jp.', 'creators-connect-for-amazon' ),
				$country
			);
			return self::found( array(), array( $notice ) );
		}
		if ( null === $this->source ) {
			return self::found( array(), array( ( new Amazon_Error( Amazon_Error::NOT_CONFIGURED ) )->message() ) );
		}
		$country = '' === $country ? '' : Marketplace_Registry::normalize_country( $country );
		$found   = '' !== $args['search'] ? $this->search( $this->source, $country, $args ) : $this->by_asin( $this->source, $country, $args );
		if ( $args['items'] > 0 ) {
			$found['products'] = array_slice( $found['products'], 0, $args['items'] );
		}
		return $found;
	}

	/**
	 * A keyword search's products.
	 *
	 * @param Product_Source $source  Where products come from.
	 * @param string         $country Country code or ''.
	 * @param Args           $args    Normalised arguments.
	 * @return Found
	 */
	private function search( Product_Source $source, string $country, array $args ): array {
		list( $filters, $problems ) = Search_Options::validate( $args['filters'] );
		if ( array() !== $problems ) {
			return self::found( array(), array_values( $problems ) );
		}
		$params = $filters + array( 'item_count' => $args['items'] > 0 ? min( 10, $args['items'] ) : 10 );
		if ( '' !== $args['index'] ) {
			$params['search_index'] = $args['index'];
		}
		$result  = $source->search( $country, $args['search'], $params );
		$notices = array();
		foreach ( $result->errors as $error ) {
			$notices[] = $error->message();
		}
		if ( array() === $result->products && array() === $notices ) {
			/* translators: %s: search keywords. */
			$notices[] = sprintf( __( 'Amazon found no products for “%s”.', 'creators-connect-for-amazon' ), $args['search'] );
		}
		return self::found( $result->products, $notices );
	}

	/**
	 * The products of the ASINs asked for; a tagged link for each the source cannot serve.
	 *
	 * @param Product_Source $source  Where products come from.
	 * @param string         $country Country code or ''.
	 * @param Args           $args    Normalised arguments.
	 * @return Found
	 */
	private function by_asin( Product_Source $source, string $country, array $args ): array {
		list( $valid, $bad ) = Asin::partition( $args['asins'] );
		$notices             = array_map( static fn( Amazon_Error $error ): string => $error->message(), array_values( Get_Items_Result::malformed( $bad )->errors ) );
		if ( array() === $valid ) {
			if ( array() === $notices ) {
				$notices[] = __( 'No product chosen yet: add an ASIN or an Amazon product link.', 'creators-connect-for-amazon' );
			}
			return self::found( array(), $notices );
		}
		$key       = $this->catalog_key( $source, $country, $args['tag'], $notices );
		$result    = $source->get_products( $key, $valid );
		$held_back = false;
		if ( null !== $result->notice ) {
			// A spending limit or the fetch cap left some products as links for now.
			$notices[] = $result->notice->message();
			$held_back = true;
		}
		$products = array();
		foreach ( $valid as $asin ) {
			$product = $result->product( $asin );
			if ( null !== $product ) {
				$products[] = $product;
				continue;
			}
			$error = $result->why_missing( $asin );
			// The third rung: a plain link with the partner tag, in the product's place.
			$link      = $source->link_product( $key, $asin );
			$notices[] = $error->message() . ' ' . ( null !== $link
				? __( 'Visitors see a plain link to the product on Amazon, with your partner tag.', 'creators-connect-for-amazon' )
				: __( 'Visitors see nothing here: this marketplace has no partner tag to link with.', 'creators-connect-for-amazon' ) );
			if ( null !== $link ) {
				$products[] = $link;
			}
		}
		return self::found( $products, $notices, $held_back );
	}

	/**
	 * What to load a marketplace's products as: `country#tag` for a tracking ID it lists (Amazon's
	 * links then carry that tag); for any other tag the marketplace's own, and a note for editors.
	 *
	 * @param Product_Source $source  Where products come from.
	 * @param string         $country Country code or ''.
	 * @param string         $tag     Tracking ID asked for ('' = none).
	 * @param list<string>   $notices Editor notes (one is added for a tag that is not listed).
	 */
	private function catalog_key( Product_Source $source, string $country, string $tag, array &$notices ): string {
		if ( '' === $tag ) {
			return $country;
		}
		if ( $source->accepts_tag( $country, $tag ) ) {
			return $country . '#' . $tag;
		}
		$notices[] = sprintf(
			/* translators: %s: the tracking ID asked for. */
			__( 'The tracking ID “%s” is not listed for this marketplace under Settings → Amazon Creators API, so its own partner tag is used.', 'creators-connect-for-amazon' ),
			$tag
		);
		return $country;
	}

	/**
	 * A lookup's answer.
	 *
	 * @param list<Product> $products  Products, in order.
	 * @param list<string>  $notices   Editor notes.
	 * @param bool          $held_back Whether a spending limit or the fetch cap held products back.
	 * @return Found
	 */
	private static function found( array $products, array $notices, bool $held_back = false ): array {
		return array(
			'products'  => $products,
			'notices'   => $notices,
			'held_back' => $held_back,
		);
	}
}
