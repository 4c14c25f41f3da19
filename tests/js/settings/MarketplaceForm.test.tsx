/**
 * The add/edit form: client-side validation, type suggestion, server field errors, blank secret.
 */
import { act, fireEvent, render, screen } from '@testing-library/react';

import MarketplaceForm from '../../../src/settings/components/MarketplaceForm';
import type { MarketplaceInput } from '../../../src/settings/types';
import { germany } from './fixtures';

const LWA_ID = 'amzn1.application-oa2-client.acab1e00000000000000000000000031';

function type( label: RegExp | string, value: string ) {
	fireEvent.change( screen.getByLabelText( label ), {
		target: { value },
	} );
}

async function submit( name: string ) {
	await act( async () => {
		fireEvent.click( screen.getByRole( 'button', { name } ) );
	} );
}

describe( 'MarketplaceForm', () => {
	it( 'names each invalid field and does not submit', async () => {
		const onSubmit = jest.fn();
		render(
			<MarketplaceForm
				marketplace={ null }
				configured={ [] }
				onSubmit={ onSubmit }
				onClose={ jest.fn() }
			/>
		);
		type( 'Credential ID', 'not an id' );
		await submit( 'Add marketplace' );
		expect( onSubmit ).not.toHaveBeenCalled();
		expect(
			screen.getByText( /This does not look like a Credential ID/ )
		).toBeTruthy();
		expect(
			screen.getByText( 'Enter the Credential Secret.' )
		).toBeTruthy();
		expect( screen.getByText( /Enter the partner tag/ ) ).toBeTruthy();
		expect(
			screen
				.getByLabelText( 'Credential ID' )
				.getAttribute( 'aria-describedby' )
		).toContain( 'acapi-error-credential_id' );
	} );

	it( 'suggests the type from the id and submits valid input', async () => {
		const onSubmit = jest.fn< Promise< void >, [ MarketplaceInput ] >( () =>
			Promise.resolve()
		);
		render(
			<MarketplaceForm
				marketplace={ null }
				configured={ [ 'us' ] }
				onSubmit={ onSubmit }
				onClose={ jest.fn() }
			/>
		);
		fireEvent.change( screen.getByLabelText( 'Marketplace' ), {
			target: { value: 'de' },
		} );
		type( 'Credential ID', 'acapiemucognitoeu00000000002' );
		expect(
			( screen.getByLabelText( 'Credential type' ) as HTMLSelectElement )
				.value
		).toBe( 'cognito' );
		type( 'Credential Secret', 'secret0000000000000002' );
		type( 'Partner tag', 'acapidemode-21' );
		await submit( 'Add marketplace' );
		expect( onSubmit ).toHaveBeenCalledTimes( 1 );
		expect( onSubmit.mock.calls[ 0 ]![ 0 ] ).toMatchObject( {
			country: 'de',
			credential_type: 'cognito',
			credential_id: 'acapiemucognitoeu00000000002',
			partner_tag: 'acapidemode-21',
		} );
		// The marketplace already configured is not offered.
		expect(
			screen.queryByRole( 'option', { name: 'United States (us)' } )
		).toBeNull();
	} );

	it( 'edits with a blank secret, warns about a type mismatch, shows server errors', async () => {
		const onSubmit = jest.fn( () =>
			Promise.reject( {
				code: 'rest_invalid_param',
				message: 'Invalid parameter(s): partner_tag',
				data: {
					status: 400,
					params: { partner_tag: 'Amazon says no to this tag.' },
				},
			} )
		);
		render(
			<MarketplaceForm
				marketplace={ germany }
				configured={ [ 'de' ] }
				onSubmit={ onSubmit }
				onClose={ jest.fn() }
			/>
		);
		expect( screen.getByText( /Stored: ••••0002/ ) ).toBeTruthy();
		type( 'Credential ID', LWA_ID );
		expect(
			screen.getByText(
				'This Credential ID looks like LWA (v3) credentials, but the type is set to Cognito (v2).'
			)
		).toBeTruthy();
		await submit( 'Save' );
		expect( onSubmit ).toHaveBeenCalledTimes( 1 );
		expect( onSubmit.mock.calls[ 0 ] ).toEqual( [
			expect.objectContaining( {
				credential_secret: '',
				revision: 3,
			} ),
		] );
		expect(
			screen.getByText( 'Amazon says no to this tag.' )
		).toBeTruthy();
	} );
} );
