/**
 * Typed wrappers around apiFetch for the settings routes (the store's actions and resolvers call
 * them; components do not).
 */
import apiFetch from '@wordpress/api-fetch';

import type {
	ConnectionTest,
	FieldErrors,
	GeneralSettings,
	GettingStarted,
	ImportPreview,
	MarketplaceInput,
	MarketplaceSettings,
	PaapiInput,
	PaapiSettings,
	RestError,
	RoutingSummary,
	SettingsFile,
	TrackingId,
	TrackingIds,
} from './types';

export const NAMESPACE = '/creators-connect-for-amazon/v1';

export const getMarketplaces = () =>
	apiFetch< MarketplaceSettings[] >( {
		path: `${ NAMESPACE }/marketplaces`,
	} );

export const getMarketplace = ( country: string ) =>
	apiFetch< MarketplaceSettings >( {
		path: `${ NAMESPACE }/marketplaces/${ country }`,
	} );

export const addMarketplace = ( data: MarketplaceInput ) =>
	apiFetch< MarketplaceSettings >( {
		path: `${ NAMESPACE }/marketplaces`,
		method: 'POST',
		data,
	} );

export const updateMarketplace = (
	country: string,
	data: Partial< MarketplaceInput > & { revision: number }
) =>
	apiFetch< MarketplaceSettings >( {
		path: `${ NAMESPACE }/marketplaces/${ country }`,
		method: 'PUT',
		data,
	} );

export const deleteMarketplace = ( country: string ) =>
	apiFetch< { deleted: boolean } >( {
		path: `${ NAMESPACE }/marketplaces/${ country }`,
		method: 'DELETE',
	} );

export const setDefaultMarketplace = ( country: string ) =>
	apiFetch< MarketplaceSettings >( {
		path: `${ NAMESPACE }/marketplaces/${ country }/default`,
		method: 'POST',
	} );

export const testConnection = ( country: string ) =>
	apiFetch< ConnectionTest >( {
		path: `${ NAMESPACE }/marketplaces/${ country }/test`,
		method: 'POST',
	} );

export const getPaapi = () =>
	apiFetch< PaapiSettings >( { path: `${ NAMESPACE }/paapi` } );

export const savePaapi = ( data: PaapiInput ) =>
	apiFetch< PaapiSettings >( {
		path: `${ NAMESPACE }/paapi`,
		method: 'PUT',
		data,
	} );

export const getGeneral = () =>
	apiFetch< GeneralSettings >( { path: `${ NAMESPACE }/general` } );

export const saveGeneral = ( data: Partial< GeneralSettings > ) =>
	apiFetch< GeneralSettings >( {
		path: `${ NAMESPACE }/general`,
		method: 'PUT',
		data,
	} );

export const getRouting = () =>
	apiFetch< RoutingSummary >( { path: `${ NAMESPACE }/routing` } );

export const getGettingStarted = () =>
	apiFetch< GettingStarted >( { path: `${ NAMESPACE }/getting-started` } );

export const setGettingStartedDismissed = ( dismissed: boolean ) =>
	apiFetch< GettingStarted >( {
		path: `${ NAMESPACE }/getting-started`,
		method: 'PUT',
		data: { dismissed },
	} );

export const getTrackingIds = () =>
	apiFetch< TrackingIds >( { path: `${ NAMESPACE }/tracking-ids` } );

export const saveTrackingIds = ( country: string, trackingIds: TrackingId[] ) =>
	apiFetch< TrackingId[] >( {
		path: `${ NAMESPACE }/tracking-ids/${ country }`,
		method: 'PUT',
		data: { tracking_ids: trackingIds },
	} );

export const exportSettings = () =>
	apiFetch< SettingsFile >( { path: `${ NAMESPACE }/settings/export` } );

export const importSettings = (
	settings: unknown,
	secrets: Record< string, string >,
	dryRun: boolean
) =>
	apiFetch< ImportPreview >( {
		path: `${ NAMESPACE }/settings/import`,
		method: 'POST',
		data: { settings, secrets, dry_run: dryRun },
	} );

/**
 * Whether a thrown value is a REST error body.
 *
 * @param error What apiFetch threw.
 */
export function isRestError( error: unknown ): error is RestError {
	return (
		typeof error === 'object' &&
		error !== null &&
		typeof ( error as RestError ).code === 'string' &&
		typeof ( error as RestError ).message === 'string'
	);
}

/**
 * The messages per field of a 400 answer (`data.params`), or none.
 *
 * @param error What apiFetch threw.
 */
export function fieldErrorsOf( error: unknown ): FieldErrors {
	if ( ! isRestError( error ) ) {
		return {};
	}
	const params = error.data?.params;
	return params && typeof params === 'object' ? { ...params } : {};
}

/**
 * A readable message for anything apiFetch threw.
 *
 * @param error    What apiFetch threw.
 * @param fallback Message when the error has none.
 */
export function messageOf( error: unknown, fallback: string ): string {
	return isRestError( error ) && error.message ? error.message : fallback;
}

/**
 * What a form shows after a failed save: the messages per field when the answer has them,
 * otherwise one message for the whole form under `form`.
 *
 * @param error    What apiFetch threw.
 * @param fallback Message when the error has none.
 */
export function formErrorsOf( error: unknown, fallback: string ): FieldErrors {
	const fields = fieldErrorsOf( error );
	return Object.keys( fields ).length > 0
		? fields
		: { form: messageOf( error, fallback ) };
}
