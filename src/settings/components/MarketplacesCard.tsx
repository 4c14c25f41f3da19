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
import DeleteMarketplace from './DeleteMarketplace';
import MarketplaceForm from './MarketplaceForm';
import MarketplaceTable from './MarketplaceTable';
import SectionCard from './SectionCard';

type Editing = { marketplace: MarketplaceSettings | null } | null;

export default function MarketplacesCard() {
	const { marketplaces, busy, tests } = useSelect(
		( select ) => ( {
			marketplaces: select( store ).getMarketplaces(),
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
	} = useDispatch( store );
	const [ editing, setEditing ] = useState< Editing >( null );
	const [ deleting, setDeleting ] = useState< MarketplaceSettings | null >(
		null
	);

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
				busy={ busy }
				tests={ tests }
				onEdit={ ( marketplace ) => setEditing( { marketplace } ) }
				onDelete={ setDeleting }
				onToggle={ toggleMarketplace }
				onMakeDefault={ makeDefaultMarketplace }
				onTest={ testConnection }
			/>
			{ editing && (
				<MarketplaceForm
					marketplace={ editing.marketplace }
					configured={ marketplaces.map( ( item ) => item.country ) }
					onSubmit={ save }
					onClose={ () => setEditing( null ) }
				/>
			) }
			{ deleting && (
				<DeleteMarketplace
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
