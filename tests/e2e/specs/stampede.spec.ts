/**
 * Stampede protection over real HTTP: ten concurrent visitors of a cold page that shows ten
 * products make one getItems call to Amazon in total.
 */
import { test, expect } from '@wordpress/e2e-test-utils-playwright';
import { configureMarketplace } from '../utils/marketplaces';

const emulator =
	process.env.ACAPI_EMULATOR_URL ??
	`http://127.0.0.1:${ process.env.ACAPI_EMULATOR_PORT ?? '9412' }`;

// Ten products of the emulator's US catalog: one getItems batch.
const ASINS = [
	'B0C7KX2Q4M',
	'B0C7KX2Q5N',
	'B0BQ3WN8ZK',
	'B0D5HJ8T2L',
	'B0CM9YQH7D',
	'B0CM9YQH8F',
	'B0DLONGT1T',
	'B0COUTSTK2',
	'B0BXMAPVIO',
	'B0C2MULTI7',
];

test.describe( 'stampede over HTTP', () => {
	test.beforeAll( async ( { requestUtils } ) => {
		await configureMarketplace( requestUtils, 'us', 'lwa', 'NA' );
	} );

	test.afterEach( async ( { request } ) => {
		await request.delete( `${ emulator }/__emulator/faults` );
	} );

	test( '10 concurrent requests to a cold page with 10 products make 1 getItems call', async ( {
		playwright,
		request,
		requestUtils,
	} ) => {
		// `_fields=id`: the answer does not render the content, so the products stay cold (a
		// rendered answer would fetch them).
		const post = ( await requestUtils.rest( {
			method: 'POST',
			path: '/wp/v2/posts',
			params: { _fields: 'id' },
			data: {
				title: 'Stampede',
				content: `<!-- wp:shortcode -->[amazon asin="${ ASINS.join(
					','
				) }" country="us" template="list"]<!-- /wp:shortcode -->`,
				status: 'publish',
			},
		} ) ) as { id: number };

		// A clean log, and Amazon slow enough for the requests to overlap.
		expect(
			( await request.post( `${ emulator }/__emulator/reset` ) ).ok()
		).toBe( true );
		// The reset also forgot the tokens the emulator had issued. A connection test makes the
		// plugin fetch a fresh one, as any earlier page view would have, so that what follows
		// counts the products' getItems calls alone (not a 401 and its retry).
		const tested = ( await requestUtils.rest( {
			method: 'POST',
			path: '/creators-connect-for-amazon/v1/marketplaces/us/test',
		} ) ) as { ok: boolean };
		expect( tested.ok ).toBe( true );
		const counts = async () =>
			(
				( await (
					await request.get( `${ emulator }/__emulator/log` )
				).json() ) as { counts: Record< string, number > }
			 ).counts;
		const before = await counts();
		const fault = await request.post( `${ emulator }/__emulator/faults`, {
			data: {
				fault: 'latency',
				latency_ms: 800,
				times: -1,
				operation: 'getItems',
			},
		} );
		expect( fault.ok() ).toBe( true );

		// Visitors: no cookies.
		const visitors = await playwright.request.newContext( {
			baseURL: process.env.WP_BASE_URL,
			storageState: { cookies: [], origins: [] },
		} );
		try {
			const responses = await Promise.all(
				Array.from( { length: 10 }, () =>
					visitors.get( `/?p=${ post.id }`, { timeout: 30_000 } )
				)
			);
			const statuses = responses.map( ( response ) => response.status() );
			expect( statuses ).toEqual( Array( 10 ).fill( 200 ) );
			for ( const response of responses ) {
				const html = await response.text();
				expect(
					( html.match( /class="acapi-list__row"/g ) ?? [] ).length,
					'every visitor sees the ten products'
				).toBe( 10 );
			}
		} finally {
			await visitors.dispose();
		}

		const after = await counts();
		expect( ( after.getItems ?? 0 ) - ( before.getItems ?? 0 ) ).toBe( 1 );
		expect(
			( after.token ?? 0 ) - ( before.token ?? 0 ),
			'the cached token served every visitor'
		).toBe( 0 );
	} );
} );
