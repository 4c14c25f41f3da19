/**
 * The settings screen's data store (`creators-connect-for-amazon/settings`): the REST routes'
 * answers, read by resolvers and changed by thunks that call the routes.
 */
import { createReduxStore, register } from '@wordpress/data';

import * as actions from './actions';
import reducer from './reducer';
import * as resolvers from './resolvers';
import * as selectors from './selectors';

export const STORE_NAME = 'creators-connect-for-amazon/settings';

export const store = createReduxStore( STORE_NAME, {
	reducer,
	actions,
	selectors,
	resolvers,
} );

register( store );
