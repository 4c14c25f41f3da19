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
							'amazon-creators-api'
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
					__( '%s saved.', 'amazon-creators-api' ),
					current.name
				)
			);
		} else {
			const added = await api.addMarketplace( input );
			success(
				sprintf(
					/* translators: %s: marketplace name. */
					__( '%s added.', 'amazon-creators-api' ),
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
						__( '%s enabled.', 'amazon-creators-api' ),
						marketplace.name
					)
				: sprintf(
						/* translators: %s: marketplace name. */
						__( '%s disabled.', 'amazon-creators-api' ),
						marketplace.name
					),
			__( 'The change could not be saved.', 'amazon-creators-api' )
		);

	const makeDefault = ( marketplace: MarketplaceSettings ) =>
		run(
			marketplace,
			() => api.setDefaultMarketplace( marketplace.country ),
			sprintf(
				/* translators: %s: marketplace name. */
				__(
					'%s is now the default marketplace.',
					'amazon-creators-api'
				),
				marketplace.name
			),
			__( 'The default could not be changed.', 'amazon-creators-api' )
		);

	const remove = async ( marketplace: MarketplaceSettings ) => {
		setDeleting( null );
		await run(
			marketplace,
			() => api.deleteMarketplace( marketplace.country ),
			sprintf(
				/* translators: %s: marketplace name. */
				__( '%s deleted.', 'amazon-creators-api' ),
				marketplace.name
			),
			__( 'The marketplace could not be deleted.', 'amazon-creators-api' )
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
					'amazon-creators-api'
				)
			);
		}
		setBusy( null );
	};

	const savePaapi = async ( input: PaapiInput ) => {
		const saved = await api.savePaapi( input );
		setPaapi( saved );
		success( __( 'PA-API settings saved.', 'amazon-creators-api' ) );
		await refresh();
	};

	const saveGeneral = async ( input: GeneralSettings ) => {
		const saved = await api.saveGeneral( input );
		setGeneral( saved );
		success( __( 'General settings saved.', 'amazon-creators-api' ) );
		await refresh();
	};

	if ( loading ) {
		return (
			<div className="acapi-loading">
				<Spinner />
				{ __( 'Loading settings…', 'amazon-creators-api' ) }
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
					<h2>{ __( 'Marketplaces', 'amazon-creators-api' ) }</h2>
					<Button
						variant="primary"
						onClick={ () => setEditing( { marketplace: null } ) }
					>
						{ __( 'Add marketplace', 'amazon-creators-api' ) }
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
					<h2>{ __( 'Routing', 'amazon-creators-api' ) }</h2>
				</CardHeader>
				<CardBody>
					<RoutingPanel summary={ routing } />
				</CardBody>
			</Card>
			<Card className="acapi-card">
				<CardHeader>
					<h2>
						{ __( 'PA-API 5.0 (legacy)', 'amazon-creators-api' ) }
					</h2>
				</CardHeader>
				<CardBody>
					{ paapi ? (
						<PaapiSection settings={ paapi } onSave={ savePaapi } />
					) : (
						<Notice status="error" isDismissible={ false }>
							{ __(
								'The PA-API settings could not be loaded.',
								'amazon-creators-api'
							) }
						</Notice>
					) }
				</CardBody>
			</Card>
			<Card className="acapi-card">
				<CardHeader>
					<h2>{ __( 'General', 'amazon-creators-api' ) }</h2>
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
								'amazon-creators-api'
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
						__( 'Delete %s?', 'amazon-creators-api' ),
						deleting.name
					) }
					onRequestClose={ () => setDeleting( null ) }
					size="small"
				>
					<p>
						{ __(
							'Its credentials are removed from this site. Products of this marketplace are then served by PA-API 5.0 (when set up) or not at all.',
							'amazon-creators-api'
						) }
					</p>
					<div className="acapi-form-actions">
						<Button
							variant="tertiary"
							onClick={ () => setDeleting( null ) }
						>
							{ __( 'Cancel', 'amazon-creators-api' ) }
						</Button>
						<Button
							variant="primary"
							isDestructive
							onClick={ () => remove( deleting ) }
						>
							{ __( 'Delete', 'amazon-creators-api' ) }
						</Button>
					</div>
				</Modal>
			) }
			<Notices />
		</div>
	);
}
