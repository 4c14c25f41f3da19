<?php
/**
 * Purges the cached pages that show products whose display changed.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Cache;

use Creators_Connect\Catalog\Compliance;
use Creators_Connect\Model\Product;
use Creators_Connect\Catalog\Product_Store;
use Creators_Connect\Catalog\Stored_Product;

/**
 * During a refresh run (`acapi_refresh_started` … `acapi_refresh_finished`) collects the products
 * whose box changed (price, list price, savings, availability, title, image or URL; or data that
 * could not show in full before) and, at the end of the run, those that passed the display age
 * since the last run (they switched to the no-price fallback). Then, once per run, it fires
 * `do_action( 'acapi_products_changed', $post_ids, $urls )` with the published posts that show
 * them (Post_Product_Index) and their permalinks, and each active page-cache plugin purges those
 * posts, never the whole site. A refresh outside a run
 * (WP-CLI) is sent at shutdown.
 */
final class Purge_On_Change {

	/**
	 * Option: Unix time up to which products turning stale were purged.
	 */
	public const STALE_CHECKED_OPTION = 'acapi_stale_checked_at';

	/**
	 * Changed products waiting for the purge: country => ASIN => true.
	 *
	 * @var array<string, array<string, true>>
	 */
	private array $pending = array();

	/**
	 * Whether a refresh run is collecting.
	 *
	 * @var bool
	 */
	private bool $in_run = false;

	/**
	 * Builds the purger.
	 *
	 * @param Post_Product_Index     $index   Which posts show which products.
	 * @param Product_Store          $store   The product table (products turning stale).
	 * @param list<Page_Cache>       $caches  Page-cache plugin adapters.
	 * @param \Closure(): string     $default The default marketplace's country code.
	 * @param (\Closure(): int)|null $clock   Clock (tests).
	 */
	public function __construct(
		private readonly Post_Product_Index $index,
		private readonly Product_Store $store,
		private readonly array $caches,
		private readonly \Closure $default,
		private readonly ?\Closure $clock = null
	) {
	}

	/**
	 * Listens to the refresh job and the product service.
	 */
	public function register_hooks(): void {
		add_action( 'acapi_refresh_started', array( $this, 'start' ) );
		add_action( 'acapi_products_refreshed', array( $this, 'collect' ), 10, 3 );
		add_action( 'acapi_refresh_finished', array( $this, 'finish' ) );
	}

	/**
	 * Action `acapi_refresh_started`: collects until the run ends; indexes a batch of older posts.
	 */
	public function start(): void {
		$this->in_run = true;
		$this->index->backfill();
	}

	/**
	 * Action `acapi_products_refreshed`: notes the products whose box changes.
	 *
	 * @param mixed $code     Country code.
	 * @param mixed $before   Rows before the refresh, by ASIN.
	 * @param mixed $products Products Amazon answered, by ASIN.
	 */
	public function collect( $code, $before, $products ): void {
		if ( ! is_string( $code ) || ! is_array( $products ) ) {
			return;
		}
		$now = $this->now();
		foreach ( $products as $asin => $product ) {
			$row = is_array( $before ) ? ( $before[ $asin ] ?? null ) : null;
			if ( $product instanceof Product && self::changes_display( $row instanceof Stored_Product ? $row : null, $product, $now ) ) {
				$this->pending[ $code ][ (string) $asin ] = true;
			}
		}
		if ( ! $this->in_run && array() !== $this->pending && false === has_action( 'shutdown', array( $this, 'flush' ) ) ) {
			add_action( 'shutdown', array( $this, 'flush' ) );
		}
	}

	/**
	 * Action `acapi_refresh_finished`: adds the products that turned stale since the last run and
	 * purges once.
	 */
	public function finish(): void {
		$now  = $this->now();
		$from = (int) get_option( self::STALE_CHECKED_OPTION, $now - 600 );
		foreach ( $this->store->turned_stale( min( $from, $now ), $now ) as $code => $asins ) {
			foreach ( $asins as $asin ) {
				$this->pending[ $code ][ $asin ] = true;
			}
		}
		update_option( self::STALE_CHECKED_OPTION, $now, false );
		$this->in_run = false;
		$this->flush();
	}

	/**
	 * Purges the posts that show the collected products (one call per plugin and run).
	 *
	 * @return list<int> The posts purged.
	 */
	public function flush(): array {
		$pending       = $this->pending;
		$this->pending = array();
		if ( array() === $pending ) {
			return array();
		}
		$post_ids = $this->index->posts_for( array_map( static fn( array $asins ): array => array_map( 'strval', array_keys( $asins ) ), $pending ), ( $this->default )() );
		if ( array() === $post_ids ) {
			return array();
		}
		$urls = array_map( static fn( int $id ): string => (string) get_permalink( $id ), $post_ids );
		/**
		 * Fires when what boxes show changed (refresh) or products turned stale, once per refresh run.
		 *
		 * @param list<int>    $post_ids The published posts that show them.
		 * @param list<string> $urls     Their permalinks.
		 */
		do_action( 'acapi_products_changed', $post_ids, $urls );
		foreach ( $this->caches as $cache ) {
			if ( $cache->is_active() ) {
				$cache->purge( $post_ids, $urls );
			}
		}
		return $post_ids;
	}

	/**
	 * Whether a refreshed product shows differently from the stored one: price, list price,
	 * savings, availability, title, image or URL; or the stored one could not show in full.
	 *
	 * @param Stored_Product|null $before The row before the refresh.
	 * @param Product             $after  The product now.
	 * @param int                 $now    Unix time.
	 */
	public static function changes_display( ?Stored_Product $before, Product $after, int $now ): bool {
		if ( null === $before || null === $before->product || ! Compliance::within_display_age( $before->fetched_at, $now ) ) {
			return true;
		}
		return self::shown( $before->product ) !== self::shown( $after );
	}

	/**
	 * What a box shows of a product (the parts a change of which must reach cached pages).
	 *
	 * @param Product $product Product.
	 * @return array<string, mixed>
	 */
	private static function shown( Product $product ): array {
		return array(
			'title'        => $product->title,
			'url'          => $product->detail_page_url,
			'price'        => $product->price,
			'list_price'   => $product->list_price,
			'savings'      => $product->savings,
			'availability' => $product->availability,
			'images'       => array_map( static fn( array $image ): string => $image['url'], $product->images ),
			'map'          => $product->violates_map,
		);
	}

	/**
	 * Now.
	 */
	private function now(): int {
		return null !== $this->clock ? ( $this->clock )() : time();
	}
}
