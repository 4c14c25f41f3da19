/**
 * Changing the settings: each write calls its REST route (api.ts) and puts the answer into the
 * store. Nothing is read again except the routing summary, which the router derives on the
 * server from all the settings.
 */
import type { dispatch as dataDispatch } from '@wordpress/data';
import { __, sprintf } from '@wordpress/i18n';
import { store as noticesStore } from '@wordpress/notices';

import * as api from '../api';
import type {
	ConnectionTest,
	GeneralSettings,
	GettingStarted,
	ImportPreview,
	MarketplaceInput,
	MarketplaceSettings,
	PaapiInput,
	PaapiSettings,
	RoutingSummary,
	SettingsFile,
	TrackingId,
	TrackingIds,
} from '../types';
import type { Action, Resource } from './reducer';

/** What @wordpress/data hands a thunk (the parts used here). */
export interface ThunkArgs {
	dispatch: ( ( action: Action ) => void ) & {
		invalidateResolution: ( selector: string, args: unknown[] ) => void;
	};
	registry: { dispatch: typeof dataDispatch };
}

type Thunk< T = void > = ( args: ThunkArgs ) => Promise< T >;

export const receiveMarketplaces = (
	marketplaces: MarketplaceSettings[]
): Action => ( { type: 'RECEIVE_MARKETPLACES', marketplaces } );

export const receiveMarketplace = (
	marketplace: MarketplaceSettings
): Action => ( { type: 'RECEIVE_MARKETPLACE', marketplace } );

export const receiveRouting = ( routing: RoutingSummary | null ): Action => ( {
	type: 'RECEIVE_ROUTING',
	routing,
} );

export const receivePaapi = ( paapi: PaapiSettings ): Action => ( {
	type: 'RECEIVE_PAAPI',
	paapi,
} );

export const receiveGeneral = ( general: GeneralSettings ): Action => ( {
	type: 'RECEIVE_GENERAL',
	general,
} );

export const receiveGettingStarted = (
	gettingStarted: GettingStarted
): Action => ( { type: 'RECEIVE_GETTING_STARTED', gettingStarted } );

export const receiveTrackingIds = ( trackingIds: TrackingIds ): Action => ( {
	type: 'RECEIVE_TRACKING_IDS',
	trackingIds,
} );

export const receiveLoadError = (
	resource: Resource,
	message: string
): Action => ( { type: 'RECEIVE_LOAD_ERROR', resource, message } );

/**
 * The routing summary follows every setting: read it again (only it, and the getting-started
 * checklist, which ticks itself from the same settings).
 *
 * @param args Thunk arguments.
 */
function routingChanged( args: ThunkArgs ) {
	args.dispatch.invalidateResolution( 'getRouting', [] );
	args.dispatch.invalidateResolution( 'getGettingStarted', [] );
}

function snackbar( { registry }: ThunkArgs, message: string ) {
	registry
		.dispatch( noticesStore )
		.createSuccessNotice( message, { type: 'snackbar' } );
}

function failed( { registry }: ThunkArgs, error: unknown, fallback: string ) {
	registry
		.dispatch( noticesStore )
		.createErrorNotice( api.messageOf( error, fallback ), {
			type: 'snackbar',
		} );
}

/**
 * Adds a marketplace, or saves the one being edited (from the revision it was read at).
 * Throws the REST error, so that the form can show it next to its fields.
 *
 * @param input   The form's values.
 * @param current The marketplace being edited; null when adding.
 */
export const saveMarketplace =
	(
		input: MarketplaceInput,
		current: MarketplaceSettings | null
	): Thunk< MarketplaceSettings > =>
	async ( args ) => {
		const saved = current
			? await api.updateMarketplace( current.country, {
					...input,
					revision: current.revision,
				} )
			: await api.addMarketplace( input );
		args.dispatch( receiveMarketplace( saved ) );
		routingChanged( args );
		snackbar(
			args,
			current
				? sprintf(
						/* translators: %s: marketplace name. */
						__( '%s saved.', 'creators-connect-for-amazon' ),
						saved.name
					)
				: sprintf(
						/* translators: %s: marketplace name. */
						__( '%s added.', 'creators-connect-for-amazon' ),
						saved.name
					)
		);
		return saved;
	};

/**
 * Runs a row action: the row is busy meanwhile, and the outcome is a snackbar. When the row
 * changed or went away on the server (409/404), that row is read again or removed.
 *
 * @param marketplace The row.
 * @param request     The REST call; its answer goes into the store.
 * @param done        Message on success.
 * @param fallback    Message when the error has none.
 */
const rowAction =
	(
		marketplace: MarketplaceSettings,
		request: ( args: ThunkArgs ) => Promise< void >,
		done: string,
		fallback: string
	): Thunk =>
	async ( args ) => {
		args.dispatch( { type: 'SET_BUSY', country: marketplace.country } );
		try {
			await request( args );
			snackbar( args, done );
		} catch ( error ) {
			failed( args, error, fallback );
			await reread( args, marketplace.country );
		}
		routingChanged( args );
		args.dispatch( { type: 'SET_BUSY', country: null } );
	};

/**
 * Reads one marketplace again after a failed change (removed from the list when it is gone).
 *
 * @param args    Thunk arguments.
 * @param country Country code.
 */
async function reread( args: ThunkArgs, country: string ) {
	try {
		args.dispatch(
			receiveMarketplace( await api.getMarketplace( country ) )
		);
	} catch ( error ) {
		if ( api.isRestError( error ) && error.data?.status === 404 ) {
			args.dispatch( { type: 'REMOVE_MARKETPLACE', country } );
		}
	}
}

export const toggleMarketplace = (
	marketplace: MarketplaceSettings,
	enabled: boolean
) =>
	rowAction(
		marketplace,
		async ( { dispatch } ) =>
			dispatch(
				receiveMarketplace(
					await api.updateMarketplace( marketplace.country, {
						enabled,
						revision: marketplace.revision,
					} )
				)
			),
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
		__( 'The change could not be saved.', 'creators-connect-for-amazon' )
	);

export const makeDefaultMarketplace = ( marketplace: MarketplaceSettings ) =>
	rowAction(
		marketplace,
		async ( { dispatch } ) =>
			dispatch(
				receiveMarketplace(
					await api.setDefaultMarketplace( marketplace.country )
				)
			),
		sprintf(
			/* translators: %s: marketplace name. */
			__(
				'%s is now the default marketplace.',
				'creators-connect-for-amazon'
			),
			marketplace.name
		),
		__( 'The default could not be changed.', 'creators-connect-for-amazon' )
	);

export const deleteMarketplace = ( marketplace: MarketplaceSettings ) =>
	rowAction(
		marketplace,
		async ( { dispatch } ) => {
			await api.deleteMarketplace( marketplace.country );
			dispatch( {
				type: 'REMOVE_MARKETPLACE',
				country: marketplace.country,
			} );
		},
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

/**
 * Tests a marketplace's connection; the result shows under its row.
 *
 * @param marketplace The row.
 */
export const testConnection =
	( marketplace: MarketplaceSettings ): Thunk =>
	async ( args ) => {
		args.dispatch( { type: 'SET_BUSY', country: marketplace.country } );
		try {
			const test: ConnectionTest = await api.testConnection(
				marketplace.country
			);
			args.dispatch( {
				type: 'RECEIVE_TEST',
				test: { ...test, received_at: Date.now() },
			} );
			if ( test.ok ) {
				args.dispatch.invalidateResolution( 'getGettingStarted', [] );
			}
		} catch ( error ) {
			failed(
				args,
				error,
				__(
					'The connection test could not run.',
					'creators-connect-for-amazon'
				)
			);
		}
		args.dispatch( { type: 'SET_BUSY', country: null } );
	};

/**
 * The save action of a settings section: calls the route, puts its answer into the store,
 * refreshes what the server derives from it and says so. Throws the REST error for the form.
 *
 * @param save    The section's REST call.
 * @param receive The action that stores the answer.
 * @param saved   The snackbar's message (a function, so it is translated when shown).
 */
function sectionSaver< Input, Saved >(
	save: ( input: Input ) => Promise< Saved >,
	receive: ( answer: Saved ) => Action,
	saved: () => string
) {
	return ( input: Input ): Thunk =>
		async ( args ) => {
			args.dispatch( receive( await save( input ) ) );
			routingChanged( args );
			snackbar( args, saved() );
		};
}

/** Saves the PA-API settings (the form's values). Throws the REST error for the form. */
export const savePaapi = sectionSaver< PaapiInput, PaapiSettings >(
	api.savePaapi,
	receivePaapi,
	() => __( 'PA-API settings saved.', 'creators-connect-for-amazon' )
);

/** Saves the general settings (the form's values). Throws the REST error for the form. */
export const saveGeneral = sectionSaver<
	Partial< GeneralSettings >,
	GeneralSettings
>( api.saveGeneral, receiveGeneral, () =>
	__( 'General settings saved.', 'creators-connect-for-amazon' )
);

/**
 * Hides the getting-started panel for the current user, or brings it back.
 *
 * @param dismissed Whether it is hidden.
 */
export const dismissGettingStarted =
	( dismissed: boolean ): Thunk =>
	async ( args ) => {
		try {
			args.dispatch(
				receiveGettingStarted(
					await api.setGettingStartedDismissed( dismissed )
				)
			);
		} catch ( error ) {
			failed(
				args,
				error,
				__(
					'The change could not be saved.',
					'creators-connect-for-amazon'
				)
			);
		}
	};

/**
 * The settings file to download (never a secret).
 */
export const exportSettings = (): Thunk< SettingsFile > => async () =>
	api.exportSettings();

/**
 * What importing a file would do, and the secrets it needs. Throws the REST error (a bad file).
 *
 * @param file The decoded file.
 */
export const previewImport =
	( file: unknown ): Thunk< ImportPreview > =>
	async () =>
		api.importSettings( file, {}, true );

/**
 * Imports a file with the secrets it lacks, then reads every resource again. Throws the REST
 * error (a missing secret is named `secrets.<country>`; nothing was imported then).
 *
 * @param file    The decoded file.
 * @param secrets Secrets by country code, and `paapi`.
 */
export const importSettings =
	(
		file: unknown,
		secrets: Record< string, string >
	): Thunk< ImportPreview > =>
	async ( args ) => {
		const done = await api.importSettings( file, secrets, false );
		[
			'getMarketplaces',
			'getTrackingIds',
			'getPaapi',
			'getGeneral',
			'getRouting',
			'getGettingStarted',
		].forEach( ( selector ) =>
			args.dispatch.invalidateResolution( selector, [] )
		);
		snackbar(
			args,
			__( 'Settings imported.', 'creators-connect-for-amazon' )
		);
		return done;
	};

/**
 * Saves a marketplace's tracking IDs. Throws the REST error for the dialog (a bad tag is named
 * `tracking_ids.<n>.tag`).
 *
 * @param marketplace The marketplace.
 * @param list        Its tracking IDs.
 */
export const saveTrackingIds =
	( marketplace: MarketplaceSettings, list: TrackingId[] ): Thunk =>
	async ( args ) => {
		const saved = await api.saveTrackingIds( marketplace.country, list );
		args.dispatch( {
			type: 'RECEIVE_MARKETPLACE_TRACKING_IDS',
			country: marketplace.country,
			trackingIds: saved,
		} );
		snackbar(
			args,
			sprintf(
				/* translators: %s: marketplace name. */
				__(
					'Tracking IDs of %s saved.',
					'creators-connect-for-amazon'
				),
				marketplace.name
			)
		);
	};
