/**
 * Asks before a disabled marketplace becomes the default.
 */
import { __, sprintf } from '@wordpress/i18n';

import type { MarketplaceSettings } from '../types';
import ConfirmDialog from './ConfirmDialog';

interface Props {
	marketplace: MarketplaceSettings;
	onConfirm: () => void;
	onClose: () => void;
}

export default function ConfirmDefault( {
	marketplace,
	onConfirm,
	onClose,
}: Props ) {
	return (
		<ConfirmDialog
			title={ sprintf(
				/* translators: %s: marketplace name. */
				__( 'Make %s the default?', 'creators-connect-for-amazon' ),
				marketplace.name
			) }
			message={ __(
				'This marketplace is disabled: its Creators API credentials are not used. Shortcodes and blocks without a country would show no Amazon data unless PA-API 5.0 serves it.',
				'creators-connect-for-amazon'
			) }
			confirmLabel={ __(
				'Make default anyway',
				'creators-connect-for-amazon'
			) }
			onConfirm={ onConfirm }
			onClose={ onClose }
		/>
	);
}
