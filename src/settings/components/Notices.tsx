/**
 * Snackbar notices from the core/notices store.
 */
import { SnackbarList } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { store as noticesStore } from '@wordpress/notices';

export default function Notices() {
	const notices = useSelect(
		( select ) =>
			select( noticesStore )
				.getNotices()
				.filter( ( notice ) => notice.type === 'snackbar' )
				// The newest three: older ones would cover the screen.
				.slice( -3 )
				.map( ( notice ) => ( {
					id: notice.id,
					content: notice.content,
				} ) ),
		[]
	);
	const { removeNotice } = useDispatch( noticesStore );
	return (
		<SnackbarList
			className="acapi-snackbars"
			notices={ notices }
			onRemove={ ( id: string ) => removeNotice( id ) }
		/>
	);
}
