<?php
/**
 * The plugin's main class: builds every service by hand and adds its hooks.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect;

use Creators_Connect\Blocks\Block_Registry;
use Creators_Connect\Render\Content_Placeholders;
use Creators_Connect\Render\Disclosure;
use Creators_Connect\Render\Output_Context;
use Creators_Connect\Render\Product_Lookup;
use Creators_Connect\Render\Renderer;
use Creators_Connect\Render\Shortcode;
use Creators_Connect\Render\Stylesheet;
use Creators_Connect\Settings\General_Settings;
use Creators_Connect\Settings\Marketplace_Rows;
use Creators_Connect\Settings\Paapi_Keys;
use Creators_Connect\Settings\Public_Marketplace;
use Creators_Connect\Settings\Secret_Box;
use Creators_Connect\Settings\Settings_Page;
use Creators_Connect\Settings\Stored_Credentials;

/**
 * Composition root. No service looks another up: each gets what it needs through its constructor.
 */
final class Plugin {

	/**
	 * The one instance.
	 *
	 * @var Plugin|null
	 */
	private static ?Plugin $instance = null;

	/**
	 * Whether boot() ran.
	 *
	 * @var bool
	 */
	private bool $booted = false;

	/**
	 * The one renderer (shortcodes, the block, previews).
	 *
	 * @var Renderer|null
	 */
	private ?Renderer $renderer = null;

	/**
	 * Amazon's identification statement (the shortcode and the block).
	 *
	 * @var Disclosure|null
	 */
	private ?Disclosure $disclosure = null;

	/**
	 * The one product service (the read path behind the renderer, the prefetcher and REST).
	 *
	 * @var Catalog\Product_Service|null
	 */
	private ?Catalog\Product_Service $products = null;

	/**
	 * The background refresh (null until wire() ran).
	 *
	 * @var Catalog\Refresh_Job|null
	 */
	private ?Catalog\Refresh_Job $refresh_job = null;

	/**
	 * The rendered page's product ages (for the page-cache headers).
	 *
	 * @var Cache\Page_Freshness|null
	 */
	private ?Cache\Page_Freshness $freshness = null;

	/**
	 * Geotargeting (null until wire() ran).
	 *
	 * @var Geo\Geotargeting|null
	 */
	private ?Geo\Geotargeting $geo = null;

	/**
	 * The one instance.
	 */
	public static function instance(): self {
		if ( null === self::$instance ) {
			self::$instance = new self();
		}
		return self::$instance;
	}

	/**
	 * Checks the requirements, then wires the services once every plugin is loaded.
	 */
	public function boot(): void {
		if ( $this->booted ) {
			return;
		}
		$this->booted = true;

		$requirements = new Requirements( ACAPI_DIR );
		if ( ! $requirements->are_met() ) {
			add_action( 'admin_notices', array( $requirements, 'render_notice' ) );
			return;
		}

		// The product table: created on activation (and lazily when its schema version is behind).
		// On a network: for every site when network-wide, and for sites added later.
		( new Network( ACAPI_FILE ) )->register_hooks();

		add_action( 'plugins_loaded', array( $this, 'wire' ) );
	}

	/**
	 * Builds the services and adds their hooks. Runs on `plugins_loaded`.
	 */
	public function wire(): void {
		( new Settings_Page( ACAPI_DIR, ACAPI_FILE ) )->register_hooks();
		// The settings: one secret box; the marketplace entries and the PA-API keys (each sealing
		// its secrets), what the router reads of them (Credentials_Source: the only way a secret
		// leaves the settings) and what the screen sees of an entry (no secret). The general
		// settings are one static option (General_Settings).
		$box                = new Secret_Box();
		$marketplaces       = new Marketplace_Rows( $box );
		$paapi_keys         = new Paapi_Keys( $box );
		$credentials        = new Stored_Credentials( $marketplaces, $paapi_keys, $box );
		$public_marketplace = new Public_Marketplace( $marketplaces, $box );
		( new Block_Registry( ACAPI_DIR . 'build/blocks', ACAPI_DIR . 'languages', $marketplaces ) )->register_hooks();
		add_action( 'init', array( General_Settings::class, 'register' ) );

		// Amazon: one transport, one token cache, one rate limiter and circuit breaker (their state
		// is shared across PHP processes through the store).
		// The spending limits (daily quota per credential, per-user limits of editor paths) are
		// checked and counted in the clients' one call loop; who is asking travels in the Budget,
		// told by Request_Purpose (which notes the REST route being dispatched).
		$store     = new Support\Shared_Store();
		$transport = new Amazon\Http_Transport();
		$tokens    = new Amazon\Token_Provider( $transport, $store );
		$limiter   = new Amazon\Rate_Limiter( $store );
		$breaker   = new Amazon\Circuit_Breaker( $store );
		$guard     = new Amazon\Call_Guard( $store, array( General_Settings::class, 'read' ) );
		$creators  = new Amazon\Creators_Client( $transport, $tokens, $limiter, $breaker, null, $guard );
		$paapi     = new Amazon\Paapi_Client( $transport, new Amazon\Sigv4_Signer(), $limiter, $breaker, null, null, $guard );
		add_filter( 'rest_request_before_callbacks', array( Support\Request_Purpose::class, 'enter_rest' ), 10, 3 );
		add_filter( 'rest_request_after_callbacks', array( Support\Request_Purpose::class, 'leave_rest' ) );

		// The freshness chosen under Settings → General is the default of the store's filters (a
		// site can still filter them at the default priority).
		add_filter( 'acapi_offer_ttl', static fn(): int => 60 * General_Settings::read()['offer_max_age_minutes'], 5 );
		add_filter( 'acapi_catalog_max_age', static fn(): int => 3600 * General_Settings::read()['catalog_max_age_hours'], 5 );

		// Router (and its summary for people) → store → batch fetcher (a page's fetch, under the
		// stampede lock, within the request's budget) → product service (the read path) with its
		// search cache; its prefetcher. The cron job and WP-CLI refresh through the refresher; both
		// fetch paths store answers through the one keeper. The products route asks the same
		// request budget.
		$fallbacks      = new Catalog\Fallback_Memory( $store );
		$router         = new Catalog\Router( $credentials, $creators, $paapi, $fallbacks );
		$routes         = new Catalog\Routing_Summary( $router, $credentials, $breaker, $fallbacks );
		$product_store  = new Catalog\Product_Store();
		$schedule       = new Catalog\Refresh_Schedule();
		$keeper         = new Catalog\Answer_Keeper( $product_store );
		$fetcher        = new Catalog\Batch_Fetcher( $router, $product_store, $keeper, new Catalog\Fetch_Lock( $store, $product_store ), $schedule );
		$refresher      = new Catalog\Product_Refresher( $router, $product_store, $keeper );
		$budget         = new Catalog\Request_Budget();
		$this->products = new Catalog\Product_Service( $router, $product_store, $fetcher, $refresher, new Catalog\Search_Cache( $router, $product_store, $store ), $schedule, $budget );
		$prefetcher     = new Catalog\Prefetcher( $this->products );
		$prefetcher->register_hooks();
		$this->refresh_job = new Catalog\Refresh_Job( $refresher, $routes, $product_store, $store );
		$this->refresh_job->register_hooks();
		( new Health\Site_Health( $routes, $product_store ) )->register_hooks();
		$quota = new Health\Quota_Check( $router, $guard );
		$quota->register_hooks();
		// Product health: state changes recorded as fetches are stored; read by the Tools page,
		// WP-CLI, Site Health and the weekly digest.
		$health_log = new Health\Health_Log();
		( new Health\Health_Recorder( $product_store, $health_log ) )->register_hooks();
		$health_report = new Health\Health_Report( $health_log, $router->default_country( ... ) );
		$health_digest = new Health\Health_Digest( $health_report );
		$health_digest->register_hooks();
		( new Health\Health_Page( $health_report, $health_digest, ACAPI_DIR, ACAPI_FILE ) )->register_hooks();
		( new Health\Product_Health_Check( $health_report ) )->register_hooks();

		// REST: the settings screen's routes and the editor's.
		( new Rest\Marketplaces_Controller( $marketplaces, $public_marketplace ) )->register_hooks();
		( new Rest\Paapi_Controller( $paapi_keys ) )->register_hooks();
		( new Rest\General_Controller() )->register_hooks();
		// A connection test goes to Amazon even while the marketplace's circuit is open or its rate
		// budget is spent: its client keeps breaker and limiter state of its own, in memory. It
		// shares the token cache, so a test with a new secret also refreshes the router's token.
		$probe_state = new Support\Shared_Store( 'memory' );
		$probe       = new Amazon\Creators_Client( $transport, $tokens, new Amazon\Rate_Limiter( $probe_state ), new Amazon\Circuit_Breaker( $probe_state ) );
		$tester      = new Settings\Connection_Tester( $marketplaces, $credentials, $probe, $tokens );
		$transfer    = new Settings\Settings_Transfer( $marketplaces, $public_marketplace, $paapi_keys );
		( new Rest\Test_Connection_Controller( $tester ) )->register_hooks();
		( new Rest\Settings_Transfer_Controller( $transfer ) )->register_hooks();
		( new Rest\Tracking_Ids_Controller( new Settings\Tracking_Ids(), $marketplaces ) )->register_hooks();
		// WP-CLI: `wp creators-connect-for-amazon …` / `wp acapi …`, thin over the same services.
		if ( defined( 'WP_CLI' ) && constant( 'WP_CLI' ) ) {
			$output = new Cli\Output();
			Cli\Registrar::register(
				array(
					'item'        => new Cli\Item_Command( $this->products, $router, $output ),
					'search'      => new Cli\Search_Command( $this->products, $output ),
					'cache'       => new Cli\Cache_Command( $refresher, $router, $product_store, $this->refresh_job, $output ),
					'marketplace' => new Cli\Marketplace_Command( $marketplaces, $public_marketplace, $tester, $output ),
					'settings'    => new Cli\Settings_Command( $transfer, $output ),
					'route'       => new Cli\Route_Command( $routes, array( $marketplaces, 'marketplace_status' ), $output ),
					'health'      => new Cli\Health_Command( $health_report, $output ),
				)
			);
		}
		( new Rest\Routing_Controller( $routes, array( $marketplaces, 'marketplace_status' ), $quota->usage( ... ) ) )->register_hooks();
		( new Rest\Products_Controller( $this->products, $budget, $router, $store ) )->register_hooks();
		( new Rest\Search_Controller( $this->products, $router, $store ) )->register_hooks();
		( new Rest\Resolve_Controller( array( $router, 'default_country' ), $store ) )->register_hooks();

		// Render: products come from the product service. Product HTML skips core's content
		// filters; a block template's page is buffered for it only when the prefetcher loaded
		// products for the page's posts.
		$placeholders = new Content_Placeholders( $this->products->has_loaded( ... ) );
		$placeholders->register_hooks();
		// Editor previews (REST) render in full; other REST output, feeds and e-mail plain links.
		$context = new Output_Context();
		$context->register_hooks();
		$style = new Stylesheet( plugins_url( 'assets/product.css', ACAPI_FILE ) );
		$style->register_hooks();
		$this->renderer = new Renderer( new Product_Lookup( $this->products ), array( General_Settings::class, 'read' ), ACAPI_DIR . 'templates', $context, $style, $placeholders );
		$this->renderer->register_hooks();
		( new Shortcode( $this->renderer ) )->register_hooks();
		// Geotargeting (off by default): alternatives prefetched with the page, chosen in the
		// browser or, for an uncached answer with a country header, by the server.
		$this->geo = new Geo\Geotargeting( $router, $this->products, ACAPI_DIR . 'build/admin/', plugins_url( 'build/admin/', ACAPI_FILE ) );
		$this->geo->register_hooks();

		// Page caches: freshness headers on pages that show products, and TTLs for the
		// page-cache plugins that take one (docs/contracts.md, "Page caches").
		$page_caches     = Cache\Page_Caches::all();
		$this->freshness = new Cache\Page_Freshness();
		$this->freshness->register_hooks();
		( new Cache\Cache_Headers( $this->freshness, $page_caches, $this->products->has_loaded( ... ) ) )->register_hooks();
		// Purge on change: posts → products from the prefetcher's own extraction of references.
		$post_index = new Cache\Post_Product_Index( $prefetcher->collect( ... ) );
		$post_index->register_hooks();
		$getting_started = new Settings\Getting_Started( static fn(): array => array_map( static fn( array $row ): int => $row['updated_at'], $marketplaces->rows() ), $post_index->first_published_post( ... ) );
		( new Rest\Getting_Started_Controller( $getting_started ) )->register_hooks();
		( new Cache\Purge_On_Change( $post_index, $product_store, $page_caches, $router->default_country( ... ) ) )->register_hooks();
		$this->disclosure = new Disclosure( array( General_Settings::class, 'read' ) );
		$this->disclosure->register_hooks();
	}

	/**
	 * The product service (null until wire() ran). Its memo lasts one request; test suites and
	 * long-running commands reset it between runs.
	 */
	public function products(): ?Catalog\Product_Service {
		return $this->products;
	}

	/**
	 * The background refresh as wired (null until wire() ran): its refresher shares the read
	 * path's router, store and answer keeper.
	 */
	public function refresh_job(): ?Catalog\Refresh_Job {
		return $this->refresh_job;
	}

	/**
	 * Geotargeting (null until wire() ran); test suites reset it between requests.
	 */
	public function geo(): ?Geo\Geotargeting {
		return $this->geo;
	}

	/**
	 * The rendered page's product ages (null until wire() ran); test suites reset it between requests.
	 */
	public function freshness(): ?Cache\Page_Freshness {
		return $this->freshness;
	}

	/**
	 * The renderer, for the block's render.php. Without a product source it renders the
	 * not-configured notice for editors and nothing for visitors.
	 */
	public function renderer(): Renderer {
		if ( null === $this->renderer ) {
			$this->renderer = new Renderer( new Product_Lookup( null ), array( General_Settings::class, 'read' ), ACAPI_DIR . 'templates', new Output_Context(), new Stylesheet( plugins_url( 'assets/product.css', ACAPI_FILE ) ) );
		}
		return $this->renderer;
	}

	/**
	 * Amazon's identification statement, for the disclosure block's render.php.
	 */
	public function disclosure(): Disclosure {
		if ( null === $this->disclosure ) {
			$this->disclosure = new Disclosure( array( General_Settings::class, 'read' ) );
		}
		return $this->disclosure;
	}
}
