/** @jest-environment node */ // eslint-disable-line jsdoc/check-tag-names
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

interface FixtureItem {
	asin: string;
	parentASIN?: string;
	images?: {
		primary?: Record<
			string,
			{ url: string; width: number; height: number }
		>;
		variants?: Array< Record< string, { url: string } > >;
	};
	itemInfo?: { title?: { displayValue: string } };
	offersV2?: {
		listings: Array< {
			price?: { money?: { amount: number; currency: string } };
			availability?: { type: string };
		} >;
	};
	detailPageURL?: string;
}

const DIR = resolve( __dirname, '../../fixtures/catalog' );
const files = readdirSync( DIR ).filter( ( f ) => f.endsWith( '.json' ) );
const catalogs = files.map(
	( f ) =>
		JSON.parse( readFileSync( resolve( DIR, f ), 'utf8' ) ) as {
			country: string;
			items: FixtureItem[];
		}
);
const allItems = catalogs.flatMap( ( c ) => c.items );

describe( 'fixture catalog', () => {
	it( 'has at least 60 items across at least 5 marketplaces', () => {
		expect( catalogs.map( ( c ) => c.country ).sort() ).toEqual(
			expect.arrayContaining( [ 'de', 'fr', 'jp', 'uk', 'us' ] )
		);
		expect( allItems.length ).toBeGreaterThanOrEqual( 60 );
	} );

	it( 'uses realistic ASINs and Amazon image URLs, and never stores a detail page URL', () => {
		for ( const item of allItems ) {
			expect( item.asin ).toMatch( /^B0[0-9A-Z]{8}$/ );
			expect( item.detailPageURL ).toBeUndefined();
			const urls = [
				...Object.values( item.images?.primary ?? {} ),
				...( item.images?.variants ?? [] ).flatMap( ( v ) =>
					Object.values( v )
				),
			].map( ( s ) => s.url );
			for ( const url of urls ) {
				expect( url ).toMatch(
					/^https:\/\/m\.media-amazon\.com\/images\/I\/[A-Za-z0-9]+(\._SL\d+_)?\.jpg$/
				);
			}
		}
	} );

	it( 'contains the documented edge cases', () => {
		const titles = allItems.map(
			( i ) => i.itemInfo?.title?.displayValue ?? ''
		);
		expect(
			titles.some( ( t ) => t.includes( '<script>alert(1)</script>' ) )
		).toBe( true );
		expect(
			titles.some( ( t ) => t.includes( '"' ) && t.includes( '&' ) )
		).toBe( true );
		expect( titles.some( ( t ) => t.length > 200 ) ).toBe( true );
		expect( titles.some( ( t ) => /[ぁ-んァ-ン一-龯]/.test( t ) ) ).toBe(
			true
		);
		expect( titles.some( ( t ) => /[äöüß]/.test( t ) ) ).toBe( true );
		expect( allItems.some( ( i ) => ! i.offersV2 ) ).toBe( true );
		expect( allItems.some( ( i ) => ! i.images ) ).toBe( true );
		expect(
			allItems.some(
				( i ) =>
					i.offersV2?.listings[ 0 ]?.availability?.type ===
					'OUT_OF_STOCK'
			)
		).toBe( true );
		expect( allItems.some( ( i ) => i.parentASIN ) ).toBe( true );
	} );

	it( 'prices JPY in whole yen', () => {
		const jp = catalogs.find( ( c ) => c.country === 'jp' );
		for ( const item of jp?.items ?? [] ) {
			for ( const listing of item.offersV2?.listings ?? [] ) {
				expect( Number.isInteger( listing.price?.money?.amount ) ).toBe(
					true
				);
			}
		}
	} );
} );
