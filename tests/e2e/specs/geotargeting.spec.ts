/**
 * Geotargeting in Chromium: one HTML for everyone (no country header, as a page cache would
 * serve it); the script picks the store from navigator.languages (Playwright's locale) and the
 * time zone, and each browser's click goes to its own store with that store's tag. The script is
 * only loaded when the feature is on; the settings screen says that nothing leaves the site.
 */
import type { Browser } from '@playwright/test';
import {
	test,
	expect,
	type RequestUtils,
} from '@wordpress/e2e-test-utils-playwright';
import { configureMarketplace } from '../utils/marketplaces';
import credentials from '../../fixtures/credentials.json';

const EVERYWHERE = 'B0C7KX2Q4M';
const US_ONLY = 'B0C7KX2Q5N';

interface Visit {
	html: string;
	hrefs: Record< string, string >;
	scripts: string[];
	clicked: string;
}

/**
 * A visitor with a browser locale and time zone: the page's HTML, each product's link after the
 * script ran, the scripts loaded, and where a click on the first product's link goes.
 * @param browser  The browser.
 * @param baseURL  The site.
 * @param postId   The post.
 * @param locale   Browser locale (navigator.languages).
 * @param timezone IANA time zone.
 */
async function visit(
	browser: Browser,
	baseURL: string | undefined,
	postId: number,
	locale: string,
	timezone: string
): Promise< Visit > {
	const context = await browser.newContext( {
		baseURL,
		locale,
		timezoneId: timezone,
		storageState: { cookies: [], origins: [] },
	} );
	const stores: string[] = [];
	await context.route( /^https:\/\/www\.amazon\.[a-z.]+\//, ( route ) => {
		stores.push( route.request().url() );
		return route.fulfill( {
			contentType: 'text/html',
			body: '<p>store</p>',
		} );
	} );
	await context.route( 'https://m.media-amazon.com/**', ( route ) =>
		route.fulfill( { contentType: 'image/svg+xml', body: '<svg/>' } )
	);
	const page = await context.newPage();
	const scripts: string[] = [];
	page.on( 'request', ( request ) => {
		if ( request.resourceType() === 'script' ) {
			scripts.push( request.url() );
		}
	} );
	const response = await page.goto( `/?p=${ postId }` );
	const html = ( await response?.text() ) ?? '';
	await page.waitForLoadState( 'load' );
	const hrefs: Record< string, string > = {};
	for ( const asin of [ EVERYWHERE, US_ONLY ] ) {
		hrefs[ asin ] =
			( await page
				.locator(
					`.acapi a[data-acapi-geo], .acapi a[href*="${ asin }"]`
				)
				.filter( { hasText: /./ } )
				.evaluateAll(
					( links, wanted ) =>
						links
							.map(
								( link ) => ( link as HTMLAnchorElement ).href
							)
							.find( ( href ) => href.includes( wanted ) ) ?? '',
					asin
				) ) || '';
	}
	const link = page.locator( `.acapi-title a` ).first();
	const popup = context.waitForEvent( 'page' );
	await link.click();
	await ( await popup ).waitForLoadState();
	await context.close();
	return { html, hrefs, scripts, clicked: stores[ 0 ] ?? '' };
}

/**
 * Geotargeting on for DE and the US, through WordPress's settings route.
 * @param requestUtils The admin's request utils.
 * @param fallback     When the other store does not sell the product.
 */
async function geotargeting(
	requestUtils: RequestUtils,
	fallback: 'original' | 'search'
): Promise< void > {
	await requestUtils.rest( {
		method: 'POST',
		path: '/wp/v2/settings',
		data: {
			acapi_geotargeting: {
				enabled: true,
				targets: [ 'de', 'us' ],
				fallback,
			},
		},
	} );
}

test.describe( 'geotargeting', () => {
	test.beforeAll( async ( { requestUtils } ) => {
		await configureMarketplace( requestUtils, 'us', 'lwa', 'NA' );
		await configureMarketplace( requestUtils, 'de', 'cognito', 'EU' );
	} );

	test.afterAll( async ( { requestUtils } ) => {
		await requestUtils.rest( {
			method: 'POST',
			path: '/wp/v2/settings',
			data: { acapi_geotargeting: { enabled: false } },
		} );
	} );

	test( 'one HTML for a German and a US browser; each clicks to its own store', async ( {
		browser,
		requestUtils,
	} ) => {
		const post = await requestUtils.createPost( {
			title: 'Geotargeting',
			content: `<!-- wp:creators-connect-for-amazon/product {"asins":["${ EVERYWHERE }","${ US_ONLY }"],"country":"us","template":"list"} /-->`,
			status: 'publish',
			date_gmt: new Date().toISOString(),
		} );

		// Off: no alternatives, no script.
		const off = await visit(
			browser,
			requestUtils.baseURL,
			post.id,
			'de-AT',
			'Europe/Vienna'
		);
		expect( off.html ).not.toContain( 'data-acapi-geo' );
		expect( off.scripts.some( ( url ) => url.includes( '/geo.js' ) ) ).toBe(
			false
		);
		expect( off.clicked ).toMatch( /^https:\/\/www\.amazon\.com\/dp\// );

		await geotargeting( requestUtils, 'original' );

		const german = await visit(
			browser,
			requestUtils.baseURL,
			post.id,
			'de-AT',
			'Europe/Vienna'
		);
		const american = await visit(
			browser,
			requestUtils.baseURL,
			post.id,
			'en-US',
			'America/Chicago'
		);
		// The same HTML for both: what a page cache stores serves everyone.
		expect( german.html ).toBe( american.html );
		expect( german.html ).toContain( 'data-acapi-geo' );
		expect(
			german.scripts.some( ( url ) => url.includes( '/geo.js' ) )
		).toBe( true );

		const deTag = credentials.partner_tags.de;
		const usTag = credentials.partner_tags.us;
		expect( german.hrefs[ EVERYWHERE ] ).toMatch(
			new RegExp(
				`^https://www\\.amazon\\.de/dp/${ EVERYWHERE }\\?tag=${ deTag }&`
			)
		);
		expect( german.hrefs[ US_ONLY ] ).toMatch(
			new RegExp(
				`^https://www\\.amazon\\.com/dp/${ US_ONLY }\\?tag=${ usTag }`
			)
		);
		expect( american.hrefs[ EVERYWHERE ] ).toMatch(
			new RegExp(
				`^https://www\\.amazon\\.com/dp/${ EVERYWHERE }\\?tag=${ usTag }&`
			)
		);
		// Each click lands in the visitor's own store, with its tag.
		expect( german.clicked ).toContain(
			`www.amazon.de/dp/${ EVERYWHERE }`
		);
		expect( german.clicked ).toContain( `tag=${ deTag }` );
		expect( american.clicked ).toContain(
			`www.amazon.com/dp/${ EVERYWHERE }`
		);
		expect( american.clicked ).toContain( `tag=${ usTag }` );

		// A language without a region: the time zone decides (Zurich → CH → DE).
		const swiss = await visit(
			browser,
			requestUtils.baseURL,
			post.id,
			'de',
			'Europe/Zurich'
		);
		expect( swiss.hrefs[ EVERYWHERE ] ).toContain( 'www.amazon.de/dp/' );

		// Fallback "search": the US-only product sends the German visitor to a search on amazon.de.
		await geotargeting( requestUtils, 'search' );
		const searching = await visit(
			browser,
			requestUtils.baseURL,
			post.id,
			'de-DE',
			'Europe/Berlin'
		);
		expect( searching.html ).toContain( 'amazon.de/s?k=' );
	} );

	test( 'the settings screen says no IP and no request leave the site', async ( {
		admin,
		page,
		requestUtils,
	} ) => {
		await requestUtils.rest( {
			method: 'POST',
			path: '/wp/v2/settings',
			data: { acapi_geotargeting: { fallback: 'search' } },
		} );
		await admin.visitAdminPage(
			'options-general.php',
			'page=creators-connect-for-amazon'
		);
		await expect(
			page
				.locator( '#acapi-settings-root' )
				.getByText( 'No IP address and no request leave your site' )
		).toBeVisible();
		await page
			.getByLabel( 'When that store does not sell the product' )
			.selectOption( 'original' );
		await page.getByRole( 'button', { name: 'Save geotargeting' } ).click();
		await expect(
			page
				.locator( '.acapi-snackbars' )
				.getByText( 'Geotargeting settings saved.' )
		).toBeVisible();
		const saved = await requestUtils.rest< {
			acapi_geotargeting: { fallback: string };
		} >( { path: '/wp/v2/settings' } );
		expect( saved.acapi_geotargeting.fallback ).toBe( 'original' );
	} );
} );
