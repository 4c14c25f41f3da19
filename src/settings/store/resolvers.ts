/**
 * Reading each resource from its route the first time it is selected. A failed read is kept as
 * the resource's load error; the screen shows it where the resource would be.
 */
import { __ } from '@wordpress/i18n';

import * as api from '../api';
import {
	receiveGeneral,
	receiveGettingStarted,
	receiveLoadError,
	receiveMarketplaces,
	receivePaapi,
	receiveRouting,
	receiveTrackingIds,
	type ThunkArgs,
} from './actions';
import type { Action } from './reducer';

type Readable =
	'marketplaces' | 'paapi' | 'general' | 'gettingStarted' | 'trackingIds';

/**
 * A resolver that reads a route and puts its answer into the store, or keeps why it failed.
 *
 * @param resource The resource.
 * @param read     Its REST call.
 * @param receive  The action that stores the answer.
 * @param fallback Message when the error has none.
 */
function resolver< T >(
	resource: Readable,
	read: () => Promise< T >,
	receive: ( value: T ) => Action,
	fallback: () => string
) {
	return () =>
		async ( { dispatch }: ThunkArgs ) => {
			try {
				dispatch( receive( await read() ) );
			} catch ( error ) {
				dispatch(
					receiveLoadError(
						resource,
						api.messageOf( error, fallback() )
					)
				);
			}
		};
}

export const getMarketplaces = resolver(
	'marketplaces',
	api.getMarketplaces,
	receiveMarketplaces,
	() =>
		__( 'The settings could not be loaded.', 'creators-connect-for-amazon' )
);

export const getPaapi = resolver( 'paapi', api.getPaapi, receivePaapi, () =>
	__(
		'The PA-API settings could not be loaded.',
		'creators-connect-for-amazon'
	)
);

export const getGeneral = resolver(
	'general',
	api.getGeneral,
	receiveGeneral,
	() =>
		__(
			'The general settings could not be loaded.',
			'creators-connect-for-amazon'
		)
);

export const getGettingStarted = resolver(
	'gettingStarted',
	api.getGettingStarted,
	receiveGettingStarted,
	() =>
		__(
			'The getting-started checklist could not be loaded.',
			'creators-connect-for-amazon'
		)
);

export const getTrackingIds = resolver(
	'trackingIds',
	api.getTrackingIds,
	receiveTrackingIds,
	() =>
		__(
			'The tracking IDs could not be loaded.',
			'creators-connect-for-amazon'
		)
);

export const getRouting =
	() =>
	async ( { dispatch }: ThunkArgs ) => {
		try {
			dispatch( receiveRouting( await api.getRouting() ) );
		} catch {
			// The panel says the summary is not available.
			dispatch( receiveRouting( null ) );
		}
	};
