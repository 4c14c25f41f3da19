/**
 * A partner tag shown with its middle hidden ("acap•••us-20"), with a button that shows it whole.
 * The screen is for administrators only (manage_options), so the full tag is theirs to see.
 */
import { Button } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { maskTag, tagSuffixWarning } from '../validation';

interface Props {
	tag: string;
	country: string;
	/** The marketplace's name, for the button's accessible name. */
	name: string;
}

export default function PartnerTag( { tag, country, name }: Props ) {
	const [ shown, setShown ] = useState( false );
	const warning = tagSuffixWarning( country, tag );
	return (
		<span className="acapi-partner-tag">
			<code>{ shown ? tag : maskTag( tag ) }</code>{ ' ' }
			<Button
				variant="link"
				aria-pressed={ shown }
				onClick={ () => setShown( ! shown ) }
			>
				{ shown
					? __( 'Hide', 'creators-connect-for-amazon' )
					: __( 'Show', 'creators-connect-for-amazon' ) }
				<span className="screen-reader-text">
					{ ' ' +
						sprintf(
							/* translators: follows "Show" or "Hide" for screen readers ("Show partner tag of Germany"); %s: marketplace name. */
							__(
								'partner tag of %s',
								'creators-connect-for-amazon'
							),
							name
						) }
				</span>
			</Button>
			{ warning && (
				<span className="acapi-tag-warning" role="note">
					{ warning }
				</span>
			) }
		</span>
	);
}
