/**
 * The product block as a new user tries it: a word is searched and the results can be chosen
 * from; several ASINs and links pasted at once land in their own marketplaces; a foreign link
 * becomes its own block; the search list and the single field with their server preview; the
 * inserter's preview; axe on the editor with the block selected. Screenshots go to artifacts/.
 */
import path from 'node:path';
import { test, expect } from '@wordpress/e2e-test-utils-playwright';
import type { Locator } from '@playwright/test';
import { configureMarketplace, REST_NAMESPACE } from '../utils/marketplaces';
import { seriousViolations, standInImages } from '../utils/page';

const artifacts =
	process.env.ACAPI_ARTIFACTS ??
	path.join( __dirname, '..', '..', '..', 'artifacts' );
const screenshot = ( name: string ) =>
	path.join( artifacts, `editor-${ name }.png` );

const BLOCK = 'creators-connect-for-amazon/product';
const INPUT = 'Search Amazon, or paste an ASIN or Amazon product link';

interface BlockLike {
	name: string;
	attributes: Record< string, unknown >;
}

/**
 * Pastes text into a field the way a browser does (a paste event with clipboard data).
 *
 * @param field The input.
 * @param text  The clipboard's text.
 */
async function paste( field: Locator, text: string ): Promise< void > {
	await field.focus();
	await field.evaluate( ( element, value ) => {
		const data = new DataTransfer();
		data.setData( 'text/plain', value );
		element.dispatchEvent(
			new ClipboardEvent( 'paste', {
				clipboardData: data,
				bubbles: true,
				cancelable: true,
			} )
		);
	}, text );
}

test.describe( 'Amazon Product block in the editor', () => {
	test.beforeAll( async ( { requestUtils } ) => {
		await configureMarketplace( requestUtils, 'de', 'cognito', 'EU' );
		await configureMarketplace( requestUtils, 'us', 'lwa', 'NA' );
		await requestUtils.rest( {
			method: 'POST',
			path: `${ REST_NAMESPACE }/marketplaces/us/default`,
		} );
	} );

	test.beforeEach( async ( { page } ) => {
		await standInImages( page );
	} );

	test( 'a word is searched, and results are chosen by keyboard', async ( {
		admin,
		editor,
		page,
	} ) => {
		await admin.createNewPost( { title: 'Search' } );
		await editor.insertBlock( { name: BLOCK } );
		const block = editor.canvas.locator( `[data-type="${ BLOCK }"]` );
		const field = block.getByLabel( INPUT );

		// A ten-letter word is a search, not an ASIN.
		await field.fill( 'headphones' );
		await expect(
			block.getByRole( 'button', { name: /Add product/ } )
		).toHaveCount( 0 );
		await expect( block.getByRole( 'status' ) ).toContainText(
			/results? for “headphones”|Amazon found no products for “headphones”/,
			{ timeout: 20_000 }
		);

		// A search with no results says so.
		await field.fill( 'zzqxj nothing like this' );
		await expect( block.getByRole( 'status' ) ).toContainText(
			'Amazon found no products for “zzqxj nothing like this”',
			{ timeout: 20_000 }
		);

		// Germany, "Bärenstein": image, title, price as of, availability, marketplace.
		await block.getByLabel( 'Marketplace' ).selectOption( { value: 'de' } );
		await field.fill( 'Bärenstein' );
		const results = block.getByRole( 'list', { name: 'Search results' } );
		await expect( results ).toBeVisible( { timeout: 20_000 } );
		const first = results.locator( 'li' ).first();
		await expect( first.locator( 'img' ) ).toHaveCount( 1 );
		await expect( first ).toContainText( '€' );
		await expect( first ).toContainText( 'price as of' );
		await expect( first ).toContainText( 'Germany · B0' );
		await expect( block.getByRole( 'status' ) ).toContainText(
			/results? for “Bärenstein”, page 1 of/
		);
		await block.screenshot( { path: screenshot( 'search-results' ) } );

		// Keyboard: Tab from the field reaches the first "Add" button; Enter adds it.
		const firstAdd = first.getByRole( 'button', { name: /^Add / } );
		const title = ( await firstAdd.getAttribute( 'aria-label' ) ) ?? '';
		await firstAdd.focus();
		await page.keyboard.press( 'Enter' );
		await expect(
			block.locator( '.acapi-box .acapi-title' ).first()
		).toContainText( title.replace( /^Add /, '' ).slice( 0, 20 ), {
			timeout: 30_000,
		} );
		const blocks = ( await editor.getBlocks() ) as BlockLike[];
		expect( blocks[ 0 ]?.attributes.country ).toBe( 'de' );
		expect( blocks[ 0 ]?.attributes.asins ).toHaveLength( 1 );
		// The heading level follows the place: h2 right under the post title.
		expect( blocks[ 0 ]?.attributes.headingLevel ).toBe( 2 );
		await expect( block.locator( 'h2.acapi-title' ) ).toHaveCount( 1 );

		// "Add all" from the sidebar's picker adds the rest of the page.
		const sidebar = page.getByRole( 'region', { name: 'Editor settings' } );
		await sidebar.getByLabel( INPUT ).fill( 'Bärenstein' );
		const addAll = sidebar.getByRole( 'button', { name: /^Add all \(/ } );
		await expect( addAll ).toBeVisible( { timeout: 20_000 } );
		await addAll.click();
		await expect
			.poll(
				async () =>
					(
						( ( await editor.getBlocks() ) as BlockLike[] )[ 0 ]
							?.attributes.asins as string[]
					 ).length
			)
			.toBeGreaterThan( 1 );

		expect(
			await seriousViolations( page, [
				[ 'iframe[name="editor-canvas"]', `[data-type="${ BLOCK }"]` ],
				[ '.block-editor-block-inspector' ],
			] )
		).toEqual( [] );
	} );

	test( 'several ASINs and links pasted at once land in their marketplaces', async ( {
		admin,
		editor,
	} ) => {
		await admin.createNewPost( { title: 'Paste several' } );
		await editor.insertBlock( { name: BLOCK } );
		const block = editor.canvas.locator( `[data-type="${ BLOCK }"]` );
		await block.getByLabel( 'Marketplace' ).selectOption( { value: 'us' } );
		await paste(
			block.getByLabel( INPUT ),
			'B0DKAFFEE1, 0306406152\nhttps://www.amazon.de/Kaffee-Muehle/dp/B0DAUSVERK/ref=sr_1_1?th=1\nB0C7KX2Q4M\nhttps://www.amazon.com/gp/product/B0B8RZ4XJQ'
		);
		await expect( block ).toContainText(
			'4 products go to this block (United States).'
		);
		await expect( block ).toContainText(
			'1 product is from Amazon Germany'
		);
		await block.getByRole( 'button', { name: 'Add 5 products' } ).click();
		await expect
			.poll( async () => ( await editor.getBlocks() ).length )
			.toBe( 2 );
		const [ us, de ] = ( await editor.getBlocks() ) as BlockLike[];
		expect( us?.attributes ).toMatchObject( {
			country: 'us',
			asins: [ 'B0DKAFFEE1', '0306406152', 'B0C7KX2Q4M', 'B0B8RZ4XJQ' ],
		} );
		expect( de?.attributes ).toMatchObject( {
			country: 'de',
			asins: [ 'B0DAUSVERK' ],
		} );
	} );

	test( 'a foreign link switches an empty block, and becomes a new block otherwise', async ( {
		admin,
		editor,
		page,
	} ) => {
		await admin.createNewPost( { title: 'Foreign link' } );
		await editor.insertBlock( { name: BLOCK } );
		const block = editor.canvas.locator( `[data-type="${ BLOCK }"]` );
		await block
			.getByLabel( INPUT )
			.fill( 'https://www.amazon.de/dp/B0C7KX2Q4M' );
		await expect( block ).toContainText(
			'The link is from Amazon Germany, so this block switches to that marketplace.'
		);
		await block
			.getByRole( 'button', { name: 'Add product B0C7KX2Q4M' } )
			.click();
		await expect(
			block.locator( '.acapi-box .acapi-title' )
		).toContainText( 'Kestrel Audio K7 Kabellose', { timeout: 30_000 } );

		// The block holds a German product now: a US link is offered its own block.
		const sidebar = page.getByRole( 'region', { name: 'Editor settings' } );
		await sidebar
			.getByLabel( INPUT )
			.fill( 'https://www.amazon.com/dp/B0B8RZ4XJQ' );
		await sidebar
			.getByRole( 'button', {
				name: 'Add as a new block for United States',
			} )
			.click();
		await expect
			.poll( async () => ( await editor.getBlocks() ).length )
			.toBe( 2 );
		const [ de, us ] = ( await editor.getBlocks() ) as BlockLike[];
		expect( de?.attributes ).toMatchObject( {
			country: 'de',
			asins: [ 'B0C7KX2Q4M' ],
		} );
		expect( us?.attributes ).toMatchObject( {
			country: 'us',
			asins: [ 'B0B8RZ4XJQ' ],
		} );

		// A short link is explained, never searched.
		await sidebar.getByLabel( INPUT ).fill( 'https://amzn.to/3AbCdEf' );
		await expect( sidebar ).toContainText(
			'Short links (amzn.to, a.co) cannot be read without asking Amazon'
		);
	} );

	test( 'the search list and the single field preview on the server', async ( {
		admin,
		editor,
		page,
	} ) => {
		await admin.createNewPost( { title: 'List and field' } );
		await editor.insertBlock( {
			name: BLOCK,
			attributes: { mode: 'search', template: 'list', items: 3 },
		} );
		const list = editor.canvas.locator( `[data-type="${ BLOCK }"]` );
		await expect( list ).toContainText( 'Amazon Search List' );
		await list.getByLabel( 'Marketplace' ).selectOption( { value: 'de' } );
		await list.getByLabel( 'Keywords' ).fill( 'Laufschuhe' );
		await expect( list.locator( '.acapi-list li' ) ).toHaveCount( 3, {
			timeout: 30_000,
		} );
		const sidebar = page.getByRole( 'region', { name: 'Editor settings' } );
		await sidebar
			.getByLabel( 'Order' )
			.selectOption( { value: 'Price:LowToHigh' } );
		await expect( list.locator( '.acapi-list li' ) ).toHaveCount( 3, {
			timeout: 30_000,
		} );
		await list.screenshot( { path: screenshot( 'list-mode' ) } );

		await editor.insertBlock( {
			name: BLOCK,
			attributes: { template: 'field', field: 'price' },
		} );
		const field = editor.canvas
			.locator( `[data-type="${ BLOCK }"]` )
			.nth( 1 );
		await field
			.getByLabel( INPUT )
			.fill( 'https://www.amazon.de/dp/B0DKAFFEE1' );
		await field
			.getByRole( 'button', { name: 'Add product B0DKAFFEE1' } )
			.click();
		await expect( field.locator( '.acapi-field--price' ) ).toContainText(
			'€',
			{ timeout: 30_000 }
		);
		await sidebar
			.getByLabel( 'Show', { exact: true } )
			.selectOption( { value: 'button' } );
		await expect(
			field.locator( '.acapi-field--button .acapi-button' )
		).toBeVisible( { timeout: 30_000 } );
		await field.screenshot( { path: screenshot( 'field' ) } );
	} );

	test( 'the inserter shows a preview', async ( { admin, page } ) => {
		await admin.createNewPost( { title: 'Inserter' } );
		await page
			.getByRole( 'button', { name: 'Toggle block inserter' } )
			.click();
		await page
			.getByRole( 'searchbox', {
				name: 'Search for blocks and patterns',
			} )
			.fill( 'Amazon Product Box' );
		const option = page.getByRole( 'option', {
			name: 'Amazon Product Box',
		} );
		const preview = page.locator( '.block-editor-inserter__preview' );
		// The search results settle after typing: hover again until the preview opens.
		await expect( async () => {
			await page.mouse.move( 0, 0 );
			await option.hover();
			await expect( preview ).toBeVisible( { timeout: 2_000 } );
		} ).toPass( { timeout: 20_000 } );
		await expect( preview ).not.toContainText( 'No preview available' );
		await expect(
			preview
				.frameLocator( 'iframe' )
				.locator( '.acapi-example .acapi-title' )
		).toHaveText( 'Product title from Amazon' );
		await preview.screenshot( { path: screenshot( 'inserter-preview' ) } );
	} );
} );
