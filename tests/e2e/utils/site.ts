/**
 * The end-to-end site on disk (tools/test-e2e.sh builds it in .wp/sites/<name>): PHP run inside
 * it through wp-load.php (to age stored products like a day passing), and a fixture theme copied
 * into it.
 */
import { execFileSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import path from 'node:path';

const root = path.join( __dirname, '..', '..', '..' );

/** The site's folder. */
export const siteDir = path.join(
	process.env.ACAPI_WP_DIR ?? path.join( root, '.wp' ),
	'sites',
	process.env.ACAPI_E2E_SITE ?? 'e2e'
);

/**
 * Runs PHP with WordPress loaded (no theme) and returns what it prints.
 *
 * @param code PHP statements (no opening tag).
 */
export function wpEval( code: string ): string {
	return execFileSync(
		'php',
		[
			'-r',
			`define( 'WP_USE_THEMES', false ); $_SERVER['HTTP_HOST'] = 'localhost'; require 'wp-load.php'; ${ code }`,
		],
		{ cwd: siteDir, encoding: 'utf8' }
	);
}

/**
 * Makes a stored product's data older than Amazon's 24 hours (as if a day passed without a
 * successful refresh).
 *
 * @param country Marketplace.
 * @param asin    ASIN.
 */
export function ageStoredProduct( country: string, asin: string ): void {
	const out = wpEval(
		[
			'global $wpdb;',
			"$table = $wpdb->prefix . 'acapi_products';",
			`$row = $wpdb->get_row( $wpdb->prepare( "SELECT id, product, fetched_at FROM $table WHERE marketplace = %s AND asin = %s", '${ country }', '${ asin }' ), ARRAY_A );`,
			'if ( ! $row ) { echo 0; return; }',
			'$product = json_decode( $row["product"], true );',
			'$product["fetched_at"] = (int) $product["fetched_at"] - 2 * DAY_IN_SECONDS;',
			'echo (int) $wpdb->update( $table, array( "product" => wp_json_encode( $product ), "fetched_at" => (int) $row["fetched_at"] - 2 * DAY_IN_SECONDS, "expires_at" => 1 ), array( "id" => $row["id"] ) );',
			'wp_cache_flush();',
		].join( ' ' )
	);
	if ( out.trim() !== '1' ) {
		throw new Error( `no stored row for ${ country }/${ asin }: ${ out }` );
	}
}

/**
 * Copies the fixture classic theme into the site (activate it with requestUtils.activateTheme).
 */
export function installClassicTheme(): string {
	cpSync(
		path.join( root, 'tests', 'fixtures', 'themes', 'acapi-classic' ),
		path.join( siteDir, 'wp-content', 'themes', 'acapi-classic' ),
		{ recursive: true }
	);
	return 'acapi-classic';
}
