/**
 * The settings screen for end-to-end specs: opening it, clearing it, and the emulator's control.
 */
import {
	expect,
	type RequestUtils,
} from '@wordpress/e2e-test-utils-playwright';
import type { APIRequestContext, Page } from '@playwright/test';

import { REST_NAMESPACE } from './marketplaces';

export const emulator =
	process.env.ACAPI_EMULATOR_URL ??
	`http://127.0.0.1:${ process.env.ACAPI_EMULATOR_PORT ?? '9412' }`;

/**
 * Deletes every configured marketplace.
 *
 * @param requestUtils The admin's request utils.
 */
export async function removeAllMarketplaces( requestUtils: RequestUtils ) {
	const list = ( await requestUtils.rest( {
		path: `${ REST_NAMESPACE }/marketplaces`,
	} ) ) as { country: string }[];
	for ( const item of list ) {
		await requestUtils.rest( {
			path: `${ REST_NAMESPACE }/marketplaces/${ item.country }`,
			method: 'DELETE',
		} );
	}
}

/**
 * Opens Settings → Amazon Creators API and waits for the app.
 *
 * @param page                 The page.
 * @param admin                The admin fixture.
 * @param admin.visitAdminPage Opens an admin page.
 */
export async function openSettings(
	page: Page,
	admin: { visitAdminPage: ( p: string, q?: string ) => Promise< void > }
) {
	await admin.visitAdminPage(
		'options-general.php',
		'page=creators-connect-for-amazon'
	);
	await expect(
		page.getByRole( 'heading', { name: 'Marketplaces' } )
	).toBeVisible();
}

/**
 * A marketplace's row in the table.
 *
 * @param page    The page.
 * @param country Country code.
 */
export function marketplaceRow( page: Page, country: string ) {
	return page.locator(
		`table.acapi-marketplaces tr[data-country="${ country }"]`
	);
}

/**
 * Sets a marketplace's fields through the REST route, at its current revision.
 *
 * @param requestUtils The admin's request utils.
 * @param country      Country code.
 * @param changes      Fields.
 */
export async function updateMarketplace(
	requestUtils: RequestUtils,
	country: string,
	changes: Record< string, unknown >
) {
	const current = ( await requestUtils.rest( {
		path: `${ REST_NAMESPACE }/marketplaces/${ country }`,
	} ) ) as { revision: number };
	await requestUtils.rest( {
		path: `${ REST_NAMESPACE }/marketplaces/${ country }`,
		method: 'PUT',
		data: { ...changes, revision: current.revision },
	} );
}

/**
 * Calls the emulator's control endpoint.
 *
 * @param request The request context.
 * @param method  HTTP method.
 * @param path    Path under the emulator.
 * @param data    JSON body.
 */
export async function emulatorControl(
	request: APIRequestContext,
	method: 'POST' | 'DELETE' | 'GET',
	path: string,
	data?: unknown
) {
	const response = await request.fetch( `${ emulator }${ path }`, {
		method,
		data,
	} );
	expect( response.ok() ).toBe( true );
	return response.json() as Promise< unknown >;
}

/**
 * Removes the snackbars, so that they cover nothing in a screenshot.
 *
 * @param page The page.
 */
export async function clearSnackbars( page: Page ) {
	await page.evaluate( () => {
		const { data } = (
			window as unknown as {
				wp: {
					data: {
						select: ( store: string ) => {
							getNotices: () => { id: string }[];
						};
						dispatch: ( store: string ) => {
							removeNotice: ( id: string ) => void;
						};
					};
				};
			}
		 ).wp;
		data.select( 'core/notices' )
			.getNotices()
			.forEach( ( notice ) =>
				data.dispatch( 'core/notices' ).removeNotice( notice.id )
			);
	} );
}

/**
 * Adds a marketplace through the screen's form, as a user does.
 *
 * @param page                  The page.
 * @param country               Country code.
 * @param set                   Credentials.
 * @param set.credential_id     Credential ID.
 * @param set.credential_secret Credential Secret.
 * @param tag                   Partner tag.
 */
export async function addMarketplaceThroughForm(
	page: Page,
	country: string,
	set: { credential_id: string; credential_secret: string },
	tag: string
) {
	await page
		.getByRole( 'button', { name: 'Add marketplace' } )
		.first()
		.click();
	const dialog = page.getByRole( 'dialog', { name: 'Add a marketplace' } );
	await dialog
		.getByLabel( 'Marketplace', { exact: true } )
		.selectOption( country );
	await dialog.getByLabel( 'Credential ID' ).fill( set.credential_id );
	await dialog
		.getByLabel( 'Credential Secret' )
		.fill( set.credential_secret );
	await dialog.getByLabel( 'Partner tag' ).fill( tag );
	await dialog.getByRole( 'button', { name: 'Add marketplace' } ).click();
	await expect( dialog ).toBeHidden();
	await expect( marketplaceRow( page, country ) ).toBeVisible();
}
