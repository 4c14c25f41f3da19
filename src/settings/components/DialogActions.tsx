/**
 * A dialog's buttons: Cancel, and the submit (busy while its request runs) or a confirm button.
 */
import { Button } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

interface Props {
	/** The primary button's text. */
	label: string;
	onCancel: () => void;
	/** A confirm button; without it the primary button submits the form. */
	onConfirm?: () => void;
	busy?: boolean;
	destructive?: boolean;
}

export default function DialogActions( {
	label,
	onCancel,
	onConfirm,
	busy = false,
	destructive = false,
}: Props ) {
	return (
		<div className="acapi-form-actions">
			<Button variant="tertiary" onClick={ onCancel }>
				{ __( 'Cancel', 'creators-connect-for-amazon' ) }
			</Button>
			<Button
				variant="primary"
				type={ onConfirm ? 'button' : 'submit' }
				onClick={ onConfirm }
				isBusy={ busy }
				disabled={ busy }
				isDestructive={ destructive }
			>
				{ label }
			</Button>
		</div>
	);
}
