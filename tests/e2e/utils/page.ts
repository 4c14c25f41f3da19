/**
 * Page helpers the specs share: a stand-in for Amazon's image CDN (out of reach here, so
 * screenshots still show the layout) and axe's serious or critical findings in a part of a page.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

const STAND_IN =
	'<svg xmlns="http://www.w3.org/2000/svg" width="500" height="500" viewBox="0 0 500 500"><rect width="500" height="500" fill="#d7dde3"/><text x="250" y="270" font-size="64" text-anchor="middle" fill="#44505c">image</text></svg>';

/**
 * Answers Amazon's image CDN with a stand-in image.
 *
 * @param page The page.
 */
export async function standInImages( page: Page ): Promise< void > {
	await page.route( 'https://m.media-amazon.com/**', ( route ) =>
		route.fulfill( { contentType: 'image/svg+xml', body: STAND_IN } )
	);
}

/**
 * Serious or critical axe violations inside some parts of a page, one line each.
 *
 * @param page    The page.
 * @param include Selectors (an array whose first item is a frame's selector reaches into it).
 */
export async function seriousViolations(
	page: Page,
	include: Array< string | string[] >
): Promise< string[] > {
	let builder = new AxeBuilder( { page } );
	for ( const selector of include ) {
		builder = builder.include( selector );
	}
	const results = await builder.analyze();
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
