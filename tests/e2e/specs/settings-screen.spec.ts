/**
 * Settings → Amazon Creators API as a publisher coming from ASA2 uses it (#16): the first-run
 * panel and its self-ticking checklist, the Help tab, status pills (a failing marketplace from an
 * emulator fault), the routing headline on a not-eligible fallback, the masked tag, the tag-suffix
 * warning, the default star, 360 px cards without sideways scrolling, and axe on the screen and
 * the modal. Screenshots go to artifacts/.
 */
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import {
	test,
	expect,
	type RequestUtils,
} from '@wordpress/e2e-test-utils-playwright';
import type { Page } from '@playwright/test';

import credentials from '../../fixtures/credentials.json';
import { configureMarketplace, REST_NAMESPACE } from '../utils/marketplaces';
import {
	addMarketplaceThroughForm,
	clearSnackbars,
	emulatorControl,
	marketplaceRow,
	openSettings,
	removeAllMarketplaces,
	updateMarketplace,
} from '../utils/settings-screen';

const artifacts =
	process.env.ACAPI_ARTIFACTS ??
	path.join( __dirname, '..', '..', '..', 'artifacts' );

/**
 * Serious and critical axe violations inside some elements (the plugin's own markup), with
 * `label-content-name-mismatch` on (axe ships it off, as experimental).
 *
 * @param page     The page.
 * @param selector What to check.
 */
async function seriousViolations( page: Page, selector: string ) {
	const results = await new AxeBuilder( { page } )
		.include( selector )
		.options( {
			rules: { 'label-content-name-mismatch': { enabled: true } },
		} )
		.analyze();
	return results.violations
		.filter(
			( violation ) =>
				violation.impact === 'serious' ||
				violation.impact === 'critical'
		)
		.map(
			( violation ) =>
				`${ violation.id }: ${ violation.nodes
					.map( ( node ) => node.target.join( ' ' ) )
					.join( ', ' ) }`
		);
}

/**
 * Whether anything on the page scrolls sideways: the document, or any element that clips or
 * scrolls its overflow.
 *
 * @param page The page.
 */
async function sidewaysScroll( page: Page ) {
	return page.evaluate( () => {
		const found: string[] = [];
		const root = document.scrollingElement ?? document.documentElement;
		if ( root.scrollWidth > root.clientWidth ) {
			found.push(
				`document ${ root.scrollWidth } > ${ root.clientWidth }`
			);
		}
		document
			.querySelectorAll(
				'#acapi-settings-root *, .components-modal__frame *'
			)
			.forEach( ( element ) => {
				const style = getComputedStyle( element );
				if (
					[ 'auto', 'scroll' ].includes( style.overflowX ) &&
					element.scrollWidth > element.clientWidth + 1
				) {
					found.push(
						`${ element.tagName }.${ element.className } ${ element.scrollWidth } > ${ element.clientWidth }`
					);
				}
			} );
		return found;
	} );
}

/**
 * Germany (Cognito), the United States (LWA) and the United Kingdom (disabled).
 *
 * @param requestUtils The admin's request utils.
 */
async function threeMarketplaces( requestUtils: RequestUtils ) {
	await configureMarketplace( requestUtils, 'de', 'cognito', 'EU' );
	await configureMarketplace( requestUtils, 'us', 'lwa', 'NA' );
	await configureMarketplace( requestUtils, 'uk', 'cognito', 'EU' );
	await updateMarketplace( requestUtils, 'uk', { enabled: false } );
}

test.describe( 'Settings screen (#16)', () => {
	test.beforeEach( async ( { requestUtils, request } ) => {
		await removeAllMarketplaces( requestUtils );
		await requestUtils.deleteAllPosts();
		await requestUtils.rest( {
			path: `${ REST_NAMESPACE }/getting-started`,
			method: 'PUT',
			data: { dismissed: false },
		} );
		await requestUtils.rest( {
			path: `${ REST_NAMESPACE }/paapi`,
			method: 'PUT',
			data: { access_key: '', secret_key: '' },
		} );
		await emulatorControl( request, 'DELETE', '/__emulator/faults' );
	} );

	test.afterAll( async ( { requestUtils, request } ) => {
		await removeAllMarketplaces( requestUtils );
		await emulatorControl( request, 'DELETE', '/__emulator/faults' );
		await requestUtils.rest( {
			path: `${ REST_NAMESPACE }/paapi`,
			method: 'PUT',
			data: { access_key: '', secret_key: '' },
		} );
	} );

	test( 'first run: the checklist ticks itself, hides, and comes back; the Help tab has the facts', async ( {
		page,
		admin,
		requestUtils,
	} ) => {
		await openSettings( page, admin );
		const panel = page.getByRole( 'region', { name: 'Getting started' } );
		await expect( panel ).toBeVisible();
		const steps = panel.locator( '.acapi-checklist li' );
		await expect( steps ).toHaveCount( 3 );
		for ( let step = 0; step < 3; step++ ) {
			await expect( steps.nth( step ) ).toHaveAttribute(
				'data-done',
				'false'
			);
		}
		await expect( panel ).toContainText( '10 qualified sales' );
		await expect( panel ).toContainText( 'amzn1.application-oa2-client.' );
		await expect(
			panel.getByRole( 'link', { name: 'Germany' } )
		).toHaveAttribute( 'href', 'https://partnernet.amazon.de/creatorsapi' );
		await expect(
			panel.getByRole( 'link', { name: 'Japan' } )
		).toHaveAttribute(
			'href',
			'https://affiliate.amazon.co.jp/creatorsapi'
		);
		await page.screenshot( {
			path: path.join( artifacts, 'settings-first-run.png' ),
			fullPage: true,
		} );

		// 1. A marketplace, added through the form.
		await addMarketplaceThroughForm(
			page,
			'de',
			credentials.cognito.EU,
			credentials.partner_tags.de
		);
		await expect( steps.nth( 0 ) ).toHaveAttribute( 'data-done', 'true' );
		await expect( steps.nth( 1 ) ).toHaveAttribute( 'data-done', 'false' );

		// 2. The connection test passes.
		await page
			.getByRole( 'button', { name: 'Test connection of Germany' } )
			.click();
		await expect(
			page.locator( '.acapi-test-row' ).getByText( /Connected/ )
		).toBeVisible();
		await expect( steps.nth( 1 ) ).toHaveAttribute( 'data-done', 'true' );
		await expect( steps.nth( 2 ) ).toHaveAttribute( 'data-done', 'false' );

		// 3. A product on a published page.
		await requestUtils.createPost( {
			title: 'First product',
			content:
				'<!-- wp:shortcode -->[amazon asin="B0DSCHUH44" country="de"]<!-- /wp:shortcode -->',
			status: 'publish',
			date_gmt: new Date().toISOString(),
		} );
		await page.reload();
		await expect( steps.nth( 2 ) ).toHaveAttribute( 'data-done', 'true' );

		// Hidden for this user, across reloads; a link brings it back.
		await panel
			.getByRole( 'button', { name: 'Hide getting started' } )
			.click();
		await expect( panel ).toBeHidden();
		await page.reload();
		await expect(
			page.getByRole( 'heading', { name: 'Marketplaces' } )
		).toBeVisible();
		await expect( panel ).toBeHidden();
		await page
			.getByRole( 'button', { name: 'Show getting started' } )
			.click();
		await expect( panel ).toBeVisible();

		// The WordPress Help tab: the same facts and the FAQ.
		await page.locator( '#contextual-help-link' ).click();
		const help = page.locator( '#contextual-help-wrap' );
		await expect( help ).toBeVisible();
		await expect( help ).toContainText( '10 qualified sales' );
		await help
			.getByRole( 'link', { name: 'Where to get credentials' } )
			.click();
		await expect(
			help.getByRole( 'link', { name: 'United Kingdom' } )
		).toHaveAttribute(
			'href',
			'https://affiliate-program.amazon.co.uk/creatorsapi'
		);
		await help.getByRole( 'link', { name: 'FAQ' } ).click();
		await expect( help ).toContainText( 'not eligible' );
	} );

	test( 'status pills and the routing headline on a not-eligible fallback', async ( {
		page,
		admin,
		request,
		requestUtils,
	} ) => {
		await threeMarketplaces( requestUtils );
		await requestUtils.rest( {
			path: `${ REST_NAMESPACE }/paapi`,
			method: 'PUT',
			data: {
				access_key: credentials.paapi.access_key,
				secret_key: credentials.paapi.secret_key,
			},
		} );
		// Germany's Creators API account is not eligible: PA-API answers instead. The fault comes
		// first, since saving the post already fetches its product.
		await emulatorControl( request, 'POST', '/__emulator/faults', {
			fault: 'not_eligible',
			times: -1,
			api: 'creators',
			marketplace: 'de',
		} );
		const post = await requestUtils.createPost( {
			title: 'Fallback',
			content:
				'<!-- wp:shortcode -->[amazon asin="B0DKRIMI04" country="de"]<!-- /wp:shortcode -->',
			status: 'publish',
			date_gmt: new Date().toISOString(),
		} );
		const front = await page.request.get( `/?p=${ post.id }` );
		expect( front.status() ).toBe( 200 );
		expect( await front.text() ).toContain( 'B0DKRIMI04' );

		await openSettings( page, admin );
		const de = marketplaceRow( page, 'de' );
		await expect( de ).toHaveAttribute( 'data-status', 'failing' );
		await expect( de.locator( '.acapi-pill--failing' ) ).toHaveText(
			'Failing'
		);
		await expect( de.locator( '.acapi-status-detail' ) ).toContainText(
			/^At .+: not eligible$/
		);
		await expect(
			marketplaceRow( page, 'us' ).locator( '.acapi-pill--enabled' )
		).toHaveText( 'Enabled' );
		await expect(
			marketplaceRow( page, 'uk' ).locator( '.acapi-pill--disabled' )
		).toHaveText( 'Disabled' );

		const route = page.locator(
			'table.acapi-routing tr[data-country="de"]'
		);
		await expect( route.locator( '.acapi-served' ) ).toHaveText(
			'PA-API 5.0 (retired: may stop working)'
		);
		await expect( route.locator( '.acapi-failure-line' ) ).toHaveText(
			/^Creators API failed at .+ \(not eligible\) → PA-API 5\.0 answered$/
		);
		await expect(
			page.locator(
				'table.acapi-routing tr[data-country="us"] .acapi-served'
			)
		).toHaveText( /^Creators API 3\.1$/ );
		// The disabled marketplace's stored credentials, said as such.
		await expect(
			page.locator( 'table.acapi-routing tr[data-country="uk"]' )
		).toContainText( 'Cognito (v2), stored but disabled' );

		await page
			.getByRole( 'button', { name: 'Hide getting started' } )
			.click();
		await clearSnackbars( page );
		await page.screenshot( {
			path: path.join( artifacts, 'settings-status-pills.png' ),
			fullPage: true,
		} );
	} );

	test( 'masked tag with reveal, tag-suffix warning, default star with a confirmation for a disabled one', async ( {
		page,
		admin,
		requestUtils,
	} ) => {
		await configureMarketplace( requestUtils, 'de', 'cognito', 'EU' );
		await configureMarketplace( requestUtils, 'us', 'lwa', 'NA' );
		await openSettings( page, admin );

		const us = marketplaceRow( page, 'us' );
		await expect( us.locator( '.acapi-partner-tag code' ) ).toHaveText(
			'acap•••us-20'
		);
		expect(
			await page.locator( '#acapi-settings-root' ).innerText()
		).not.toContain( credentials.partner_tags.us );
		await us
			.getByRole( 'button', {
				name: 'Show partner tag of United States',
			} )
			.click();
		await expect( us.locator( '.acapi-partner-tag code' ) ).toHaveText(
			credentials.partner_tags.us
		);

		// A US tag for the United Kingdom: a warning, and the save still goes through.
		await page
			.getByRole( 'button', { name: 'Add marketplace' } )
			.first()
			.click();
		const dialog = page.getByRole( 'dialog', {
			name: 'Add a marketplace',
		} );
		await dialog
			.getByLabel( 'Marketplace', { exact: true } )
			.selectOption( 'uk' );
		await expect(
			dialog
				.getByLabel( 'Marketplace', { exact: true } )
				.locator( 'option:checked' )
		).toHaveText( 'United Kingdom (UK)' );
		await dialog
			.getByLabel( 'Credential ID' )
			.fill( credentials.cognito.EU.credential_id );
		await dialog
			.getByLabel( 'Credential Secret' )
			.fill( credentials.cognito.EU.credential_secret );
		await dialog.getByLabel( 'Partner tag' ).fill( 'acapidemous-20' );
		await expect( dialog.locator( '.acapi-tag-warning' ) ).toHaveText(
			/Partner tags for United Kingdom usually end in -21/
		);
		await dialog.getByRole( 'button', { name: 'Add marketplace' } ).click();
		await expect( dialog ).toBeHidden();
		const uk = marketplaceRow( page, 'uk' );
		await expect( uk.locator( '.acapi-tag-warning' ) ).toContainText(
			'usually end in -21'
		);

		// The star moves the default.
		await expect( marketplaceRow( page, 'de' ) ).toContainText( 'Default' );
		await page
			.getByRole( 'button', { name: 'Make United States the default' } )
			.click();
		await expect( us.locator( '.acapi-default' ) ).toHaveText( /Default/ );
		await expect(
			page.getByRole( 'button', { name: 'Make Germany the default' } )
		).toBeVisible();

		// A disabled marketplace becomes the default only after a confirmation.
		await page
			.getByRole( 'button', { name: 'Disable United Kingdom' } )
			.click();
		await expect( uk ).toHaveAttribute( 'data-status', 'disabled' );
		await page
			.getByRole( 'button', { name: 'Make United Kingdom the default' } )
			.click();
		const confirm = page.getByRole( 'dialog', {
			name: 'Make United Kingdom the default?',
		} );
		await expect( confirm ).toContainText( 'This marketplace is disabled' );
		await confirm.getByRole( 'button', { name: 'Cancel' } ).click();
		await expect( confirm ).toBeHidden();
		await expect( us.locator( '.acapi-default' ) ).toBeVisible();
		await page
			.getByRole( 'button', { name: 'Make United Kingdom the default' } )
			.click();
		await confirm
			.getByRole( 'button', { name: 'Make default anyway' } )
			.click();
		await expect( uk.locator( '.acapi-default' ) ).toBeVisible();
		await page.reload();
		await expect( uk.locator( '.acapi-default' ) ).toBeVisible();
	} );

	test( '360 px: stacked cards, no sideways scrolling; axe finds nothing serious on the screen or the modal', async ( {
		page,
		admin,
		requestUtils,
	} ) => {
		await threeMarketplaces( requestUtils );

		// Desktop, with a failed connection test open under a row.
		await openSettings( page, admin );
		await updateMarketplace( requestUtils, 'us', {
			credential_secret:
				'amzn1.oa2-cs.v1.wrongsecret000000000000000000000000000000000000000000000',
		} );
		await page
			.getByRole( 'button', { name: 'Test connection of United States' } )
			.click();
		await expect(
			page.locator( '.acapi-test-row' ).getByText( /did not accept/ )
		).toBeVisible();
		expect(
			await seriousViolations( page, '#acapi-settings-root' )
		).toEqual( [] );
		await page
			.getByRole( 'button', { name: 'Add marketplace' } )
			.first()
			.click();
		const dialog = page.getByRole( 'dialog', {
			name: 'Add a marketplace',
		} );
		await expect( dialog.getByLabel( 'Credential ID' ) ).toBeVisible();
		expect(
			await seriousViolations( page, '.components-modal__frame' )
		).toEqual( [] );
		await page.keyboard.press( 'Escape' );
		await expect( dialog ).toBeHidden();

		// 360 px.
		await page.setViewportSize( { width: 360, height: 800 } );
		await page.reload();
		await expect(
			page.getByRole( 'heading', { name: 'Marketplaces' } )
		).toBeVisible();
		expect( await sidewaysScroll( page ) ).toEqual( [] );
		const metrics = await page.evaluate( () => ( {
			scrollWidth: document.documentElement.scrollWidth,
			clientWidth: document.documentElement.clientWidth,
		} ) );
		expect( metrics.scrollWidth ).toBeLessThanOrEqual(
			metrics.clientWidth
		);
		// Rows are cards: the actions sit inside the viewport, under the row's name.
		const actions = marketplaceRow( page, 'de' ).locator(
			'.acapi-actions'
		);
		const box = await actions.boundingBox();
		expect( ( box?.x ?? 0 ) + ( box?.width ?? 999 ) ).toBeLessThanOrEqual(
			360
		);
		const served = page.locator(
			'table.acapi-routing tr[data-country="de"] .acapi-served'
		);
		// "Served by" reads on one line, not one word per line.
		const servedBox = await served.boundingBox();
		expect( servedBox?.height ?? 999 ).toBeLessThan( 40 );
		await page.screenshot( {
			path: path.join( artifacts, 'settings-360.png' ),
			fullPage: true,
		} );
		await page
			.locator( '.acapi-card' )
			.filter( {
				has: page.getByRole( 'heading', { name: 'Marketplaces' } ),
			} )
			.screenshot( {
				path: path.join( artifacts, 'settings-360-marketplaces.png' ),
			} );
		await page
			.locator( '.acapi-card' )
			.filter( { has: page.getByRole( 'heading', { name: 'Routing' } ) } )
			.screenshot( {
				path: path.join( artifacts, 'settings-360-routing.png' ),
			} );
		// A cell's parts share its value column: "Served by" starts where its label ends.
		const label = await page
			.locator(
				'table.acapi-routing tr[data-country="de"] td:has(.acapi-served)'
			)
			.evaluate( ( cell ) => {
				const parts = Array.from( cell.children ).map(
					( child ) => child.getBoundingClientRect().left
				);
				return new Set( parts ).size;
			} );
		expect( label ).toBe( 1 );
		expect(
			await seriousViolations( page, '#acapi-settings-root' )
		).toEqual( [] );

		await page
			.getByRole( 'button', { name: 'Add marketplace' } )
			.first()
			.click();
		await expect( dialog.getByLabel( 'Credential ID' ) ).toBeVisible();
		expect( await sidewaysScroll( page ) ).toEqual( [] );
		await page.screenshot( {
			path: path.join( artifacts, 'settings-360-modal.png' ),
		} );
		expect(
			await seriousViolations( page, '.components-modal__frame' )
		).toEqual( [] );
	} );

	test( 'export → delete all → import gives the same screen; the file has no secret', async ( {
		page,
		admin,
		requestUtils,
	} ) => {
		await threeMarketplaces( requestUtils );
		await requestUtils.rest( {
			path: `${ REST_NAMESPACE }/marketplaces/us/default`,
			method: 'POST',
		} );
		await requestUtils.rest( {
			path: `${ REST_NAMESPACE }/paapi`,
			method: 'PUT',
			data: {
				access_key: credentials.paapi.access_key,
				secret_key: credentials.paapi.secret_key,
			},
		} );
		await requestUtils.rest( {
			path: `${ REST_NAMESPACE }/general`,
			method: 'PUT',
			data: { default_template: 'grid', button_text: 'See it on Amazon' },
		} );
		const screenState = async () => ( {
			marketplaces: await page
				.locator( 'table.acapi-marketplaces tbody' )
				.innerText(),
			routing: await page
				.locator( 'table.acapi-routing tbody' )
				.innerText(),
			accessKey: await page.getByLabel( 'Access key' ).inputValue(),
			paapiSecret: await page.getByText( /^Stored: ••••/ ).innerText(),
			template: await page.getByLabel( 'Default template' ).inputValue(),
			button: await page.getByLabel( 'Button text' ).inputValue(),
		} );

		await openSettings( page, admin );
		await page
			.getByRole( 'button', { name: 'Hide getting started' } )
			.click();
		const before = await screenState();
		const downloading = page.waitForEvent( 'download' );
		await page.getByRole( 'button', { name: 'Export settings' } ).click();
		const download = await downloading;
		expect( download.suggestedFilename() ).toMatch(
			/^creators-connect-for-amazon-.+-\d{4}-\d{2}-\d{2}\.json$/
		);
		const file = path.join( artifacts, 'settings-export.json' );
		await download.saveAs( file );
		const text = fs.readFileSync( file, 'utf8' );
		for ( const secret of [
			credentials.cognito.EU.credential_secret,
			credentials.lwa.NA.credential_secret,
			credentials.paapi.secret_key,
		] ) {
			expect( text ).not.toContain( secret );
		}
		expect( JSON.parse( text ).default_country ).toBe( 'us' );

		// Delete everything.
		await removeAllMarketplaces( requestUtils );
		await requestUtils.rest( {
			path: `${ REST_NAMESPACE }/paapi`,
			method: 'PUT',
			data: { access_key: '', secret_key: '' },
		} );
		await requestUtils.rest( {
			path: `${ REST_NAMESPACE }/general`,
			method: 'PUT',
			data: { default_template: 'box', button_text: '' },
		} );
		await page.reload();
		await expect(
			page.getByText( 'No marketplace is configured yet.', {
				exact: false,
			} )
		).toBeVisible();

		// Import: a preview, and the secrets the file lacks.
		const choosing = page.waitForEvent( 'filechooser' );
		await page.getByRole( 'button', { name: 'Import settings…' } ).click();
		await ( await choosing ).setFiles( file );
		const dialog = page.getByRole( 'dialog', { name: 'Import settings' } );
		await expect( dialog.locator( 'tr[data-country]' ) ).toHaveCount( 3 );
		await expect( dialog.locator( 'tr[data-country="us"]' ) ).toContainText(
			'(default)'
		);
		await expect( dialog.locator( 'tr[data-country="uk"]' ) ).toContainText(
			'Added, disabled'
		);
		await dialog
			.getByLabel( 'Credential Secret for Germany (DE)' )
			.fill( credentials.cognito.EU.credential_secret );
		await dialog
			.getByLabel( 'Credential Secret for United States (US)' )
			.fill( credentials.lwa.NA.credential_secret );
		await dialog
			.getByLabel( 'PA-API 5.0 secret key' )
			.fill( credentials.paapi.secret_key );
		// One secret left out: named next to its field, and nothing imported.
		await dialog.getByRole( 'button', { name: 'Import' } ).click();
		await expect(
			dialog.locator( '#acapi-error-secrets-uk' )
		).toContainText( 'United Kingdom' );
		expect(
			await requestUtils.rest( {
				path: `${ REST_NAMESPACE }/marketplaces`,
			} )
		).toEqual( [] );
		await dialog
			.getByLabel( 'Credential Secret for United Kingdom (UK)' )
			.fill( credentials.cognito.EU.credential_secret );
		await dialog.getByRole( 'button', { name: 'Import' } ).click();
		await expect( dialog ).toBeHidden();
		await expect(
			page
				.locator( '.components-snackbar' )
				.getByText( 'Settings imported.' )
		).toBeVisible();
		await expect( marketplaceRow( page, 'uk' ) ).toBeVisible();
		expect( await screenState() ).toEqual( before );
		await page.reload();
		await expect( marketplaceRow( page, 'uk' ) ).toBeVisible();
		expect( await screenState() ).toEqual( before );
		// The imported secrets work.
		await page
			.getByRole( 'button', { name: 'Test connection of United States' } )
			.click();
		await expect(
			page.locator( '.acapi-test-row' ).getByText( /Connected.*3\.1/ )
		).toBeVisible();
	} );
} );
