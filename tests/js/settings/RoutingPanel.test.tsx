/**
 * The routing panel renders GET /routing: marketplace, credentials, status, and a headline that
 * names the API that answers.
 */
import { render, screen, within } from '@testing-library/react';

import RoutingPanel from '../../../src/settings/components/RoutingPanel';
import type { RouteSummary } from '../../../src/settings/types';
import { germany, routing, unitedKingdom, unitedStates } from './fixtures';

const notEligible = {
	api: 'creators' as const,
	kind: 'not_eligible',
	label: 'not eligible',
	message: 'Amazon says this Associates account is not eligible …',
	at: '2026-12-06T07:18:00+00:00',
	time: '7:18',
};

function withFailure( fallback: 'answered' | 'failed' | null ): RouteSummary[] {
	const [ de, ...rest ] = routing.routes;
	return [
		{
			...de!,
			paapi_retired_warning: true,
			last_failure: { ...notEligible, fallback },
		},
		...rest,
	];
}

describe( 'RoutingPanel', () => {
	it( 'renders each route: code in capitals, credentials, status, the API', () => {
		render( <RoutingPanel summary={ routing } /> );
		const rows = screen.getAllByRole( 'row' ).slice( 1 );
		const text = rows.map( ( row ) => row.textContent );
		expect( text[ 0 ] ).toContain( 'Germany (DE)' );
		expect( text[ 0 ] ).toContain( 'Cognito (v2)' );
		expect( text[ 0 ] ).toContain( 'Enabled' );
		expect( text[ 0 ] ).toContain( 'Creators API 2.2' );
		expect( text[ 0 ] ).not.toContain( 'retired' );
		expect( text[ 0 ] ).toContain( '(default)' );
		expect( text[ 1 ] ).toContain( 'LWA (v3)' );
		expect( text[ 1 ] ).toContain( 'Creators API 3.1' );
		expect( text[ 2 ] ).toContain( 'Disabled' );
		expect( text[ 2 ] ).toContain(
			'PA-API 5.0 (retired: may stop working)'
		);
		expect( text[ 3 ] ).toContain( 'France (FR)' );
		expect( text[ 3 ] ).toContain( 'Not configured' );
		expect( within( rows[ 3 ]! ).getByText( '—' ) ).toBeTruthy();
	} );

	it( 'names PA-API in the headline when it answered for a failing Creators API', () => {
		render(
			<RoutingPanel
				summary={ { ...routing, routes: withFailure( 'answered' ) } }
			/>
		);
		const de = screen.getAllByRole( 'row' )[ 1 ]!;
		const headline = de.querySelector( '.acapi-served' )!.textContent;
		expect( headline ).toBe( 'PA-API 5.0 (retired: may stop working)' );
		expect( de.textContent ).toContain(
			'Creators API failed at 7:18 (not eligible) → PA-API 5.0 answered'
		);
		// The retirement label is PA-API's, never next to the Creators API.
		expect( de.textContent ).not.toMatch( /Creators API 2\.2 \(retired/ );
	} );

	it( 'says when PA-API could not answer either, and when there is no fallback', () => {
		const { unmount } = render(
			<RoutingPanel
				summary={ { ...routing, routes: withFailure( 'failed' ) } }
			/>
		);
		let de = screen.getAllByRole( 'row' )[ 1 ]!;
		expect( de.querySelector( '.acapi-served' )!.textContent ).toBe(
			'Neither API answered'
		);
		expect( de.textContent ).toContain(
			'→ PA-API 5.0 could not answer either'
		);
		unmount();
		render(
			<RoutingPanel
				summary={ { ...routing, routes: withFailure( null ) } }
			/>
		);
		de = screen.getAllByRole( 'row' )[ 1 ]!;
		expect( de.querySelector( '.acapi-served' )!.textContent ).toBe(
			'Creators API 2.2 (failing)'
		);
		expect( de.textContent ).toContain( 'there is no PA-API 5.0 fallback' );
	} );

	it( 'shows stored credentials of a disabled marketplace as such', () => {
		const { container } = render(
			<RoutingPanel
				summary={ routing }
				marketplaces={ [ germany, unitedStates, unitedKingdom ] }
			/>
		);
		const uk = screen.getAllByRole( 'row' )[ 3 ]!;
		expect( uk.textContent ).toContain(
			'Cognito (v2), stored but disabled'
		);
		expect(
			within( container ).getByText(
				/it serves these disabled marketplaces: United Kingdom\. Their Creators API credentials are stored/
			)
		).toBeTruthy();
		expect(
			within( container ).getByText(
				/it is the only route for: France\. Add Creators API credentials/
			)
		).toBeTruthy();
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
