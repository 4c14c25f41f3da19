/**
 * The demo with the emulator's image mode: product images come from the emulator (placeholder
 * cards with the title), load in the browser, and the unit price shows beside the price.
 * Writes artifacts/demo-images.png.
 */
import path from 'node:path';
import { test, expect } from '@wordpress/e2e-test-utils-playwright';
import { configureMarketplace } from '../utils/marketplaces';

const emulator =
	process.env.ACAPI_EMULATOR_URL ??
	`http://127.0.0.1:${ process.env.ACAPI_EMULATOR_PORT ?? '9412' }`;

test.describe( 'demo image mode', () => {
	test.beforeAll( async ( { requestUtils } ) => {
		await configureMarketplace( requestUtils, 'de', 'cognito', 'EU' );
		await configureMarketplace( requestUtils, 'us', 'lwa', 'NA' );
	} );

	test.afterAll( async ( { request } ) => {
		await request.post( `${ emulator }/__emulator/config`, {
			data: { demo_images: false },
		} );
	} );

	test( 'a demo page shows the emulator’s product images', async ( {
		browser,
		request,
		requestUtils,
	} ) => {
		expect(
			(
				await request.post( `${ emulator }/__emulator/config`, {
					data: { demo_images: true },
				} )
			).ok()
		).toBe( true );
		// Products no other spec stores, so they are fetched with the demo URLs.
		const post = await requestUtils.createPost( {
			title: 'Demo images',
			content:
				'<!-- wp:creators-connect-for-amazon/product {"asins":["B0DDUSCHE6","B0DSPIEL05","B0DBOHRER3"],"country":"de","template":"grid"} /-->' +
				'<!-- wp:creators-connect-for-amazon/product {"asins":["B0DDUSCHE6"],"country":"de"} /-->' +
				'<!-- wp:creators-connect-for-amazon/product {"asins":["B0BX9L2KQW","B0CGAME9XZ"],"country":"us","template":"list"} /-->',
			status: 'publish',
			date_gmt: new Date().toISOString(),
		} );
		// As a visitor sees it (no admin bar over the screenshot).
		const visitor = await browser.newContext( {
			baseURL: requestUtils.baseURL,
			storageState: { cookies: [], origins: [] },
			viewport: { width: 1100, height: 1400 },
		} );
		const page = await visitor.newPage();
		await page.goto( `/?p=${ post.id }` );

		const images = page.locator( '.acapi img' );
		await expect( images ).toHaveCount( 6 );
		for ( const image of await images.all() ) {
			await image.scrollIntoViewIfNeeded();
			await expect( image ).toHaveAttribute(
				'src',
				new RegExp(
					`^${ emulator.replace( /[.]/g, '\\.' ) }/demo-images/(de|us)/B0[A-Z0-9]{8}/\\d+x\\d+\\.svg$`
				)
			);
			await expect
				.poll( () =>
					image.evaluate(
						( img ) =>
							( img as HTMLImageElement ).complete &&
							( img as HTMLImageElement ).naturalWidth
					)
				)
				.toBeGreaterThan( 0 );
		}
		// The German shower gel shows its unit price beside the price (in the site's number format).
		await expect(
			page.locator( '.acapi-box .acapi-price__unit' ).first()
		).toHaveText( /^\(€1\.99 \/ 100 ml\)$/ );

		await page.screenshot( {
			path: path.join(
				__dirname,
				'..',
				'..',
				'..',
				'artifacts',
				'demo-images.png'
			),
			fullPage: true,
		} );
		await visitor.close();
	} );
} );
