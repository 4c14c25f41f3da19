/**
 * The settings store: resolvers read each route once, writes call their route and put the
 * answer into the store without reading the other resources again.
 */
import apiFetch from '@wordpress/api-fetch';
import {
	createRegistry,
	type dispatch,
	type resolveSelect,
	type select,
} from '@wordpress/data';
import { store as noticesStore } from '@wordpress/notices';

import { store } from '../../../src/settings/store';
import type { MarketplaceSettings } from '../../../src/settings/types';
import { germany, routing, unitedStates } from './fixtures';

jest.mock( '@wordpress/api-fetch', () => jest.fn() );

const fetchMock = apiFetch as unknown as jest.Mock;
const NS = '/creators-connect-for-amazon/v1';

/** The calls apiFetch received, as "METHOD path". */
const calls = () =>
	fetchMock.mock.calls.map(
		( [ options ]: [ { path: string; method?: string } ] ) =>
			`${ options.method ?? 'GET' } ${ options.path }`
	);

/**
 * Answers apiFetch from a table of "METHOD path" → answer (an Error-like object is thrown).
 *
 * @param answers The answers.
 */
function answer( answers: Record< string, unknown > ) {
	fetchMock.mockImplementation(
		async ( options: { path: string; method?: string } ) => {
			const key = `${ options.method ?? 'GET' } ${ options.path }`;
			if ( ! ( key in answers ) ) {
				throw new Error( `unexpected ${ key }` );
			}
			const value = answers[ key ];
			if (
				value &&
				typeof value === 'object' &&
				'code' in value &&
				'message' in value
			) {
				throw value;
			}
			return value;
		}
	);
}

/** A registry of its own per test (its type, which @wordpress/data's types leave out). */
interface Registry {
	register: ( descriptor: typeof store | typeof noticesStore ) => void;
	select: typeof select;
	dispatch: typeof dispatch;
	resolveSelect: typeof resolveSelect;
}

function setup() {
	const registry = createRegistry() as unknown as Registry;
	registry.register( noticesStore );
	registry.register( store );
	return registry;
}

const notices = ( registry: ReturnType< typeof setup > ) =>
	registry
		.select( noticesStore )
		.getNotices()
		.map( ( notice ) => `${ notice.status }: ${ notice.content }` );

beforeEach( () => fetchMock.mockReset() );

describe( 'settings store', () => {
	it( 'reads each resource from its route once', async () => {
		answer( {
			[ `GET ${ NS }/marketplaces` ]: [ germany, unitedStates ],
			[ `GET ${ NS }/routing` ]: routing,
		} );
		const registry = setup();
		const marketplaces: MarketplaceSettings[] = await registry
			.resolveSelect( store )
			.getMarketplaces();
		expect( marketplaces.map( ( item ) => item.country ) ).toEqual( [
			'de',
			'us',
		] );
		await registry.resolveSelect( store ).getMarketplaces();
		await registry.resolveSelect( store ).getRouting();
		expect( calls() ).toEqual( [
			`GET ${ NS }/marketplaces`,
			`GET ${ NS }/routing`,
		] );
	} );

	it( 'keeps a failed read as the load error', async () => {
		answer( {
			[ `GET ${ NS }/marketplaces` ]: {
				code: 'rest_forbidden',
				message: 'Sorry, you are not allowed.',
			},
		} );
		const registry = setup();
		await registry.resolveSelect( store ).getMarketplaces();
		expect( registry.select( store ).getLoadError( 'marketplaces' ) ).toBe(
			'Sorry, you are not allowed.'
		);
		expect( registry.select( store ).getMarketplaces() ).toEqual( [] );
	} );

	it( 'adds from the answer, moves the default, and reads only the routing again', async () => {
		const france: MarketplaceSettings = {
			...germany,
			country: 'fr',
			name: 'France',
			is_default: true,
			revision: 1,
		};
		answer( {
			[ `GET ${ NS }/marketplaces` ]: [ germany, unitedStates ],
			[ `GET ${ NS }/routing` ]: routing,
			[ `POST ${ NS }/marketplaces` ]: france,
		} );
		const registry = setup();
		await registry.resolveSelect( store ).getMarketplaces();
		await registry.resolveSelect( store ).getRouting();
		fetchMock.mockClear();

		await registry.dispatch( store ).saveMarketplace(
			{
				country: 'fr',
				enabled: true,
				credential_type: 'cognito',
				credential_id: germany.credential_id,
				credential_secret: 'secret',
				partner_tag: 'tag-21',
				api_version: '',
				is_default: true,
			},
			null
		);
		const list = registry.select( store ).getMarketplaces();
		expect(
			list.map( ( item ) => [ item.country, item.is_default ] )
		).toEqual( [
			[ 'de', false ],
			[ 'us', false ],
			[ 'fr', true ],
		] );
		expect( notices( registry ) ).toEqual( [ 'success: France added.' ] );
		// The routing summary is stale now: selecting it reads it again, and only it.
		await registry.resolveSelect( store ).getRouting();
		expect( calls() ).toEqual( [
			`POST ${ NS }/marketplaces`,
			`GET ${ NS }/routing`,
		] );
	} );

	it( 'throws a save error to the form and keeps the store', async () => {
		const invalid = {
			code: 'rest_invalid_param',
			message: 'Invalid parameter(s): partner_tag',
			data: { status: 400, params: { partner_tag: 'Enter the tag.' } },
		};
		answer( {
			[ `GET ${ NS }/marketplaces` ]: [ germany ],
			[ `PUT ${ NS }/marketplaces/de` ]: invalid,
		} );
		const registry = setup();
		await registry.resolveSelect( store ).getMarketplaces();
		await expect(
			registry.dispatch( store ).saveMarketplace(
				{
					enabled: true,
					credential_type: 'cognito',
					credential_id: germany.credential_id,
					credential_secret: '',
					partner_tag: '',
					api_version: '',
					is_default: true,
				},
				germany
			)
		).rejects.toBe( invalid );
		expect( registry.select( store ).getMarketplaces() ).toEqual( [
			germany,
		] );
		expect( notices( registry ) ).toEqual( [] );
	} );

	it( 'reads one row again when a change was made from a stale copy', async () => {
		const fresh = { ...germany, revision: 4, partner_tag: 'other-21' };
		answer( {
			[ `GET ${ NS }/marketplaces` ]: [ germany, unitedStates ],
			[ `PUT ${ NS }/marketplaces/de` ]: {
				code: 'acapi_marketplace_stale',
				message: 'Someone else changed this marketplace.',
				data: { status: 409 },
			},
			[ `GET ${ NS }/marketplaces/de` ]: fresh,
		} );
		const registry = setup();
		await registry.resolveSelect( store ).getMarketplaces();
		await registry.dispatch( store ).toggleMarketplace( germany, false );
		expect( registry.select( store ).getMarketplaces()[ 0 ] ).toEqual(
			fresh
		);
		expect( registry.select( store ).getBusyCountry() ).toBeNull();
		expect( notices( registry ) ).toEqual( [
			'error: Someone else changed this marketplace.',
		] );
		expect(
			calls().filter( ( call ) => call === `GET ${ NS }/marketplaces` )
		).toHaveLength( 1 );
	} );

	it( 'removes a deleted marketplace and its test result', async () => {
		answer( {
			[ `GET ${ NS }/marketplaces` ]: [ germany, unitedStates ],
			[ `POST ${ NS }/marketplaces/us/test` ]: {
				ok: true,
				country: 'us',
				api_version: '3.1',
				credential_type: 'lwa',
				kind: null,
				message: 'Connected.',
				hint: null,
			},
			[ `DELETE ${ NS }/marketplaces/us` ]: { deleted: true },
		} );
		const registry = setup();
		await registry.resolveSelect( store ).getMarketplaces();
		await registry.dispatch( store ).testConnection( unitedStates );
		expect(
			registry.select( store ).getConnectionTest( 'us' )?.message
		).toBe( 'Connected.' );
		await registry.dispatch( store ).deleteMarketplace( unitedStates );
		expect(
			registry
				.select( store )
				.getMarketplaces()
				.map( ( item ) => item.country )
		).toEqual( [ 'de' ] );
		expect(
			registry.select( store ).getConnectionTest( 'us' )
		).toBeUndefined();
		expect( notices( registry ) ).toEqual( [
			'success: United States deleted.',
		] );
	} );

	it( 'saves the general settings from the answer', async () => {
		const general = {
			default_template: 'grid' as const,
			button_text: '',
			link_target: '_blank' as const,
			price_disclaimer: '',
			disclosure_text: '',
			affiliate_label: false,
			offer_max_age_minutes: 30,
			catalog_max_age_hours: 24,
			fallback_to_paapi: true,
			delete_data_on_uninstall: false,
		};
		answer( { [ `PUT ${ NS }/general` ]: general } );
		const registry = setup();
		await registry
			.dispatch( store )
			.saveGeneral( { default_template: 'grid' } );
		expect( registry.select( store ).getGeneral() ).toEqual( general );
		expect( calls() ).toEqual( [ `PUT ${ NS }/general` ] );
	} );

	it( 'ticks the checklist: a passed test reads it again, and hiding it keeps the answer', async () => {
		const before = {
			marketplace_added: true,
			connection_tested: false,
			product_on_page: false,
			product_url: null,
			dismissed: false,
		};
		const after = { ...before, connection_tested: true };
		let checklist: typeof before = before;
		fetchMock.mockImplementation(
			async ( options: { path: string; method?: string } ) => {
				const key = `${ options.method ?? 'GET' } ${ options.path }`;
				if ( key === `GET ${ NS }/getting-started` ) {
					return checklist;
				}
				if ( key === `POST ${ NS }/marketplaces/us/test` ) {
					checklist = after;
					return {
						ok: true,
						country: 'us',
						api_version: '3.1',
						credential_type: 'lwa',
						kind: null,
						message: 'Connected.',
						hint: null,
					};
				}
				if ( key === `PUT ${ NS }/getting-started` ) {
					return { ...checklist, dismissed: true };
				}
				throw new Error( `unexpected ${ key }` );
			}
		);
		const registry = setup();
		expect(
			( await registry.resolveSelect( store ).getGettingStarted() )
				?.connection_tested
		).toBe( false );
		await registry.dispatch( store ).testConnection( unitedStates );
		expect(
			( await registry.resolveSelect( store ).getGettingStarted() )
				?.connection_tested
		).toBe( true );
		await registry.dispatch( store ).dismissGettingStarted( true );
		expect( registry.select( store ).getGettingStarted()?.dismissed ).toBe(
			true
		);
		// (The previous test's getGeneral() resolves late; only this test's routes count.)
		expect(
			calls().filter( ( call ) => ! call.endsWith( '/general' ) )
		).toEqual( [
			`GET ${ NS }/getting-started`,
			`POST ${ NS }/marketplaces/us/test`,
			`GET ${ NS }/getting-started`,
			`PUT ${ NS }/getting-started`,
		] );
	} );
} );
