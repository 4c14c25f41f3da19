/**
 * Asks before a marketplace's credentials are deleted.
 */
import { Button, Modal } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

import type { MarketplaceSettings } from '../types';

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
		<Modal
			title={ sprintf(
				/* translators: %s: marketplace name. */
				__( 'Delete %s?', 'creators-connect-for-amazon' ),
				marketplace.name
			) }
			onRequestClose={ onClose }
			size="small"
		>
			<p>
				{ __(
					'Its credentials are removed from this site. Products of this marketplace are then served by PA-API 5.0 (when set up) or not at all.',
					'creators-connect-for-amazon'
				) }
			</p>
			<div className="acapi-form-actions">
				<Button variant="tertiary" onClick={ onClose }>
					{ __( 'Cancel', 'creators-connect-for-amazon' ) }
				</Button>
				<Button variant="primary" isDestructive onClick={ onConfirm }>
					{ __( 'Delete', 'creators-connect-for-amazon' ) }
				</Button>
			</div>
		</Modal>
	);
}
