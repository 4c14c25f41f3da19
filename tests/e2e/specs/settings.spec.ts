/**
 * Settings → Amazon Creators API, end to end against the Amazon emulator: add two marketplaces
 * (Cognito and LWA), move the default, edit keeping the secret, test the connection (OK and with
 * a wrong secret), disable, delete, reload — and a screenshot with three marketplaces.
 */
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from '@wordpress/e2e-test-utils-playwright';
import type { Page } from '@playwright/test';

import {
	addMarketplaceThroughForm,
	clearSnackbars,
	openSettings,
	removeAllMarketplaces,
} from '../utils/settings-screen';

const credentials = JSON.parse(
	fs.readFileSync(
		path.join( __dirname, '..', '..', 'fixtures', 'credentials.json' ),
		'utf8'
	)
);
const artifacts =
	process.env.ACAPI_ARTIFACTS ??
	path.join( __dirname, '..', '..', '..', 'artifacts' );
const NS = '/creators-connect-for-amazon/v1';

const removeAll = removeAllMarketplaces;

function row( page: Page, country: string ) {
	return page.locator(
		`table.acapi-marketplaces tr[data-country="${ country }"]`
	);
}

test.describe( 'Settings → marketplaces', () => {
	test.beforeEach( async ( { requestUtils } ) => {
		await removeAll( requestUtils );
	} );

	test.afterAll( async ( { requestUtils } ) => {
		await removeAll( requestUtils );
		await requestUtils.rest( {
			path: `${ NS }/general`,
			method: 'PUT',
			data: { default_template: 'box' },
		} );
		await requestUtils.rest( {
			path: `${ NS }/paapi`,
			method: 'PUT',
			data: { access_key: '', secret_key: '' },
		} );
	} );

	test( 'add, default, edit, test, disable, delete, reload', async ( {
		page,
		admin,
		requestUtils,
	} ) => {
		const errors: string[] = [];
		page.on( 'pageerror', ( error ) => errors.push( error.message ) );
		page.on( 'console', ( message ) => {
			if ( message.type() === 'error' ) {
				errors.push( message.text() );
			}
		} );

		await openSettings( page, admin );
		await expect(
			page.getByText( 'No marketplace is configured yet.', {
				exact: false,
			} )
		).toBeVisible();

		// Two marketplaces: Germany with Cognito (v2), the United States with LWA (v3).
		await addMarketplaceThroughForm(
			page,
			'de',
			credentials.cognito.EU,
			credentials.partner_tags.de
		);
		await expect( row( page, 'de' ) ).toContainText( 'Cognito (v2)' );
		await expect( row( page, 'de' ) ).toContainText( '2.2' );
		await expect( row( page, 'de' ) ).toContainText( 'Default' );
		await expect( row( page, 'de' ) ).toContainText(
			'••••' + credentials.cognito.EU.credential_secret.slice( -4 )
		);

		await page
			.getByRole( 'button', { name: 'Add marketplace' } )
			.first()
			.click();
		const dialog = page.getByRole( 'dialog', {
			name: 'Add a marketplace',
		} );
		await dialog
			.getByLabel( 'Marketplace', { exact: true } )
			.selectOption( 'us' );
		await dialog
			.getByLabel( 'Credential ID' )
			.fill( credentials.lwa.NA.credential_id );
		// The type follows the id's shape.
		await expect( dialog.getByLabel( 'Credential type' ) ).toHaveValue(
			'lwa'
		);
		// Client-side validation names the empty partner tag.
		await dialog
			.getByLabel( 'Credential Secret' )
			.fill( credentials.lwa.NA.credential_secret );
		await dialog.getByRole( 'button', { name: 'Add marketplace' } ).click();
		await expect(
			dialog.getByText( /Enter the partner tag/ )
		).toBeVisible();
		await dialog
			.getByLabel( 'Partner tag' )
			.fill( credentials.partner_tags.us );
		await dialog.getByRole( 'button', { name: 'Add marketplace' } ).click();
		await expect( dialog ).toBeHidden();
		await expect( row( page, 'us' ) ).toContainText( 'LWA (v3)' );
		await expect( row( page, 'us' ) ).toContainText( '3.1' );

		// Move the default.
		await page
			.getByRole( 'button', { name: 'Make United States the default' } )
			.click();
		await expect( row( page, 'us' ) ).toContainText( 'Default' );
		await expect(
			page.getByRole( 'button', { name: 'Make Germany the default' } )
		).toBeVisible();

		// Edit Germany without touching the secret: it is kept (the test still connects).
		await page.getByRole( 'button', { name: 'Edit Germany' } ).click();
		const edit = page.getByRole( 'dialog', { name: 'Edit Germany' } );
		await expect(
			edit.getByText( /Leave blank to keep it/ )
		).toBeVisible();
		await edit
			.getByLabel( 'Partner tag' )
			.fill( credentials.partner_tags.de );
		await edit.getByRole( 'button', { name: 'Save' } ).click();
		await expect( edit ).toBeHidden();
		await page
			.getByRole( 'button', { name: 'Test connection of Germany' } )
			.click();
		await expect(
			page.locator( '.acapi-test-row' ).getByText( /Connected.*2\.2/ )
		).toBeVisible();

		// A wrong secret: a readable message.
		await page
			.getByRole( 'button', { name: 'Edit United States' } )
			.click();
		const wrong = page.getByRole( 'dialog', {
			name: 'Edit United States',
		} );
		await wrong
			.getByLabel( 'Credential Secret' )
			.fill(
				'amzn1.oa2-cs.v1.wrongsecret000000000000000000000000000000000000000000000'
			);
		await wrong.getByRole( 'button', { name: 'Save' } ).click();
		await expect( wrong ).toBeHidden();
		await page
			.getByRole( 'button', { name: 'Test connection of United States' } )
			.click();
		await expect(
			page
				.locator( '.acapi-test-row' )
				.getByText( /Amazon did not accept the credentials/ )
		).toBeVisible();
		// Put the right secret back and test again.
		await page
			.getByRole( 'button', { name: 'Edit United States' } )
			.click();
		const fix = page.getByRole( 'dialog', { name: 'Edit United States' } );
		await fix
			.getByLabel( 'Credential Secret' )
			.fill( credentials.lwa.NA.credential_secret );
		await fix.getByRole( 'button', { name: 'Save' } ).click();
		await expect( fix ).toBeHidden();
		await page
			.getByRole( 'button', { name: 'Test connection of United States' } )
			.click();
		await expect(
			page.locator( '.acapi-test-row' ).getByText( /Connected.*3\.1/ )
		).toBeVisible();

		// Disable Germany.
		await page.getByRole( 'button', { name: 'Disable Germany' } ).click();
		await expect( row( page, 'de' ) ).toHaveAttribute(
			'data-status',
			'disabled'
		);
		await expect(
			page
				.locator( '.components-snackbar' )
				.getByText( 'Germany disabled.' )
		).toBeVisible();

		// A third marketplace for the screenshot, with the routing panel.
		await addMarketplaceThroughForm(
			page,
			'uk',
			credentials.cognito.EU,
			credentials.partner_tags.uk
		);
		await expect(
			page.getByRole( 'heading', { name: 'Routing' } )
		).toBeVisible();
		// With PA-API keys the disabled marketplace falls back to PA-API (and its retirement warning).
		await requestUtils.rest( {
			path: `${ NS }/paapi`,
			method: 'PUT',
			data: {
				access_key: credentials.paapi.access_key,
				secret_key: credentials.paapi.secret_key,
			},
		} );
		await page.reload();
		await expect( row( page, 'uk' ) ).toBeVisible();
		await page
			.getByRole( 'button', {
				name: 'Test connection of United Kingdom',
			} )
			.click();
		await expect(
			page.locator( '.acapi-test-row' ).getByText( /Connected.*2\.2/ )
		).toBeVisible();
		// Dismiss the snackbars so that they do not cover the screenshot.
		await clearSnackbars( page );
		await page.screenshot( {
			path: path.join( artifacts, 'settings-screen.png' ),
			fullPage: true,
		} );

		// Delete it again.
		await page
			.getByRole( 'button', { name: 'Delete United Kingdom' } )
			.click();
		const confirm = page.getByRole( 'dialog', {
			name: 'Delete United Kingdom?',
		} );
		await confirm.getByRole( 'button', { name: 'Delete' } ).click();
		await expect( row( page, 'uk' ) ).toHaveCount( 0 );

		// Everything persisted.
		await page.reload();
		await expect( row( page, 'us' ) ).toContainText( 'Default' );
		await expect( row( page, 'de' ) ).toContainText( 'Cognito (v2)' );
		await expect(
			page.getByRole( 'button', { name: 'Enable Germany' } )
		).toBeVisible();
		await expect(
			page.getByRole( 'button', { name: 'Disable United States' } )
		).toBeVisible();
		await expect( row( page, 'uk' ) ).toHaveCount( 0 );
		// The page never holds a secret.
		const html = await page.content();
		expect( html ).not.toContain( credentials.lwa.NA.credential_secret );
		expect( html ).not.toContain(
			credentials.cognito.EU.credential_secret
		);

		expect( errors ).toEqual( [] );
	} );

	test( 'general and PA-API settings save and persist', async ( {
		page,
		admin,
	} ) => {
		await openSettings( page, admin );
		await page.getByLabel( 'Default template' ).selectOption( 'grid' );
		await page
			.getByRole( 'button', { name: 'Save general settings' } )
			.click();
		await expect(
			page
				.locator( '.components-snackbar' )
				.getByText( 'General settings saved.' )
		).toBeVisible();
		await page
			.getByLabel( 'Access key' )
			.fill( credentials.paapi.access_key );
		await page
			.getByLabel( 'Secret key' )
			.fill( credentials.paapi.secret_key );
		await page
			.getByRole( 'button', { name: 'Save PA-API settings' } )
			.click();
		await expect(
			page
				.locator( '.components-snackbar' )
				.getByText( 'PA-API settings saved.' )
		).toBeVisible();
		await page.reload();
		await expect( page.getByLabel( 'Default template' ) ).toHaveValue(
			'grid'
		);
		await expect( page.getByLabel( 'Access key' ) ).toHaveValue(
			credentials.paapi.access_key
		);
		await expect( page.getByLabel( 'Secret key' ) ).toHaveValue( '' );
		await expect( page.getByText( /Stored: ••••/ ) ).toBeVisible();
	} );

	test( 'renders from preloaded REST answers (no round trip)', async ( {
		page,
		admin,
	} ) => {
		const calls: string[] = [];
		page.on( 'request', ( request ) => {
			if (
				/creators-connect-for-amazon(\/|%2F)v1/.test( request.url() )
			) {
				calls.push( request.url() );
			}
		} );
		await openSettings( page, admin );
		await expect(
			page.getByRole( 'heading', { name: 'General' } )
		).toBeVisible();
		await expect( page.getByLabel( 'Default template' ) ).toBeVisible();
		expect( calls ).toEqual( [] );
	} );

	test( 'a change updates the screen from its answer (no reload of the rest)', async ( {
		page,
		admin,
		requestUtils,
	} ) => {
		await requestUtils.rest( {
			path: `${ NS }/marketplaces`,
			method: 'POST',
			data: {
				country: 'de',
				credential_type: 'cognito',
				...credentials.cognito.EU,
				partner_tag: credentials.partner_tags.de,
			},
		} );
		await openSettings( page, admin );
		const calls: string[] = [];
		page.on( 'request', ( request ) => {
			const url = decodeURIComponent( request.url() );
			const match = /creators-connect-for-amazon\/v1(\/[^?&]*)/.exec(
				url
			);
			if ( match ) {
				// apiFetch sends PUT as POST with a method override.
				const method =
					request.headers()[ 'x-http-method-override' ] ??
					request.method();
				calls.push( `${ method } ${ match[ 1 ] }` );
			}
		} );
		await page.getByRole( 'button', { name: 'Disable Germany' } ).click();
		await expect(
			page
				.locator( '.components-snackbar' )
				.getByText( 'Germany disabled.' )
		).toBeVisible();
		await expect(
			page.getByRole( 'button', { name: 'Enable Germany' } )
		).toBeVisible();
		// The routing summary and the getting-started checklist are derived on the server: they
		// alone are read again.
		await expect
			.poll( () => [ ...calls ].sort() )
			.toEqual( [
				'GET /getting-started',
				'GET /routing',
				'PUT /marketplaces/de',
			] );
		await expect(
			page.locator( 'table.acapi-routing tr[data-country="de"]' )
		).toContainText( 'Disabled' );
	} );

	test( 'usable at 360 px', async ( { page, admin } ) => {
		await page.setViewportSize( { width: 360, height: 800 } );
		await openSettings( page, admin );
		await page
			.getByRole( 'button', { name: 'Add marketplace' } )
			.first()
			.click();
		const dialog = page.getByRole( 'dialog', {
			name: 'Add a marketplace',
		} );
		await expect( dialog.getByLabel( 'Credential ID' ) ).toBeVisible();
		const box = await dialog.boundingBox();
		expect( box?.width ?? 0 ).toBeLessThanOrEqual( 360 );
		await page.keyboard.press( 'Escape' );
		await expect( dialog ).toBeHidden();
	} );
} );
