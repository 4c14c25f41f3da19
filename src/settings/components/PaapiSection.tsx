/**
 * Legacy PA-API 5.0 keys and a partner tag per marketplace.
 */
import { TextControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { marketplaceLabel, marketplaces } from '../../shared/marketplaces';
import type { PaapiInput, PaapiSettings } from '../types';
import FieldError from './FieldError';
import FormError from './FormError';
import SaveButton from './SaveButton';
import useSectionSave from './useSectionSave';

interface Props {
	settings: PaapiSettings;
	onSave: ( input: PaapiInput ) => Promise< void >;
}

export default function PaapiSection( { settings, onSave }: Props ) {
	const [ accessKey, setAccessKey ] = useState( settings.access_key );
	const [ secret, setSecret ] = useState( '' );
	const [ tags, setTags ] = useState< Record< string, string > >( {
		...settings.partner_tags,
	} );
	const { errors, setErrors, busy, save } = useSectionSave();

	let secretHelp: string | undefined;
	if ( settings.secret_state === 'ok' ) {
		secretHelp = sprintf(
			/* translators: %s: masked secret. */
			__(
				'Stored: %s. Leave blank to keep it.',
				'creators-connect-for-amazon'
			),
			settings.secret_mask
		);
	} else if ( settings.secret_state === 'unreadable' ) {
		secretHelp = __(
			'The stored secret key can no longer be read: re-enter this secret.',
			'creators-connect-for-amazon'
		);
	}

	const submit = async ( event: React.FormEvent ) => {
		event.preventDefault();
		setErrors( {} );
		await save( async () => {
			await onSave( {
				access_key: accessKey.trim(),
				secret_key: secret,
				partner_tags: tags,
			} );
			setSecret( '' );
		} );
	};

	return (
		<form onSubmit={ submit } noValidate className="acapi-section-form">
			<p>
				{ __(
					'Amazon retired PA-API 5.0 on 15 May 2026. These keys are used only where the Creators API cannot serve a marketplace and the fallback is on.',
					'creators-connect-for-amazon'
				) }
			</p>
			<FormError message={ errors.form } />
			<TextControl
				__nextHasNoMarginBottom
				label={ __( 'Access key', 'creators-connect-for-amazon' ) }
				value={ accessKey }
				onChange={ ( value: string ) => setAccessKey( value ) }
				autoComplete="off"
			/>
			<FieldError
				id="acapi-error-access_key"
				message={ errors.access_key }
			/>
			<TextControl
				__nextHasNoMarginBottom
				type="password"
				label={ __( 'Secret key', 'creators-connect-for-amazon' ) }
				value={ secret }
				onChange={ ( value: string ) => setSecret( value ) }
				autoComplete="new-password"
				help={ secretHelp }
			/>
			<FieldError
				id="acapi-error-secret_key"
				message={ errors.secret_key }
			/>
			<details className="acapi-paapi-tags">
				<summary>
					{ __(
						"Partner tags per marketplace (blank: the Creators API entry's tag)",
						'creators-connect-for-amazon'
					) }
				</summary>
				<div className="acapi-tag-grid">
					{ marketplaces.map( ( marketplace ) => (
						<div key={ marketplace.country }>
							<TextControl
								__nextHasNoMarginBottom
								label={ marketplaceLabel( marketplace ) }
								value={ tags[ marketplace.country ] ?? '' }
								onChange={ ( value: string ) =>
									setTags( ( current ) => ( {
										...current,
										[ marketplace.country ]: value,
									} ) )
								}
								autoComplete="off"
							/>
							<FieldError
								id={ `acapi-error-tag-${ marketplace.country }` }
								message={
									errors[
										`partner_tags.${ marketplace.country }`
									]
								}
							/>
						</div>
					) ) }
				</div>
			</details>
			<SaveButton
				busy={ busy }
				label={ __(
					'Save PA-API settings',
					'creators-connect-for-amazon'
				) }
			/>
		</form>
	);
}
