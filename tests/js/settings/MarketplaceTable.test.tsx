/**
 * The marketplace table renders the REST answer: names, status pills, types, versions, masked
 * tags, the default star and the row actions.
 */
import { fireEvent, render, screen, within } from '@testing-library/react';

import MarketplaceTable from '../../../src/settings/components/MarketplaceTable';
import { germany, routing, unitedKingdom, unitedStates } from './fixtures';

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
			routes={ routing.routes }
			busy={ null }
			tests={ {} }
			{ ...handlers }
			{ ...overrides }
		/>
	);
	return { ...handlers, container };
}

describe( 'MarketplaceTable', () => {
	it( 'shows one row per marketplace with name, code, status, type, version, masked tag and mask', () => {
		renderTable();
		const rows = screen.getAllByRole( 'row' ).slice( 1 );
		expect( rows ).toHaveLength( 3 );
		const us = within( rows[ 0 ]! );
		expect( us.getByRole( 'rowheader' ).textContent ).toBe(
			'United States (US)'
		);
		expect( us.getByText( 'Enabled' ).className ).toContain(
			'acapi-pill--enabled'
		);
		expect( us.getByText( 'LWA (v3)' ) ).toBeTruthy();
		expect( us.getByText( '3.1' ) ).toBeTruthy();
		expect( us.getByText( 'acap•••us-20' ) ).toBeTruthy();
		expect( us.queryByText( 'acapidemous-20' ) ).toBeNull();
		expect( us.getByText( '••••0031' ) ).toBeTruthy();
		const de = within( rows[ 1 ]! );
		expect( de.getByText( 'Cognito (v2)' ) ).toBeTruthy();
		expect( de.getByText( '2.2' ) ).toBeTruthy();
		expect( de.getByText( 'Default' ) ).toBeTruthy();
		const uk = within( rows[ 2 ]! );
		expect( uk.getByText( 'Disabled' ).className ).toContain(
			'acapi-pill--disabled'
		);
	} );

	it( 'reveals the partner tag on request', () => {
		renderTable();
		const show = screen.getByRole( 'button', {
			name: 'Show partner tag of United States',
		} );
		expect( show.getAttribute( 'aria-pressed' ) ).toBe( 'false' );
		fireEvent.click( show );
		expect( screen.getByText( 'acapidemous-20' ) ).toBeTruthy();
		fireEvent.click(
			screen.getByRole( 'button', {
				name: 'Hide partner tag of United States',
			} )
		);
		expect( screen.queryByText( 'acapidemous-20' ) ).toBeNull();
	} );

	it( 'warns, without blocking, when a tag does not fit the marketplace', () => {
		render(
			<MarketplaceTable
				marketplaces={ [
					{ ...unitedKingdom, partner_tag: 'acapidemous-20' },
				] }
				routes={ [] }
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
			screen.getByText(
				/Partner tags for United Kingdom usually end in -21/
			)
		).toBeTruthy();
	} );

	it( 'shows Failing with the error and time from the routing summary, or a failed test', () => {
		const routes = routing.routes.map( ( route ) =>
			route.country === 'us'
				? {
						...route,
						last_failure: {
							api: 'creators' as const,
							kind: 'not_eligible',
							label: 'not eligible',
							message: 'Not eligible right now.',
							at: '2026-12-06T07:18:00+00:00',
							time: '7:18',
							fallback: 'answered' as const,
						},
					}
				: route
		);
		const { container } = renderTable( {
			routes,
			tests: {
				de: {
					ok: false,
					country: 'de',
					api_version: '2.2',
					credential_type: 'cognito',
					kind: 'invalid_credentials',
					message: 'Amazon did not accept the credentials.',
					hint: null,
				},
			},
		} );
		const us = container.querySelector( 'tr[data-country="us"]' )!;
		expect( us.getAttribute( 'data-status' ) ).toBe( 'failing' );
		expect( us.textContent ).toContain( 'Failing' );
		expect( us.textContent ).toContain( 'At 7:18: not eligible' );
		const de = container.querySelector( 'tr[data-country="de"]' )!;
		expect( de.getAttribute( 'data-status' ) ).toBe( 'failing' );
		// A disabled marketplace is Disabled, whatever failed before.
		const uk = container.querySelector( 'tr[data-country="uk"]' )!;
		expect( uk.getAttribute( 'data-status' ) ).toBe( 'disabled' );
	} );

	it( "keeps every row button's visible text inside its accessible name", () => {
		const { container } = renderTable();
		container.querySelectorAll( 'button' ).forEach( ( button ) => {
			const visible = Array.from( button.childNodes )
				.filter(
					( node ) =>
						! (
							node instanceof HTMLElement &&
							node.classList.contains( 'screen-reader-text' )
						)
				)
				.map( ( node ) => node.textContent )
				.join( '' )
				.trim();
			const name =
				button.getAttribute( 'aria-label' ) ?? button.textContent ?? '';
			expect( name.replace( /\s+/g, ' ' ) ).toContain( visible );
		} );
	} );

	it( 'asks to re-enter an unreadable secret', () => {
		renderTable();
		const uk = within( screen.getAllByRole( 'row' )[ 3 ]! );
		expect( uk.getByText( 'Re-enter this secret' ) ).toBeTruthy();
	} );

	it( 'calls the row actions', () => {
		const handlers = renderTable();
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Disable United States' } )
		);
		expect( handlers.onToggle ).toHaveBeenCalledWith( unitedStates, false );
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Enable United Kingdom' } )
		);
		expect( handlers.onToggle ).toHaveBeenCalledWith( unitedKingdom, true );

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
				routes={ [] }
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
