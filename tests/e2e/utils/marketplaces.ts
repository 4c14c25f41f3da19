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
 * Configures and enables a marketplace with the emulator's credentials of a type and region;
 * a rerun on the same site updates it at its revision instead.
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
	const data = {
		country,
		enabled: true,
		credential_type: type,
		credential_id: set.credential_id,
		credential_secret: set.credential_secret,
		partner_tag: credentials.partner_tags[ country ],
	};
	try {
		await requestUtils.rest( {
			method: 'POST',
			path: `${ REST_NAMESPACE }/marketplaces`,
			data,
		} );
	} catch ( error ) {
		const current = ( await requestUtils.rest( {
			path: `${ REST_NAMESPACE }/marketplaces/${ country }`,
		} ) ) as { revision?: number };
		if ( current.revision === undefined ) {
			throw error;
		}
		await requestUtils.rest( {
			method: 'PUT',
			path: `${ REST_NAMESPACE }/marketplaces/${ country }`,
			data: { ...data, revision: current.revision },
		} );
	}
}
