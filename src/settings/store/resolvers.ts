/**
 * Reading each resource from its route the first time it is selected. A failed read is kept as
 * the resource's load error; the screen shows it where the resource would be.
 */
import { __ } from '@wordpress/i18n';

import * as api from '../api';
import {
	receiveGeneral,
	receiveLoadError,
	receiveMarketplaces,
	receivePaapi,
	receiveRouting,
	type ThunkArgs,
} from './actions';

export const getMarketplaces =
	() =>
	async ( { dispatch }: ThunkArgs ) => {
		try {
			dispatch( receiveMarketplaces( await api.getMarketplaces() ) );
		} catch ( error ) {
			dispatch(
				receiveLoadError(
					'marketplaces',
					api.messageOf(
						error,
						__(
							'The settings could not be loaded.',
							'creators-connect-for-amazon'
						)
					)
				)
			);
		}
	};

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

export const getPaapi =
	() =>
	async ( { dispatch }: ThunkArgs ) => {
		try {
			dispatch( receivePaapi( await api.getPaapi() ) );
		} catch ( error ) {
			dispatch(
				receiveLoadError(
					'paapi',
					api.messageOf(
						error,
						__(
							'The PA-API settings could not be loaded.',
							'creators-connect-for-amazon'
						)
					)
				)
			);
		}
	};

export const getGeneral =
	() =>
	async ( { dispatch }: ThunkArgs ) => {
		try {
			dispatch( receiveGeneral( await api.getGeneral() ) );
		} catch ( error ) {
			dispatch(
				receiveLoadError(
					'general',
					api.messageOf(
						error,
						__(
							'The general settings could not be loaded.',
							'creators-connect-for-amazon'
						)
					)
				)
			);
		}
	};
