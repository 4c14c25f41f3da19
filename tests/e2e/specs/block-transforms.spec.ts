/**
 * Switching between the shortcode and the product block in the editor, through the block
 * toolbar's Transform menu, keeps the products, the marketplace and the template.
 */
import { test, expect } from '@wordpress/e2e-test-utils-playwright';

const SHORTCODE =
	'[amazon asin="B0DKAFFEE1,B0DKOCHER2" country="de" template="grid"]';

test.describe( 'Amazon Product block transforms', () => {
	test( 'a shortcode block becomes the product block, and back', async ( {
		admin,
		editor,
		page,
	} ) => {
		await admin.createNewPost();
		await editor.insertBlock( {
			name: 'core/shortcode',
			attributes: { text: SHORTCODE },
		} );

		await editor.clickBlockToolbarButton( 'Shortcode' );
		await page.getByRole( 'menuitem', { name: 'Amazon Product' } ).click();
		await expect
			.poll( () => editor.getBlocks() )
			.toMatchObject( [
				{
					name: 'creators-connect-for-amazon/product',
					attributes: {
						asins: [ 'B0DKAFFEE1', 'B0DKOCHER2' ],
						country: 'de',
						template: 'grid',
					},
				},
			] );

		// The switcher is the toolbar's first button; its label is the active variation's title.
		await editor.showBlockToolbar();
		await page
			.getByRole( 'toolbar', { name: 'Block tools' } )
			.getByRole( 'button' )
			.first()
			.click();
		await page.getByRole( 'menuitem', { name: 'Shortcode' } ).click();
		await expect
			.poll( () => editor.getBlocks() )
			.toMatchObject( [
				{
					name: 'core/shortcode',
					attributes: {
						text: '[amazon_product asin="B0DKAFFEE1,B0DKOCHER2" country="de" template="grid"]',
					},
				},
			] );
	} );
} );
