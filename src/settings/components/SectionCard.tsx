/**
 * A card of the settings screen: a heading, an optional action, the content.
 */
import { Card, CardBody, CardHeader } from '@wordpress/components';

interface Props {
	title: string;
	action?: JSX.Element;
	children: React.ReactNode;
}

export default function SectionCard( { title, action, children }: Props ) {
	return (
		<Card className="acapi-card">
			<CardHeader>
				<h2>{ title }</h2>
				{ action }
			</CardHeader>
			<CardBody>{ children }</CardBody>
		</Card>
	);
}
