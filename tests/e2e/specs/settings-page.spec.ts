/**
 * The settings page: reachable from the Settings menu, and its React app mounts without errors.
 */
import { test, expect } from '@wordpress/e2e-test-utils-playwright';

test.describe( 'Settings → Amazon Creators API', () => {
	test( 'opens from the Settings menu and mounts the app', async ( {
		page,
		admin,
	} ) => {
		const errors: string[] = [];
		page.on( 'pageerror', ( error ) => errors.push( error.message ) );
		page.on( 'console', ( message ) => {
			if ( message.type() === 'error' ) {
				errors.push( message.text() );
			}
		} );

		await admin.visitAdminPage( 'index.php' );
		await page
			.locator( '#menu-settings' )
			.getByRole( 'link', { name: 'Settings', exact: true } )
			.hover();
		await page
			.locator( '#menu-settings' )
			.getByRole( 'link', { name: 'Amazon Creators API' } )
			.click();

		await expect( page ).toHaveURL(
			/options-general\.php\?page=creators-connect-for-amazon/
		);
		await expect(
			page.getByRole( 'heading', {
				level: 1,
				name: 'Amazon Creators API',
			} )
		).toBeVisible();
		// The app replaced the no-JavaScript fallback inside its root.
		await expect(
			page.locator( '#acapi-settings-root > noscript' )
		).toHaveCount( 0 );
		await expect( page.locator( '#acapi-settings-root' ) ).not.toBeEmpty();
		expect( errors ).toEqual( [] );
	} );
} );
