/**
 * The settings screen: marketplaces, routing, PA-API 5.0, general settings.
 */
import {
	Button,
	Card,
	CardBody,
	CardHeader,
	Modal,
	Notice,
	Spinner,
} from '@wordpress/components';
import { useDispatch } from '@wordpress/data';
import { useCallback, useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import { store as noticesStore } from '@wordpress/notices';

import * as api from './api';
import GeneralSection from './components/GeneralSection';
import MarketplaceForm from './components/MarketplaceForm';
import MarketplaceTable from './components/MarketplaceTable';
import Notices from './components/Notices';
import PaapiSection from './components/PaapiSection';
import RoutingPanel from './components/RoutingPanel';
import type {
	ConnectionTest,
	GeneralSettings,
	MarketplaceInput,
	MarketplaceSettings,
	PaapiInput,
	PaapiSettings,
	RoutingSummary,
} from './types';

type Editing = { marketplace: MarketplaceSettings | null } | null;

export default function App() {
	const [ loading, setLoading ] = useState( true );
	const [ loadError, setLoadError ] = useState( '' );
	const [ marketplaces, setMarketplaces ] = useState< MarketplaceSettings[] >(
		[]
	);
	const [ routing, setRouting ] = useState< RoutingSummary | null >( null );
	const [ paapi, setPaapi ] = useState< PaapiSettings | null >( null );
	const [ general, setGeneral ] = useState< GeneralSettings | null >( null );
	const [ editing, setEditing ] = useState< Editing >( null );
	const [ deleting, setDeleting ] = useState< MarketplaceSettings | null >(
		null
	);
	const [ busy, setBusy ] = useState< string | null >( null );
	const [ tests, setTests ] = useState<
		Record< string, ConnectionTest | undefined >
	>( {} );
	const { createSuccessNotice, createErrorNotice } =
		useDispatch( noticesStore );

	const success = useCallback(
		( message: string ) =>
			createSuccessNotice( message, { type: 'snackbar' } ),
		[ createSuccessNotice ]
	);
	const failure = useCallback(
		( error: unknown, fallback: string ) =>
			createErrorNotice( api.messageOf( error, fallback ), {
				type: 'snackbar',
			} ),
		[ createErrorNotice ]
	);

	const refresh = useCallback( async () => {
		const [ list, summary ] = await Promise.allSettled( [
			api.getMarketplaces(),
			api.getRouting(),
		] );
		if ( list.status === 'fulfilled' ) {
			setMarketplaces( list.value );
		}
		setRouting( summary.status === 'fulfilled' ? summary.value : null );
	}, [] );

	useEffect( () => {
		Promise.allSettled( [
			api.getMarketplaces(),
			api.getRouting(),
			api.getPaapi(),
			api.getGeneral(),
		] ).then( ( [ list, summary, paapiSettings, generalSettings ] ) => {
			if ( list.status === 'fulfilled' ) {
				setMarketplaces( list.value );
			} else {
				setLoadError(
					api.messageOf(
						list.reason,
						__(
							'The settings could not be loaded.',
							'creators-connect-for-amazon'
						)
					)
				);
			}
			setRouting( summary.status === 'fulfilled' ? summary.value : null );
			setPaapi(
				paapiSettings.status === 'fulfilled'
					? paapiSettings.value
					: null
			);
			setGeneral(
				generalSettings.status === 'fulfilled'
					? generalSettings.value
					: null
			);
			setLoading( false );
		} );
	}, [] );

	const save = async ( input: MarketplaceInput ) => {
		const current = editing?.marketplace ?? null;
		if ( current ) {
			await api.updateMarketplace( current.country, {
				...input,
				revision: current.revision,
			} );
			success(
				sprintf(
					/* translators: %s: marketplace name. */
					__( '%s saved.', 'creators-connect-for-amazon' ),
					current.name
				)
			);
		} else {
			const added = await api.addMarketplace( input );
			success(
				sprintf(
					/* translators: %s: marketplace name. */
					__( '%s added.', 'creators-connect-for-amazon' ),
					added.name
				)
			);
		}
		setEditing( null );
		await refresh();
	};

	const run = async (
		marketplace: MarketplaceSettings,
		action: () => Promise< unknown >,
		done: string,
		failed: string
	) => {
		setBusy( marketplace.country );
		try {
			await action();
			success( done );
		} catch ( error ) {
			failure( error, failed );
		}
		await refresh();
		setBusy( null );
	};

	const toggle = ( marketplace: MarketplaceSettings, enabled: boolean ) =>
		run(
			marketplace,
			() =>
				api.updateMarketplace( marketplace.country, {
					enabled,
					revision: marketplace.revision,
				} ),
			enabled
				? sprintf(
						/* translators: %s: marketplace name. */
						__( '%s enabled.', 'creators-connect-for-amazon' ),
						marketplace.name
					)
				: sprintf(
						/* translators: %s: marketplace name. */
						__( '%s disabled.', 'creators-connect-for-amazon' ),
						marketplace.name
					),
			__(
				'The change could not be saved.',
				'creators-connect-for-amazon'
			)
		);

	const makeDefault = ( marketplace: MarketplaceSettings ) =>
		run(
			marketplace,
			() => api.setDefaultMarketplace( marketplace.country ),
			sprintf(
				/* translators: %s: marketplace name. */
				__(
					'%s is now the default marketplace.',
					'creators-connect-for-amazon'
				),
				marketplace.name
			),
			__(
				'The default could not be changed.',
				'creators-connect-for-amazon'
			)
		);

	const remove = async ( marketplace: MarketplaceSettings ) => {
		setDeleting( null );
		await run(
			marketplace,
			() => api.deleteMarketplace( marketplace.country ),
			sprintf(
				/* translators: %s: marketplace name. */
				__( '%s deleted.', 'creators-connect-for-amazon' ),
				marketplace.name
			),
			__(
				'The marketplace could not be deleted.',
				'creators-connect-for-amazon'
			)
		);
	};

	const test = async ( marketplace: MarketplaceSettings ) => {
		setBusy( marketplace.country );
		try {
			const result = await api.testConnection( marketplace.country );
			setTests( ( current ) => ( {
				...current,
				[ marketplace.country ]: result,
			} ) );
		} catch ( error ) {
			failure(
				error,
				__(
					'The connection test could not run.',
					'creators-connect-for-amazon'
				)
			);
		}
		setBusy( null );
	};

	const savePaapi = async ( input: PaapiInput ) => {
		const saved = await api.savePaapi( input );
		setPaapi( saved );
		success(
			__( 'PA-API settings saved.', 'creators-connect-for-amazon' )
		);
		await refresh();
	};

	const saveGeneral = async ( input: GeneralSettings ) => {
		const saved = await api.saveGeneral( input );
		setGeneral( saved );
		success(
			__( 'General settings saved.', 'creators-connect-for-amazon' )
		);
		await refresh();
	};

	if ( loading ) {
		return (
			<div className="acapi-loading">
				<Spinner />
				{ __( 'Loading settings…', 'creators-connect-for-amazon' ) }
			</div>
		);
	}

	return (
		<div className="acapi-settings-app">
			{ loadError && (
				<Notice status="error" isDismissible={ false }>
					{ loadError }
				</Notice>
			) }
			<Card className="acapi-card">
				<CardHeader>
					<h2>
						{ __( 'Marketplaces', 'creators-connect-for-amazon' ) }
					</h2>
					<Button
						variant="primary"
						onClick={ () => setEditing( { marketplace: null } ) }
					>
						{ __(
							'Add marketplace',
							'creators-connect-for-amazon'
						) }
					</Button>
				</CardHeader>
				<CardBody>
					<MarketplaceTable
						marketplaces={ marketplaces }
						busy={ busy }
						tests={ tests }
						onEdit={ ( marketplace ) =>
							setEditing( { marketplace } )
						}
						onDelete={ setDeleting }
						onToggle={ toggle }
						onMakeDefault={ makeDefault }
						onTest={ test }
					/>
				</CardBody>
			</Card>
			<Card className="acapi-card">
				<CardHeader>
					<h2>{ __( 'Routing', 'creators-connect-for-amazon' ) }</h2>
				</CardHeader>
				<CardBody>
					<RoutingPanel summary={ routing } />
				</CardBody>
			</Card>
			<Card className="acapi-card">
				<CardHeader>
					<h2>
						{ __(
							'PA-API 5.0 (legacy)',
							'creators-connect-for-amazon'
						) }
					</h2>
				</CardHeader>
				<CardBody>
					{ paapi ? (
						<PaapiSection settings={ paapi } onSave={ savePaapi } />
					) : (
						<Notice status="error" isDismissible={ false }>
							{ __(
								'The PA-API settings could not be loaded.',
								'creators-connect-for-amazon'
							) }
						</Notice>
					) }
				</CardBody>
			</Card>
			<Card className="acapi-card">
				<CardHeader>
					<h2>{ __( 'General', 'creators-connect-for-amazon' ) }</h2>
				</CardHeader>
				<CardBody>
					{ general ? (
						<GeneralSection
							settings={ general }
							onSave={ saveGeneral }
						/>
					) : (
						<Notice status="error" isDismissible={ false }>
							{ __(
								'The general settings could not be loaded.',
								'creators-connect-for-amazon'
							) }
						</Notice>
					) }
				</CardBody>
			</Card>
			{ editing && (
				<MarketplaceForm
					marketplace={ editing.marketplace }
					configured={ marketplaces.map( ( item ) => item.country ) }
					onSubmit={ save }
					onClose={ () => setEditing( null ) }
				/>
			) }
			{ deleting && (
				<Modal
					title={ sprintf(
						/* translators: %s: marketplace name. */
						__( 'Delete %s?', 'creators-connect-for-amazon' ),
						deleting.name
					) }
					onRequestClose={ () => setDeleting( null ) }
					size="small"
				>
					<p>
						{ __(
							'Its credentials are removed from this site. Products of this marketplace are then served by PA-API 5.0 (when set up) or not at all.',
							'creators-connect-for-amazon'
						) }
					</p>
					<div className="acapi-form-actions">
						<Button
							variant="tertiary"
							onClick={ () => setDeleting( null ) }
						>
							{ __( 'Cancel', 'creators-connect-for-amazon' ) }
						</Button>
						<Button
							variant="primary"
							isDestructive
							onClick={ () => remove( deleting ) }
						>
							{ __( 'Delete', 'creators-connect-for-amazon' ) }
						</Button>
					</div>
				</Modal>
			) }
			<Notices />
		</div>
	);
}
