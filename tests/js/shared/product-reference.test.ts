/**
 * Pasted ASINs and Amazon product URLs → marketplace and ASIN.
 */
import {
	countryOfHost,
	isAsin,
	parseProductReference,
} from '../../../src/shared/product-reference';

describe( 'parseProductReference', () => {
	it.each( [
		[ 'https://www.amazon.de/dp/B0C1234567', 'de', 'B0C1234567' ],
		[
			'https://www.amazon.co.uk/Some-Long-Slug/dp/b0c1234567/ref=sr_1_1?keywords=x',
			'uk',
			'B0C1234567',
		],
		[ 'amazon.com/gp/product/B0C1234567', 'us', 'B0C1234567' ],
		[ 'https://www.amazon.co.jp/gp/aw/d/4101092052', 'jp', '4101092052' ],
		[ 'https://smile.amazon.com/dp/B0C1234567?th=1', 'us', 'B0C1234567' ],
		[
			'https://www.amazon.com.mx/exec/obidos/ASIN/B0C1234567/',
			'mx',
			'B0C1234567',
		],
		[
			'https://www.amazon.com.be/dp/B0C1234567#reviews',
			'be',
			'B0C1234567',
		],
	] )( '%s → %s %s', ( input, country, asin ) => {
		expect( parseProductReference( input ) ).toEqual( { asin, country } );
	} );

	it( 'takes a bare ASIN without a marketplace', () => {
		expect( parseProductReference( ' b0c1234567 ' ) ).toEqual( {
			asin: 'B0C1234567',
		} );
	} );

	it.each( [
		[ 'not a url at all' ],
		[ 'https://www.example.com/dp/B0C1234567' ],
		[ 'https://www.amazon.de/s?k=kaffee' ],
		[ 'https://www.amazon.de/dp/B0C12' ],
		[ 'https://notamazon.de/dp/B0C1234567' ],
	] )( 'rejects %s', ( input ) => {
		expect( parseProductReference( input ) ).toBeUndefined();
	} );
} );

describe( 'countryOfHost', () => {
	it( 'tells .com from .com.au, .com.br and .com.tr', () => {
		expect( countryOfHost( 'www.amazon.com' ) ).toBe( 'us' );
		expect( countryOfHost( 'www.amazon.com.au' ) ).toBe( 'au' );
		expect( countryOfHost( 'www.amazon.com.br' ) ).toBe( 'br' );
		expect( countryOfHost( 'www.amazon.com.tr' ) ).toBe( 'tr' );
	} );
} );

describe( 'isAsin', () => {
	it( 'accepts 10 letters and digits only', () => {
		expect( isAsin( 'B0C1234567' ) ).toBe( true );
		expect( isAsin( 'B0C123456' ) ).toBe( false );
		expect( isAsin( 'B0C1234567X' ) ).toBe( false );
		expect( isAsin( 'B0C-234567' ) ).toBe( false );
	} );
} );
