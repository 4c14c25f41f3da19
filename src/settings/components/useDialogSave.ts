/**
 * A dialog's save: its field errors, its message for the whole form, whether it is saving, and
 * the runner that shows what a failed save answered (the dialog closes itself on success).
 */
import { useState } from '@wordpress/element';

import { fieldErrorsOf, messageOf } from '../api';
import type { FieldErrors } from '../types';

/** Which message the form shows, given the field errors and the error's own message. */
type FormMessage = ( fields: FieldErrors, message: string ) => string;

const always: FormMessage = ( _fields, message ) => message;

export default function useDialogSave() {
	const [ errors, setErrors ] = useState< FieldErrors >( {} );
	const [ formError, setFormError ] = useState( '' );
	const [ busy, setBusy ] = useState( false );

	/**
	 * Runs a save with the dialog busy; a failure shows its messages and lets the user retry.
	 *
	 * @param run         The save and what follows it.
	 * @param fallback    The form's message when the error has none.
	 * @param formMessage Which message the form shows (by default the error's).
	 */
	const save = async (
		run: () => Promise< unknown >,
		fallback: string,
		formMessage: FormMessage = always
	) => {
		setBusy( true );
		setErrors( {} );
		setFormError( '' );
		try {
			await run();
		} catch ( error ) {
			const fields = fieldErrorsOf( error );
			setErrors( fields );
			setFormError( formMessage( fields, messageOf( error, fallback ) ) );
			setBusy( false );
		}
	};

	return { errors, setErrors, formError, setFormError, busy, save };
}
