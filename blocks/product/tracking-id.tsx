/**
 * The block's "Tracking ID": the marketplace's own partner tag, or one of the tracking IDs it
 * lists under Settings → Amazon Creators API (GET /tracking-ids). Amazon returns the links for
 * the chosen tag; a tag that is no longer listed stays visible, and the page uses the own tag.
 */
import apiFetch from '@wordpress/api-fetch';
import { SelectControl } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

interface TrackingIds {
	default_country: string | null;
	tracking_ids: Record< string, Array< { tag: string; label: string } > >;
}

interface Props {
	/** The block's marketplace ('' = the default one). */
	country: string;
	value: string;
	onChange: ( value: string ) => void;
}

export default function TrackingIdControl( {
	country,
	value,
	onChange,
}: Props ) {
	const [ data, setData ] = useState< TrackingIds | null >( null );
	useEffect( () => {
		let live = true;
		apiFetch< TrackingIds >( {
			path: '/creators-connect-for-amazon/v1/tracking-ids',
		} )
			.then( ( answer ) => live && setData( answer ) )
			.catch( () => live && setData( null ) );
		return () => {
			live = false;
		};
	}, [] );

	const code = ( country || data?.default_country || '' ).toLowerCase();
	const listed = data?.tracking_ids[ code ] ?? [];
	if ( listed.length === 0 && value === '' ) {
		return null;
	}
	const options = [
		{
			value: '',
			label: __(
				'The marketplace’s own partner tag',
				'creators-connect-for-amazon'
			),
		},
		...listed.map( ( item ) => ( {
			value: item.tag,
			label:
				item.label === item.tag
					? item.tag
					: `${ item.label } (${ item.tag })`,
		} ) ),
	];
	if ( value !== '' && ! listed.some( ( item ) => item.tag === value ) ) {
		options.push( {
			value,
			label: sprintf(
				/* translators: %s: a tracking ID. */
				__( '%s (not listed)', 'creators-connect-for-amazon' ),
				value
			),
		} );
	}
	return (
		<SelectControl
			__nextHasNoMarginBottom
			label={ __( 'Tracking ID', 'creators-connect-for-amazon' ) }
			help={ __(
				'Amazon’s links carry this tag, so Associates Central reports this block’s sales under it.',
				'creators-connect-for-amazon'
			) }
			value={ value }
			options={ options }
			onChange={ onChange }
		/>
	);
}
