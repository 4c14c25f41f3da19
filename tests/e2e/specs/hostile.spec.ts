/**
 * Hostile input in a real browser: XSS payloads through shortcode and block attributes and
 * products whose titles carry a script tag (emulator catalog). Nothing may run: every payload
 * tries to set window.__xss or open a dialog. And a page during an Amazon 500 still answers 200.
 */
import { test, expect } from '@wordpress/e2e-test-utils-playwright';
import { configureMarketplace } from '../utils/marketplaces';

const emulator = process.env.ACAPI_EMULATOR_URL ?? 'http://127.0.0.1:9412';

/**
 * Block markup as the editor saves it (serialize_block_attributes' escaping).
 *
 * @param attributes Block attributes.
 */
function productBlock( attributes: Record< string, unknown > ): string {
	const json = JSON.stringify( attributes )
		.replace( /--/g, '\\u002d\\u002d' )
		.replace( /</g, '\\u003c' )
		.replace( />/g, '\\u003e' )
		.replace( /&/g, '\\u0026' )
		.replace( /\\"/g, '\\u0022' );
	return `<!-- wp:creators-connect-for-amazon/product ${ json } /-->`;
}

/**
 * A classic shortcode block.
 *
 * @param shortcode The shortcode.
 */
function shortcodeBlock( shortcode: string ): string {
	return `<!-- wp:shortcode -->${ shortcode }<!-- /wp:shortcode -->`;
}

/**
 * An emulator control request.
 *
 * @param method HTTP method.
 * @param path   Control path.
 * @param body   JSON body.
 */
async function control( method: string, path: string, body?: unknown ) {
	const response = await fetch( emulator + path, {
		method,
		headers: { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify( body ),
	} );
	expect( response.status ).toBe( 200 );
}

test.describe( 'hostile input', () => {
	test.beforeAll( async ( { requestUtils } ) => {
		await configureMarketplace( requestUtils, 'us', 'cognito', 'NA' );
		await configureMarketplace( requestUtils, 'de', 'cognito', 'EU' );
	} );

	test( 'payloads in shortcodes, blocks and product titles never run', async ( {
		page,
		requestUtils,
	} ) => {
		const content = [
			shortcodeBlock(
				'[amazon_product asin="B0B8RZ4XJQ" country="us" title="<script>window.__xss=1</script>"]'
			),
			shortcodeBlock(
				`[amazon_product asin="B0B8RZ4XJQ" country="us" button_text='" onmouseover="window.__xss=1" autofocus onfocus="window.__xss=1" x="']`
			),
			shortcodeBlock(
				'[amazon_product asin="B0DSCRIPT9" country="de" template="list" title="javascript:window.__xss=1"]'
			),
			shortcodeBlock(
				`[amazon_product box="B0B8RZ4XJQ" country="us" button_text="&lt;img src=x onerror=window.__xss=1&gt;"]`
			),
			shortcodeBlock(
				`[amazon_product asin="B0DSCRIPT9" country="de" template="table" title='"><img src=x onerror="window.__xss=1;alert(1)">']`
			),
			shortcodeBlock(
				'[amazon_product asin="&lt;svg onload=window.__xss=1&gt;" country="us"]'
			),
			productBlock( {
				asins: [ 'B0B8RZ4XJQ' ],
				country: 'us',
				template: 'grid',
				buttonText:
					'</a><script>window.__xss=1</script><img src=x onerror="window.__xss=1">',
				className: '" onmouseover="window.__xss=1',
			} ),
			productBlock( {
				asins: [ 'B0DSCRIPT9', '"><script>window.__xss=1</script>' ],
				country: 'de',
				template: 'box',
				buttonText: '--><script>window.__xss=1</script><!--',
			} ),
		].join( '\n' );
		const post = await requestUtils.createPost( {
			title: 'Hostile input',
			content,
			status: 'publish',
			date_gmt: new Date().toISOString(),
		} );

		const dialogs: string[] = [];
		page.on( 'dialog', ( dialog ) => {
			dialogs.push( dialog.message() );
			void dialog.dismiss();
		} );
		const response = await page.goto( `/?p=${ post.id }` );
		expect( response?.status() ).toBe( 200 );
		await expect( page.locator( '.acapi-box' ).first() ).toBeVisible();

		// The catalog's hostile titles are text (us in the grid block, de in the box block).
		const blocks = page.locator(
			'.wp-block-creators-connect-for-amazon-product'
		);
		await expect( blocks ).toHaveCount( 2 );
		await expect( blocks.nth( 0 ) ).toContainText(
			'<script>alert(1)</script>'
		);
		await expect( blocks.nth( 1 ) ).toContainText(
			'<script>alert(1)</script>'
		);
		await expect( page.locator( '.acapi-list' ) ).toContainText(
			'javascript:window.__xss=1'
		);
		// A shortcode payload shows as text too.
		await expect(
			page.getByText( '<script>window.__xss=1</script>' ).first()
		).toBeVisible();

		// Hover and focus everything the plugin printed, so that injected handlers would fire.
		const targets = page.locator( '.acapi a, .acapi img, .acapi button' );
		const count = await targets.count();
		for ( let i = 0; i < Math.min( count, 30 ); i++ ) {
			await targets.nth( i ).hover( { trial: false, force: true } );
			await targets.nth( i ).focus();
		}

		const found = await page.evaluate( () => {
			const injectedScripts = Array.from(
				document.querySelectorAll( 'script' )
			).filter( ( script ) =>
				( script.textContent ?? '' ).includes( '__xss' )
			).length;
			let handlers = 0;
			let scriptUrls = 0;
			for ( const element of Array.from(
				document.querySelectorAll( '*' )
			) ) {
				for ( const attribute of Array.from( element.attributes ) ) {
					const value = attribute.value.replace( /[\s\u0000]+/g, '' );
					if (
						attribute.name.startsWith( 'on' ) &&
						value.includes( '__xss' )
					) {
						handlers++;
					}
					if (
						[ 'href', 'src', 'srcset', 'action' ].includes(
							attribute.name
						) &&
						/^javascript:/i.test( value )
					) {
						scriptUrls++;
					}
				}
			}
			return {
				xss: ( window as unknown as { __xss?: number } ).__xss,
				injectedScripts,
				handlers,
				scriptUrls,
				injected: document.querySelectorAll(
					'.acapi svg, .acapi iframe, .acapi script, .wp-block-creators-connect-for-amazon-product script, .wp-block-creators-connect-for-amazon-product svg'
				).length,
			};
		} );
		expect( found ).toEqual( {
			xss: undefined,
			injectedScripts: 0,
			handlers: 0,
			scriptUrls: 0,
			injected: 0,
		} );
		expect( dialogs ).toEqual( [] );
	} );

	test( 'a page answers 200 while Amazon answers 500', async ( {
		page,
		requestUtils,
	} ) => {
		// The fault first: saving the post already prefetches its products. The ASIN is used by
		// no other spec (its failed fetch is remembered and backed off).
		await control( 'POST', '/__emulator/faults', {
			fault: 'server_error',
			times: -1,
		} );
		try {
			const post = await requestUtils.createPost( {
				title: 'During a fault',
				content:
					shortcodeBlock(
						'[amazon_product asin="B0CBRICKS8" country="us"]'
					) +
					'<!-- wp:paragraph --><p>Still here.</p><!-- /wp:paragraph -->',
				status: 'publish',
				date_gmt: new Date().toISOString(),
			} );
			const start = Date.now();
			const response = await page.request.get( `/?p=${ post.id }` );
			expect( response.status() ).toBe( 200 );
			expect( Date.now() - start ).toBeLessThan( 10_000 );
			const html = await response.text();
			expect( html ).toContain( 'Still here.' );
			expect( html ).not.toContain( 'acapi-price' );
		} finally {
			await control( 'DELETE', '/__emulator/faults' );
		}
	} );
} );
