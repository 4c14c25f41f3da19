/**
 * The geotargeting settings' data store (`creators-connect-for-amazon/geotargeting`): the
 * `acapi_geotargeting` option as WordPress's `/wp/v2/settings` route answers it (the option's
 * schema is registered with register_setting(), so WordPress validates every write).
 */
import apiFetch from '@wordpress/api-fetch';
import { createReduxStore, register } from '@wordpress/data';
import { __ } from '@wordpress/i18n';
import { store as noticesStore } from '@wordpress/notices';

export interface GeoSettings {
	enabled: boolean;
	targets: string[];
	fallback: 'original' | 'search';
	header: string;
	server_render: 'uncached' | 'always';
	countries: Record< string, string >;
}

interface State {
	settings: GeoSettings | null;
	error: string | null;
}

type Action =
	| { type: 'RECEIVE'; settings: GeoSettings }
	| { type: 'FAIL'; error: string };

interface ThunkArgs {
	dispatch: ( action: Action ) => void;
	registry: {
		dispatch: ( store: typeof noticesStore ) => {
			createSuccessNotice: (
				message: string,
				options: { type: string }
			) => void;
		};
	};
}

const OPTION = 'acapi_geotargeting';

const settingsRoute = ( data?: Partial< GeoSettings > ) =>
	apiFetch< Record< string, GeoSettings > >( {
		path: '/wp/v2/settings',
		...( data ? { method: 'POST', data: { [ OPTION ]: data } } : {} ),
	} ).then( ( answer ) => {
		const settings = answer[ OPTION ];
		if ( ! settings ) {
			throw new Error( 'acapi_geotargeting is not in /wp/v2/settings' );
		}
		return settings;
	} );

const receive = ( settings: GeoSettings ): Action => ( {
	type: 'RECEIVE',
	settings,
} );

export const store = createReduxStore(
	'creators-connect-for-amazon/geotargeting',
	{
		reducer(
			state: State = { settings: null, error: null },
			action: Action
		) {
			switch ( action.type ) {
				case 'RECEIVE':
					return { settings: action.settings, error: null };
				case 'FAIL':
					return { ...state, error: action.error };
			}
			return state;
		},
		actions: {
			/**
			 * Saves the settings; the store keeps WordPress's answer. Throws the REST error for the form.
			 * @param input The fields to change.
			 */
			save:
				( input: Partial< GeoSettings > ) =>
				async ( { dispatch, registry }: ThunkArgs ) => {
					dispatch( receive( await settingsRoute( input ) ) );
					registry
						.dispatch( noticesStore )
						.createSuccessNotice(
							__(
								'Geotargeting settings saved.',
								'creators-connect-for-amazon'
							),
							{ type: 'snackbar' }
						);
				},
		},
		selectors: {
			getSettings: ( state: State ) => state.settings,
			getError: ( state: State ) => state.error,
		},
		resolvers: {
			getSettings:
				() =>
				async ( { dispatch }: ThunkArgs ) => {
					try {
						dispatch( receive( await settingsRoute() ) );
					} catch {
						dispatch( {
							type: 'FAIL',
							error: __(
								'The geotargeting settings could not be loaded.',
								'creators-connect-for-amazon'
							),
						} );
					}
				},
		},
	}
);

register( store );
