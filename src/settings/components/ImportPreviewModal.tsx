/**
 * An import's preview: what it adds or updates, and a field for each secret the file lacks.
 * Nothing is written until "Import"; a refused import names the field and changes nothing.
 */
import { Modal, TextControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { marketplaceLabel } from '../../shared/marketplaces';
import type { ImportPreview } from '../types';
import { maskTag } from '../validation';
import DialogActions from './DialogActions';
import FieldError from './FieldError';
import FormError from './FormError';
import useDialogSave from './useDialogSave';

interface Props {
	preview: ImportPreview;
	onImport: ( secrets: Record< string, string > ) => Promise< unknown >;
	onClose: () => void;
}

export default function ImportPreviewModal( {
	preview,
	onImport,
	onClose,
}: Props ) {
	const [ secrets, setSecrets ] = useState< Record< string, string > >( {} );
	const { errors, formError, busy, save } = useDialogSave();
	const needed = preview.marketplaces.filter(
		( item ) => item.secret_required
	);

	const submit = async ( event: React.FormEvent ) => {
		event.preventDefault();
		await save(
			() => onImport( secrets ),
			__(
				'The settings could not be imported.',
				'creators-connect-for-amazon'
			),
			// A missing secret is said at its field; anything else above the form.
			( fields, message ) =>
				Object.keys( fields ).some(
					( key ) => ! key.startsWith( 'secrets.' )
				) || Object.keys( fields ).length === 0
					? message
					: ''
		);
	};

	const secretField = ( key: string, label: string ) => (
		<div key={ key }>
			<TextControl
				__nextHasNoMarginBottom
				type="password"
				autoComplete="new-password"
				label={ label }
				value={ secrets[ key ] ?? '' }
				onChange={ ( value: string ) =>
					setSecrets( ( current ) => ( {
						...current,
						[ key ]: value,
					} ) )
				}
				aria-describedby={
					errors[ `secrets.${ key }` ]
						? `acapi-error-secrets-${ key }`
						: undefined
				}
			/>
			<FieldError
				id={ `acapi-error-secrets-${ key }` }
				message={ errors[ `secrets.${ key }` ] }
			/>
		</div>
	);

	return (
		<Modal
			title={ __( 'Import settings', 'creators-connect-for-amazon' ) }
			onRequestClose={ onClose }
			className="acapi-form-modal"
		>
			<form onSubmit={ submit } noValidate>
				<FormError message={ formError } />
				<table className="widefat striped acapi-cards acapi-import-preview">
					<thead>
						<tr>
							<th scope="col">
								{ __(
									'Marketplace',
									'creators-connect-for-amazon'
								) }
							</th>
							<th scope="col">
								{ __(
									'Import',
									'creators-connect-for-amazon'
								) }
							</th>
							<th scope="col">
								{ __(
									'Partner tag',
									'creators-connect-for-amazon'
								) }
							</th>
						</tr>
					</thead>
					<tbody>
						{ preview.marketplaces.map( ( item ) => (
							<tr
								key={ item.country }
								data-country={ item.country }
							>
								<th scope="row">
									{ marketplaceLabel( item ) }
									{ item.is_default && (
										<em>
											{ ' ' }
											{ __(
												'(default)',
												'creators-connect-for-amazon'
											) }
										</em>
									) }
								</th>
								<td
									data-label={ __(
										'Import',
										'creators-connect-for-amazon'
									) }
								>
									{ [
										item.action === 'add'
											? __(
													'Added',
													'creators-connect-for-amazon'
												)
											: __(
													'Updated',
													'creators-connect-for-amazon'
												),
										item.enabled
											? __(
													'enabled',
													'creators-connect-for-amazon'
												)
											: __(
													'disabled',
													'creators-connect-for-amazon'
												),
									].join( ', ' ) }
								</td>
								<td
									data-label={ __(
										'Partner tag',
										'creators-connect-for-amazon'
									) }
								>
									<code>{ maskTag( item.partner_tag ) }</code>
								</td>
							</tr>
						) ) }
					</tbody>
				</table>
				{ preview.general.length > 0 && (
					<p>
						{ sprintf(
							/* translators: %s: comma-separated setting names. */
							__(
								'General settings that change: %s',
								'creators-connect-for-amazon'
							),
							preview.general.join( ', ' )
						) }
					</p>
				) }
				{ ( needed.length > 0 || preview.paapi.secret_required ) && (
					<p>
						{ __(
							'The file has no secrets. Enter them for these credentials:',
							'creators-connect-for-amazon'
						) }
					</p>
				) }
				{ needed.map( ( item ) =>
					secretField(
						item.country,
						sprintf(
							/* translators: %s: marketplace such as Germany (DE). */
							__(
								'Credential Secret for %s',
								'creators-connect-for-amazon'
							),
							marketplaceLabel( item )
						)
					)
				) }
				{ preview.paapi.secret_required &&
					secretField(
						'paapi',
						__(
							'PA-API 5.0 secret key',
							'creators-connect-for-amazon'
						)
					) }
				<DialogActions
					label={ __( 'Import', 'creators-connect-for-amazon' ) }
					onCancel={ onClose }
					busy={ busy }
				/>
			</form>
		</Modal>
	);
}
