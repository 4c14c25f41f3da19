/**
 * The geotargeting script's choice: the first language with a region, else the time zone; links
 * swapped only to https alternatives of the chosen marketplace.
 */
import { swapLinks, visitorCountry } from '../../../src/geo/geo';

const zones = { 'Europe/Vienna': 'at', 'Europe/Zurich': 'ch' };

describe( 'visitorCountry', () => {
	it( 'takes the first language with a region', () => {
		expect( visitorCountry( [ 'de', 'de-AT', 'en-US' ], '', zones ) ).toBe(
			'at'
		);
		expect( visitorCountry( [ 'zh-Hant-TW' ], '', zones ) ).toBe( 'tw' );
		expect( visitorCountry( [ 'en_GB' ], '', zones ) ).toBe( 'gb' );
	} );

	it( 'falls back to the time zone, else nothing', () => {
		expect( visitorCountry( [ 'de' ], 'Europe/Zurich', zones ) ).toBe(
			'ch'
		);
		expect( visitorCountry( [ 'de' ], 'Asia/Tokyo', zones ) ).toBe( '' );
	} );
} );

describe( 'swapLinks', () => {
	const page = () => {
		document.body.innerHTML =
			'<a id="a" href="https://www.amazon.com/dp/B0C7KX2Q4M?tag=us-20" data-acapi-geo=\'{"de":"https://www.amazon.de/dp/B0C7KX2Q4M?tag=de-21"}\'>a</a>' +
			'<a id="b" href="https://www.amazon.com/dp/B0C7KX2Q5N?tag=us-20" data-acapi-geo=\'{"de":"javascript:alert(1)"}\'>b</a>' +
			'<a id="c" href="https://www.amazon.com/dp/B0C7KX2Q6P?tag=us-20">c</a>';
		return ( id: string ) =>
			( document.getElementById( id ) as HTMLAnchorElement ).href;
	};
	const languages = jest.spyOn( navigator, 'languages', 'get' );

	it( 'points links at the visitor’s store, https only', () => {
		languages.mockReturnValue( [ 'de-AT' ] );
		const href = page();
		swapLinks( { m: { at: 'de', de: 'de' }, z: {} }, document );
		expect( href( 'a' ) ).toBe(
			'https://www.amazon.de/dp/B0C7KX2Q4M?tag=de-21'
		);
		expect( href( 'b' ) ).toBe(
			'https://www.amazon.com/dp/B0C7KX2Q5N?tag=us-20'
		);
		expect( href( 'c' ) ).toBe(
			'https://www.amazon.com/dp/B0C7KX2Q6P?tag=us-20'
		);
	} );

	it( 'leaves every link when the country maps to no target', () => {
		languages.mockReturnValue( [ 'ja-JP' ] );
		const href = page();
		swapLinks( { m: { at: 'de' }, z: {} }, document );
		expect( href( 'a' ) ).toBe(
			'https://www.amazon.com/dp/B0C7KX2Q4M?tag=us-20'
		);
	} );
} );
