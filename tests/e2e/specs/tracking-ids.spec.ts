/**
 * Tracking-ID sets (#16): listed on the settings screen, chosen with `tag="…"` in a shortcode
 * and with the block's "Tracking ID"; the tag goes into Amazon's request (the emulator's log
 * shows `partnerTag`) and the rendered links are Amazon's own for it (`tag=`). A tag that is not
 * listed gets an editor notice and the marketplace's own tag.
 */
import { test, expect } from '@wordpress/e2e-test-utils-playwright';

import credentials from '../../fixtures/credentials.json';
import { configureMarketplace, REST_NAMESPACE } from '../utils/marketplaces';
import {
	emulatorControl,
	marketplaceRow,
	openSettings,
	removeAllMarketplaces,
} from '../utils/settings-screen';

const SIDEBAR = credentials.tracking_ids.de[ 0 ]!;
const OWN = credentials.partner_tags.de;

interface Logged {
	operation: string;
	asins: string[];
	partnerTag: string | null;
}

/**
 * The partner tags the emulator's getItems requests for an ASIN carried.
 *
 * @param request The request context.
 * @param asin    ASIN.
 */
async function requestedTags(
	request: Parameters< typeof emulatorControl >[ 0 ],
	asin: string
) {
	const log = ( await emulatorControl(
		request,
		'GET',
		'/__emulator/log'
	) ) as {
		requests: Logged[];
	};
	return log.requests
		.filter(
			( entry ) =>
				entry.operation === 'getItems' && entry.asins.includes( asin )
		)
		.map( ( entry ) => entry.partnerTag );
}

test.describe( 'Tracking-ID sets', () => {
	test.beforeAll( async ( { requestUtils } ) => {
		await removeAllMarketplaces( requestUtils );
		await configureMarketplace( requestUtils, 'de', 'cognito', 'EU' );
		await requestUtils.rest( {
			path: `${ REST_NAMESPACE }/tracking-ids/de`,
			method: 'PUT',
			data: { tracking_ids: [] },
		} );
	} );

	test.afterAll( async ( { requestUtils } ) => {
		await requestUtils.rest( {
			path: `${ REST_NAMESPACE }/tracking-ids/de`,
			method: 'PUT',
			data: { tracking_ids: [] },
		} );
		await removeAllMarketplaces( requestUtils );
	} );

	test( 'listed on the settings screen, used by a shortcode and a block', async ( {
		page,
		admin,
		editor,
		request,
		requestUtils,
	} ) => {
		// The settings screen: Germany's tracking IDs.
		await openSettings( page, admin );
		await page
			.getByRole( 'button', { name: 'Tracking IDs of Germany' } )
			.click();
		const dialog = page.getByRole( 'dialog', {
			name: 'Tracking IDs of Germany',
		} );
		await dialog
			.getByLabel( 'Tracking ID', { exact: true } )
			.fill( SIDEBAR );
		await dialog.getByLabel( 'Label' ).fill( 'Sidebar' );
		await dialog
			.getByRole( 'button', { name: 'Save tracking IDs' } )
			.click();
		await expect( dialog ).toBeHidden();
		await expect( marketplaceRow( page, 'de' ) ).toContainText(
			'+ 1 tracking ID'
		);

		// A shortcode with the listed tag, and one with a tag that is not listed.
		const post = await requestUtils.createPost( {
			title: 'Tracking IDs in shortcodes',
			content:
				`<!-- wp:shortcode -->[amazon asin="B0DKOCHER2" country="de" tag="${ SIDEBAR }" template="button"]<!-- /wp:shortcode -->` +
				'<!-- wp:shortcode -->[amazon asin="B0DBOHRER3" country="de" tag="stranger-21" template="button"]<!-- /wp:shortcode -->',
			status: 'publish',
			date_gmt: new Date().toISOString(),
		} );
		await page.goto( `/?p=${ post.id }` );
		const buttons = page.locator( 'a.acapi-button' );
		await expect( buttons ).toHaveCount( 2 );
		await expect( buttons.nth( 0 ) ).toHaveAttribute(
			'href',
			new RegExp(
				`^https://www\\.amazon\\.de/dp/B0DKOCHER2\\?tag=${ SIDEBAR }&linkCode=`
			)
		);
		await expect( buttons.nth( 1 ) ).toHaveAttribute(
			'href',
			new RegExp( `[?&]tag=${ OWN }(&|$)` )
		);
		await expect(
			page.getByText(
				'The tracking ID “stranger-21” is not listed for this marketplace'
			)
		).toBeVisible();
		expect( await requestedTags( request, 'B0DKOCHER2' ) ).toContain(
			SIDEBAR
		);
		expect( await requestedTags( request, 'B0DBOHRER3' ) ).not.toContain(
			'stranger-21'
		);

		// A block: the "Tracking ID" select in its sidebar.
		await admin.createNewPost( { title: 'Tracking ID in a block' } );
		await editor.insertBlock( {
			name: 'creators-connect-for-amazon/product',
			attributes: {
				asins: [ 'B0DSPIEL05' ],
				country: 'de',
				template: 'button',
			},
		} );
		await editor.openDocumentSettingsSidebar();
		const select = page
			.getByRole( 'region', { name: 'Editor settings' } )
			.getByLabel( 'Tracking ID' );
		await expect( select ).toBeVisible();
		await select.selectOption( { label: `Sidebar (${ SIDEBAR })` } );
		const postId = await editor.publishPost();
		await page.goto( `/?p=${ postId }` );
		await expect( page.locator( 'a.acapi-button' ) ).toHaveAttribute(
			'href',
			new RegExp(
				`^https://www\\.amazon\\.de/dp/B0DSPIEL05\\?tag=${ SIDEBAR }&linkCode=`
			)
		);
		expect( await requestedTags( request, 'B0DSPIEL05' ) ).toContain(
			SIDEBAR
		);
	} );
} );
