/**
 * The store, as the screen's components read it.
 */
import { useSelect } from '@wordpress/data';

import { store } from './store';

const RESOURCES = [
	'getMarketplaces',
	'getRouting',
	'getPaapi',
	'getGeneral',
	'getGettingStarted',
	'getTrackingIds',
] as const;

/**
 * Whether every resource of the screen has been read (or failed to be): the screen renders
 * once, as it did from the preloaded answers.
 */
export function useSettingsLoaded(): boolean {
	return useSelect( ( select ) => {
		const settings = select( store );
		// The resolution state's selectors, which the store's type does not list.
		const resolution = settings as unknown as {
			hasFinishedResolution: ( selector: string, args: [] ) => boolean;
		};
		RESOURCES.forEach( ( selector ) => settings[ selector ]() );
		return RESOURCES.every( ( selector ) =>
			resolution.hasFinishedResolution( selector, [] )
		);
	}, [] );
}
