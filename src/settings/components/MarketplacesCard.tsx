/**
 * The marketplaces card: the table, and the add/edit and delete dialogs. Server state comes from
 * the store; only which dialog is open is kept here.
 */
import { Button } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import { store } from '../store';
import type { MarketplaceInput, MarketplaceSettings } from '../types';
import MarketplaceConfirm from './MarketplaceConfirm';
import MarketplaceForm from './MarketplaceForm';
import MarketplaceTable from './MarketplaceTable';
import SectionCard from './SectionCard';
import TrackingIdsDialog from './TrackingIdsDialog';

type Editing = { marketplace: MarketplaceSettings | null } | null;

export default function MarketplacesCard() {
	const { marketplaces, routing, busy, tests, trackingIds } = useSelect(
		( select ) => ( {
			marketplaces: select( store ).getMarketplaces(),
			trackingIds: select( store ).getTrackingIds(),
			routing: select( store ).getRouting(),
			busy: select( store ).getBusyCountry(),
			tests: select( store ).getConnectionTests(),
		} ),
		[]
	);
	const {
		saveMarketplace,
		toggleMarketplace,
		makeDefaultMarketplace,
		deleteMarketplace,
		testConnection,
		saveTrackingIds,
	} = useDispatch( store );
	const [ tracking, setTracking ] = useState< MarketplaceSettings | null >(
		null
	);
	const [ editing, setEditing ] = useState< Editing >( null );
	const [ deleting, setDeleting ] = useState< MarketplaceSettings | null >(
		null
	);
	const [ confirmingDefault, setConfirmingDefault ] =
		useState< MarketplaceSettings | null >( null );

	// A disabled marketplace becomes the default only after a confirmation.
	const makeDefault = ( marketplace: MarketplaceSettings ) =>
		marketplace.enabled
			? makeDefaultMarketplace( marketplace )
			: setConfirmingDefault( marketplace );

	const save = async ( input: MarketplaceInput ) => {
		await saveMarketplace( input, editing?.marketplace ?? null );
		setEditing( null );
	};

	return (
		<SectionCard
			title={ __( 'Marketplaces', 'creators-connect-for-amazon' ) }
			action={
				<Button
					variant="primary"
					onClick={ () => setEditing( { marketplace: null } ) }
				>
					{ __( 'Add marketplace', 'creators-connect-for-amazon' ) }
				</Button>
			}
		>
			<MarketplaceTable
				marketplaces={ marketplaces }
				routes={ routing?.routes ?? [] }
				busy={ busy }
				tests={ tests }
				onEdit={ ( marketplace ) => setEditing( { marketplace } ) }
				onDelete={ setDeleting }
				onToggle={ toggleMarketplace }
				onMakeDefault={ makeDefault }
				onTest={ testConnection }
				trackingIds={ trackingIds?.tracking_ids ?? {} }
				onTrackingIds={ setTracking }
			/>
			{ editing && (
				<MarketplaceForm
					marketplace={ editing.marketplace }
					configured={ marketplaces.map( ( item ) => item.country ) }
					onSubmit={ save }
					onClose={ () => setEditing( null ) }
				/>
			) }
			{ tracking && (
				<TrackingIdsDialog
					marketplace={ tracking }
					trackingIds={
						trackingIds?.tracking_ids[ tracking.country ] ?? []
					}
					onSave={ ( list ) => saveTrackingIds( tracking, list ) }
					onClose={ () => setTracking( null ) }
				/>
			) }
			{ confirmingDefault && (
				<MarketplaceConfirm
					action="default"
					marketplace={ confirmingDefault }
					onConfirm={ () => {
						setConfirmingDefault( null );
						makeDefaultMarketplace( confirmingDefault );
					} }
					onClose={ () => setConfirmingDefault( null ) }
				/>
			) }
			{ deleting && (
				<MarketplaceConfirm
					action="delete"
					marketplace={ deleting }
					onConfirm={ () => {
						setDeleting( null );
						deleteMarketplace( deleting );
					} }
					onClose={ () => setDeleting( null ) }
				/>
			) }
		</SectionCard>
	);
}
