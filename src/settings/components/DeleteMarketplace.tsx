/**
 * Asks before a marketplace's credentials are deleted.
 */
import { __, sprintf } from '@wordpress/i18n';

import type { MarketplaceSettings } from '../types';
import ConfirmDialog from './ConfirmDialog';

interface Props {
	marketplace: MarketplaceSettings;
	onConfirm: () => void;
	onClose: () => void;
}

export default function DeleteMarketplace( {
	marketplace,
	onConfirm,
	onClose,
}: Props ) {
	return (
		<ConfirmDialog
			title={ sprintf(
				/* translators: %s: marketplace name. */
				__( 'Delete %s?', 'creators-connect-for-amazon' ),
				marketplace.name
			) }
			message={ __(
				'Its credentials are removed from this site. Products of this marketplace are then served by PA-API 5.0 (when set up) or not at all.',
				'creators-connect-for-amazon'
			) }
			confirmLabel={ __( 'Delete', 'creators-connect-for-amazon' ) }
			destructive
			onConfirm={ onConfirm }
			onClose={ onClose }
		/>
	);
}
