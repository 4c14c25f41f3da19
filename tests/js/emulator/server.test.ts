/** @jest-environment node */ // eslint-disable-line jsdoc/check-tag-names
import {
	startEmulator,
	type RunningEmulator,
} from '../../../tools/emulator/src/server';
import { signRequest, toAmzDate } from '../../../tools/emulator/src/sigv4';
import {
	CREDENTIALS,
	cognitoToken,
	creatorsCall,
	httpRequest,
	lwaToken,
	paapiCall,
	tag,
} from './helpers';

let emulator: RunningEmulator;
let base: string;

beforeAll( async () => {
	emulator = await startEmulator( 0 );
	base = emulator.url;
} );

afterAll( async () => {
	await emulator.close();
} );

beforeEach( async () => {
	await httpRequest( `${ base }/__emulator/reset` );
	await httpRequest( `${ base }/__emulator/config`, {
		body: JSON.stringify( {
			token_expires_in: 3600,
			rate_limit_tps: 0,
			strict: false,
		} ),
	} );
} );

const ITEM = 'B0C7KX2Q4M';
const usItems = (
	itemIds: string[],
	extra: Record< string, unknown > = {}
) => ( { partnerTag: tag( 'us' ), itemIds, ...extra } );

describe( 'token endpoints', () => {
	it( 'issues LWA tokens (JSON) and Cognito tokens (form) with the documented shapes', async () => {
		const lwa = await httpRequest(
			`${ base }/api.amazon.co.uk/auth/o2/token`,
			{
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify( {
					grant_type: 'client_credentials',
					client_id: CREDENTIALS.lwa.EU.credential_id,
					client_secret: CREDENTIALS.lwa.EU.credential_secret,
					scope: 'creatorsapi::default',
				} ),
			}
		);
		expect( lwa.status ).toBe( 200 );
		expect( lwa.json() ).toEqual( {
			access_token: expect.stringMatching( /^Atc\|/ ),
			scope: 'creatorsapi::default',
			token_type: 'bearer',
			expires_in: 3600,
		} );

		const cognito = await cognitoToken( base );
		expect( cognito.status ).toBe( 200 );
		expect( cognito.json() ).toEqual( {
			access_token: expect.stringMatching( /^eyJ/ ),
			expires_in: 3600,
			token_type: 'Bearer',
		} );
	} );

	it( 'accepts HTTP Basic client authentication', async () => {
		const basic = Buffer.from(
			`${ CREDENTIALS.cognito.NA.credential_id }:${ CREDENTIALS.cognito.NA.credential_secret }`
		).toString( 'base64' );
		const res = await httpRequest(
			`${ base }/creatorsapi.auth.us-east-1.amazoncognito.com/oauth2/token`,
			{
				headers: {
					'content-type': 'application/x-www-form-urlencoded',
					authorization: `Basic ${ basic }`,
				},
				body: 'grant_type=client_credentials&scope=creatorsapi%2Fdefault',
			}
		);
		expect( res.status ).toBe( 200 );
	} );

	it( 'rejects bad secrets and wrong regions the way each system does', async () => {
		const badCognito = await cognitoToken( base, {
			...CREDENTIALS.cognito.NA,
			credential_secret: 'wrong',
		} );
		expect( badCognito.status ).toBe( 400 );
		expect( badCognito.json() ).toEqual( { error: 'invalid_client' } );
		const wrongPool = await cognitoToken(
			base,
			CREDENTIALS.cognito.NA,
			'creatorsapi.auth.us-west-2.amazoncognito.com'
		);
		expect( wrongPool.status ).toBe( 400 );
		await expect(
			lwaToken( base, {
				...CREDENTIALS.lwa.NA,
				credential_secret: 'wrong',
			} )
		).rejects.toThrow( /401 .*Client authentication failed/ );
	} );

	it( 'answers a scope of the other system with invalid_scope', async () => {
		const res = await httpRequest(
			`${ base }/api.amazon.com/auth/o2/token`,
			{
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify( {
					grant_type: 'client_credentials',
					client_id: CREDENTIALS.lwa.NA.credential_id,
					client_secret: CREDENTIALS.lwa.NA.credential_secret,
					scope: 'creatorsapi/default',
				} ),
			}
		);
		expect( res.status ).toBe( 400 );
		expect( res.json().error ).toBe( 'invalid_scope' );
	} );
} );

describe( 'Creators API', () => {
	it( 'answers getItems with the requested resources and a tagged detail page URL', async () => {
		const token = await lwaToken( base );
		const res = await creatorsCall(
			base,
			'getItems',
			token,
			usItems( [ ITEM ], {
				resources: [
					'itemInfo.title',
					'offersV2.listings.price',
					'images.primary.large',
					'images.primary.highRes',
				],
			} )
		);
		expect( res.status ).toBe( 200 );
		const item = res.json().itemsResult.items[ 0 ];
		expect( item.asin ).toBe( ITEM );
		expect( item.detailPageURL ).toBe(
			`https://www.amazon.com/dp/${ ITEM }?tag=${ tag( 'us' ) }&linkCode=ogi&th=1&psc=1`
		);
		expect( item.images.primary.large.url ).toMatch(
			/^https:\/\/m\.media-amazon\.com\/images\/I\/.+\.jpg$/
		);
		expect( item.images.primary.hiRes ).toBeDefined();
		expect( item.images.primary.small ).toBeUndefined();
		expect( item.offersV2.listings[ 0 ].price.money ).toEqual( {
			amount: 129.99,
			currency: 'USD',
			displayAmount: '$129.99',
		} );
		expect( item.offersV2.listings[ 0 ].availability ).toBeUndefined();
		expect( item._emulator ).toBeUndefined();
	} );

	it( 'requires ", Version 2.x" on Cognito tokens and checks it against the issuer', async () => {
		const token = ( await cognitoToken( base ) ).json().access_token;
		expect(
			(
				await creatorsCall(
					base,
					'getItems',
					token,
					usItems( [ ITEM ] ),
					'www.amazon.com',
					', Version 2.1'
				)
			).status
		).toBe( 200 );
		const missing = await creatorsCall(
			base,
			'getItems',
			token,
			usItems( [ ITEM ] )
		);
		expect( missing.status ).toBe( 401 );
		expect( missing.json().reason ).toBe( 'MissingCredential' );
		const wrong = await creatorsCall(
			base,
			'getItems',
			token,
			usItems( [ ITEM ] ),
			'www.amazon.com',
			', Version 2.2'
		);
		expect( wrong.json() ).toMatchObject( {
			type: 'UnauthorizedException',
			reason: 'InvalidIssuer',
		} );
	} );

	it( 'rejects missing and unknown tokens with InvalidToken', async () => {
		const res = await creatorsCall(
			base,
			'getItems',
			'nope',
			usItems( [ ITEM ] )
		);
		expect( res.status ).toBe( 401 );
		expect( res.json() ).toEqual( {
			message: 'The authentication token is invalid or malformed',
			reason: 'InvalidToken',
			type: 'UnauthorizedException',
		} );
	} );

	it( 'returns partial errors, and 404 when every ASIN is unknown', async () => {
		const token = await lwaToken( base );
		const partial = (
			await creatorsCall(
				base,
				'getItems',
				token,
				usItems( [ ITEM, 'B0NOTREAL1', 'B00EXCLUDE' ] )
			)
		).json();
		expect( partial.itemsResult.items ).toHaveLength( 1 );
		expect(
			partial.errors.map( ( e: { code: string } ) => e.code )
		).toEqual( [ 'InvalidParameterValue', 'ItemNotAccessible' ] );
		const none = await creatorsCall(
			base,
			'getItems',
			token,
			usItems( [ 'B0NOTREAL1' ] )
		);
		expect( none.status ).toBe( 404 );
		expect( none.json() ).toMatchObject( {
			type: 'ResourceNotFoundException',
			resourceType: 'Item',
		} );
	} );

	it( 'rejects a tag of another store and a credential of another region with InvalidAssociate', async () => {
		const token = await lwaToken( base );
		const otherStore = await creatorsCall( base, 'getItems', token, {
			partnerTag: tag( 'uk' ),
			itemIds: [ ITEM ],
		} );
		expect( otherStore.status ).toBe( 400 );
		expect( otherStore.json().reason ).toBe( 'InvalidAssociate' );
		const otherRegion = await creatorsCall(
			base,
			'getItems',
			token,
			{ partnerTag: tag( 'de' ), itemIds: [ ITEM ] },
			'www.amazon.de'
		);
		expect( otherRegion.json().reason ).toBe( 'InvalidAssociate' );
	} );

	it( 'answers an ineligible account with 403 AssociateNotEligible', async () => {
		const token = await lwaToken( base, CREDENTIALS.ineligible.lwa );
		const res = await creatorsCall(
			base,
			'getItems',
			token,
			usItems( [ ITEM ] )
		);
		expect( res.status ).toBe( 403 );
		expect( res.json() ).toEqual( {
			message:
				'Your account does not currently meet the eligibility requirements.',
			reason: 'AssociateNotEligible',
			type: 'AccessDeniedException',
		} );
	} );

	it( 'validates the body (FieldValidationFailed, CannotParse, x-marketplace)', async () => {
		const token = await lwaToken( base );
		const tooMany = await creatorsCall(
			base,
			'getItems',
			token,
			usItems( Array.from( { length: 11 }, () => ITEM ) )
		);
		expect( tooMany.json() ).toMatchObject( {
			reason: 'FieldValidationFailed',
			message: '1 validation error detected',
			fieldList: [ { name: 'itemIds' } ],
		} );
		const badResource = await creatorsCall(
			base,
			'getItems',
			token,
			usItems( [ ITEM ], { resources: [ 'offersV2' ] } )
		);
		expect( badResource.status ).toBe( 400 );
		const garbage = await httpRequest(
			`${ base }/creatorsapi.amazon/catalog/v1/getItems`,
			{
				headers: {
					authorization: `Bearer ${ token }`,
					'x-marketplace': 'www.amazon.com',
				},
				body: '{oops',
			}
		);
		expect( garbage.json().reason ).toBe( 'CannotParse' );
		const noMarketplace = await httpRequest(
			`${ base }/creatorsapi.amazon/catalog/v1/getItems`,
			{
				headers: { authorization: `Bearer ${ token }` },
				body: JSON.stringify( usItems( [ ITEM ] ) ),
			}
		);
		expect( noMarketplace.json().fieldList[ 0 ].name ).toBe(
			'x-marketplace'
		);
	} );

	it( 'searches by keywords and index with pagination', async () => {
		const token = await lwaToken( base );
		const page1 = (
			await creatorsCall( base, 'searchItems', token, {
				partnerTag: tag( 'us' ),
				keywords: 'kestrel',
				searchIndex: 'Electronics',
				itemCount: 2,
				itemPage: 1,
			} )
		).json().searchResult;
		expect( page1.totalResultCount ).toBe( 3 );
		expect( page1.items ).toHaveLength( 2 );
		expect( page1.items[ 0 ].detailPageURL ).toContain( 'linkCode=osi' );
		expect( page1.searchURL ).toBe(
			`https://www.amazon.com/s/?field-keywords=kestrel&search-alias=electronics&tag=${ tag( 'us' ) }&linkCode=osi`
		);
		const page2 = (
			await creatorsCall( base, 'searchItems', token, {
				partnerTag: tag( 'us' ),
				keywords: 'kestrel',
				searchIndex: 'Electronics',
				itemCount: 2,
				itemPage: 2,
			} )
		).json().searchResult;
		expect( page2.items ).toHaveLength( 1 );
		const page3 = await creatorsCall( base, 'searchItems', token, {
			partnerTag: tag( 'us' ),
			keywords: 'kestrel',
			itemCount: 2,
			itemPage: 3,
		} );
		expect( page3.status ).toBe( 404 );
		expect( page3.json() ).toMatchObject( {
			type: 'ResourceNotFoundException',
			resourceType: 'SearchResult',
			resourceId: 'kestrel',
		} );
	} );

	it( 'answers reserved search words: a refused search and a hostile hit', async () => {
		const token = await lwaToken( base );
		const refused = await creatorsCall( base, 'searchItems', token, {
			partnerTag: tag( 'us' ),
			keywords: 'kestrel B00REJECTS',
		} );
		expect( refused.status ).toBe( 400 );
		expect( refused.json() ).toMatchObject( {
			type: 'ValidationException',
			reason: 'FieldValidationFailed',
		} );
		const hostile = (
			await creatorsCall( base, 'searchItems', token, {
				partnerTag: tag( 'us' ),
				keywords: 'kestrel B00HOSTILE',
			} )
		).json().searchResult;
		expect( hostile.items[ 0 ].asin ).toBe(
			'"><svg/onload=alert(document.domain)>'
		);
		expect( hostile.items[ 1 ].asin ).toMatch( /^B0[A-Z0-9]{8}$/ );
		expect( hostile.items[ 1 ].detailPageURL ).toBe(
			`//evil.example/dp/${ hostile.items[ 1 ].asin }`
		);
		expect( hostile.totalResultCount ).toBe( 3 );
	} );

	it( 'searches German and Japanese text', async () => {
		const eu = await lwaToken(
			base,
			CREDENTIALS.lwa.EU,
			'api.amazon.co.uk'
		);
		const de = (
			await creatorsCall(
				base,
				'searchItems',
				eu,
				{ partnerTag: tag( 'de' ), keywords: 'Kaffeevollautomat' },
				'www.amazon.de'
			)
		).json();
		expect( de.searchResult.items[ 0 ].asin ).toBe( 'B0DKAFFEE1' );
		const fe = await lwaToken(
			base,
			CREDENTIALS.lwa.FE,
			'api.amazon.co.jp'
		);
		const jp = (
			await creatorsCall(
				base,
				'searchItems',
				fe,
				{ partnerTag: tag( 'jp' ), keywords: '緑茶' },
				'www.amazon.co.jp'
			)
		).json();
		expect(
			jp.searchResult.items.map( ( i: { asin: string } ) => i.asin )
		).toContain( 'B0JOCHA100' );
	} );

	it( 'returns variations with a summary, and browse nodes with ancestors and children', async () => {
		const token = await lwaToken( base );
		const variations = (
			await creatorsCall( base, 'getVariations', token, {
				partnerTag: tag( 'us' ),
				asin: 'B0CJ4TSH1R',
				resources: [
					'itemInfo.title',
					'variationSummary.price.lowestPrice',
					'variationSummary.variationDimension',
				],
			} )
		).json().variationsResult;
		expect( variations.items ).toHaveLength( 4 );
		expect( variations.items[ 0 ].variationAttributes ).toEqual( [
			{ name: 'color_name', value: 'Black' },
			{ name: 'size_name', value: 'Medium' },
		] );
		expect( variations.variationSummary ).toMatchObject( {
			variationCount: 4,
			pageCount: 1,
			price: { lowestPrice: { amount: 12.99 } },
		} );
		const nodes = (
			await creatorsCall( base, 'getBrowseNodes', token, {
				partnerTag: tag( 'us' ),
				browseNodeIds: [ '172541' ],
				resources: [ 'browseNodes.ancestor', 'browseNodes.children' ],
			} )
		).json();
		expect( nodes.browseNodesResult.browseNodes[ 0 ] ).toMatchObject( {
			id: '172541',
			ancestor: { id: '172282' },
			children: [ { id: '12097479011' }, { id: '12097478011' } ],
		} );
	} );
} );

describe( 'fault injection', () => {
	it( 'injects faults through reserved ASINs', async () => {
		const token = await lwaToken( base );
		const throttled = await creatorsCall(
			base,
			'getItems',
			token,
			usItems( [ 'B00THROTTL' ] )
		);
		expect( throttled.status ).toBe( 429 );
		expect( throttled.headers[ 'retry-after' ] ).toBe( '1' );
		expect( throttled.json().retryAfterSeconds ).toBeUndefined();
		expect( throttled.json() ).toMatchObject( {
			type: 'ThrottleException',
			serviceCode: 'creatorsapi',
			quotaCode: 'RequestsPerSecond',
		} );
		expect(
			(
				await creatorsCall(
					base,
					'getItems',
					token,
					usItems( [ 'B00SRVERR5' ] )
				)
			).status
		).toBe( 500 );
		const malformed = await creatorsCall(
			base,
			'getItems',
			token,
			usItems( [ 'B00MALFORM' ] )
		);
		expect( malformed.status ).toBe( 200 );
		expect( () => malformed.json() ).toThrow();
		expect(
			(
				await creatorsCall(
					base,
					'getItems',
					token,
					usItems( [ 'B00NOTELIG' ] )
				)
			).json().reason
		).toBe( 'AssociateNotEligible' );
	} );

	it( 'expires the presented token with B00TOKNEXP until the client fetches a new one', async () => {
		const token = await lwaToken( base );
		const expired = await creatorsCall(
			base,
			'getItems',
			token,
			usItems( [ 'B00TOKNEXP' ] )
		);
		expect( expired.json() ).toMatchObject( {
			reason: 'TokenExpired',
			type: 'UnauthorizedException',
		} );
		expect(
			(
				await creatorsCall(
					base,
					'getItems',
					token,
					usItems( [ ITEM ] )
				)
			).json().reason
		).toBe( 'TokenExpired' );
		const fresh = await lwaToken( base );
		expect(
			(
				await creatorsCall(
					base,
					'getItems',
					fresh,
					usItems( [ ITEM ] )
				)
			).status
		).toBe( 200 );
	} );

	it( 'adds 2 s of latency for B00SLOW000 and still answers', async () => {
		const token = await lwaToken( base );
		const started = Date.now();
		const res = await creatorsCall(
			base,
			'getItems',
			token,
			usItems( [ 'B00SLOW000' ] )
		);
		expect( Date.now() - started ).toBeGreaterThanOrEqual( 1900 );
		expect( res.status ).toBe( 200 );
	} );

	it( 'leaves B00HANGING unanswered until the client gives up', async () => {
		const token = await lwaToken( base );
		await expect(
			httpRequest( `${ base }/creatorsapi.amazon/catalog/v1/getItems`, {
				headers: {
					authorization: `Bearer ${ token }`,
					'x-marketplace': 'www.amazon.com',
				},
				body: JSON.stringify( usItems( [ 'B00HANGING' ] ) ),
				timeoutMs: 300,
			} )
		).rejects.toThrow( 'client timeout' );
	} );

	it( 'applies control-endpoint faults by times, every, operation and marketplace', async () => {
		const token = await lwaToken( base );
		await httpRequest( `${ base }/__emulator/faults`, {
			body: JSON.stringify( {
				fault: 'throttle',
				times: 1,
				retry_after: 3,
				operation: 'getItems',
				marketplace: 'us',
			} ),
		} );
		const first = await creatorsCall(
			base,
			'getItems',
			token,
			usItems( [ ITEM ] )
		);
		expect( first.status ).toBe( 429 );
		expect( first.headers[ 'retry-after' ] ).toBe( '3' );
		expect(
			(
				await creatorsCall(
					base,
					'getItems',
					token,
					usItems( [ ITEM ] )
				)
			).status
		).toBe( 200 );

		await httpRequest( `${ base }/__emulator/faults`, {
			body: JSON.stringify( {
				fault: 'server_error',
				times: -1,
				every: 2,
			} ),
		} );
		const statuses = [];
		for ( let i = 0; i < 4; i++ ) {
			statuses.push(
				(
					await creatorsCall(
						base,
						'getItems',
						token,
						usItems( [ ITEM ] )
					)
				).status
			);
		}
		expect( statuses ).toEqual( [ 200, 500, 200, 500 ] );
		await httpRequest( `${ base }/__emulator/faults`, {
			method: 'DELETE',
		} );
		expect(
			(
				await creatorsCall(
					base,
					'getItems',
					token,
					usItems( [ ITEM ] )
				)
			).status
		).toBe( 200 );
	} );

	it( 'rejects invalid fault specs', async () => {
		const res = await httpRequest( `${ base }/__emulator/faults`, {
			body: JSON.stringify( { fault: 'meteor' } ),
		} );
		expect( res.status ).toBe( 400 );
	} );
} );

describe( 'configuration', () => {
	it( 'rate-limits per credential when rate_limit_tps is set', async () => {
		await httpRequest( `${ base }/__emulator/config`, {
			body: JSON.stringify( { rate_limit_tps: 1 } ),
		} );
		const token = await lwaToken( base );
		expect(
			(
				await creatorsCall(
					base,
					'getItems',
					token,
					usItems( [ ITEM ] )
				)
			).status
		).toBe( 200 );
		const second = await creatorsCall(
			base,
			'getItems',
			token,
			usItems( [ ITEM ] )
		);
		expect( second.status ).toBe( 429 );
		expect( second.json().type ).toBe( 'ThrottleException' );
		// Another credential has its own bucket.
		const other = ( await cognitoToken( base ) ).json().access_token;
		expect(
			(
				await creatorsCall(
					base,
					'getItems',
					other,
					usItems( [ ITEM ] ),
					'www.amazon.com',
					', Version 2.1'
				)
			).status
		).toBe( 200 );
	} );

	it( 'issues tokens with the configured lifetime', async () => {
		await httpRequest( `${ base }/__emulator/config`, {
			body: JSON.stringify( { token_expires_in: 0 } ),
		} );
		const res = await httpRequest(
			`${ base }/api.amazon.com/auth/o2/token`,
			{
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify( {
					grant_type: 'client_credentials',
					client_id: CREDENTIALS.lwa.NA.credential_id,
					client_secret: CREDENTIALS.lwa.NA.credential_secret,
					scope: 'creatorsapi::default',
				} ),
			}
		);
		expect( res.json().expires_in ).toBe( 0 );
		expect(
			(
				await creatorsCall(
					base,
					'getItems',
					res.json().access_token,
					usItems( [ ITEM ] )
				)
			).json().reason
		).toBe( 'TokenExpired' );
	} );
} );

describe( 'PA-API 5.0', () => {
	const body = ( extra: Record< string, unknown > = {} ) => ( {
		ItemIds: [ ITEM ],
		PartnerTag: tag( 'us' ),
		PartnerType: 'Associates',
		Marketplace: 'www.amazon.com',
		Resources: [
			'ItemInfo.Title',
			'OffersV2.Listings.Price',
			'Images.Primary.Medium',
		],
		...extra,
	} );

	it( 'verifies a request signed as Amazon would see it and answers in PascalCase', async () => {
		const res = await paapiCall( base, 'GetItems', body() );
		expect( res.status ).toBe( 200 );
		const item = res.json().ItemsResult.Items[ 0 ];
		expect( item.ASIN ).toBe( ITEM );
		expect( item.DetailPageURL ).toBe(
			`https://www.amazon.com/dp/${ ITEM }?tag=${ tag( 'us' ) }&linkCode=ogi&th=1&psc=1`
		);
		expect( item.ItemInfo.Title.DisplayValue ).toContain(
			'Kestrel Audio K7'
		);
		expect( item.OffersV2.Listings[ 0 ].Price.Money ).toEqual( {
			Amount: 129.99,
			Currency: 'USD',
			DisplayAmount: '$129.99',
		} );
		expect( item.Images.Primary.Medium.URL ).toMatch(
			/^https:\/\/m\.media-amazon\.com\//
		);
	} );

	it( 'routes by the Host header when the path carries no Amazon host', async () => {
		const text = JSON.stringify( body() );
		const headers = signRequest( {
			host: 'webservices.amazon.com',
			path: '/paapi5/getitems',
			body: text,
			headers: {
				'content-encoding': 'amz-1.0',
				'x-amz-target':
					'com.amazon.paapi5.v1.ProductAdvertisingAPIv1.GetItems',
			},
			accessKey: CREDENTIALS.paapi.access_key,
			secretKey: CREDENTIALS.paapi.secret_key,
			region: 'us-east-1',
			amzDate: toAmzDate( new Date() ),
		} );
		const res = await httpRequest( `${ base }/paapi5/getitems`, {
			headers,
			body: text,
		} );
		expect( res.status ).toBe( 200 );
		expect( res.json().ItemsResult.Items[ 0 ].ASIN ).toBe( ITEM );
	} );

	it( 'accepts retired Offers V1 resources but returns no Offers', async () => {
		const res = await paapiCall(
			base,
			'GetItems',
			body( { Resources: [ 'ItemInfo.Title', 'Offers.Listings.Price' ] } )
		);
		expect( res.status ).toBe( 200 );
		expect( res.json().ItemsResult.Items[ 0 ].Offers ).toBeUndefined();
	} );

	it( 'also accepts a signature over what was actually sent', async () => {
		expect(
			(
				await paapiCall( base, 'GetItems', body(), {
					signAsSent: true,
				} )
			).status
		).toBe( 200 );
	} );

	it( 'rejects wrong key, wrong secret, wrong region and a stale date with PA-API errors', async () => {
		const unknown = await paapiCall( base, 'GetItems', body(), {
			accessKey: 'AKIAUNKNOWN000000000',
		} );
		expect( unknown.status ).toBe( 401 );
		expect( unknown.json() ).toEqual( {
			__type: 'com.amazon.paapi5#UnrecognizedClientException',
			Errors: [
				{
					Code: 'UnrecognizedClient',
					Message:
						'The Access Key ID or security token included in the request is invalid.',
				},
			],
		} );
		const badSecret = await paapiCall( base, 'GetItems', body(), {
			secretKey: 'wrong',
		} );
		expect( badSecret.json().Errors[ 0 ].Code ).toBe( 'InvalidSignature' );
		const region = await paapiCall( base, 'GetItems', body(), {
			region: 'eu-west-1',
		} );
		expect( region.status ).toBe( 401 );
		expect( region.json().Errors[ 0 ].Code ).toBe( 'InvalidSignature' );
		const stale = await paapiCall( base, 'GetItems', body(), {
			date: new Date( Date.now() - 16 * 60 * 1000 ),
		} );
		expect( stale.json().Errors[ 0 ].Code ).toBe( 'RequestExpired' );
	} );

	it( 'routes by host: a UK request needs eu-west-1 and the UK tag', async () => {
		const uk = await paapiCall(
			base,
			'SearchItems',
			{
				Keywords: 'wallet',
				PartnerTag: tag( 'uk' ),
				PartnerType: 'Associates',
				ItemCount: 2,
				Resources: [ 'ItemInfo.Title' ],
			},
			{ amazonHost: 'webservices.amazon.co.uk', region: 'eu-west-1' }
		);
		expect( uk.status ).toBe( 200 );
		expect( uk.json().SearchResult.Items[ 0 ].DetailPageURL ).toContain(
			'https://www.amazon.co.uk/dp/'
		);
		const otherStore = await paapiCall(
			base,
			'GetItems',
			body( { PartnerTag: tag( 'de' ) } )
		);
		expect( otherStore.status ).toBe( 403 );
		expect( otherStore.json().Errors[ 0 ].Code ).toBe( 'InvalidAssociate' );
	} );

	it( 'reports unknown items and empty searches in Errors with HTTP 200', async () => {
		const unknown = await paapiCall(
			base,
			'GetItems',
			body( { ItemIds: [ 'B0NOTREAL1' ] } )
		);
		expect( unknown.status ).toBe( 200 );
		expect( unknown.json() ).toEqual( {
			Errors: [
				{
					__type: 'com.amazon.paapi5#ErrorData',
					Code: 'InvalidParameterValue',
					Message:
						'The ItemId B0NOTREAL1 provided in the request is invalid.',
				},
			],
		} );
		const none = await paapiCall( base, 'SearchItems', {
			Keywords: 'zzzzzz',
			PartnerTag: tag( 'us' ),
			PartnerType: 'Associates',
		} );
		expect( none.json().Errors[ 0 ].Code ).toBe( 'NoResults' );
	} );

	it( 'answers the retirement error when the paapi_retired fault is set', async () => {
		await httpRequest( `${ base }/__emulator/faults`, {
			body: JSON.stringify( { fault: 'paapi_retired', times: -1 } ),
		} );
		const res = await paapiCall( base, 'GetItems', body() );
		expect( res.status ).toBe( 403 );
		expect( res.json() ).toMatchObject( {
			__type: 'com.amazon.paapi5#AccessDeniedException',
			Errors: [ { Code: 'AccessDenied' } ],
		} );
		// Creators API calls are unaffected.
		const token = await lwaToken( base );
		expect(
			(
				await creatorsCall(
					base,
					'getItems',
					token,
					usItems( [ ITEM ] )
				)
			).status
		).toBe( 200 );
	} );

	it( 'injects reserved-ASIN faults on PA-API too', async () => {
		const res = await paapiCall(
			base,
			'GetItems',
			body( { ItemIds: [ 'B00THROTTL' ] } )
		);
		expect( res.status ).toBe( 429 );
		expect( res.json().Errors[ 0 ].Code ).toBe( 'TooManyRequests' );
	} );
} );

describe( 'request log', () => {
	it( 'counts calls per operation, marketplace and token system', async () => {
		const token = await lwaToken( base );
		await cognitoToken( base );
		await creatorsCall( base, 'getItems', token, usItems( [ ITEM ] ) );
		await creatorsCall(
			base,
			'getItems',
			token,
			usItems( [ ITEM, 'B0C7KX2Q5N' ] )
		);
		await paapiCall( base, 'GetItems', {
			ItemIds: [ ITEM ],
			PartnerTag: tag( 'us' ),
			PartnerType: 'Associates',
		} );
		const log = (
			await httpRequest( `${ base }/__emulator/log`, { method: 'GET' } )
		).json();
		expect( log.counts ).toMatchObject( {
			token: 2,
			'token:lwa': 1,
			'token:cognito': 1,
			getItems: 3,
			'getItems:us': 3,
			'creators:getItems': 2,
			'paapi:getItems:us': 1,
		} );
		const call = log.requests.find(
			( r: { api: string; asins: string[] } ) =>
				r.api === 'creators' && r.asins.length === 2
		);
		expect( call ).toMatchObject( {
			operation: 'getItems',
			marketplace: 'us',
			host: 'creatorsapi.amazon',
			path: '/catalog/v1/getItems',
			status: 200,
			credential: CREDENTIALS.lwa.NA.credential_id,
		} );
		await httpRequest( `${ base }/__emulator/reset` );
		expect(
			(
				await httpRequest( `${ base }/__emulator/log`, {
					method: 'GET',
				} )
			).json()
		).toEqual( { requests: [], counts: {} } );
	} );
} );
