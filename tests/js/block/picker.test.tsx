/**
 * The block's product picker says what it got: words are searched (debounced, through the
 * plugin's REST route) and the results can be chosen from; ASINs and Amazon links, one or many,
 * are added in their own marketplace; short links are explained, never searched.
 */
import apiFetch from '@wordpress/api-fetch';
import { act, fireEvent, render, screen } from '@testing-library/react';

import Picker from '../../../blocks/product/picker';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockedFetch = apiFetch as unknown as jest.Mock;
const LABEL = 'Search Amazon, or paste an ASIN or Amazon product link';

const kettle = ( asin: string, title: string ) => ( {
	asin,
	marketplace: 'de',
	title,
	images: { small: { url: `https://m.media-amazon.com/${ asin }.jpg` } },
	price: { amount: 29.99, currency: 'EUR', display: '29,99 €' },
	availability: { message: 'Auf Lager', type: 'IN_STOCK' },
	fetched_at: 1764000000,
} );

/**
 * Renders the picker for a block.
 *
 * @param country The block's marketplace.
 * @param asins   The block's ASINs.
 * @param onApply What carries out a plan.
 */
function show( country: string, asins: string[], onApply: jest.Mock ) {
	render(
		<Picker
			country={ country }
			asins={ asins }
			onCountryChange={ jest.fn() }
			onApply={ onApply }
		/>
	);
}

function type( value: string ) {
	fireEvent.change( screen.getByLabelText( LABEL ), {
		target: { value },
	} );
}

async function settle() {
	await act( async () => {
		jest.runAllTimers();
	} );
	await act( async () => {
		await Promise.resolve();
	} );
}

describe( 'Picker', () => {
	beforeEach( () => {
		jest.useFakeTimers();
		mockedFetch.mockReset();
		window.acapiEditor = { defaultCountry: 'us', linksOnly: [ 'fr' ] };
	} );
	afterEach( () => {
		jest.useRealTimers();
	} );

	it( 'searches a ten-letter word instead of taking it for an ASIN', async () => {
		mockedFetch.mockResolvedValue( { products: [], total: 0 } );
		show( '', [], jest.fn() );
		type( 'headphones' );
		expect(
			screen.queryByRole( 'button', { name: /Add product/ } )
		).toBeNull();
		await settle();
		expect( mockedFetch ).toHaveBeenCalledTimes( 1 );
		expect( mockedFetch.mock.calls[ 0 ][ 0 ].path ).toBe(
			'/creators-connect-for-amazon/v1/search?keywords=headphones&country=&page=1'
		);
		// The empty state says so.
		expect( screen.getByRole( 'status' ).textContent ).toContain(
			'Amazon found no products for “headphones”'
		);
	} );

	it( 'lists results with image, price as of, availability and marketplace; Add, Add all, paging', async () => {
		mockedFetch.mockResolvedValue( {
			products: [
				kettle( 'B0DKOCHER2', 'Bärenstein Wasserkocher' ),
				kettle( 'B0DKAFFEE1', 'Kaffee Mühle' ),
			],
			total: 25,
		} );
		const onApply = jest.fn();
		show( 'de', [ 'B0DKAFFEE1' ], onApply );
		type( 'Wasserkocher' );
		await settle();
		expect( mockedFetch.mock.calls[ 0 ][ 0 ].path ).toBe(
			'/creators-connect-for-amazon/v1/search?keywords=Wasserkocher&country=de&page=1'
		);
		const list = screen.getByRole( 'list', { name: 'Search results' } );
		expect( list.querySelectorAll( 'li' ) ).toHaveLength( 2 );
		expect( list.textContent ).toContain( '29,99 €' );
		expect( list.textContent ).toContain( 'price as of' );
		expect( list.textContent ).toContain( 'Auf Lager' );
		expect( list.textContent ).toContain( 'Germany · B0DKOCHER2' );
		expect( list.querySelector( 'img' )?.getAttribute( 'src' ) ).toBe(
			'https://m.media-amazon.com/B0DKOCHER2.jpg'
		);
		expect( screen.getByRole( 'status' ).textContent ).toContain(
			'25 results for “Wasserkocher”, page 1 of 3.'
		);
		// The one already in the block is marked, not offered again.
		expect(
			(
				screen.getByRole( 'button', {
					name: 'Added: Kaffee Mühle',
				} ) as HTMLButtonElement
			 ).disabled
		).toBe( true );
		fireEvent.click(
			screen.getByRole( 'button', {
				name: 'Add Bärenstein Wasserkocher',
			} )
		);
		expect( onApply.mock.calls[ 0 ][ 0 ].here ).toEqual( [ 'B0DKOCHER2' ] );
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Add all (1)' } )
		);
		expect( onApply.mock.calls[ 1 ][ 0 ].here ).toEqual( [ 'B0DKOCHER2' ] );

		fireEvent.click( screen.getByRole( 'button', { name: 'Next' } ) );
		await settle();
		expect( mockedFetch.mock.calls[ 1 ][ 0 ].path ).toBe(
			'/creators-connect-for-amazon/v1/search?keywords=Wasserkocher&country=de&page=2'
		);
	} );

	it( 'adds a pasted amazon.de URL to an empty block by switching it to Germany', () => {
		const onApply = jest.fn();
		show( '', [], onApply );
		type( 'https://www.amazon.de/Kestrel/dp/B0C7KX2Q4M/ref=x?th=1' );
		expect(
			screen.getByText( /this block switches to that marketplace/ )
		).toBeTruthy();
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Add product B0C7KX2Q4M' } )
		);
		expect( onApply ).toHaveBeenCalledWith(
			expect.objectContaining( {
				here: [ 'B0C7KX2Q4M' ],
				switchTo: 'de',
				newBlocks: [],
			} )
		);
		act( () => {
			jest.runAllTimers();
		} );
		expect( mockedFetch ).not.toHaveBeenCalled();
	} );

	it( 'offers a new block for a foreign link when the block holds products', () => {
		const onApply = jest.fn();
		show( 'us', [ 'B0B8RZ4XJQ' ], onApply );
		type( 'https://www.amazon.de/dp/B0C7KX2Q4M' );
		fireEvent.click(
			screen.getByRole( 'button', {
				name: 'Add as a new block for Germany',
			} )
		);
		expect( onApply ).toHaveBeenCalledWith(
			expect.objectContaining( {
				here: [],
				newBlocks: [ { country: 'de', asins: [ 'B0C7KX2Q4M' ] } ],
			} )
		);
	} );

	it( 'adds several pasted at once', () => {
		const onApply = jest.fn();
		show( 'us', [], onApply );
		// A paste of lines: the one-line field keeps them apart as spaces.
		fireEvent.paste( screen.getByLabelText( LABEL ), {
			clipboardData: {
				getData: () =>
					'B0DKAFFEE1, 0306406152\nhttps://www.amazon.de/dp/B0DAUSVERK\r\nB0C7KX2Q4M\nhttps://www.amazon.com/dp/B0B8RZ4XJQ',
			},
		} );
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Add 5 products' } )
		);
		const plan = onApply.mock.calls[ 0 ][ 0 ];
		expect( plan.here ).toHaveLength( 4 );
		expect( plan.newBlocks ).toEqual( [
			{ country: 'de', asins: [ 'B0DAUSVERK' ] },
		] );
	} );

	it( 'explains a short link and does not search it', async () => {
		show( '', [], jest.fn() );
		type( 'https://amzn.to/3AbCdEf' );
		expect(
			screen.getAllByText( /Short links \(amzn\.to, a\.co\)/ ).length
		).toBeGreaterThan( 0 );
		expect( screen.queryByRole( 'button', { name: /^Add/ } ) ).toBeNull();
		await settle();
		expect( mockedFetch ).not.toHaveBeenCalled();
	} );

	it( 'does not search a links-only marketplace, and says why', async () => {
		show( 'fr', [], jest.fn() );
		type( 'bouilloire' );
		expect(
			screen.getAllByText( /set up for links only \(no API\)/ ).length
		).toBeGreaterThan( 0 );
		await settle();
		expect( mockedFetch ).not.toHaveBeenCalled();
	} );
} );
