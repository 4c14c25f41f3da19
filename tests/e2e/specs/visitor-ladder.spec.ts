/**
 * What visitors see when a product cannot be shown in full, rung by rung, and what editors see
 * instead; a links-only marketplace end to end (and its upgrade by adding credentials); every
 * template at 360 px without sideways scrolling on the block theme and on a classic theme, with
 * axe. Screenshots of each rung, the links-only box and every template go to artifacts/.
 */
import path from 'node:path';
import { test, expect } from '@wordpress/e2e-test-utils-playwright';
import type { Browser, Locator, Page } from '@playwright/test';
import credentials from '../../fixtures/credentials.json';
import {
	configureLinksOnly,
	configureMarketplace,
} from '../utils/marketplaces';
import { seriousViolations, standInImages } from '../utils/page';
import { ageStoredProduct, installClassicTheme } from '../utils/site';

const artifacts =
	process.env.ACAPI_ARTIFACTS ??
	path.join( __dirname, '..', '..', '..', 'artifacts' );
const emulator =
	process.env.ACAPI_EMULATOR_URL ??
	`http://127.0.0.1:${ process.env.ACAPI_EMULATOR_PORT ?? '9412' }`;

const block = ( attributes: Record< string, unknown > ) =>
	`<!-- wp:creators-connect-for-amazon/product ${ JSON.stringify(
		attributes
	) } /-->`;
const heading = ( text: string ) =>
	`<!-- wp:heading --><h2 class="wp-block-heading">${ text }</h2><!-- /wp:heading -->`;

/**
 * A page as a visitor (no login), with Amazon's image CDN answered by a stand-in.
 *
 * @param browser The browser.
 * @param width   Viewport width.
 */
async function visitor( browser: Browser, width = 1280 ): Promise< Page > {
	const context = await browser.newContext( {
		storageState: { cookies: [], origins: [] },
		viewport: { width, height: 900 },
		baseURL: process.env.WP_BASE_URL,
	} );
	const page = await context.newPage();
	await standInImages( page );
	return page;
}

/**
 * Checks that a part of a page shows none of what Amazon allows only from fresh API data.
 *
 * @param part The part.
 */
async function expectNoAmazonData( part: Locator ): Promise< void > {
	for ( const absent of [
		'.acapi-price',
		'img',
		'.acapi-availability',
		'.acapi-rating',
	] ) {
		await expect( part.locator( absent ) ).toHaveCount( 0 );
	}
}

test.describe( 'What visitors see', () => {
	test.beforeAll( async ( { requestUtils, request } ) => {
		await request.post( `${ emulator }/__emulator/reset` );
		await request.delete( `${ emulator }/__emulator/faults` );
		await configureMarketplace( requestUtils, 'de', 'cognito', 'EU' );
		// France: a partner tag and no API ("Links only").
		await configureLinksOnly( requestUtils, 'fr' );
	} );

	test.afterAll( async ( { request } ) => {
		await request.delete( `${ emulator }/__emulator/faults` );
	} );

	test( 'each rung of the ladder, as a visitor and as an editor', async ( {
		browser,
		page,
		request,
		requestUtils,
	} ) => {
		const post = await requestUtils.createPost( {
			title: 'The ladder',
			content:
				heading( '1. Full box' ) +
				block( { asins: [ 'B0DKAFFEE1' ], country: 'de' } ) +
				heading( '2. No-price box (data older than 24 hours)' ) +
				block( { asins: [ 'B0DKOCHER2' ], country: 'de' } ) +
				heading( '3. Plain tagged link (no API: links only)' ) +
				block( { asins: [ 'B0FAMP0006' ], country: 'fr' } ) +
				heading(
					'3. Plain tagged link (Amazon does not serve the item)'
				) +
				block( {
					asins: [ 'B0ZZZZZZZ1' ],
					country: 'de',
					template: 'button',
				} ) +
				heading( '4. Nothing (no partner tag for Italy)' ) +
				block( { asins: [ 'B0DKAFFEE1' ], country: 'it' } ),
			status: 'publish',
			date_gmt: new Date().toISOString(),
		} );

		// A first view stores the German products; then a day passes without a refresh that
		// works for one of them.
		const reader = await visitor( browser );
		await reader.goto( `/?p=${ post.id }` );
		ageStoredProduct( 'de', 'B0DKOCHER2' );
		await request.post( `${ emulator }/__emulator/faults`, {
			data: { fault: 'server_error', times: -1, marketplace: 'de' },
		} );
		await reader.goto( `/?p=${ post.id }` );

		const boxes = reader.locator(
			'.wp-block-creators-connect-for-amazon-product'
		);
		// Four blocks show something; the fifth (Italy, no tag) is not there at all.
		await expect( boxes ).toHaveCount( 4 );
		await expect( reader.locator( '.acapi-notice' ) ).toHaveCount( 0 );

		const full = boxes.nth( 0 );
		await expect(
			full.locator( '.acapi-box .acapi-price__amount' )
		).toContainText( '€' );
		await expect( full.locator( 'details summary' ) ).toContainText(
			'Price as of'
		);
		await full.screenshot( {
			path: path.join( artifacts, 'ladder-1-full-box.png' ),
		} );

		const noPrice = boxes.nth( 1 );
		await expect(
			noPrice.locator( '.acapi-no-price h2.acapi-title' )
		).toContainText( 'Bärenstein Wasserkocher' );
		await expectNoAmazonData( noPrice );
		await noPrice.screenshot( {
			path: path.join( artifacts, 'ladder-2-no-price-box.png' ),
		} );

		const frenchLink = boxes.nth( 2 ).locator( '.acapi-link-only a' );
		await expect( frenchLink ).toHaveAttribute(
			'href',
			`https://www.amazon.fr/dp/B0FAMP0006?tag=${ credentials.partner_tags.fr }`
		);
		await expect( frenchLink ).toHaveAttribute(
			'rel',
			'sponsored nofollow noopener'
		);
		await expect( frenchLink ).toContainText( 'View on Amazon' );
		await boxes.nth( 2 ).screenshot( {
			path: path.join( artifacts, 'ladder-3-tagged-link.png' ),
		} );

		const unknown = boxes
			.nth( 3 )
			.locator( '.acapi-link-only a.acapi-button' );
		await expect( unknown ).toHaveAttribute(
			'href',
			`https://www.amazon.de/dp/B0ZZZZZZZ1?tag=${ credentials.partner_tags.de }`
		);
		await reader.screenshot( {
			path: path.join( artifacts, 'ladder-visitor.png' ),
			fullPage: true,
		} );
		await reader.context().close();

		// The editor sees why, on the page …
		await page.goto( `/?p=${ post.id }` );
		const notices = page.locator( '.acapi-notice' );
		await expect(
			notices.filter( { hasText: 'older than 24 hours' } )
		).toHaveCount( 1 );
		await expect(
			notices.filter( {
				hasText: 'Visitors see a plain link to the product on Amazon',
			} )
		).toHaveCount( 2 );
		await expect(
			notices.filter( {
				hasText:
					'Visitors see nothing here: this marketplace has no partner tag',
			} )
		).toHaveCount( 1 );
		await page.screenshot( {
			path: path.join( artifacts, 'ladder-editor.png' ),
			fullPage: true,
		} );
	} );

	test( 'a links-only marketplace end to end, then credentials upgrade the box', async ( {
		browser,
		admin,
		editor,
		page,
		requestUtils,
	} ) => {
		// The settings screen marks it.
		await admin.visitAdminPage(
			'options-general.php',
			'page=creators-connect-for-amazon'
		);
		await expect(
			page.getByText( 'Links only (no API)' ).first()
		).toBeVisible( {
			timeout: 20_000,
		} );

		// In the editor: the block explains, pasting works, searching is not offered.
		await admin.createNewPost( { title: 'Links only' } );
		await editor.insertBlock( {
			name: 'creators-connect-for-amazon/product',
			attributes: { country: 'fr', linkText: 'Notre cafetière préférée' },
		} );
		const inEditor = editor.canvas.locator(
			'[data-type="creators-connect-for-amazon/product"]'
		);
		const field = inEditor.getByLabel(
			'Search Amazon, or paste an ASIN or Amazon product link'
		);
		await field.fill( 'cafetière' );
		await expect( inEditor ).toContainText(
			'set up for links only (no API), so it cannot be searched'
		);
		await field.fill( 'https://www.amazon.fr/dp/B0FCAFE001' );
		await inEditor
			.getByRole( 'button', { name: 'Add product B0FCAFE001' } )
			.click();
		await expect(
			inEditor.locator( '.acapi-link-only h2.acapi-title' )
		).toContainText( 'Notre cafetière préférée', { timeout: 30_000 } );
		await expect( inEditor.locator( '.acapi-notice' ) ).toContainText(
			'Visitors see a plain link'
		);
		const postId = await editor.publishPost();

		const reader = await visitor( browser );
		await reader.goto( `/?p=${ postId }` );
		const box = reader.locator(
			'.wp-block-creators-connect-for-amazon-product'
		);
		await expect( box.locator( '.acapi-link-only h2 a' ) ).toHaveAttribute(
			'href',
			`https://www.amazon.fr/dp/B0FCAFE001?tag=${ credentials.partner_tags.fr }`
		);
		await expectNoAmazonData( box );
		await box.screenshot( {
			path: path.join( artifacts, 'links-only-box.png' ),
		} );

		// Credentials added later: the same post shows the full box.
		await configureMarketplace( requestUtils, 'fr', 'cognito', 'EU' );
		await reader.goto( `/?p=${ postId }` );
		await expect(
			box.locator( '.acapi-box .acapi-price__amount' )
		).toBeVisible( {
			timeout: 30_000,
		} );
		await expect( box.locator( '.acapi-link-only' ) ).toHaveCount( 0 );
		await box.screenshot( {
			path: path.join( artifacts, 'links-only-upgraded.png' ),
		} );
		await reader.context().close();
	} );

	const TEMPLATES: Array< [ string, Record< string, unknown > ] > = [
		[ 'box', { asins: [ 'B0DKAFFEE1' ], country: 'de' } ],
		[
			'list',
			{
				asins: [ 'B0DKAFFEE1', 'B0DKOCHER2', 'B0DSCRIPT9' ],
				country: 'de',
				template: 'list',
			},
		],
		[
			'grid',
			{
				asins: [ 'B0DKAFFEE1', 'B0DKOCHER2', 'B0DBOHRER3' ],
				country: 'de',
				template: 'grid',
			},
		],
		[
			'table',
			{
				asins: [ 'B0DKAFFEE1', 'B0DKOCHER2', 'B0DBOHRER3' ],
				country: 'de',
				template: 'table',
			},
		],
		[
			'button',
			{ asins: [ 'B0DKAFFEE1' ], country: 'de', template: 'button' },
		],
		[
			'text-link',
			{ asins: [ 'B0DKAFFEE1' ], country: 'de', template: 'text_link' },
		],
		[
			'image-link',
			{ asins: [ 'B0DKAFFEE1' ], country: 'de', template: 'image_link' },
		],
		[
			'field-price',
			{
				asins: [ 'B0DKAFFEE1' ],
				country: 'de',
				template: 'field',
				field: 'price',
			},
		],
		[
			'search-list',
			{
				mode: 'search',
				search: 'Laufschuhe',
				country: 'de',
				template: 'list',
				items: 3,
			},
		],
		[
			'links-only',
			{
				asins: [ 'B0FAMP0006' ],
				country: 'fr',
				linkText: 'Notre conseil',
			},
		],
	];

	for ( const theme of [ 'twentytwentyfour', 'acapi-classic' ] ) {
		test( `every template at 360 px stays in the column (${ theme })`, async ( {
			browser,
			request,
			requestUtils,
		} ) => {
			await request.delete( `${ emulator }/__emulator/faults` );
			await configureLinksOnly( requestUtils, 'fr' );
			if ( theme === 'acapi-classic' ) {
				installClassicTheme();
			}
			await requestUtils.activateTheme( theme );
			try {
				const post = await requestUtils.createPost( {
					title: `Every template (${ theme })`,
					content: TEMPLATES.map(
						( [ name, attributes ] ) =>
							heading( name ) + block( attributes )
					).join( '' ),
					status: 'publish',
					date_gmt: new Date().toISOString(),
				} );
				const reader = await visitor( browser, 360 );
				await reader.goto( `/?p=${ post.id }` );
				const boxes = reader.locator(
					'.wp-block-creators-connect-for-amazon-product'
				);
				await expect( boxes ).toHaveCount( TEMPLATES.length );
				const overflow = await reader.evaluate( () => {
					const client = document.documentElement.clientWidth;
					// What sticks out, to name it when this fails.
					const wide = Array.from(
						document.querySelectorAll( 'body *' )
					)
						.filter(
							( element ) =>
								element.getBoundingClientRect().right >
								client + 0.5
						)
						.slice( 0, 8 )
						.map(
							( element ) =>
								`${ element.tagName.toLowerCase() }.${ String( element.className ).split( ' ' ).join( '.' ) } → ${ Math.round( element.getBoundingClientRect().right ) }`
						);
					return {
						scroll: document.documentElement.scrollWidth,
						client,
						wide,
					};
				} );
				expect(
					overflow.scroll,
					overflow.wide.join( '\n' )
				).toBeLessThanOrEqual( overflow.client );
				// Each block stays inside the content column (the post content's box).
				const column = await reader
					.locator( '.entry-content, .wp-block-post-content' )
					.first()
					.boundingBox();
				for ( let i = 0; i < TEMPLATES.length; i++ ) {
					const item = boxes.nth( i );
					const rect = await item.boundingBox();
					expect( rect, TEMPLATES[ i ]?.[ 0 ] ).not.toBeNull();
					expect( rect!.x ).toBeGreaterThanOrEqual( column!.x - 0.5 );
					expect( rect!.x + rect!.width ).toBeLessThanOrEqual(
						column!.x + column!.width + 0.5
					);
					await item.screenshot( {
						path: path.join(
							artifacts,
							`360-${ theme }-${ TEMPLATES[ i ]?.[ 0 ] }.png`
						),
					} );
				}
				expect(
					await seriousViolations( reader, [
						'.wp-block-creators-connect-for-amazon-product',
					] )
				).toEqual( [] );
				await reader.context().close();
			} finally {
				await requestUtils.activateTheme( 'twentytwentyfour' );
			}
		} );
	}
} );
