/**
 * A user's own request context for the end-to-end specs: logged in with cookies, with the
 * user's REST nonce.
 */
import {
	expect,
	type RequestUtils,
} from '@wordpress/e2e-test-utils-playwright';
import { request, type APIRequestContext } from '@playwright/test';

export const baseURL = process.env.WP_BASE_URL ?? 'http://127.0.0.1:8889';

/**
 * A request context logged in as a user (cookies), with that user's REST nonce.
 *
 * @param username Login.
 * @param password Password.
 */
export async function loginAs(
	username: string,
	password: string
): Promise< { context: APIRequestContext; nonce: string } > {
	const context = await request.newContext( { baseURL } );
	const login = await context.post( '/wp-login.php', {
		form: { log: username, pwd: password },
	} );
	expect( login.status() ).toBeLessThan( 400 );
	const nonce = await (
		await context.get( '/wp-admin/admin-ajax.php?action=rest-nonce' )
	).text();
	expect( nonce ).toMatch( /^[0-9a-f]{10}$/ );
	return { context, nonce };
}

/**
 * Creates a user with one role (through the admin's REST access).
 *
 * @param requestUtils The admin's request utils.
 * @param username     Login (the e-mail is made from it).
 * @param password     Password.
 * @param role         Role.
 */
export async function createUser(
	requestUtils: RequestUtils,
	username: string,
	password: string,
	role: string
): Promise< void > {
	await requestUtils.rest( {
		method: 'POST',
		path: '/wp/v2/users',
		data: {
			username,
			email: `${ username }@example.com`,
			password,
			roles: [ role ],
		},
	} );
}
