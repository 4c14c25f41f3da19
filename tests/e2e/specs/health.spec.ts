/**
 * Product health in the browser: a visitor's page view records the states (the emulator's
 * offer-less, out-of-stock and unknown German products), Tools → Product health lists them with
 * the posts that show them and a menu badge, and an "Edit" link opens the post with the
 * product's block selected. Writes artifacts/product-health.png for the README.
 */
import path from 'node:path';
import { test, expect } from '@wordpress/e2e-test-utils-playwright';
import { configureMarketplace } from '../utils/marketplaces';

const NO_OFFER = 'B0DKEINANG';
const OUT_OF_STOCK = 'B0DAUSVERK';
const UNKNOWN = 'B0DWEG0001';
const FINE = 'B0DKAFFEE1';

test.describe( 'product health', () => {
	test.beforeAll( async ( { requestUtils } ) => {
		await configureMarketplace( requestUtils, 'de', 'cognito', 'EU' );
	} );

	test( 'a page view records the states; the view lists them; Edit selects the block', async ( {
		admin,
		browser,
		editor,
		page,
		requestUtils,
	} ) => {
		const post = await requestUtils.createPost( {
			title: 'Küchenhelfer im Vergleich',
			content:
				`<!-- wp:paragraph --><p>Unsere Auswahl.</p><!-- /wp:paragraph -->` +
				`<!-- wp:creators-connect-for-amazon/product {"asins":["${ FINE }","${ NO_OFFER }"],"country":"de"} /-->` +
				`<!-- wp:creators-connect-for-amazon/product {"asins":["${ OUT_OF_STOCK }"],"country":"de"} /-->`,
			status: 'publish',
			date_gmt: new Date().toISOString(),
		} );
		const gifts = await requestUtils.createPost( {
			title: 'Geschenkideen',
			content: `<!-- wp:creators-connect-for-amazon/product {"asins":["${ UNKNOWN }","${ OUT_OF_STOCK }"],"country":"de","template":"list"} /-->`,
			status: 'publish',
			date_gmt: new Date().toISOString(),
		} );

		// A visitor's page views fetch the products: the states are recorded then.
		const visitor = await browser.newContext( {
			baseURL: requestUtils.baseURL,
			storageState: { cookies: [], origins: [] },
		} );
		const front = await visitor.newPage();
		await front.goto( `/?p=${ post.id }` );
		await expect( front.locator( '.acapi-box' ).first() ).toBeVisible();
		await front.goto( `/?p=${ gifts.id }` );
		await expect( front.locator( '.acapi' ).first() ).toBeVisible();
		await visitor.close();

		await admin.visitAdminPage( 'tools.php', 'page=acapi-product-health' );
		const rows = page.locator( '.acapi-health-table tbody tr[data-state]' );
		await expect( rows ).toHaveCount( 3 );
		await expect(
			page.locator( `tr[data-state="out_of_stock"]` )
		).toContainText( OUT_OF_STOCK );
		await expect(
			page.locator( `tr[data-state="out_of_stock"]` )
		).toContainText( 'Geschenkideen' );
		await expect(
			page.locator( `tr[data-state="no_offer"]` )
		).toContainText( 'Küchenhelfer im Vergleich' );
		await expect(
			page.locator( `tr[data-state="unknown_asin"]` )
		).toContainText( UNKNOWN );
		await expect(
			page.locator( '#menu-tools .awaiting-mod .pending-count' )
		).toHaveText( '3' );
		await page.setViewportSize( { width: 1280, height: 720 } );
		await page.locator( '#wpbody-content' ).screenshot( {
			path: path.join(
				__dirname,
				'../../../artifacts/product-health.png'
			),
		} );

		// The filter by state.
		await page
			.getByLabel( 'State' )
			.selectOption( { value: 'out_of_stock' } );
		await page.getByRole( 'button', { name: 'Filter' } ).click();
		await expect( rows ).toHaveCount( 1 );

		// "Edit" opens the post with the out-of-stock product's block (the second one) selected.
		await page
			.locator( `tr[data-state="out_of_stock"] a`, { hasText: 'Edit' } )
			.first()
			.click();
		await expect( page ).toHaveURL( /acapi_asin=B0DAUSVERK/ );
		const selected = editor.canvas.locator(
			'[data-type="creators-connect-for-amazon/product"].is-selected'
		);
		await expect( selected ).toHaveCount( 1, { timeout: 30_000 } );
		const blocks = editor.canvas.locator(
			'[data-type="creators-connect-for-amazon/product"]'
		);
		await expect( blocks.nth( 1 ) ).toHaveClass( /is-selected/ );
	} );
} );
