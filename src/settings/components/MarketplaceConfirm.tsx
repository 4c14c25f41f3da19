/**
 * Asks before a marketplace is deleted, or before a disabled one becomes the default: one
 * dialog, the words chosen by what is asked.
 */
import { __, sprintf } from '@wordpress/i18n';

import type { MarketplaceSettings } from '../types';
import ConfirmDialog from './ConfirmDialog';

export type MarketplaceConfirmAction = 'delete' | 'default';

interface Props {
	action: MarketplaceConfirmAction;
	marketplace: MarketplaceSettings;
	onConfirm: () => void;
	onClose: () => void;
}

// Built on each render so the strings are translated in the current locale.
function words( action: MarketplaceConfirmAction, name: string ) {
	if ( action === 'delete' ) {
		return {
			title: sprintf(
				/* translators: %s: marketplace name. */
				__( 'Delete %s?', 'creators-connect-for-amazon' ),
				name
			),
			message: __(
				'Its credentials are removed from this site. Products of this marketplace are then served by PA-API 5.0 (when set up) or not at all.',
				'creators-connect-for-amazon'
			),
			confirmLabel: __( 'Delete', 'creators-connect-for-amazon' ),
		};
	}
	return {
		title: sprintf(
			/* translators: %s: marketplace name. */
			__( 'Make %s the default?', 'creators-connect-for-amazon' ),
			name
		),
		message: __(
			'This marketplace is disabled: its Creators API credentials are not used. Shortcodes and blocks without a country would show no Amazon data unless PA-API 5.0 serves it.',
			'creators-connect-for-amazon'
		),
		confirmLabel: __(
			'Make default anyway',
			'creators-connect-for-amazon'
		),
	};
}

export default function MarketplaceConfirm( {
	action,
	marketplace,
	onConfirm,
	onClose,
}: Props ) {
	return (
		<ConfirmDialog
			{ ...words( action, marketplace.name ) }
			destructive={ action === 'delete' }
			onConfirm={ onConfirm }
			onClose={ onClose }
		/>
	);
}
