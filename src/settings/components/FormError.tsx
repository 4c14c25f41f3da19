/**
 * A form's error that belongs to no one field, above the fields; nothing when there is none.
 */
import { Notice } from '@wordpress/components';

interface Props {
	message?: string;
}

export default function FormError( { message }: Props ) {
	if ( ! message ) {
		return null;
	}
	return (
		<Notice status="error" isDismissible={ false }>
			{ message }
		</Notice>
	);
}
