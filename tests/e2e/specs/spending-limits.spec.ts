/**
 * The editor's spending limits over real HTTP (issue #14, item 1): a contributor previewing a
 * product block with 50 new ASINs through WordPress's own block renderer fetches at most 20 of
 * them, sees why in the preview, and past the minute limit makes no call at all. Counted in
 * the emulator's log. The figures of the issue (calls per contributor per minute through
 * GET /products and through the block renderer) are measured and printed, never asserted
 * beyond the limit itself.
 */
import { test, expect } from '@wordpress/e2e-test-utils-playwright';
import { type APIRequestContext } from '@playwright/test';
import { configureMarketplace, REST_NAMESPACE } from '../utils/marketplaces';
import { createUser, loginAs } from '../utils/login';

const emulator =
	process.env.ACAPI_EMULATOR_URL ??
	`http://127.0.0.1:${ process.env.ACAPI_EMULATOR_PORT ?? '9412' }`;
const password = 'acapi-e2e-Pass-1';
// The default contributor limit (General settings).
const PER_MINUTE = 6;

let serial = Math.floor( Math.random() * 5_000_000 );

/**
 * ASINs no cache holds.
 *
 * @param count How many.
 */
function newAsins( count: number ): string[] {
	return Array.from(
		{ length: count },
		() => `B0E${ String( ++serial ).padStart( 7, '0' ) }`
	);
}

/**
 * getItems calls the emulator has seen.
 *
 * @param api A request context.
 */
async function getItemsCalls( api: APIRequestContext ): Promise< number > {
	const log = ( await (
		await api.get( `${ emulator }/__emulator/log` )
	).json() ) as { counts: Record< string, number > };
	return log.counts.getItems ?? 0;
}

/**
 * Waits until early in a clock minute (the per-minute counters follow the clock's minute).
 */
async function startOfMinute(): Promise< void > {
	const second = new Date().getUTCSeconds();
	if ( second > 30 ) {
		await new Promise( ( resolve ) =>
			setTimeout( resolve, ( 61 - second ) * 1000 )
		);
	}
}

test.describe( 'editor spending limits', () => {
	test.describe.configure( { mode: 'serial' } );
	let username = '';

	test.beforeAll( async ( { requestUtils } ) => {
		await configureMarketplace( requestUtils, 'us', 'lwa', 'NA' );
		// The contributor limit is the subject: the routes' own 60 a minute never reached.
		username = `acapi-spend-${ Date.now() }`;
		await createUser( requestUtils, username, password, 'contributor' );
	} );

	test( 'a contributor previewing 50 new ASINs through the block renderer fetches 20, sees why, and stops at the minute limit', async ( {
		request: api,
	} ) => {
		test.setTimeout( 180_000 );
		const { context, nonce } = await loginAs( username, password );
		const preview = async ( asins: string[] ) => {
			const query = new URLSearchParams( {
				rest_route:
					'/wp/v2/block-renderer/creators-connect-for-amazon/product',
				context: 'edit',
				'attributes[template]': 'list',
			} );
			for ( const asin of asins ) {
				query.append( 'attributes[asins][]', asin );
			}
			const response = await context.get( `/?${ query.toString() }`, {
				headers: { 'X-WP-Nonce': nonce },
			} );
			expect( response.status() ).toBe( 200 );
			return ( ( await response.json() ) as { rendered: string } )
				.rendered;
		};

		await startOfMinute();
		const before = await getItemsCalls( api );
		const first = await preview( newAsins( 50 ) );
		expect( ( await getItemsCalls( api ) ) - before ).toBe( 2 );
		expect( first ).toContain(
			'Only 20 new products are fetched from Amazon per preview; 30 more are loaded in the background'
		);
		expect( first ).not.toMatch( /Warning|Notice|Fatal error/ );

		// The figure, measured the same way: previews of 50 new ASINs in a loop.
		const started = Date.now();
		let last = '';
		let previews = 1;
		while ( Date.now() - started < 20_000 && previews < 70 ) {
			last = await preview( newAsins( 50 ) );
			previews++;
		}
		const calls = ( await getItemsCalls( api ) ) - before;
		const seconds = ( Date.now() - started ) / 1000;

		console.log(
			`[figure] block renderer: ${ previews } previews of 50 new ASINs by one contributor made ${ calls } getItems calls in ${ seconds.toFixed(
				1
			) } s`
		);
		expect( calls ).toBeLessThanOrEqual( PER_MINUTE );
		expect( last ).toContain(
			`You have used the ${ PER_MINUTE } Amazon calls a minute your role may make`
		);
		expect( last ).toContain( 'only editors see this' );
		await context.dispose();
	} );

	test( 'GET /products with 20 new ASINs in a loop: at most the minute limit, then 429', async ( {
		request: api,
	} ) => {
		test.setTimeout( 180_000 );
		const { context, nonce } = await loginAs( username, password );
		// A fresh minute for the same contributor.
		await new Promise( ( resolve ) =>
			setTimeout( resolve, ( 61 - new Date().getUTCSeconds() ) * 1000 )
		);
		const before = await getItemsCalls( api );
		const started = Date.now();
		const statuses: number[] = [];
		let refusal = '';
		while ( Date.now() - started < 20_000 && statuses.length < 70 ) {
			const response = await context.get(
				`/?rest_route=${ REST_NAMESPACE }/products&country=us&asins=${ newAsins(
					20
				).join( ',' ) }`,
				{ headers: { 'X-WP-Nonce': nonce } }
			);
			statuses.push( response.status() );
			if ( response.status() === 429 && '' === refusal ) {
				refusal = ( ( await response.json() ) as { message: string } )
					.message;
			}
		}
		const calls = ( await getItemsCalls( api ) ) - before;
		const seconds = ( Date.now() - started ) / 1000;

		console.log(
			`[figure] GET /products: ${ statuses.length } requests of 20 new ASINs by one contributor made ${ calls } getItems calls in ${ seconds.toFixed(
				1
			) } s (${ statuses.filter( ( s ) => s === 429 ).length } answered 429)`
		);
		expect( calls ).toBeLessThanOrEqual( PER_MINUTE );
		expect( statuses.slice( 0, 3 ) ).toEqual( [ 200, 200, 200 ] );
		expect( statuses[ 3 ] ).toBe( 429 );
		expect( refusal ).toContain(
			`You have used the ${ PER_MINUTE } Amazon calls a minute your role may make`
		);
		await context.dispose();
	} );
} );
