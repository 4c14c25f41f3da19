<?php
/**
 * Geotargeting: the visitor's store, without a request leaving the site and safe in page caches.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Geo;

use Creators_Connect\Cache\Cache_Headers;
use Creators_Connect\Catalog\Product_Source;
use Creators_Connect\Catalog\Router;
use Creators_Connect\Marketplace\Marketplace_Registry;
use Creators_Connect\Marketplace\Visitor_Countries;
use Creators_Connect\Settings\Geo_Settings;

/**
 * Off by default (docs/geotargeting.md). When on:
 * - the prefetcher loads every product of the page in each target marketplace too, as ordinary
 *   products (filter `acapi_prefetch_groups`), so the alternatives cost the same ⌈N/10⌉ calls per
 *   marketplace as the page's own products and nothing once stored;
 * - each product link carries its alternatives (`data-acapi-geo`: target → that store's API
 *   detail-page URL with its registered tag, or a keyword search there by setting) and a small
 *   script picks one from `navigator.languages` and the time zone before the click, so the cached
 *   HTML is the same for everyone;
 * - when the request carries a country header and no shared cache keeps the answer (or the admin
 *   says the cache keys on that header), the server writes the right link itself and the script
 *   is not loaded.
 * A marketplace is a target only when it is enabled for geotargeting and set up with a partner
 * tag. Prices and images stay those of the box's own marketplace: only `url` changes.
 */
final class Geotargeting {

	public const SCRIPT_HANDLE = 'acapi-geo';

	/**
	 * Where the script's built file and its asset file are.
	 *
	 * @var array{dir: string, url: string}
	 */
	private array $build;

	/**
	 * Router (partner tags, the default marketplace).
	 *
	 * @var Router
	 */
	private Router $router;

	/**
	 * Products (the alternatives are ordinary products of the target marketplaces).
	 *
	 * @var Product_Source
	 */
	private Product_Source $products;

	/**
	 * The request's server variables (tests pass their own).
	 *
	 * @var callable(): array<string, mixed>
	 */
	private $server;

	/**
	 * This request's settings, targets and visitor country (null until read).
	 *
	 * @var array{settings: array{enabled: bool, targets: list<string>, fallback: string, header: string, server_render: string, countries: array<string, string>}, targets: array<string, string>, visitor: array{country: string, header: string}|null}|null
	 */
	private ?array $state = null;

	/**
	 * Whether a box of this page needs the script.
	 *
	 * @var bool
	 */
	private bool $needs_script = false;

	/**
	 * Builds the service.
	 *
	 * @param Router                                  $router    Router.
	 * @param Product_Source                          $products  Products.
	 * @param string                                  $build_dir Directory of the built script (trailing slash).
	 * @param string                                  $build_url Its URL (trailing slash).
	 * @param (callable(): array<string, mixed>)|null $server  The request's server variables (default: $_SERVER).
	 */
	public function __construct( Router $router, Product_Source $products, string $build_dir, string $build_url, ?callable $server = null ) {
		$this->router   = $router;
		$this->products = $products;
		$this->build    = array(
			'dir' => $build_dir,
			'url' => $build_url,
		);
		$this->server   = $server ?? static fn(): array => $_SERVER;
	}

	/**
	 * Adds the hooks.
	 */
	public function register_hooks(): void {
		add_action( 'init', array( Geo_Settings::class, 'register' ) );
		add_filter( 'acapi_prefetch_groups', array( $this, 'add_alternative_groups' ) );
		add_filter( 'acapi_template_data', array( $this, 'add_alternatives' ), 10, 1 );
		add_action( 'wp_footer', array( $this, 'print_script' ), 5 );
		add_filter( 'wp_headers', array( $this, 'vary' ) );
	}

	/**
	 * Forgets this request's state (tests, long runs).
	 */
	public function reset(): void {
		$this->state        = null;
		$this->needs_script = false;
	}

	/**
	 * The target marketplaces with their partner tags: enabled for geotargeting and set up with a
	 * tag (a store without the publisher's registration is never a target). Empty when off.
	 *
	 * @return array<string, string> Partner tag by country code.
	 */
	public function targets(): array {
		return $this->state()['targets'];
	}

	/**
	 * Filter `acapi_prefetch_groups`: every ASIN of the page in every target marketplace too.
	 *
	 * @param mixed $groups ASINs by country code ('' = default).
	 * @return mixed
	 */
	public function add_alternative_groups( $groups ) {
		$targets = array_keys( $this->targets() );
		if ( ! is_array( $groups ) || array() === $targets ) {
			return $groups;
		}
		$extra = array();
		foreach ( $groups as $country => $asins ) {
			$code = $this->router->country( (string) $country );
			foreach ( $targets as $target ) {
				if ( $target !== $code && is_array( $asins ) ) {
					$extra[ $target ] = array_merge( $extra[ $target ] ?? array(), $asins );
				}
			}
		}
		foreach ( $extra as $target => $asins ) {
			$key            = isset( $groups[ $target ] ) ? $target : ( $this->router->country( '' ) === $target && isset( $groups[''] ) ? '' : $target );
			$groups[ $key ] = array_values( array_unique( array_merge( $groups[ $key ] ?? array(), $asins ) ) );
		}
		return $groups;
	}

	/**
	 * Filter `acapi_template_data`: the links of each product get their alternatives, or (server
	 * choice) the visitor's store directly.
	 *
	 * @param mixed $data Template data (items: one array per product).
	 * @return mixed
	 */
	public function add_alternatives( $data ) {
		$state = $this->state();
		if ( ! is_array( $data ) || ! isset( $data['items'] ) || ! is_array( $data['items'] ) || array() === $state['targets'] ) {
			return $data;
		}
		if ( is_admin() || wp_is_serving_rest_request() ) {
			return $data; // The editor's previews keep the box's own links and cost no call in other stores.
		}
		$alternatives = $this->alternatives( $data['items'] );
		$server       = $this->server_choice();
		foreach ( $data['items'] as $i => $item ) {
			$alt = $alternatives[ $i ] ?? array();
			if ( array() === $alt || ! is_array( $item ) ) {
				continue;
			}
			if ( null !== $server ) {
				if ( isset( $alt[ $server ] ) ) {
					$data['items'][ $i ]['url'] = $alt[ $server ];
				}
				continue;
			}
			$data['items'][ $i ]['geo'] = $alt;
			$this->needs_script         = true;
		}
		return $data;
	}

	/**
	 * The marketplace the server sends this visitor to, when the server chooses: a country header is
	 * present and the answer is not kept by a shared cache (or the cache keys on that header).
	 * Null when the browser chooses (or nobody: no country known at all).
	 */
	public function server_choice(): ?string {
		$state = $this->state();
		if ( null === $state['visitor'] ) {
			return null;
		}
		if ( 'always' !== $state['settings']['server_render'] && Cache_Headers::is_public_request() ) {
			return null;
		}
		return Visitor_Countries::marketplace_for( $state['visitor']['country'], Visitor_Countries::table( $state['settings']['countries'] ), array_keys( $state['targets'] ) ) ?? '';
	}

	/**
	 * Action `wp_footer`: the script and its table, when a box of the page carries alternatives.
	 */
	public function print_script(): void {
		if ( ! $this->needs_script ) {
			return;
		}
		$asset = $this->build['dir'] . 'geo.asset.php';
		if ( ! is_readable( $asset ) ) {
			return;
		}
		$asset = require $asset;
		wp_enqueue_script( self::SCRIPT_HANDLE, $this->build['url'] . 'geo.js', array(), $asset['version'], array( 'in_footer' => true ) );
		wp_add_inline_script( self::SCRIPT_HANDLE, 'var acapiGeo=' . wp_json_encode( $this->script_config() ) . ';', 'before' );
	}

	/**
	 * What the script needs: the targets, the country table reduced to them, and the time zones of
	 * those countries (for a browser whose languages name no region).
	 *
	 * @return array{m: array<string, string>, z: array<string, string>}
	 */
	public function script_config(): array {
		$state   = $this->state();
		$targets = array_keys( $state['targets'] );
		$map     = array();
		foreach ( $targets as $target ) {
			$map[ 'uk' === $target ? 'gb' : $target ] = $target;
		}
		foreach ( Visitor_Countries::table( $state['settings']['countries'] ) as $country => $marketplace ) {
			if ( in_array( $marketplace, $targets, true ) && ! isset( $map[ $country ] ) ) {
				$map[ $country ] = $marketplace;
			}
		}
		$zones = array();
		foreach ( array_keys( $map ) as $country ) {
			foreach ( \DateTimeZone::listIdentifiers( \DateTimeZone::PER_COUNTRY, strtoupper( $country ) ) as $zone ) {
				$zones[ $zone ] = $country;
			}
		}
		return array(
			'm' => $map,
			'z' => $zones,
		);
	}

	/**
	 * Filter `wp_headers`: `Vary` on the country header when the server chooses for every visitor.
	 *
	 * @param mixed $headers Headers.
	 * @return mixed
	 */
	public function vary( $headers ) {
		$state = $this->state();
		if ( ! is_array( $headers ) || array() === $state['targets'] || 'always' !== $state['settings']['server_render'] || is_admin() ) {
			return $headers;
		}
		$name = '' !== $state['settings']['header'] ? $state['settings']['header'] : ( $state['visitor']['header'] ?? '' );
		if ( '' !== $name ) {
			$headers['Vary'] = isset( $headers['Vary'] ) && '' !== $headers['Vary'] ? $headers['Vary'] . ', ' . $name : $name;
		}
		return $headers;
	}

	/**
	 * The alternatives of each item: target → URL (the target's API detail-page URL with its tag;
	 * else, by setting, a keyword search in that store with its tag; else none).
	 *
	 * @param array<int|string, mixed> $items Template items.
	 * @return array<int|string, array<string, string>>
	 */
	private function alternatives( array $items ): array {
		$state  = $this->state();
		$wanted = array();
		foreach ( $items as $item ) {
			if ( is_array( $item ) && isset( $item['asin'], $item['country'] ) && is_string( $item['asin'] ) ) {
				foreach ( array_keys( $state['targets'] ) as $target ) {
					if ( $target !== $item['country'] ) {
						$wanted[ $target ][] = $item['asin'];
					}
				}
			}
		}
		$found = array();
		foreach ( $wanted as $target => $asins ) {
			$found[ $target ] = $this->products->get_products( $target, array_values( array_unique( $asins ) ) );
		}
		$out = array();
		foreach ( $items as $i => $item ) {
			if ( ! is_array( $item ) || ! isset( $item['asin'], $item['country'] ) ) {
				continue;
			}
			foreach ( $state['targets'] as $target => $tag ) {
				if ( $target === $item['country'] || ! isset( $found[ $target ] ) ) {
					continue;
				}
				$url = Alternative_Link::for_product( $found[ $target ]->product( (string) $item['asin'] ), $target );
				if ( '' === $url && 'search' === $state['settings']['fallback'] ) {
					$url = Alternative_Link::search( $target, $tag, is_string( $item['title'] ?? null ) ? $item['title'] : '' );
				}
				if ( '' !== $url ) {
					$out[ $i ][ $target ] = $url;
				}
			}
		}
		return $out;
	}

	/**
	 * This request's settings, targets and visitor country, read once.
	 *
	 * @return array{settings: array{enabled: bool, targets: list<string>, fallback: string, header: string, server_render: string, countries: array<string, string>}, targets: array<string, string>, visitor: array{country: string, header: string}|null}
	 */
	private function state(): array {
		if ( null !== $this->state ) {
			return $this->state;
		}
		$settings = Geo_Settings::read();
		$targets  = array();
		if ( $settings['enabled'] ) {
			foreach ( $settings['targets'] as $country ) {
				$decision = $this->router->decide( $country );
				$tag      = $decision->is_configured() && null !== $decision->credentials ? $decision->credentials->partner_tag : '';
				if ( '' !== $tag && null !== Marketplace_Registry::get( $country ) ) {
					$targets[ $country ] = $tag;
				}
			}
		}
		$this->state = array(
			'settings' => $settings,
			'targets'  => $targets,
			'visitor'  => array() === $targets ? null : Visitor_Country::from_request( ( $this->server )(), $settings['header'] ),
		);
		return $this->state;
	}
}
