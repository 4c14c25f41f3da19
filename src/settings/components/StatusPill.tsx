/**
 * A marketplace's status as a coloured pill: Enabled (green), Disabled (gray), Failing (red,
 * with what failed and when).
 */
import { __, sprintf } from '@wordpress/i18n';

import type { RowStatus } from '../validation';

export default function StatusPill( { status }: { status: RowStatus } ) {
	if ( status.state === 'disabled' ) {
		return (
			<span className="acapi-pill acapi-pill--disabled">
				{ __( 'Disabled', 'creators-connect-for-amazon' ) }
			</span>
		);
	}
	if ( status.state === 'enabled' ) {
		return (
			<span className="acapi-pill acapi-pill--enabled">
				{ __( 'Enabled', 'creators-connect-for-amazon' ) }
			</span>
		);
	}
	return (
		<span className="acapi-status-failing">
			<span className="acapi-pill acapi-pill--failing">
				{ __( 'Failing', 'creators-connect-for-amazon' ) }
			</span>
			<span className="acapi-status-detail">
				{ status.time
					? sprintf(
							/* translators: 1: time such as 7:18 am, 2: what failed. */
							__(
								'At %1$s: %2$s',
								'creators-connect-for-amazon'
							),
							status.time,
							status.error ?? ''
						)
					: status.error }
			</span>
		</span>
	);
}
