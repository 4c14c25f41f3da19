/**
 * Import and export: the settings as a JSON file (never a secret), and an import that shows a
 * preview and asks for the secrets the file lacks.
 */
import { Button, FormFileUpload } from '@wordpress/components';
import { useDispatch } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import { messageOf } from '../api';
import { store } from '../store';
import type { ImportPreview } from '../types';
import ImportPreviewModal from './ImportPreviewModal';
import SectionCard from './SectionCard';
import FormError from './FormError';

/**
 * Offers a JSON value as a file download.
 *
 * @param name  File name.
 * @param value The value.
 */
function download( name: string, value: unknown ) {
	const url = URL.createObjectURL(
		new Blob( [ JSON.stringify( value, null, '\t' ) + '\n' ], {
			type: 'application/json',
		} )
	);
	const link = document.createElement( 'a' );
	link.href = url;
	link.download = name;
	document.body.appendChild( link );
	link.click();
	link.remove();
	// After the browser has started the download.
	setTimeout( () => URL.revokeObjectURL( url ), 1000 );
}

export default function TransferCard() {
	const { exportSettings, previewImport, importSettings } =
		useDispatch( store );
	const [ error, setError ] = useState( '' );
	const [ pending, setPending ] = useState< {
		file: unknown;
		preview: ImportPreview;
	} | null >( null );

	const exportFile = async () => {
		setError( '' );
		try {
			const file = await exportSettings();
			const host = window.location.hostname.replace(
				/[^a-z0-9.-]/gi,
				''
			);
			download(
				`creators-connect-for-amazon-${ host }-${ file.exported_at.slice(
					0,
					10
				) }.json`,
				file
			);
		} catch ( thrown ) {
			setError(
				messageOf(
					thrown,
					__(
						'The settings could not be exported.',
						'creators-connect-for-amazon'
					)
				)
			);
		}
	};

	const chooseFile = async (
		event: React.ChangeEvent< HTMLInputElement >
	) => {
		const chosen = event.target.files?.[ 0 ];
		event.target.value = '';
		if ( ! chosen ) {
			return;
		}
		setError( '' );
		let file: unknown;
		try {
			file = JSON.parse( await chosen.text() );
		} catch {
			setError(
				__(
					'This file is not JSON: choose a file exported from this screen.',
					'creators-connect-for-amazon'
				)
			);
			return;
		}
		try {
			setPending( { file, preview: await previewImport( file ) } );
		} catch ( thrown ) {
			setError(
				messageOf(
					thrown,
					__(
						'The file could not be read.',
						'creators-connect-for-amazon'
					)
				)
			);
		}
	};

	return (
		<SectionCard
			title={ __( 'Import and export', 'creators-connect-for-amazon' ) }
		>
			<p>
				{ __(
					'Copy these settings to another site: marketplaces, partner tags, the PA-API 5.0 access key and the general settings. Secrets are never exported; the import asks for them.',
					'creators-connect-for-amazon'
				) }
			</p>
			<FormError message={ error } />
			<div className="acapi-form-actions acapi-transfer-actions">
				<Button variant="secondary" onClick={ exportFile }>
					{ __( 'Export settings', 'creators-connect-for-amazon' ) }
				</Button>
				<FormFileUpload
					accept="application/json,.json"
					onChange={ chooseFile }
					render={ ( { openFileDialog } ) => (
						<Button variant="secondary" onClick={ openFileDialog }>
							{ __(
								'Import settings…',
								'creators-connect-for-amazon'
							) }
						</Button>
					) }
				/>
			</div>
			{ pending && (
				<ImportPreviewModal
					preview={ pending.preview }
					onImport={ async ( secrets ) => {
						await importSettings( pending.file, secrets );
						setPending( null );
					} }
					onClose={ () => setPending( null ) }
				/>
			) }
		</SectionCard>
	);
}
