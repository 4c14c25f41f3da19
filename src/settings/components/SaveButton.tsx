/**
 * A settings section's submit button, busy and disabled while the section saves.
 */
import { Button } from '@wordpress/components';

interface Props {
	label: string;
	busy: boolean;
}

export default function SaveButton( { label, busy }: Props ) {
	return (
		<Button
			variant="primary"
			type="submit"
			isBusy={ busy }
			disabled={ busy }
		>
			{ label }
		</Button>
	);
}
