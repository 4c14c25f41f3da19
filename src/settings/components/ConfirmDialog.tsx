/**
 * Asks before a change: a title, why, and the button that does it.
 */
import { Modal } from '@wordpress/components';

import DialogActions from './DialogActions';

interface Props {
	title: string;
	message: string;
	confirmLabel: string;
	destructive?: boolean;
	onConfirm: () => void;
	onClose: () => void;
}

export default function ConfirmDialog( {
	title,
	message,
	confirmLabel,
	destructive = false,
	onConfirm,
	onClose,
}: Props ) {
	return (
		<Modal title={ title } onRequestClose={ onClose } size="small">
			<p>{ message }</p>
			<DialogActions
				label={ confirmLabel }
				onCancel={ onClose }
				onConfirm={ onConfirm }
				destructive={ destructive }
			/>
		</Modal>
	);
}
