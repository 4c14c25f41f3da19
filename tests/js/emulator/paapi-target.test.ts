/** @jest-environment node */ // eslint-disable-line jsdoc/check-tag-names
/**
 * PA-API dispatch: Amazon picks the operation from `X-Amz-Target`, not from the path. A widely
 * used plugin posts every operation to `/paapi5/searchitems`; the emulator must answer it as
 * Amazon does.
 */
import { emulatorForFile, httpRequest, paapiCall, tag } from './helpers';

const emulator = emulatorForFile( { strict: false } );

const ITEM = 'B0C7KX2Q4M';
const getItems = {
	ItemIds: [ ITEM ],
	PartnerTag: tag( 'us' ),
	PartnerType: 'Associates',
	Resources: [ 'ItemInfo.Title' ],
};

describe( 'PA-API routing by X-Amz-Target', () => {
	it( 'answers a GetItems posted to /paapi5/searchitems as a GetItems', async () => {
		const res = await paapiCall( emulator.url, 'GetItems', getItems, {
			path: '/paapi5/searchitems',
		} );
		expect( res.status ).toBe( 200 );
		expect( res.json().ItemsResult.Items[ 0 ].ASIN ).toBe( ITEM );
		expect( res.json().SearchResult ).toBeUndefined();

		const log = (
			await httpRequest( `${ emulator.url }/__emulator/log`, {
				method: 'GET',
			} )
		).json();
		expect( log.counts[ 'paapi:getItems' ] ).toBe( 1 );
		expect( log.counts[ 'paapi:searchItems' ] ).toBeUndefined();
	} );

	it( 'answers a SearchItems posted to /paapi5/getitems as a SearchItems', async () => {
		const res = await paapiCall(
			emulator.url,
			'SearchItems',
			{
				Keywords: 'headphones',
				PartnerTag: tag( 'us' ),
				PartnerType: 'Associates',
			},
			{ path: '/paapi5/getitems' }
		);
		expect( res.status ).toBe( 200 );
		expect( res.json().SearchResult.Items.length ).toBeGreaterThan( 0 );
	} );

	it( 'still rejects an unknown target, a path outside /paapi5 and, in strict mode, a missing target', async () => {
		const unknown = await paapiCall( emulator.url, 'GetItems', getItems, {
			target: 'com.amazon.paapi5.v1.ProductAdvertisingAPIv1.GetEverything',
		} );
		expect( unknown.status ).toBe( 404 );
		expect( unknown.json().Errors[ 0 ].Code ).toBe( 'UnknownOperation' );

		const badPath = await paapiCall( emulator.url, 'GetItems', getItems, {
			path: '/paapi5/getanything',
		} );
		expect( badPath.status ).toBe( 404 );

		// Without the header the path decides (lenient) …
		expect(
			(
				await paapiCall( emulator.url, 'GetItems', getItems, {
					target: null,
				} )
			).status
		).toBe( 200 );
		// … and strict mode wants the header signed, as every SDK signs it.
		await httpRequest( `${ emulator.url }/__emulator/config`, {
			body: JSON.stringify( { strict: true } ),
		} );
		const strict = await paapiCall( emulator.url, 'GetItems', getItems, {
			target: null,
		} );
		expect( strict.status ).toBe( 400 );
		expect( strict.json().Errors[ 0 ].Code ).toBe( 'IncompleteSignature' );
	} );
} );
