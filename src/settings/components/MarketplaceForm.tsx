/**
 * Add or edit a marketplace, in a modal. Checks the fields as the server does; the server's
 * field errors (400 `data.params`) show next to their fields too.
 */
import {
	CheckboxControl,
	Modal,
	SelectControl,
	TextControl,
	ToggleControl,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import {
	apiVersion,
	getMarketplace,
	marketplaceLabel,
	marketplaces,
} from '../../shared/marketplaces';
import {
	LINKS_ONLY,
	type CredentialType,
	type EntryType,
	type MarketplaceInput,
	type MarketplaceSettings,
} from '../types';
import {
	suggestType,
	tagSuffixWarning,
	typeLabel,
	validateMarketplace,
} from '../validation';
import DialogActions from './DialogActions';
import FieldError from './FieldError';
import FormError from './FormError';
import useDialogSave from './useDialogSave';

interface Props {
	/** The marketplace being edited; null to add one. */
	marketplace: MarketplaceSettings | null;
	/** Countries already configured (not offered when adding). */
	configured: string[];
	onSubmit: ( input: MarketplaceInput ) => Promise< void >;
	onClose: () => void;
}

function initialValues(
	marketplace: MarketplaceSettings | null,
	configured: string[]
): MarketplaceInput {
	if ( marketplace ) {
		return {
			enabled: marketplace.enabled,
			credential_type: marketplace.credential_type,
			credential_id: marketplace.credential_id,
			credential_secret: '',
			partner_tag: marketplace.partner_tag,
			api_version: marketplace.api_version_override,
			is_default: marketplace.is_default,
			revision: marketplace.revision,
		};
	}
	const first = marketplaces.find(
		( candidate ) => ! configured.includes( candidate.country )
	);
	return {
		country: first?.country ?? '',
		enabled: true,
		credential_type: 'lwa',
		credential_id: '',
		credential_secret: '',
		partner_tag: '',
		api_version: '',
		is_default: configured.length === 0,
	};
}

export default function MarketplaceForm( {
	marketplace,
	configured,
	onSubmit,
	onClose,
}: Props ) {
	const editing = marketplace !== null;
	const [ values, setValues ] = useState< MarketplaceInput >( () =>
		initialValues( marketplace, configured )
	);
	const { errors, setErrors, formError, setFormError, busy, save } =
		useDialogSave();

	const country = editing ? marketplace.country : ( values.country ?? '' );
	const market = getMarketplace( country );
	const suggested = suggestType( values.credential_id );
	const linksOnly = values.credential_type === LINKS_ONLY;
	const apiType: CredentialType =
		values.credential_type === 'lwa' ? 'lwa' : 'cognito';
	const requireSecret = ! editing || marketplace.secret_state === 'missing';
	const suffixWarning = tagSuffixWarning( country, values.partner_tag );
	// A disabled marketplace becomes the default only when the user confirms it.
	const needsDefaultConfirm =
		values.is_default &&
		! values.enabled &&
		! ( editing && marketplace.is_default );
	const [ defaultConfirmed, setDefaultConfirmed ] = useState( false );

	const set = < K extends keyof MarketplaceInput >(
		key: K,
		value: MarketplaceInput[ K ]
	) => {
		setValues( ( current ) => ( { ...current, [ key ]: value } ) );
		setErrors( ( current ) => {
			const next = { ...current };
			delete next[ key as string ];
			return next;
		} );
	};

	const versionOptions = market
		? [
				{
					value: '',
					label: sprintf(
						/* translators: %s: API version (3.2). */
						__( '%s (documented)', 'creators-connect-for-amazon' ),
						apiVersion( market, apiType )
					),
				},
				...market.alternate_versions
					.filter( ( version ) =>
						values.credential_type === 'lwa'
							? version.startsWith( '3.' )
							: version.startsWith( '2.' )
					)
					.map( ( version ) => ( {
						value: version,
						label: version,
					} ) ),
			]
		: [];

	const submit = async ( event: React.FormEvent ) => {
		event.preventDefault();
		const found = validateMarketplace( values, requireSecret );
		if ( needsDefaultConfirm && ! defaultConfirmed ) {
			found.is_default = __(
				'This marketplace is disabled. Confirm below that it should be the default anyway.',
				'creators-connect-for-amazon'
			);
		}
		setErrors( found );
		setFormError( '' );
		if ( Object.keys( found ).length > 0 ) {
			return;
		}
		await save(
			() => onSubmit( values ),
			__(
				'The marketplace could not be saved.',
				'creators-connect-for-amazon'
			)
		);
	};

	const title = editing
		? sprintf(
				/* translators: %s: marketplace name. */
				__( 'Edit %s', 'creators-connect-for-amazon' ),
				marketplace.name
			)
		: __( 'Add a marketplace', 'creators-connect-for-amazon' );

	const described = ( field: string ) =>
		errors[ field ] ? `acapi-error-${ field }` : undefined;

	return (
		<Modal
			title={ title }
			onRequestClose={ onClose }
			className="acapi-form-modal"
		>
			<form onSubmit={ submit } noValidate>
				<FormError message={ formError } />
				{ ! editing && (
					<>
						<SelectControl
							__nextHasNoMarginBottom
							label={ __(
								'Marketplace',
								'creators-connect-for-amazon'
							) }
							value={ values.country ?? '' }
							options={ marketplaces
								.filter(
									( candidate ) =>
										! configured.includes(
											candidate.country
										)
								)
								.map( ( candidate ) => ( {
									value: candidate.country,
									label: marketplaceLabel( candidate ),
								} ) ) }
							onChange={ ( value: string ) =>
								set( 'country', value )
							}
							aria-describedby={ described( 'country' ) }
						/>
						<FieldError
							id="acapi-error-country"
							message={ errors.country }
						/>
					</>
				) }
				<SelectControl
					__nextHasNoMarginBottom
					label={ __(
						'Credential type',
						'creators-connect-for-amazon'
					) }
					value={ values.credential_type }
					options={ [
						{ value: 'cognito', label: typeLabel( 'cognito' ) },
						{ value: 'lwa', label: typeLabel( 'lwa' ) },
						{ value: LINKS_ONLY, label: typeLabel( LINKS_ONLY ) },
					] }
					help={
						linksOnly
							? __(
									'For sites without API access yet: products show as links with your partner tag (text links, buttons or a title-and-link box), never a price or image. Add credentials later and every box upgrades.',
									'creators-connect-for-amazon'
								)
							: undefined
					}
					onChange={ ( value: string ) => {
						set( 'credential_type', value as EntryType );
						set( 'api_version', '' );
					} }
					aria-describedby={ described( 'credential_type' ) }
				/>
				{ ! linksOnly && (
					<>
						<TextControl
							__nextHasNoMarginBottom
							label={ __(
								'Credential ID',
								'creators-connect-for-amazon'
							) }
							value={ values.credential_id }
							onChange={ ( value: string ) => {
								set( 'credential_id', value );
								const type = suggestType( value );
								if ( type && ! editing ) {
									set( 'credential_type', type );
								}
							} }
							autoComplete="off"
							aria-describedby={ described( 'credential_id' ) }
						/>
						<FieldError
							id="acapi-error-credential_id"
							message={ errors.credential_id }
						/>
						{ ! linksOnly &&
							suggested &&
							suggested !== values.credential_type && (
								<p className="acapi-type-hint" role="status">
									{ sprintf(
										/* translators: 1: suggested type, 2: chosen type. */
										__(
											'This Credential ID looks like %1$s credentials, but the type is set to %2$s.',
											'creators-connect-for-amazon'
										),
										typeLabel( suggested ),
										typeLabel( values.credential_type )
									) }
								</p>
							) }
						<FieldError
							id="acapi-error-credential_type"
							message={ errors.credential_type }
						/>
						<TextControl
							__nextHasNoMarginBottom
							type="password"
							label={ __(
								'Credential Secret',
								'creators-connect-for-amazon'
							) }
							value={ values.credential_secret }
							onChange={ ( value: string ) =>
								set( 'credential_secret', value )
							}
							autoComplete="new-password"
							help={
								editing && marketplace.secret_state === 'ok'
									? sprintf(
											/* translators: %s: masked secret (••••k3Qz). */
											__(
												'Stored: %s. Leave blank to keep it.',
												'creators-connect-for-amazon'
											),
											marketplace.secret_mask
										)
									: undefined
							}
							aria-describedby={ described(
								'credential_secret'
							) }
						/>
						{ editing &&
							marketplace.secret_state === 'unreadable' && (
								<p className="acapi-type-hint">
									{ __(
										'The stored secret can no longer be read (the encryption key changed): re-enter this secret.',
										'creators-connect-for-amazon'
									) }
								</p>
							) }
						<FieldError
							id="acapi-error-credential_secret"
							message={ errors.credential_secret }
						/>
					</>
				) }
				<TextControl
					__nextHasNoMarginBottom
					label={ __( 'Partner tag', 'creators-connect-for-amazon' ) }
					value={ values.partner_tag }
					onChange={ ( value: string ) =>
						set( 'partner_tag', value )
					}
					autoComplete="off"
					aria-describedby={ described( 'partner_tag' ) }
				/>
				<FieldError
					id="acapi-error-partner_tag"
					message={ errors.partner_tag }
				/>
				{ suffixWarning && (
					<p className="acapi-type-hint acapi-tag-warning">
						{ suffixWarning }
					</p>
				) }
				{ ! linksOnly && versionOptions.length > 1 && (
					<>
						<SelectControl
							__nextHasNoMarginBottom
							label={ __(
								'API version',
								'creators-connect-for-amazon'
							) }
							value={ values.api_version }
							options={ versionOptions }
							onChange={ ( value: string ) =>
								set( 'api_version', value )
							}
							help={ market?.version_note ?? undefined }
						/>
						<FieldError
							id="acapi-error-api_version"
							message={ errors.api_version }
						/>
					</>
				) }
				<ToggleControl
					__nextHasNoMarginBottom
					label={ __( 'Enabled', 'creators-connect-for-amazon' ) }
					checked={ values.enabled }
					onChange={ ( value: boolean ) => set( 'enabled', value ) }
				/>
				<CheckboxControl
					__nextHasNoMarginBottom
					label={ __(
						'Default marketplace',
						'creators-connect-for-amazon'
					) }
					checked={ values.is_default }
					onChange={ ( value: boolean ) =>
						set( 'is_default', value )
					}
				/>
				{ needsDefaultConfirm && (
					<CheckboxControl
						__nextHasNoMarginBottom
						label={ __(
							'Make it the default although it is disabled (its products show no Amazon data unless PA-API 5.0 serves it)',
							'creators-connect-for-amazon'
						) }
						checked={ defaultConfirmed }
						onChange={ ( value: boolean ) => {
							setDefaultConfirmed( value );
							set( 'is_default', true );
						} }
					/>
				) }
				<FieldError
					id="acapi-error-is_default"
					message={ errors.is_default }
				/>
				<DialogActions
					label={
						editing
							? __( 'Save', 'creators-connect-for-amazon' )
							: __(
									'Add marketplace',
									'creators-connect-for-amazon'
								)
					}
					onCancel={ onClose }
					busy={ busy }
				/>
			</form>
		</Modal>
	);
}
