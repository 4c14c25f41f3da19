/**
 * Reading the settings screen's server state. The four resources have resolvers: selecting one
 * reads its route once (answered from the page's preloaded data on first load).
 */
import type { ConnectionTest } from '../types';
import type { Resource, State } from './reducer';

const NONE: never[] = [];

export const getMarketplaces = ( state: State ) => state.marketplaces ?? NONE;

export const getRouting = ( state: State ) => state.routing;

export const getPaapi = ( state: State ) => state.paapi;

export const getGeneral = ( state: State ) => state.general;

export const getGettingStarted = ( state: State ) => state.gettingStarted;

export const getTrackingIds = ( state: State ) => state.trackingIds;

export const getConnectionTest = (
	state: State,
	country: string
): ConnectionTest | undefined => state.tests[ country ];

export const getConnectionTests = ( state: State ) => state.tests;

export const getBusyCountry = ( state: State ) => state.busy;

export const getLoadError = ( state: State, resource: Resource ) =>
	state.loadErrors[ resource ] ?? '';
