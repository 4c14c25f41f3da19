/** @jest-environment node */ // eslint-disable-line jsdoc/check-tag-names
/**
 * Demo image mode, the SDK members the catalog now carries (score, itemDimensions, contentRating,
 * technicalInfo.formats) and the 429 body Amazon's model defines.
 */
import {
	CREDENTIALS,
	creatorsCall,
	httpRequest,
	lwaToken,
	paapiCall,
	tag,
	emulatorForFile,
} from './helpers';

const emulator = emulatorForFile( { demo_images: false } );

/**
 * A Creators API call on amazon.de with a fresh EU token.
 * @param operation `getItems` or `searchItems`.
 * @param body      Body without the partner tag.
 */
async function deCall( operation: string, body: Record< string, unknown > ) {
	const token = await lwaToken(
		emulator.url,
		CREDENTIALS.lwa.EU,
		'api.amazon.co.uk'
	);
	return creatorsCall(
		emulator.url,
		operation,
		token,
		{ partnerTag: tag( 'de' ), ...body },
		'www.amazon.de'
	);
}

describe( 'demo image mode', () => {
	it( 'is off by default: images stay on Amazon’s host', async () => {
		const res = await deCall( 'getItems', {
			itemIds: [ 'B0DDUSCHE6' ],
			resources: [ 'images.primary.medium' ],
		} );
		expect(
			res.json().itemsResult.items[ 0 ].images.primary.medium.url
		).toMatch( /^https:\/\/m\.media-amazon\.com\// );
	} );

	it( 'points image URLs at the emulator, which serves a placeholder card with the title', async () => {
		await httpRequest( `${ emulator.url }/__emulator/config`, {
			body: JSON.stringify( { demo_images: true } ),
		} );
		const res = await deCall( 'getItems', {
			itemIds: [ 'B0DDUSCHE6' ],
			resources: [ 'images.primary.medium', 'images.variants.small' ],
		} );
		const images = res.json().itemsResult.items[ 0 ].images;
		const medium = images.primary.medium;
		expect( medium.url ).toBe(
			`${ emulator.url }/demo-images/de/B0DDUSCHE6/${ medium.width }x${ medium.height }.svg`
		);
		expect(
			images.variants[ 0 ].small.url.startsWith( emulator.url )
		).toBe( true );

		const svg = await httpRequest( medium.url, { method: 'GET' } );
		expect( svg.status ).toBe( 200 );
		expect( svg.headers[ 'content-type' ] ).toContain( 'image/svg+xml' );
		expect( svg.text ).toContain( `width="${ medium.width }"` );
		expect( svg.text ).toContain( 'Quellgrün' );
		expect( svg.text ).toContain( 'Demo image · B0DDUSCHE6' );

		// PA-API answers point there too.
		const paapi = await paapiCall(
			emulator.url,
			'GetItems',
			{
				ItemIds: [ 'B0DDUSCHE6' ],
				PartnerTag: tag( 'de' ),
				PartnerType: 'Associates',
				Resources: [ 'Images.Primary.Large' ],
			},
			{ amazonHost: 'webservices.amazon.de', region: 'eu-west-1' }
		);
		expect(
			paapi.json().ItemsResult.Items[ 0 ].Images.Primary.Large.URL
		).toMatch( /\/demo-images\/de\/B0DDUSCHE6\/\d+x\d+\.svg$/ );
	} );

	it( 'escapes titles and refuses unknown products', async () => {
		const hostile = await httpRequest(
			`${ emulator.url }/demo-images/de/B0DSCRIPT9/160x160.svg`,
			{ method: 'GET' }
		);
		expect( hostile.status ).toBe( 200 );
		expect( hostile.text ).not.toContain( '<script>' );
		expect( hostile.text ).toContain( '&lt;script&gt;' );
		expect(
			(
				await httpRequest(
					`${ emulator.url }/demo-images/de/B0NOSUCH00/160x160.svg`,
					{ method: 'GET' }
				)
			).status
		).toBe( 404 );
	} );
} );

describe( 'SDK members in answers', () => {
	it( 'gives search results a score and items their dimensions, content rating and formats', async () => {
		const search = await deCall( 'searchItems', {
			keywords: 'Mühleninsel',
			resources: [
				'itemInfo.title',
				'itemInfo.productInfo',
				'itemInfo.contentRating',
			],
		} );
		expect( search.status ).toBe( 200 );
		const hit = search.json().searchResult.items[ 0 ];
		expect( hit.score ).toBeGreaterThan( 0 );
		expect( hit.score ).toBeLessThanOrEqual( 1 );
		expect( hit.itemInfo.contentRating.audienceRating.displayValue ).toBe(
			'Ab 10 Jahren'
		);
		expect( hit.itemInfo.productInfo.itemDimensions.weight ).toEqual( {
			displayValue: 1.3,
			label: 'Weight',
			locale: 'de_DE',
			unit: 'kilograms',
		} );

		const items = await deCall( 'getItems', {
			itemIds: [ 'B0DDUSCHE6' ],
			resources: [ 'itemInfo.technicalInfo', 'offersV2.listings.price' ],
		} );
		const item = items.json().itemsResult.items[ 0 ];
		expect( item.score ).toBeUndefined();
		expect( item.itemInfo.technicalInfo.formats.displayValues ).toEqual( [
			'Pumpflasche',
		] );
		expect( item.offersV2.listings[ 0 ].price.pricePerUnit ).toEqual( {
			amount: 1.99,
			currency: 'EUR',
			displayAmount: '1,99\u00a0€ / 100 ml',
		} );
	} );
} );
