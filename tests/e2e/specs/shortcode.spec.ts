/**
 * The [amazon] shortcode on the front end and in the feed, and the disclosure shortcode.
 */
import { test, expect } from '@wordpress/e2e-test-utils-playwright';
import { configureMarketplace } from '../utils/marketplaces';

test.describe( '[amazon] shortcode', () => {
	test.beforeAll( async ( { requestUtils } ) => {
		await configureMarketplace( requestUtils, 'de', 'cognito', 'EU' );
		await configureMarketplace( requestUtils, 'us', 'lwa', 'NA' );
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

	test( 'shows product titles as Amazon sent them while core still formats the text around them', async ( {
		page,
		requestUtils,
	} ) => {
		// The block theme runs wptexturize over post content and again over the whole template:
		// neither may turn the apostrophe or the inch mark of a product title into typography.
		const post = await requestUtils.createPost( {
			title: 'Titles as sent',
			content:
				'<!-- wp:paragraph --><p>It\'s "great" -- really.</p><!-- /wp:paragraph -->' +
				'<!-- wp:creators-connect-for-amazon/product {"asins":["B0CJ4TSBLM"],"country":"us"} /-->' +
				'<!-- wp:paragraph --><p>See [amazon asin="B0D5HJ8T2L" country="us" template="text_link"] now.</p><!-- /wp:paragraph -->',
			status: 'publish',
			date_gmt: new Date().toISOString(),
		} );
		const response = await page.goto( `/?p=${ post.id }` );
		const source = ( await response?.text() ) ?? '';
		expect( source ).not.toContain( '<!--acapi-product:' );

		// The title, then the screen-reader hint "(opens in a new tab)".
		await expect( page.locator( '.acapi-box .acapi-title' ) ).toHaveText(
			/^Northfield Men's Classic Crew Neck T-Shirt, Black, Medium\b/
		);
		await expect( page.locator( '.acapi-text-link' ) ).toContainText(
			'Ridgeway Aluminum Laptop Stand, Ergonomic Adjustable Notebook Riser for 10-17" Laptops, Silver'
		);
		// The post's own text is still texturized.
		await expect(
			page.locator( 'p', { hasText: 'great' } ).first()
		).toContainText( 'It\u2019s \u201cgreat\u201d \u2014 really.' );
	} );
} );
