/**
 * The settings screen.
 */
import { Card, CardBody, CardHeader } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

export default function App() {
	return (
		<Card>
			<CardHeader>
				<h2>{ __( 'Marketplaces', 'amazon-creators-api' ) }</h2>
			</CardHeader>
			<CardBody>
				<p>
					{ __(
						'No marketplace is configured yet.',
						'amazon-creators-api'
					) }
				</p>
			</CardBody>
		</Card>
	);
}
