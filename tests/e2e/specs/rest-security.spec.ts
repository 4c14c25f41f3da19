/**
 * The plugin's REST routes over real HTTP: refused without a nonce (admin cookies only), with a
 * forged nonce, logged out, as subscriber and (settings routes) as editor; oversized and
 * malformed JSON bodies get 400; and no stored secret is ever readable anywhere: REST answers,
 * the settings page, the front end, the debug log, the database file.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
	test,
	expect,
	type RequestUtils,
} from '@wordpress/e2e-test-utils-playwright';
import { request, type APIRequestContext } from '@playwright/test';
import credentials from '../../fixtures/credentials.json';
import { configureMarketplace, REST_NAMESPACE } from '../utils/marketplaces';
import { baseURL, createUser, loginAs } from '../utils/login';

const NS = REST_NAMESPACE;
const site = path.join(
	__dirname,
	'..',
	'..',
	'..',
	'.wp',
	'sites',
	process.env.ACAPI_E2E_SITE ?? 'e2e'
);
const SECRETS = [
	credentials.cognito.EU.credential_secret,
	credentials.paapi.secret_key,
];

/** Routes that only administrators may use. */
const ADMIN_ONLY = /\/(marketplaces|paapi|general|routing)(\/|$)/;

type Endpoint = { route: string; path: string; method: string };

/**
 * Every route and method of the plugin's namespace, with sample path parameters.
 *
 * @param requestUtils The admin's request utils.
 */
async function endpoints( requestUtils: RequestUtils ): Promise< Endpoint[] > {
	const index = ( await requestUtils.rest( { path: NS } ) ) as {
		routes: Record< string, { methods: string[] } >;
	};
	const out: Endpoint[] = [];
	for ( const [ route, info ] of Object.entries( index.routes ) ) {
		if ( route === NS ) {
			continue;
		}
		const concrete = route.replace( /\(\?P<[a-z_]+>[^)]*\)/g, 'de' );
		for ( const method of info.methods ) {
			out.push( { route, path: concrete, method } );
		}
	}
	expect( out.length ).toBeGreaterThan( 5 );
	return out;
}

/**
 * Sends one endpoint request (a small valid-looking body for writes).
 *
 * @param context Request context.
 * @param item    Endpoint.
 * @param headers Extra headers.
 */
async function send(
	context: APIRequestContext,
	item: Endpoint,
	headers: Record< string, string > = {}
) {
	const response = await context.fetch( `/?rest_route=${ item.path }`, {
		method: item.method,
		headers: { 'Content-Type': 'application/json', ...headers },
		data: item.method === 'GET' ? undefined : { country: 'de' },
	} );
	const body = await response.text();
	return { status: response.status(), body };
}

/**
 * The response refuses the request (WordPress checks required arguments before permissions).
 *
 * @param result        Status and body.
 * @param result.status HTTP status.
 * @param result.body   Response body.
 * @param item          Endpoint.
 * @param who           Who asked.
 * @param allowed       Acceptable error codes.
 */
function expectRefused(
	result: { status: number; body: string },
	item: Endpoint,
	who: string,
	allowed: string[] = []
) {
	const label = `${ item.method } ${ item.path } as ${ who }: ${
		result.status
	} ${ result.body.slice( 0, 200 ) }`;
	expect( [ 400, 401, 403 ], label ).toContain( result.status );
	if ( result.status === 400 ) {
		const code = ( JSON.parse( result.body ) as { code?: string } ).code;
		expect(
			[ 'rest_missing_callback_param', 'rest_invalid_param', ...allowed ],
			label
		).toContain( code );
	}
	for ( const secret of SECRETS ) {
		expect( result.body, label ).not.toContain( secret );
	}
}

/**
 * Fails when a text holds a secret (plain or JSON-escaped).
 *
 * @param text  Text.
 * @param where Where it came from.
 */
function expectNoSecret( text: string, where: string ) {
	for ( const secret of SECRETS ) {
		expect( text.includes( secret ), `${ where } holds a secret` ).toBe(
			false
		);
		expect(
			text.includes( JSON.stringify( secret ).slice( 1, -1 ) ),
			`${ where } holds a secret (JSON)`
		).toBe( false );
		expect(
			text.includes( secret.replace( /\//g, '\\/' ) ),
			`${ where } holds a secret (escaped slashes)`
		).toBe( false );
	}
}

test.describe( 'REST security', () => {
	const password = 'acapi-e2e-Pass-1';
	const stamp = Date.now().toString( 36 );
	const users = {
		subscriber: `acapi_sub_${ stamp }`,
		editor: `acapi_ed_${ stamp }`,
	};

	test.beforeAll( async ( { requestUtils } ) => {
		await configureMarketplace( requestUtils, 'de', 'cognito', 'EU' );
		await requestUtils.rest( {
			path: `${ NS }/paapi`,
			method: 'PUT',
			data: {
				access_key: credentials.paapi.access_key,
				secret_key: credentials.paapi.secret_key,
			},
		} );
		for ( const [ role, username ] of Object.entries( users ) ) {
			await createUser( requestUtils, username, password, role );
		}
	} );

	test( 'every route refuses requests without a nonce, with a forged nonce and logged out', async ( {
		requestUtils,
		request: adminCookies,
	} ) => {
		const list = await endpoints( requestUtils );
		const anonymous = await request.newContext( { baseURL } );
		// Control: the same cookies with the admin's nonce are let in.
		const nonce = await (
			await adminCookies.get(
				'/wp-admin/admin-ajax.php?action=rest-nonce'
			)
		).text();
		const allowed = await send(
			adminCookies,
			{ route: '', path: `${ NS }/marketplaces`, method: 'GET' },
			{ 'X-WP-Nonce': nonce }
		);
		expect( allowed.status ).toBe( 200 );
		for ( const item of list ) {
			// The admin's cookies but no X-WP-Nonce: WordPress treats the request as logged out.
			expectRefused(
				await send( adminCookies, item ),
				item,
				'admin cookies without nonce'
			);
			// A forged nonce with the admin's cookies.
			const forged = await send( adminCookies, item, {
				'X-WP-Nonce': '0123456789',
			} );
			expect( forged.status, `${ item.method } ${ item.path }` ).toBe(
				403
			);
			expect( JSON.parse( forged.body ).code ).toBe(
				'rest_cookie_invalid_nonce'
			);
			expectRefused( await send( anonymous, item ), item, 'visitor' );
		}
		await anonymous.dispose();
	} );

	test( 'subscribers are refused everywhere, editors on the settings routes', async ( {
		requestUtils,
	} ) => {
		const list = await endpoints( requestUtils );
		for ( const [ role, username ] of Object.entries( users ) ) {
			const { context, nonce } = await loginAs( username, password );
			for ( const item of list ) {
				if ( role === 'editor' && ! ADMIN_ONLY.test( item.route ) ) {
					continue;
				}
				const result = await send( context, item, {
					'X-WP-Nonce': nonce,
				} );
				expectRefused( result, item, role );
			}
			await context.dispose();
		}
	} );

	test( 'oversized and malformed JSON bodies get 400', async ( {
		requestUtils,
		request: adminCookies,
	} ) => {
		const nonce = await (
			await adminCookies.get(
				'/wp-admin/admin-ajax.php?action=rest-nonce'
			)
		).text();
		const list = ( await endpoints( requestUtils ) ).filter(
			( item ) => item.method !== 'GET' && item.method !== 'DELETE'
		);
		const huge = JSON.stringify( {
			country: 'de',
			credential_id: 'x'.repeat( 1_100_000 ),
			credential_secret: 'y'.repeat( 10 ),
			access_key: 'z'.repeat( 1_100_000 ),
			keywords: 'k'.repeat( 1_100_000 ),
		} );
		for ( const item of list ) {
			const bodies: Array< [ string, string ] > = [
				[ 'oversized', huge ],
				[ 'malformed', '{"country":"de",' ],
			];
			for ( const [ what, body ] of bodies ) {
				const response = await adminCookies.fetch(
					`/?rest_route=${ item.path }`,
					{
						method: item.method,
						headers: {
							'Content-Type': 'application/json',
							'X-WP-Nonce': nonce,
						},
						// A Buffer goes out byte for byte (a string would be JSON-encoded).
						data: Buffer.from( body ),
					}
				);
				const text = await response.text();
				expect(
					response.status(),
					`${ what } ${ item.method } ${ item.path }: ${ text.slice(
						0,
						300
					) }`
				).toBe( 400 );
				expectNoSecret(
					text,
					`${ what } ${ item.method } ${ item.path }`
				);
			}
		}
		// Nothing of it was stored.
		const stored = JSON.stringify(
			await requestUtils.rest( { path: `${ NS }/marketplaces/de` } )
		);
		expect( stored ).not.toContain( 'xxxxxxxxxx' );
	} );

	test( 'no stored secret is readable anywhere', async ( {
		page,
		admin,
		requestUtils,
		request: adminCookies,
	} ) => {
		const nonce = await (
			await adminCookies.get(
				'/wp-admin/admin-ajax.php?action=rest-nonce'
			)
		).text();
		// Every route the admin may read, and the connection test.
		for ( const item of await endpoints( requestUtils ) ) {
			if ( item.method !== 'GET' && ! item.path.endsWith( '/test' ) ) {
				continue;
			}
			const result = await send( adminCookies, item, {
				'X-WP-Nonce': nonce,
			} );
			expectNoSecret( result.body, `${ item.method } ${ item.path }` );
		}
		// The settings page as the admin sees it.
		await admin.visitAdminPage(
			'options-general.php',
			'page=creators-connect-for-amazon'
		);
		await expect(
			page.getByRole( 'heading', { name: 'Marketplaces' } )
		).toBeVisible();
		expectNoSecret( await page.content(), 'the settings page' );
		// The front end with a product.
		const post = await requestUtils.createPost( {
			title: 'Secrets',
			content:
				'<!-- wp:shortcode -->[amazon_product asin="B0DKAFFEE1" country="de"]<!-- /wp:shortcode -->',
			status: 'publish',
			date_gmt: new Date().toISOString(),
		} );
		for ( const url of [ `/?p=${ post.id }`, '/', '/?feed=rss2' ] ) {
			expectNoSecret(
				await ( await adminCookies.get( url ) ).text(),
				url
			);
		}
		// The debug log and the database file (secrets are only stored encrypted).
		const log = path.join( site, 'wp-content', 'debug.log' );
		if ( fs.existsSync( log ) ) {
			expectNoSecret( fs.readFileSync( log, 'utf8' ), 'debug.log' );
		}
		const database = path.join( site, 'wp-content', 'database' );
		const files = fs
			.readdirSync( database )
			.filter( ( name ) => name.startsWith( '.ht.sqlite' ) );
		expect( files.length ).toBeGreaterThan( 0 );
		for ( const name of files ) {
			const bytes = fs.readFileSync( path.join( database, name ) );
			for ( const secret of SECRETS ) {
				expect(
					bytes.includes( Buffer.from( secret ) ),
					`${ name } holds a secret in plain text`
				).toBe( false );
			}
		}
	} );
} );
