/**
 * General settings: display defaults, data freshness, fallback, uninstall.
 */
import {
	SelectControl,
	TextControl,
	TextareaControl,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { generalSchema } from '../../shared/settings-schema';
import type { FieldErrors, GeneralSettings, Template } from '../types';
import FieldError from './FieldError';
import SpendingLimits from './SpendingLimits';
import SettingToggle from './SettingToggle';
import FormError from './FormError';
import SaveButton from './SaveButton';
import useSectionSave from './useSectionSave';

interface Props {
	settings: GeneralSettings;
	onSave: ( input: GeneralSettings ) => Promise< void >;
}

/** The templates' names; the list itself is the schema's (a new template fails tsc here). */
const templateLabels = (): Record< Template, string > => ( {
	box: __( 'Box', 'creators-connect-for-amazon' ),
	list: __( 'List', 'creators-connect-for-amazon' ),
	grid: __( 'Grid', 'creators-connect-for-amazon' ),
	table: __( 'Table', 'creators-connect-for-amazon' ),
	button: __( 'Button', 'creators-connect-for-amazon' ),
	text_link: __( 'Text link', 'creators-connect-for-amazon' ),
	image_link: __( 'Image link', 'creators-connect-for-amazon' ),
} );

const templates = () => {
	const labels = templateLabels();
	return generalSchema.default_template.enum.map( ( value ) => ( {
		value,
		label: labels[ value ],
	} ) );
};

type LinkTarget = GeneralSettings[ 'link_target' ];

const linkTargets = () => {
	const labels: Record< LinkTarget, string > = {
		_blank: __( 'In a new tab', 'creators-connect-for-amazon' ),
		_self: __( 'In the same tab', 'creators-connect-for-amazon' ),
	};
	return generalSchema.link_target.enum.map( ( value ) => ( {
		value,
		label: labels[ value ],
	} ) );
};

const OFFER = generalSchema.offer_max_age_minutes;
const CATALOG = generalSchema.catalog_max_age_hours;

/**
 * The freshness fields outside their schema's limits, each with its message.
 *
 * @param values The form's values.
 */
function rangeErrors( values: GeneralSettings ): FieldErrors {
	const found: FieldErrors = {};
	const checks = [
		{
			key: 'offer_max_age_minutes',
			limits: OFFER,
			/* translators: 1: fewest minutes, 2: most minutes. */
			message: __(
				'Between %1$d and %2$d minutes (Amazon allows offer data at most an hour old).',
				'creators-connect-for-amazon'
			),
		},
		{
			key: 'catalog_max_age_hours',
			limits: CATALOG,
			/* translators: 1: fewest hours, 2: most hours. */
			message: __(
				'Between %1$d and %2$d hours (Amazon allows data at most a day old).',
				'creators-connect-for-amazon'
			),
		},
	] as const;
	for ( const { key, limits, message } of checks ) {
		const value = values[ key ];
		if (
			! Number.isInteger( value ) ||
			value < limits.minimum ||
			value > limits.maximum
		) {
			found[ key ] = sprintf( message, limits.minimum, limits.maximum );
		}
	}
	return found;
}

interface FreshnessProps {
	field: 'offer_max_age_minutes' | 'catalog_max_age_hours';
	limits: { minimum: number; maximum: number };
	label: string;
	value: number;
	error: string | undefined;
	onChange: ( value: number ) => void;
}

/**
 * A freshness setting: a number input within the schema's limits, and its error.
 *
 * @param props The field.
 */
function FreshnessField( props: FreshnessProps ) {
	return (
		<>
			<TextControl
				__nextHasNoMarginBottom
				type="number"
				min={ props.limits.minimum }
				max={ props.limits.maximum }
				label={ props.label }
				value={ String( props.value ) }
				onChange={ ( value: string ) =>
					props.onChange( Number( value ) )
				}
			/>
			<FieldError
				id={ `acapi-error-${ props.field }` }
				message={ props.error }
			/>
		</>
	);
}

export default function GeneralSection( { settings, onSave }: Props ) {
	const [ values, setValues ] = useState< GeneralSettings >( settings );
	const { errors, setErrors, busy, save } = useSectionSave();

	const set = < K extends keyof GeneralSettings >(
		key: K,
		value: GeneralSettings[ K ]
	) => setValues( ( current ) => ( { ...current, [ key ]: value } ) );

	const submit = async ( event: React.FormEvent ) => {
		event.preventDefault();
		const found = rangeErrors( values );
		setErrors( found );
		if ( Object.keys( found ).length > 0 ) {
			return;
		}
		await save( () => onSave( values ) );
	};

	return (
		<form onSubmit={ submit } noValidate className="acapi-section-form">
			<FormError message={ errors.form } />
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
				maxLength={ generalSchema.button_text.maxLength }
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
				options={ linkTargets() }
				onChange={ ( value: string ) =>
					set( 'link_target', value as LinkTarget )
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
				maxLength={ generalSchema.price_disclaimer.maxLength }
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
				maxLength={ generalSchema.disclosure_text.maxLength }
				onChange={ ( value: string ) =>
					set( 'disclosure_text', value )
				}
			/>
			<SettingToggle
				field="affiliate_label"
				label={ __(
					'Label each product box "Affiliate link"',
					'creators-connect-for-amazon'
				) }
				values={ values }
				set={ set }
			/>
			<FreshnessField
				field="offer_max_age_minutes"
				limits={ OFFER }
				label={ sprintf(
					/* translators: %d: most minutes. */
					__(
						'Refresh prices after (minutes, at most %d)',
						'creators-connect-for-amazon'
					),
					OFFER.maximum
				) }
				value={ values.offer_max_age_minutes }
				error={ errors.offer_max_age_minutes }
				onChange={ ( value ) => set( 'offer_max_age_minutes', value ) }
			/>
			<FreshnessField
				field="catalog_max_age_hours"
				limits={ CATALOG }
				label={ sprintf(
					/* translators: %d: most hours. */
					__(
						'Refresh product data after (hours, at most %d)',
						'creators-connect-for-amazon'
					),
					CATALOG.maximum
				) }
				value={ values.catalog_max_age_hours }
				error={ errors.catalog_max_age_hours }
				onChange={ ( value ) => set( 'catalog_max_age_hours', value ) }
			/>
			<SettingToggle
				field="fallback_to_paapi"
				label={ __(
					'Fall back to PA-API 5.0 when the Creators API cannot serve a marketplace',
					'creators-connect-for-amazon'
				) }
				values={ values }
				set={ set }
			/>
			<SpendingLimits values={ values } set={ set } />
			<SettingToggle
				field="delete_data_on_uninstall"
				label={ __(
					'Delete all plugin data when the plugin is deleted',
					'creators-connect-for-amazon'
				) }
				values={ values }
				set={ set }
			/>
			<SaveButton
				busy={ busy }
				label={ __(
					'Save general settings',
					'creators-connect-for-amazon'
				) }
			/>
		</form>
	);
}
