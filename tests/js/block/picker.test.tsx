/**
 * The block's product picker: a pasted Amazon URL adds its ASIN and marketplace; keywords are
 * searched (debounced) through the plugin's REST route.
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

describe( 'Picker', () => {
	beforeEach( () => {
		jest.useFakeTimers();
		mockedFetch.mockReset();
	} );
	afterEach( () => {
		jest.useRealTimers();
	} );

	it( 'adds a pasted amazon.de URL with its marketplace, without searching', () => {
		const onAdd = jest.fn();
		render(
			<Picker country="" onCountryChange={ jest.fn() } onAdd={ onAdd } />
		);
		fireEvent.change( screen.getByLabelText( LABEL ), {
			target: {
				value: 'https://www.amazon.de/Kestrel/dp/B0C7KX2Q4M/ref=x?th=1',
			},
		} );
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Add product B0C7KX2Q4M' } )
		);
		expect( onAdd ).toHaveBeenCalledWith( 'B0C7KX2Q4M', 'de' );
		act( () => {
			jest.runAllTimers();
		} );
		expect( mockedFetch ).not.toHaveBeenCalled();
	} );

	it( 'searches keywords once typing pauses and lists the hits', async () => {
		mockedFetch.mockResolvedValue( {
			products: [
				{
					asin: 'B0DKOCHER2',
					marketplace: 'de',
					title: 'Bärenstein Wasserkocher',
					price: { display: '29,99 €' },
				},
			],
		} );
		const onAdd = jest.fn();
		render(
			<Picker
				country="de"
				onCountryChange={ jest.fn() }
				onAdd={ onAdd }
			/>
		);
		fireEvent.change( screen.getByLabelText( LABEL ), {
			target: { value: 'Wasser' },
		} );
		fireEvent.change( screen.getByLabelText( LABEL ), {
			target: { value: 'Wasserkocher' },
		} );
		await act( async () => {
			jest.runAllTimers();
		} );
		expect( mockedFetch ).toHaveBeenCalledTimes( 1 );
		expect( mockedFetch.mock.calls[ 0 ][ 0 ].path ).toBe(
			'/creators-connect-for-amazon/v1/search?keywords=Wasserkocher&country=de&page=1'
		);
		await act( async () => {
			await Promise.resolve();
		} );
		expect(
			screen.getByText( 'Bärenstein Wasserkocher – 29,99 €' )
		).toBeTruthy();
		fireEvent.click( screen.getByRole( 'button', { name: 'Add' } ) );
		expect( onAdd ).toHaveBeenCalledWith( 'B0DKOCHER2', 'de' );
	} );
} );
