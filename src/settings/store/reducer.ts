/**
 * The settings screen's server state: what the REST routes last answered.
 */
import type {
	ConnectionTest,
	GeneralSettings,
	GettingStarted,
	MarketplaceSettings,
	PaapiSettings,
	RoutingSummary,
	TrackingId,
	TrackingIds,
} from '../types';

/** A resource of the screen, read by its own route. */
export type Resource =
	| 'marketplaces'
	| 'routing'
	| 'paapi'
	| 'general'
	| 'gettingStarted'
	| 'trackingIds';

export interface State {
	/** Configured marketplaces, in the server's (registry) order; null until read. */
	marketplaces: MarketplaceSettings[] | null;
	/** Null until read, or when the route is missing or failed. */
	routing: RoutingSummary | null;
	paapi: PaapiSettings | null;
	general: GeneralSettings | null;
	/** The first-run checklist; null until read. */
	gettingStarted: GettingStarted | null;
	/** Extra partner tags per marketplace; null until read. */
	trackingIds: TrackingIds | null;
	/** Last connection test per country. */
	tests: Record< string, ConnectionTest >;
	/** The country whose row action is running. */
	busy: string | null;
	/** Why a resource could not be read. */
	loadErrors: Partial< Record< Resource, string > >;
}

export type Action =
	| { type: 'RECEIVE_MARKETPLACES'; marketplaces: MarketplaceSettings[] }
	| { type: 'RECEIVE_MARKETPLACE'; marketplace: MarketplaceSettings }
	| { type: 'REMOVE_MARKETPLACE'; country: string }
	| { type: 'RECEIVE_ROUTING'; routing: RoutingSummary | null }
	| { type: 'RECEIVE_PAAPI'; paapi: PaapiSettings }
	| { type: 'RECEIVE_GENERAL'; general: GeneralSettings }
	| { type: 'RECEIVE_GETTING_STARTED'; gettingStarted: GettingStarted }
	| { type: 'RECEIVE_TRACKING_IDS'; trackingIds: TrackingIds }
	| {
			type: 'RECEIVE_MARKETPLACE_TRACKING_IDS';
			country: string;
			trackingIds: TrackingId[];
	  }
	| { type: 'RECEIVE_TEST'; test: ConnectionTest }
	| { type: 'SET_BUSY'; country: string | null }
	| { type: 'RECEIVE_LOAD_ERROR'; resource: Resource; message: string };

export const initialState: State = {
	marketplaces: null,
	routing: null,
	paapi: null,
	general: null,
	gettingStarted: null,
	trackingIds: null,
	tests: {},
	busy: null,
	loadErrors: {},
};

/**
 * The list with one marketplace put in (replaced, or added at the end). There is one default:
 * a marketplace that is now the default takes the mark from the others.
 *
 * @param list        The list.
 * @param marketplace The marketplace as the server answered it.
 */
function upsert(
	list: MarketplaceSettings[],
	marketplace: MarketplaceSettings
): MarketplaceSettings[] {
	const others = marketplace.is_default
		? list.map( ( item ) =>
				item.is_default && item.country !== marketplace.country
					? { ...item, is_default: false }
					: item
			)
		: list;
	return others.some( ( item ) => item.country === marketplace.country )
		? others.map( ( item ) =>
				item.country === marketplace.country ? marketplace : item
			)
		: [ ...others, marketplace ];
}

export default function reducer(
	state: State = initialState,
	action: Action
): State {
	switch ( action.type ) {
		case 'RECEIVE_MARKETPLACES':
			return { ...state, marketplaces: action.marketplaces };
		case 'RECEIVE_MARKETPLACE':
			return {
				...state,
				marketplaces: upsert(
					state.marketplaces ?? [],
					action.marketplace
				),
			};
		case 'REMOVE_MARKETPLACE': {
			const tests = { ...state.tests };
			delete tests[ action.country ];
			return {
				...state,
				marketplaces: ( state.marketplaces ?? [] ).filter(
					( item ) => item.country !== action.country
				),
				tests,
			};
		}
		case 'RECEIVE_ROUTING':
			return { ...state, routing: action.routing };
		case 'RECEIVE_PAAPI':
			return { ...state, paapi: action.paapi };
		case 'RECEIVE_GENERAL':
			return { ...state, general: action.general };
		case 'RECEIVE_GETTING_STARTED':
			return { ...state, gettingStarted: action.gettingStarted };
		case 'RECEIVE_TRACKING_IDS':
			return { ...state, trackingIds: action.trackingIds };
		case 'RECEIVE_MARKETPLACE_TRACKING_IDS': {
			const current = state.trackingIds ?? {
				default_country: null,
				tracking_ids: {},
			};
			return {
				...state,
				trackingIds: {
					...current,
					tracking_ids: {
						...current.tracking_ids,
						[ action.country ]: action.trackingIds,
					},
				},
			};
		}
		case 'RECEIVE_TEST':
			return {
				...state,
				tests: { ...state.tests, [ action.test.country ]: action.test },
			};
		case 'SET_BUSY':
			return { ...state, busy: action.country };
		case 'RECEIVE_LOAD_ERROR':
			return {
				...state,
				loadErrors: {
					...state.loadErrors,
					[ action.resource ]: action.message,
				},
			};
	}
	return state;
}
