/**
 * The marketplace table renders the REST answer: names, types, versions, masks, switches.
 */
import { fireEvent, render, screen, within } from '@testing-library/react';

import MarketplaceTable from '../../../src/settings/components/MarketplaceTable';
import { germany, unitedKingdom, unitedStates } from './fixtures';

const noop = () => undefined;

function renderTable( overrides = {} ) {
	const handlers = {
		onEdit: jest.fn(),
		onDelete: jest.fn(),
		onToggle: jest.fn(),
		onMakeDefault: jest.fn(),
		onTest: jest.fn(),
	};
	const { container } = render(
		<MarketplaceTable
			marketplaces={ [ unitedStates, germany, unitedKingdom ] }
			busy={ null }
			tests={ {} }
			{ ...handlers }
			{ ...overrides }
		/>
	);
	return { ...handlers, container };
}

describe( 'MarketplaceTable', () => {
	it( 'shows one row per marketplace with name, code, type, version, tag and mask', () => {
		renderTable();
		const rows = screen.getAllByRole( 'row' ).slice( 1 );
		expect( rows ).toHaveLength( 3 );
		const us = within( rows[ 0 ]! );
		expect( us.getByText( 'United States' ) ).toBeTruthy();
		expect( us.getByText( '(us)' ) ).toBeTruthy();
		expect( us.getByText( 'LWA (v3)' ) ).toBeTruthy();
		expect( us.getByText( '3.1' ) ).toBeTruthy();
		expect( us.getByText( 'acapidemous-20' ) ).toBeTruthy();
		expect( us.getByText( '••••0031' ) ).toBeTruthy();
		const de = within( rows[ 1 ]! );
		expect( de.getByText( 'Cognito (v2)' ) ).toBeTruthy();
		expect( de.getByText( '2.2' ) ).toBeTruthy();
		expect( de.getByText( 'Default' ) ).toBeTruthy();
	} );

	it( 'asks to re-enter an unreadable secret', () => {
		renderTable();
		const uk = within( screen.getAllByRole( 'row' )[ 3 ]! );
		expect( uk.getByText( 'Re-enter this secret' ) ).toBeTruthy();
	} );

	it( 'shows the enabled switches and calls the actions', () => {
		const handlers = renderTable();
		const usToggle = screen.getByRole( 'checkbox', {
			name: 'Enable United States',
		} ) as HTMLInputElement;
		expect( usToggle.checked ).toBe( true );
		expect(
			(
				screen.getByRole( 'checkbox', {
					name: 'Enable United Kingdom',
				} ) as HTMLInputElement
			 ).checked
		).toBe( false );
		fireEvent.click( usToggle );
		expect( handlers.onToggle ).toHaveBeenCalledWith( unitedStates, false );

		fireEvent.click(
			screen.getByRole( 'button', {
				name: 'Make United States the default',
			} )
		);
		expect( handlers.onMakeDefault ).toHaveBeenCalledWith( unitedStates );
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Edit Germany' } )
		);
		expect( handlers.onEdit ).toHaveBeenCalledWith( germany );
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Delete United Kingdom' } )
		);
		expect( handlers.onDelete ).toHaveBeenCalledWith( unitedKingdom );
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Test connection of Germany' } )
		);
		expect( handlers.onTest ).toHaveBeenCalledWith( germany );
	} );

	it( 'shows a connection test result with its hint', () => {
		const { container } = renderTable( {
			tests: {
				us: {
					ok: false,
					country: 'us',
					api_version: '2.1',
					credential_type: 'cognito',
					kind: 'invalid_credentials',
					message: 'Amazon did not accept the credentials.',
					hint: 'These look like LWA (v3) credentials but the type is set to Cognito (v2).',
				},
			},
		} );
		expect(
			within( container ).getByText(
				'Amazon did not accept the credentials.'
			)
		).toBeTruthy();
		expect(
			within( container ).getByText( /These look like LWA \(v3\)/ )
		).toBeTruthy();
	} );

	it( 'says so when nothing is configured', () => {
		render(
			<MarketplaceTable
				marketplaces={ [] }
				busy={ null }
				tests={ {} }
				onEdit={ noop }
				onDelete={ noop }
				onToggle={ noop }
				onMakeDefault={ noop }
				onTest={ noop }
			/>
		);
		expect(
			screen.getByText( /No marketplace is configured yet/ )
		).toBeTruthy();
	} );
} );
