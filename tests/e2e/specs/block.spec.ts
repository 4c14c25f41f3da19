/**
 * The product block: insert it, paste an amazon.de product URL, see the server's preview,
 * publish, and see the product on the front end, which loads no script from the plugin.
 * Screenshots of the box, grid and table templates go to the artifacts folder.
 */
import path from 'node:path';
import { test, expect } from '@wordpress/e2e-test-utils-playwright';
import { configureMarketplace } from '../utils/marketplaces';
import { standInImages } from '../utils/page';

const artifacts =
	process.env.ACAPI_ARTIFACTS ??
	path.join( __dirname, '..', '..', '..', 'artifacts' );
const screenshot = ( name: string ) =>
	path.join( artifacts, `block-${ name }.png` );

const ASINS = [ 'B0C7KX2Q4M', 'B0DKAFFEE1', 'B0DKOCHER2' ];

test.describe( 'Amazon Product block', () => {
	test.beforeAll( async ( { requestUtils } ) => {
		await configureMarketplace( requestUtils, 'de', 'cognito', 'EU' );
	} );

	test.beforeEach( async ( { page } ) => {
		await standInImages( page );
	} );

	test( 'insert, paste an amazon.de URL, preview, publish, front end', async ( {
		admin,
		editor,
		page,
	} ) => {
		await admin.createNewPost( { title: 'Product block' } );
		await editor.insertBlock( {
			name: 'creators-connect-for-amazon/product',
		} );

		const block = editor.canvas
			.locator( '[data-type="creators-connect-for-amazon/product"]' )
			.first();
		await block
			.getByLabel(
				'Search Amazon, or paste an ASIN or Amazon product link'
			)
			.fill(
				`https://www.amazon.de/Kestrel-Audio-K7/dp/${ ASINS[ 0 ] }/ref=sr_1_1?th=1`
			);
		await block
			.getByRole( 'button', { name: `Add product ${ ASINS[ 0 ] }` } )
			.click();

		// The server's preview (ServerSideRender) inside the editor.
		await expect(
			block.locator( '.acapi-box .acapi-title' )
		).toContainText( 'Kestrel Audio K7', { timeout: 30_000 } );
		await expect( block.locator( '.acapi-button' ) ).toHaveText(
			/Buy on Amazon/
		);

		await block.screenshot( { path: screenshot( 'editor-preview' ) } );

		// A second block, filled through the keyword search (debounced REST search).
		await editor.insertBlock( {
			name: 'creators-connect-for-amazon/product',
		} );
		const second = editor.canvas
			.locator( '[data-type="creators-connect-for-amazon/product"]' )
			.nth( 1 );
		// The German store (another spec may have made a different one the default).
		await second
			.getByLabel( 'Marketplace' )
			.selectOption( { value: 'de' } );
		await second
			.getByLabel(
				'Search Amazon, or paste an ASIN or Amazon product link'
			)
			.fill( 'Wasserkocher' );
		const hit = second.locator( '.acapi-result', {
			hasText: 'Bärenstein Wasserkocher',
		} );
		await expect( hit ).toBeVisible( { timeout: 20_000 } );
		await hit.getByRole( 'button', { name: /^Add / } ).click();
		await expect(
			second.locator( '.acapi-box .acapi-title' )
		).toContainText( 'Wasserkocher', { timeout: 30_000 } );

		const postId = await editor.publishPost();
		expect( postId ).not.toBeNull();

		const scripts: string[] = [];
		page.on( 'request', ( request ) => {
			if ( request.resourceType() === 'script' ) {
				scripts.push( request.url() );
			}
		} );
		await page.goto( `/?p=${ postId }` );
		const blocks = page.locator(
			'.wp-block-creators-connect-for-amazon-product'
		);
		await expect( blocks ).toHaveCount( 2 );
		await expect( blocks.nth( 1 ) ).toContainText( 'Wasserkocher' );
		const box = blocks.first();
		await expect( box.locator( '.acapi-box h2' ) ).toContainText(
			'Kestrel Audio K7'
		);
		await expect( box.locator( '.acapi-button' ) ).toHaveAttribute(
			'href',
			/^https:\/\/www\.amazon\.de\/dp\/B0C7KX2Q4M\?tag=acapidemode-21&linkCode=/
		);
		await expect( box.locator( '.acapi-button' ) ).toHaveAttribute(
			'rel',
			'sponsored nofollow noopener'
		);
		await expect( box.locator( 'details summary' ) ).toContainText(
			'Price as of'
		);
		await expect( box.locator( 'img' ) ).toHaveAttribute(
			'loading',
			'lazy'
		);
		await expect( page.locator( 'link#acapi-product-css' ) ).toHaveCount(
			1
		);
		await expect(
			page.locator( 'script[src*="creators-connect-for-amazon"]' )
		).toHaveCount( 0 );
		expect(
			scripts.filter( ( url ) =>
				url.includes( 'creators-connect-for-amazon' )
			)
		).toEqual( [] );
		await box.screenshot( { path: screenshot( 'box' ) } );
	} );

	for ( const template of [ 'grid', 'table' ] ) {
		test( `front end: ${ template } template`, async ( {
			page,
			requestUtils,
		} ) => {
			const attributes = JSON.stringify( {
				asins: ASINS,
				country: 'de',
				template,
			} );
			const post = await requestUtils.createPost( {
				title: `Product ${ template }`,
				content: `<!-- wp:creators-connect-for-amazon/product ${ attributes } /-->`,
				status: 'publish',
				date_gmt: new Date().toISOString(),
			} );
			await page.goto( `/?p=${ post.id }` );
			const block = page.locator(
				'.wp-block-creators-connect-for-amazon-product'
			);
			await expect(
				block.locator( '.acapi-button' ).first()
			).toBeVisible();
			await expect( block.locator( '.acapi-button' ) ).toHaveCount(
				ASINS.length
			);
			await expect(
				page.locator( 'script[src*="creators-connect-for-amazon"]' )
			).toHaveCount( 0 );
			await block.screenshot( { path: screenshot( template ) } );

			// A REST content export gets plain links only (Amazon forbids its content offline).
			const exported = ( await requestUtils.rest( {
				path: `/wp/v2/posts/${ post.id }`,
			} ) ) as { content: { rendered: string } };
			expect( exported.content.rendered ).toContain(
				'https://www.amazon.de/dp/B0C7KX2Q4M'
			);
			expect( exported.content.rendered ).not.toContain( '<img' );
			expect( exported.content.rendered ).not.toContain( 'acapi-button' );
		} );
	}
} );
