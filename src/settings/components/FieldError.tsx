/**
 * A field's error message, tied to its control by id.
 */
interface Props {
	id: string;
	message?: string | undefined;
}

export default function FieldError( { id, message }: Props ) {
	if ( ! message ) {
		return null;
	}
	return (
		<p id={ id } className="acapi-field-error" role="alert">
			{ message }
		</p>
	);
}
