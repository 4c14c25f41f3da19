/**
 * Translations end to end: with the site in German (de_DE) and the German fixture translation
 * installed by tools/test-e2e.sh (tools/make-translations.mjs: a .mo for PHP, JSON named after
 * the built scripts in the plugin's languages folder), the settings app, the block editor and
 * the front end show the German strings.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test, expect } from '@wordpress/e2e-test-utils-playwright';

const root = path.join( __dirname, '..', '..', '..' );
const site = process.env.ACAPI_E2E_SITE_DIR ?? '';

/**
 * Sets the site's language (the WPLANG option) from inside WordPress.
 *
 * @param locale The locale, or '' for English.
 */
function setSiteLanguage( locale: string ) {
	execFileSync(
		'php',
		[
			path.join( root, 'tests/php/site/site-run.php' ),
			site,
			process.env.WP_BASE_URL ?? '',
		],
		{
			// WordPress keeps WPLANG only for a language whose core files are installed; this site
			// has none, and the plugin's strings need none.
			input: `add_filter( 'sanitize_option_WPLANG', static fn( $value, $option, $original ) => $original, 10, 3 );
			update_option( 'WPLANG', ${ JSON.stringify( locale ) } );
			return get_option( 'WPLANG' );`,
		}
	);
}

test.describe( 'German translation', () => {
	test.skip( site === '', 'ACAPI_E2E_SITE_DIR is set by tools/test-e2e.sh' );

	test.beforeAll( () => setSiteLanguage( 'de_DE' ) );
	test.afterAll( () => setSiteLanguage( '' ) );

	test( 'the settings app', async ( { admin, page } ) => {
		await admin.visitAdminPage(
			'options-general.php',
			'page=creators-connect-for-amazon'
		);
		await expect(
			page.getByRole( 'button', { name: 'Marktplatz hinzufügen' } )
		).toBeVisible();
		await expect(
			page.locator( '#acapi-settings-root' ).getByText( 'Marktplätze', {
				exact: true,
			} )
		).toBeVisible();
	} );

	test( 'the block editor', async ( { admin, editor, page } ) => {
		await admin.createNewPost( { title: 'Übersetzung' } );
		await editor.insertBlock( {
			name: 'creators-connect-for-amazon/product',
		} );
		const block = editor.canvas
			.locator( '[data-type="creators-connect-for-amazon/product"]' )
			.first();
		// A string of the block's script (JSON translation).
		await expect(
			block.getByText(
				'Amazon nach Stichwort durchsuchen oder eine ASIN oder einen Amazon-Produktlink einfügen.'
			)
		).toBeVisible();
		// block.json's title (PHP, .mo) and a variation title (script, JSON).
		const names = await page.evaluate( () => {
			const { blocks } = window.wp as unknown as {
				blocks: {
					getBlockType: ( name: string ) => { title: string };
					getBlockVariations: (
						name: string
					) => Array< { name: string; title: string } >;
				};
			};
			const name = 'creators-connect-for-amazon/product';
			return {
				title: blocks.getBlockType( name ).title,
				box: blocks
					.getBlockVariations( name )
					.find( ( variation ) => variation.name === 'box' )?.title,
			};
		} );
		expect( names ).toEqual( {
			title: 'Amazon-Produkt',
			box: 'Amazon-Produktbox',
		} );
	} );

	test( 'the front end', async ( { requestUtils, page } ) => {
		const post = await requestUtils.createPost( {
			title: 'Offenlegung',
			content:
				'<!-- wp:shortcode -->[amazon_disclosure]<!-- /wp:shortcode -->',
			status: 'publish',
			date_gmt: new Date().toISOString(),
		} );
		await page.goto( `/?p=${ post.id }` );
		await expect(
			page.getByText(
				'Als Amazon-Partner verdiene ich an qualifizierten Verkäufen.'
			)
		).toBeVisible();
	} );
} );
