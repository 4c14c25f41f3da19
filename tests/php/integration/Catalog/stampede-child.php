<?php
/**
 * One "page request" for the stampede test: loads the test site's WordPress (the database from
 * the parent's environment), asks the product service for ASINs and prints what it got as JSON.
 *
 * Usage: php stampede-child.php <site-dir> <country> <ASIN,ASIN,…>
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

// phpcs:disable WordPress.NamingConventions.PrefixAllGlobals -- a test script, not plugin code.

use Creators_Connect\Amazon\Circuit_Breaker;
use Creators_Connect\Amazon\Creators_Client;
use Creators_Connect\Amazon\Http_Transport;
use Creators_Connect\Amazon\Paapi_Client;
use Creators_Connect\Amazon\Rate_Limiter;
use Creators_Connect\Support\Shared_Store;
use Creators_Connect\Amazon\Sigv4_Signer;
use Creators_Connect\Amazon\Token_Provider;
use Creators_Connect\Catalog\Product_Service;
use Creators_Connect\Catalog\Product_Store;
use Creators_Connect\Catalog\Fallback_Memory;
use Creators_Connect\Catalog\Router;
use Creators_Connect\Tests\Fixed_Credentials_Source;
use Creators_Connect\Tests\Read_Path;

require dirname( __DIR__, 4 ) . '/vendor/autoload.php';
$_SERVER['HTTP_HOST']   = '127.0.0.1:8890';
$_SERVER['SERVER_NAME'] = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
require $argv[1] . '/wp-load.php';

add_filter( 'acapi_rate_limit_per_second', '__return_zero' );
$store     = new Shared_Store();
$transport = new Http_Transport();
$router    = new Router(
	Fixed_Credentials_Source::demo(),
	new Creators_Client( $transport, new Token_Provider( $transport, $store ), new Rate_Limiter( $store ), new Circuit_Breaker( $store ) ),
	new Paapi_Client( $transport, new Sigv4_Signer(), new Rate_Limiter( $store ), new Circuit_Breaker( $store ) ),
	new Fallback_Memory( $store )
);
$service   = Read_Path::service( $router, new Product_Store(), $store );
$start     = microtime( true );
$result    = $service->get_products( $argv[2], explode( ',', $argv[3] ) );
$priced    = 0;
foreach ( $result->products as $product ) {
	$priced += $product->fetched_at > 0 ? 1 : 0;
}
echo wp_json_encode(
	array(
		'products' => count( $result->products ),
		'fetched'  => $priced,
		'errors'   => array_map( static fn( $error ) => $error->kind, $result->errors ),
		'stats'    => $service->stats(),
		'elapsed'  => round( microtime( true ) - $start, 3 ),
	)
);
