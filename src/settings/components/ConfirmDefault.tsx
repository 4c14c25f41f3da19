/**
 * Asks before a disabled marketplace becomes the default.
 */
import { Button, Modal } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

import type { MarketplaceSettings } from '../types';

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
		<Modal
			title={ sprintf(
				/* translators: %s: marketplace name. */
				__( 'Make %s the default?', 'creators-connect-for-amazon' ),
				marketplace.name
			) }
			onRequestClose={ onClose }
			size="small"
		>
			<p>
				{ __(
					'This marketplace is disabled: its Creators API credentials are not used. Shortcodes and blocks without a country would show no Amazon data unless PA-API 5.0 serves it.',
					'creators-connect-for-amazon'
				) }
			</p>
			<div className="acapi-form-actions">
				<Button variant="tertiary" onClick={ onClose }>
					{ __( 'Cancel', 'creators-connect-for-amazon' ) }
				</Button>
				<Button variant="primary" onClick={ onConfirm }>
					{ __(
						'Make default anyway',
						'creators-connect-for-amazon'
					) }
				</Button>
			</div>
		</Modal>
	);
}
