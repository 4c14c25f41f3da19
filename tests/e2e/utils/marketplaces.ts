/**
 * Marketplace setup for the end-to-end specs, through the plugin's REST routes, with the
 * Amazon emulator's demo credentials.
 */
import type { RequestUtils } from '@wordpress/e2e-test-utils-playwright';
import credentials from '../../fixtures/credentials.json';

export const REST_NAMESPACE = '/creators-connect-for-amazon/v1';

type CredentialType = 'cognito' | 'lwa';
type Region = 'NA' | 'EU' | 'FE';

/**
 * Adds a marketplace, or updates it at its revision when a rerun on the same site finds it.
 *
 * @param requestUtils The admin's request utils.
 * @param data         The marketplace's fields (with its country).
 */
async function saveMarketplace(
	requestUtils: RequestUtils,
	data: Record< string, unknown > & { country: string }
): Promise< void > {
	try {
		await requestUtils.rest( {
			method: 'POST',
			path: `${ REST_NAMESPACE }/marketplaces`,
			data,
		} );
	} catch ( error ) {
		const current = ( await requestUtils.rest( {
			path: `${ REST_NAMESPACE }/marketplaces/${ data.country }`,
		} ) ) as { revision?: number };
		if ( current.revision === undefined ) {
			throw error;
		}
		await requestUtils.rest( {
			method: 'PUT',
			path: `${ REST_NAMESPACE }/marketplaces/${ data.country }`,
			data: { ...data, revision: current.revision },
		} );
	}
}

/**
 * Configures and enables a marketplace with the emulator's credentials of a type and region.
 *
 * @param requestUtils The admin's request utils.
 * @param country      Marketplace country code.
 * @param type         Credential type.
 * @param region       The credentials' region (it must serve the marketplace).
 */
export async function configureMarketplace(
	requestUtils: RequestUtils,
	country: keyof typeof credentials.partner_tags,
	type: CredentialType,
	region: Region
): Promise< void > {
	const set = credentials[ type ][ region ];
	await saveMarketplace( requestUtils, {
		country,
		enabled: true,
		credential_type: type,
		credential_id: set.credential_id,
		credential_secret: set.credential_secret,
		partner_tag: credentials.partner_tags[ country ],
	} );
}

/**
 * Sets a marketplace up for links only: its partner tag, no API credentials.
 *
 * @param requestUtils The admin's request utils.
 * @param country      Marketplace country code.
 */
export async function configureLinksOnly(
	requestUtils: RequestUtils,
	country: keyof typeof credentials.partner_tags
): Promise< void > {
	await saveMarketplace( requestUtils, {
		country,
		enabled: true,
		credential_type: 'links_only',
		credential_id: '',
		partner_tag: credentials.partner_tags[ country ],
	} );
}
