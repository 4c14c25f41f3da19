/**
 * General settings: display defaults, data freshness, fallback, uninstall.
 */
import {
	Button,
	Notice,
	SelectControl,
	TextControl,
	TextareaControl,
	ToggleControl,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import { fieldErrorsOf, messageOf } from '../api';
import type { FieldErrors, GeneralSettings, Template } from '../types';
import FieldError from './FieldError';

interface Props {
	settings: GeneralSettings;
	onSave: ( input: GeneralSettings ) => Promise< void >;
}

const templates = (): { value: Template; label: string }[] => [
	{ value: 'box', label: __( 'Box', 'creators-connect-for-amazon' ) },
	{ value: 'list', label: __( 'List', 'creators-connect-for-amazon' ) },
	{ value: 'grid', label: __( 'Grid', 'creators-connect-for-amazon' ) },
	{ value: 'table', label: __( 'Table', 'creators-connect-for-amazon' ) },
	{ value: 'button', label: __( 'Button', 'creators-connect-for-amazon' ) },
	{
		value: 'text_link',
		label: __( 'Text link', 'creators-connect-for-amazon' ),
	},
	{
		value: 'image_link',
		label: __( 'Image link', 'creators-connect-for-amazon' ),
	},
];

export default function GeneralSection( { settings, onSave }: Props ) {
	const [ values, setValues ] = useState< GeneralSettings >( settings );
	const [ errors, setErrors ] = useState< FieldErrors >( {} );
	const [ busy, setBusy ] = useState( false );

	const set = < K extends keyof GeneralSettings >(
		key: K,
		value: GeneralSettings[ K ]
	) => setValues( ( current ) => ( { ...current, [ key ]: value } ) );

	const submit = async ( event: React.FormEvent ) => {
		event.preventDefault();
		const found: FieldErrors = {};
		if (
			! Number.isInteger( values.offer_max_age_minutes ) ||
			values.offer_max_age_minutes < 1 ||
			values.offer_max_age_minutes > 60
		) {
			found.offer_max_age_minutes = __(
				'Between 1 and 60 minutes (Amazon allows offer data at most an hour old).',
				'creators-connect-for-amazon'
			);
		}
		if (
			! Number.isInteger( values.catalog_max_age_hours ) ||
			values.catalog_max_age_hours < 1 ||
			values.catalog_max_age_hours > 24
		) {
			found.catalog_max_age_hours = __(
				'Between 1 and 24 hours (Amazon allows data at most a day old).',
				'creators-connect-for-amazon'
			);
		}
		setErrors( found );
		if ( Object.keys( found ).length > 0 ) {
			return;
		}
		setBusy( true );
		try {
			await onSave( values );
		} catch ( error ) {
			const server = fieldErrorsOf( error );
			setErrors(
				Object.keys( server ).length > 0
					? server
					: {
							form: messageOf(
								error,
								__(
									'Could not save.',
									'creators-connect-for-amazon'
								)
							),
						}
			);
		}
		setBusy( false );
	};

	return (
		<form onSubmit={ submit } noValidate className="acapi-section-form">
			{ errors.form && (
				<Notice status="error" isDismissible={ false }>
					{ errors.form }
				</Notice>
			) }
			<SelectControl
				__nextHasNoMarginBottom
				label={ __(
					'Default template',
					'creators-connect-for-amazon'
				) }
				value={ values.default_template }
				options={ templates() }
				onChange={ ( value: string ) =>
					set( 'default_template', value as Template )
				}
			/>
			<TextControl
				__nextHasNoMarginBottom
				label={ __( 'Button text', 'creators-connect-for-amazon' ) }
				value={ values.button_text }
				placeholder={ __(
					'Buy on Amazon',
					'creators-connect-for-amazon'
				) }
				onChange={ ( value: string ) => set( 'button_text', value ) }
			/>
			<SelectControl
				__nextHasNoMarginBottom
				label={ __(
					'Open product links',
					'creators-connect-for-amazon'
				) }
				value={ values.link_target }
				options={ [
					{
						value: '_blank',
						label: __(
							'In a new tab',
							'creators-connect-for-amazon'
						),
					},
					{
						value: '_self',
						label: __(
							'In the same tab',
							'creators-connect-for-amazon'
						),
					},
				] }
				onChange={ ( value: string ) =>
					set( 'link_target', value === '_self' ? '_self' : '_blank' )
				}
			/>
			<TextareaControl
				__nextHasNoMarginBottom
				label={ __(
					'Price disclaimer',
					'creators-connect-for-amazon'
				) }
				help={ __(
					"Leave blank for Amazon's standard wording.",
					'creators-connect-for-amazon'
				) }
				value={ values.price_disclaimer }
				onChange={ ( value: string ) =>
					set( 'price_disclaimer', value )
				}
			/>
			<TextareaControl
				__nextHasNoMarginBottom
				label={ __(
					'Associates disclosure',
					'creators-connect-for-amazon'
				) }
				help={ __(
					'What [amazon_disclosure] and the disclosure block show. Leave blank for Amazon\'s statement: "As an Amazon Associate I earn from qualifying purchases."',
					'creators-connect-for-amazon'
				) }
				value={ values.disclosure_text }
				onChange={ ( value: string ) =>
					set( 'disclosure_text', value )
				}
			/>
			<ToggleControl
				__nextHasNoMarginBottom
				label={ __(
					'Label each product box "Affiliate link"',
					'creators-connect-for-amazon'
				) }
				checked={ values.affiliate_label }
				onChange={ ( value: boolean ) =>
					set( 'affiliate_label', value )
				}
			/>
			<TextControl
				__nextHasNoMarginBottom
				type="number"
				min={ 1 }
				max={ 60 }
				label={ __(
					'Refresh prices after (minutes, at most 60)',
					'creators-connect-for-amazon'
				) }
				value={ String( values.offer_max_age_minutes ) }
				onChange={ ( value: string ) =>
					set( 'offer_max_age_minutes', Number( value ) )
				}
			/>
			<FieldError
				id="acapi-error-offer_max_age_minutes"
				message={ errors.offer_max_age_minutes }
			/>
			<TextControl
				__nextHasNoMarginBottom
				type="number"
				min={ 1 }
				max={ 24 }
				label={ __(
					'Refresh product data after (hours, at most 24)',
					'creators-connect-for-amazon'
				) }
				value={ String( values.catalog_max_age_hours ) }
				onChange={ ( value: string ) =>
					set( 'catalog_max_age_hours', Number( value ) )
				}
			/>
			<FieldError
				id="acapi-error-catalog_max_age_hours"
				message={ errors.catalog_max_age_hours }
			/>
			<ToggleControl
				__nextHasNoMarginBottom
				label={ __(
					'Fall back to PA-API 5.0 when the Creators API cannot serve a marketplace',
					'creators-connect-for-amazon'
				) }
				checked={ values.fallback_to_paapi }
				onChange={ ( value: boolean ) =>
					set( 'fallback_to_paapi', value )
				}
			/>
			<ToggleControl
				__nextHasNoMarginBottom
				label={ __(
					'Delete all plugin data when the plugin is deleted',
					'creators-connect-for-amazon'
				) }
				checked={ values.delete_data_on_uninstall }
				onChange={ ( value: boolean ) =>
					set( 'delete_data_on_uninstall', value )
				}
			/>
			<Button
				variant="primary"
				type="submit"
				isBusy={ busy }
				disabled={ busy }
			>
				{ __( 'Save general settings', 'creators-connect-for-amazon' ) }
			</Button>
		</form>
	);
}
