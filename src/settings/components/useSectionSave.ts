/**
 * A settings section's save: its field errors, whether it is saving, and the runner that
 * turns a failed save into the form's errors.
 */
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import { formErrorsOf } from '../api';
import type { FieldErrors } from '../types';

export default function useSectionSave() {
	const [ errors, setErrors ] = useState< FieldErrors >( {} );
	const [ busy, setBusy ] = useState( false );

	/**
	 * Runs a save with the section busy; the errors it throws show in the form.
	 *
	 * @param run The save and what follows it.
	 */
	const save = async ( run: () => Promise< void > ) => {
		setBusy( true );
		try {
			await run();
		} catch ( error ) {
			setErrors(
				formErrorsOf(
					error,
					__( 'Could not save.', 'creators-connect-for-amazon' )
				)
			);
		}
		setBusy( false );
	};

	return { errors, setErrors, busy, save };
}
