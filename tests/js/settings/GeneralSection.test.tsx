/**
 * The general settings form: its limits and template list come from the generated schema, and
 * its messages read as before.
 */
import { act, fireEvent, render, screen } from '@testing-library/react';

import GeneralSection from '../../../src/settings/components/GeneralSection';
import { generalSchema } from '../../../src/shared/settings-schema';
import type { GeneralSettings } from '../../../src/settings/types';

const settings: GeneralSettings = {
	default_template: 'box',
	button_text: '',
	link_target: '_blank',
	price_disclaimer: '',
	disclosure_text: '',
	affiliate_label: false,
	offer_max_age_minutes: 60,
	catalog_max_age_hours: 24,
	fallback_to_paapi: true,
	delete_data_on_uninstall: false,
	daily_quota: 8640,
	limit_exempt_administrators: true,
	limit_contributor_minute: 6,
	limit_contributor_day: 100,
	limit_author_minute: 10,
	limit_author_day: 300,
	limit_editor_minute: 20,
	limit_editor_day: 1000,
	limit_administrator_minute: 30,
	limit_administrator_day: 2000,
};

describe( 'GeneralSection', () => {
	it( 'offers the schema’s templates and limits', () => {
		render( <GeneralSection settings={ settings } onSave={ jest.fn() } /> );
		const options = Array.from(
			( screen.getByLabelText( 'Default template' ) as HTMLSelectElement )
				.options
		).map( ( option ) => option.value );
		expect( options ).toEqual( [ ...generalSchema.default_template.enum ] );
		const minutes = screen.getByLabelText(
			'Refresh prices after (minutes, at most 60)'
		);
		expect( minutes.getAttribute( 'max' ) ).toBe( '60' );
		expect( minutes.getAttribute( 'min' ) ).toBe( '1' );
		expect(
			screen
				.getByLabelText(
					'Refresh product data after (hours, at most 24)'
				)
				.getAttribute( 'max' )
		).toBe( '24' );
	} );

	it( 'names out-of-range values and does not save', async () => {
		const onSave = jest.fn();
		render( <GeneralSection settings={ settings } onSave={ onSave } /> );
		fireEvent.change(
			screen.getByLabelText(
				'Refresh prices after (minutes, at most 60)'
			),
			{ target: { value: '61' } }
		);
		fireEvent.change(
			screen.getByLabelText(
				'Refresh product data after (hours, at most 24)'
			),
			{ target: { value: '0' } }
		);
		await act( async () => {
			fireEvent.click(
				screen.getByRole( 'button', { name: 'Save general settings' } )
			);
		} );
		expect( onSave ).not.toHaveBeenCalled();
		expect(
			screen.getByText(
				'Between 1 and 60 minutes (Amazon allows offer data at most an hour old).'
			)
		).toBeTruthy();
		expect(
			screen.getByText(
				'Between 1 and 24 hours (Amazon allows data at most a day old).'
			)
		).toBeTruthy();
	} );

	it( 'offers the daily limit and the editor limits by role, within the schema’s limits', async () => {
		const onSave = jest.fn().mockResolvedValue( undefined );
		render( <GeneralSection settings={ settings } onSave={ onSave } /> );
		const quota = screen.getByLabelText(
			'Amazon calls per credential and day (UTC)'
		) as HTMLInputElement;
		expect( quota.value ).toBe( '8640' );
		expect( quota.max ).toBe( String( generalSchema.daily_quota.maximum ) );
		const contributor = screen.getByLabelText(
			'Contributor: Amazon calls per minute'
		) as HTMLInputElement;
		expect( contributor.value ).toBe( '6' );
		fireEvent.change( contributor, { target: { value: '3' } } );
		fireEvent.click(
			screen.getByLabelText(
				'Administrators are exempt from the editor limits'
			)
		);
		await act( async () => {
			fireEvent.click( screen.getByText( 'Save general settings' ) );
		} );
		expect( onSave ).toHaveBeenCalledWith(
			expect.objectContaining( {
				limit_contributor_minute: 3,
				limit_exempt_administrators: false,
			} )
		);
	} );
} );
