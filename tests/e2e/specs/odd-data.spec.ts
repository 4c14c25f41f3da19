/**
 * Odd product data (control and bidi characters in a title) cannot break a page or the feed.
 */
import { test, expect } from '@wordpress/e2e-test-utils-playwright';
import { configureMarketplace } from '../utils/marketplaces';

// A catalog product whose title holds NUL, BEL and a right-to-left override.
const ODD = 'B0DDT3XT01';

test.describe( 'odd product data', () => {
	test.beforeAll( async ( { requestUtils } ) => {
		await configureMarketplace( requestUtils, 'us', 'lwa', 'NA' );
	} );

	test( 'the page shows a clean title and /feed/ stays valid XML', async ( {
		page,
		requestUtils,
	} ) => {
		const post = await requestUtils.createPost( {
			title: 'Odd data',
			content: `<!-- wp:shortcode -->[amazon asin="${ ODD }" country="us"]<!-- /wp:shortcode -->`,
			status: 'publish',
			date_gmt: new Date().toISOString(),
		} );
		await page.goto( `/?p=${ post.id }` );
		const box = page.locator( '.acapi-box' ).first();
		await expect( box ).toContainText( 'Odd Data evil.exe Speaker Mini' );
		const html = await page.content();
		expect( html ).not.toMatch(
			/[\u0000-\u0008\u202a-\u202e\u2066-\u2069]/
		);

		const feed = await page.request.get( '/?feed=rss2' );
		expect( feed.status() ).toBe( 200 );
		const xml = await feed.text();
		expect( xml ).toContain( 'Odd Data evil.exe Speaker Mini' );
		// The browser's XML parser is as strict as a feed reader's.
		const errors = await page.evaluate( ( source ) => {
			const doc = new DOMParser().parseFromString(
				source,
				'application/xml'
			);
			return Array.from( doc.getElementsByTagName( 'parsererror' ) ).map(
				( node ) => node.textContent ?? ''
			);
		}, xml );
		expect( errors ).toEqual( [] );
	} );
} );
