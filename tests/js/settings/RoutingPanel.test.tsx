/**
 * The routing panel renders GET /routing: marketplace, credentials, status → API.
 */
import { render, screen, within } from '@testing-library/react';

import RoutingPanel from '../../../src/settings/components/RoutingPanel';
import { routing } from './fixtures';

describe( 'RoutingPanel', () => {
	it( 'renders each route as "status → API"', () => {
		render( <RoutingPanel summary={ routing } /> );
		const rows = screen.getAllByRole( 'row' ).slice( 1 );
		const text = rows.map( ( row ) => row.textContent );
		expect( text[ 0 ] ).toContain( 'Germany' );
		expect( text[ 0 ] ).toContain( 'Cognito (v2)' );
		expect( text[ 0 ] ).toContain( 'Enabled' );
		expect( text[ 0 ] ).toContain( '→ Creators API 2.2' );
		expect( text[ 0 ] ).toContain( '(default)' );
		expect( text[ 1 ] ).toContain( 'LWA (v3)' );
		expect( text[ 1 ] ).toContain( '→ Creators API 3.1' );
		expect( text[ 2 ] ).toContain( 'Disabled' );
		expect( text[ 2 ] ).toContain( '→ PA-API 5.0' );
		expect( text[ 3 ] ).toContain( 'France' );
		expect( text[ 3 ] ).toContain( 'Not configured' );
		expect( text[ 3 ] ).toContain( '→ PA-API 5.0' );
		expect( within( rows[ 3 ]! ).getByText( '—' ) ).toBeTruthy();
	} );

	it( 'shows each credential’s Amazon calls today, marked from 80 % of the limit', () => {
		const quota = ( calls: number ) => ( {
			calls_today: calls,
			daily_limit: 8640,
		} );
		render(
			<RoutingPanel
				summary={ {
					default_country: null,
					routes: [
						{ ...routing.routes[ 0 ]!, quota: quota( 120 ) },
						{ ...routing.routes[ 1 ]!, quota: quota( 7000 ) },
					],
				} }
			/>
		);
		const cells = screen
			.getAllByRole( 'row' )
			.slice( 1 )
			.map( ( row ) => row.querySelector( '.acapi-quota' ) );
		expect( cells[ 0 ]!.textContent ).toBe( '120 of 8,640 calls today' );
		expect( cells[ 0 ]!.querySelector( '.acapi-warning' ) ).toBeNull();
		expect( cells[ 1 ]!.textContent ).toBe( '7,000 of 8,640 calls today' );
		expect( cells[ 1 ]!.querySelector( '.acapi-warning' ) ).not.toBeNull();
	} );

	it( 'warns that PA-API 5.0 is retired where it is the only route', () => {
		const { container } = render( <RoutingPanel summary={ routing } /> );
		expect(
			within( container ).getByText(
				/PA-API 5.0 was retired on 15 May 2026, and it is the only route for: United Kingdom, France/
			)
		).toBeTruthy();
	} );

	it( 'has no warning when every route is the Creators API', () => {
		const { container } = render(
			<RoutingPanel
				summary={ {
					default_country: null,
					routes: routing.routes.slice( 0, 2 ),
				} }
			/>
		);
		expect( within( container ).queryByText( /was retired/ ) ).toBeNull();
	} );

	it( 'shows a notice while the summary is unavailable', () => {
		const { container } = render( <RoutingPanel summary={ null } /> );
		expect(
			within( container ).getByText(
				'The routing summary is not available yet.'
			)
		).toBeTruthy();
	} );
} );
