/**
 * The [amazon] shortcode on the front end and in the feed, and the disclosure shortcode.
 */
import { test, expect } from '@wordpress/e2e-test-utils-playwright';
import { configureMarketplace } from '../utils/marketplaces';

test.describe( '[amazon] shortcode', () => {
	test.beforeAll( async ( { requestUtils } ) => {
		await configureMarketplace( requestUtils, 'de', 'cognito', 'EU' );
	} );

	test( 'renders a list on the page and a plain link in the feed', async ( {
		page,
		requestUtils,
	} ) => {
		const post = await requestUtils.createPost( {
			title: 'Shortcode list',
			content:
				'<!-- wp:shortcode -->[amazon asin="B0DKAFFEE1,B0DSCRIPT9" country="de" template="list"]<!-- /wp:shortcode --><!-- wp:shortcode -->[amazon_disclosure]<!-- /wp:shortcode -->',
			status: 'publish',
			date_gmt: new Date().toISOString(),
		} );
		const dialogs: string[] = [];
		page.on( 'dialog', ( dialog ) => {
			dialogs.push( dialog.message() );
			void dialog.dismiss();
		} );
		await page.goto( `/?p=${ post.id }` );
		const list = page.locator( '.acapi-list' );
		await expect( list.locator( 'li' ) ).toHaveCount( 2 );
		// The hostile title is text, not a script.
		await expect( list ).toContainText( '<script>alert(1)</script>' );
		await expect( page.locator( 'link#acapi-product-css' ) ).toHaveCount(
			1
		);
		await expect( page.locator( '.acapi-disclosure' ) ).toHaveText(
			'As an Amazon Associate I earn from qualifying purchases.'
		);
		expect( dialogs ).toEqual( [] );

		const feed = await page.request.get( '/?feed=rss2' );
		const xml = await feed.text();
		expect( xml ).toContain( 'https://www.amazon.de/dp/B0DKAFFEE1' );
		expect( xml ).not.toContain( 'm.media-amazon.com' );
		expect( xml ).not.toContain( 'acapi-list' );
	} );
} );
