<?php
/**
 * Seeds the npm start site: demo credentials for the Amazon emulator and a demo page that shows
 * every template with products from two marketplaces, plus one shortcode of each form.
 * Idempotent: it adds what is missing and rewrites the demo page.
 *
 * Usage: php tools/seed-demo.php <site-dir>
 *
 * @package Creators_Connect
 */

use Creators_Connect\Settings\Marketplace_Rows;
use Creators_Connect\Settings\Paapi_Keys;
use Creators_Connect\Settings\Secret_Box;

if ( PHP_SAPI !== 'cli' || $argc < 2 ) {
	fwrite( STDERR, "usage: php tools/seed-demo.php <site-dir>\n" );
	exit( 2 );
}

$_SERVER['HTTP_HOST']   = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
require rtrim( $argv[1], '/' ) . '/wp-load.php';

$credentials = json_decode( (string) file_get_contents( dirname( __DIR__ ) . '/tests/fixtures/credentials.json' ), true );
$box         = new Secret_Box();
$settings    = new Marketplace_Rows( $box );
$paapi_keys  = new Paapi_Keys( $box );

// Creators API: the US on LWA (v3), Germany and Japan on Cognito/LWA, the UK configured but
// disabled (so it routes to PA-API); France has PA-API only.
$marketplaces = array(
	array( 'us', 'lwa', 'NA', true ),
	array( 'de', 'cognito', 'EU', true ),
	array( 'jp', 'lwa', 'FE', true ),
	array( 'uk', 'cognito', 'EU', false ),
);
foreach ( $marketplaces as list( $country, $type, $region, $enabled ) ) {
	if ( null !== $settings->row( $country ) ) {
		continue;
	}
	$set    = $credentials[ $type ][ $region ];
	$result = $settings->add(
		array(
			'country'           => $country,
			'enabled'           => $enabled,
			'credential_type'   => $type,
			'credential_id'     => $set['credential_id'],
			'credential_secret' => $set['credential_secret'],
			'partner_tag'       => $credentials['partner_tags'][ $country ],
		)
	);
	if ( is_wp_error( $result ) ) {
		fwrite( STDERR, "Could not add the $country marketplace: " . $result->get_error_message() . "\n" );
		exit( 1 );
	}
}
if ( null === $settings->default_country() ) {
	$settings->set_default( 'us' );
}
if ( '' === $paapi_keys->stored()['access_key'] ) {
	$paapi_keys->save(
		array(
			'access_key'   => $credentials['paapi']['access_key'],
			'secret_key'   => $credentials['paapi']['secret_key'],
			'partner_tags' => array(
				'uk' => $credentials['partner_tags']['uk'],
				'fr' => $credentials['partner_tags']['fr'],
			),
		)
	);
}

/**
 * A product block's markup.
 *
 * @param string       $template The block's template.
 * @param string       $country  Marketplace.
 * @param list<string> $asins    ASINs.
 */
function acapi_demo_block( string $template, string $country, array $asins ): string {
	$attributes = array(
		'asins'    => $asins,
		'country'  => $country,
		'template' => $template,
	);
	return '<!-- wp:creators-connect-for-amazon/product ' . wp_json_encode( $attributes ) . ' /-->';
}

/**
 * A heading block.
 *
 * @param string $text Heading text.
 */
function acapi_demo_heading( string $text ): string {
	return "<!-- wp:heading -->\n<h2 class=\"wp-block-heading\">" . esc_html( $text ) . "</h2>\n<!-- /wp:heading -->";
}

/**
 * A shortcode block.
 *
 * @param string $shortcode The shortcode.
 */
function acapi_demo_shortcode( string $shortcode ): string {
	return "<!-- wp:shortcode -->\n" . $shortcode . "\n<!-- /wp:shortcode -->";
}

$us      = array( 'B0C7KX2Q4M', 'B0C7KX2Q5N', 'B0CM9YQH7D', 'B0D5HJ8T2L' );
$de      = array( 'B0DKAFFEE1', 'B0DKOCHER2', 'B0DBOHRER3', 'B0DDUSCHE6' );
$content = array(
	'<!-- wp:paragraph --><p>Every product below comes from the local Amazon emulator through the plugin: United States products through the Creators API 3.1 (LWA), German ones through 2.2 (Cognito), UK ones through the PA-API 5.0 fallback.</p><!-- /wp:paragraph -->',
	'<!-- wp:creators-connect-for-amazon/disclosure /-->',
	acapi_demo_heading( 'Box (United States)' ),
	acapi_demo_block( 'box', 'us', array( $us[0] ) ),
	acapi_demo_heading( 'Grid (Germany)' ),
	acapi_demo_block( 'grid', 'de', $de ),
	acapi_demo_heading( 'List (United States)' ),
	acapi_demo_block( 'list', 'us', $us ),
	acapi_demo_heading( 'Comparison table (Germany)' ),
	acapi_demo_block( 'table', 'de', $de ),
	acapi_demo_heading( 'Button, text link and image link' ),
	acapi_demo_block( 'button', 'us', array( $us[1] ) ),
	acapi_demo_block( 'text_link', 'us', array( $us[2] ) ),
	acapi_demo_block( 'image_link', 'de', array( $de[1] ) ),
	acapi_demo_heading( 'Shortcodes' ),
	acapi_demo_shortcode( '[amazon asin="' . $us[3] . '" country="us"]' ),
	acapi_demo_shortcode( 'Price today: [amazon asin="' . $de[0] . '" country="de" field="price"]' ),
	acapi_demo_shortcode( '[amazon_product asin="' . implode( ',', $us ) . '" template="list" items="2"]' ),
	acapi_demo_shortcode( '[amazon search="coffee" country="us" template="grid" items="3"]' ),
	acapi_demo_shortcode( '[amazon search="headphones" country="us" template="list" items="3" sort_by="Price:LowToHigh" min_reviews_rating="4"]' ),
	acapi_demo_shortcode( '[amazon asin="B0C7KX2Q4M" country="uk"]' ),
	acapi_demo_heading( 'AAWP-style shortcodes' ),
	acapi_demo_shortcode( '[amazon box="' . $us[0] . ',' . $us[1] . '"]' ),
	acapi_demo_shortcode( 'See [amazon link="' . $us[2] . '" title="this coffee maker"] on Amazon.' ),
	acapi_demo_shortcode( '[amazon fields="' . $us[2] . '" value="price"]' ),
	acapi_demo_shortcode( '[amazon bestseller="headphones" items="3"]' ),
	acapi_demo_shortcode( '[amazon_disclosure]' ),
);

$page = get_page_by_path( 'amazon-demo' );
$post = array(
	'post_type'    => 'page',
	'post_status'  => 'publish',
	'post_title'   => 'Amazon products: demo',
	'post_name'    => 'amazon-demo',
	'post_content' => implode( "\n\n", $content ),
);
if ( $page instanceof WP_Post ) {
	$post['ID'] = $page->ID;
}
$id = wp_insert_post( wp_slash( $post ), true );
if ( is_wp_error( $id ) ) {
	fwrite( STDERR, 'Could not write the demo page: ' . $id->get_error_message() . "\n" );
	exit( 1 );
}
fwrite( STDOUT, 'Demo page: ' . get_permalink( $id ) . "\n" );
