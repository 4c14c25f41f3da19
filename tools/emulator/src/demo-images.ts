/**
 * Demo image mode: Amazon's CDN is never reachable where the demo runs, so item image URLs point
 * at the emulator itself, which draws a small, honest placeholder per product (a coloured card
 * with the title and "Demo image"), as SVG, with no dependency. Off by default; `npm start` turns
 * it on (`--demo-images`, or `POST /__emulator/config {"demo_images": true}`).
 */
import type { ServerResponse } from 'node:http';
import type { Catalog } from './catalog';

export const DEMO_IMAGE_PREFIX = '/demo-images/';

const PATH =
	/^\/demo-images\/([a-z]{2})\/([A-Z0-9]{10})\/(\d{1,4})x(\d{1,4})\.svg$/;

/**
 * The emulator URL of a product's placeholder at a size.
 * @param base    The emulator's own base URL (`http://127.0.0.1:9411`).
 * @param country Marketplace country.
 * @param asin    ASIN.
 * @param width   Width in pixels.
 * @param height  Height in pixels.
 */
export function demoImageUrl(
	base: string,
	country: string,
	asin: string,
	width: number,
	height: number
): string {
	return `${ base }${ DEMO_IMAGE_PREFIX }${ country }/${ asin }/${ width }x${ height }.svg`;
}

/**
 * Replaces every `url` in an item's projected `images` with the emulator's placeholder URL, keeping
 * Amazon's width and height.
 * @param images  Projected `images` (primary and variants).
 * @param base    The emulator's base URL.
 * @param country Marketplace country.
 * @param asin    ASIN.
 */
export function rewriteImages(
	images: Record< string, unknown >,
	base: string,
	country: string,
	asin: string
): void {
	const sets = [
		images.primary,
		...( Array.isArray( images.variants ) ? images.variants : [] ),
	];
	for ( const set of sets ) {
		if ( ! set || typeof set !== 'object' ) {
			continue;
		}
		for ( const size of Object.values(
			set as Record< string, unknown >
		) ) {
			const image = size as {
				url?: string;
				width?: number;
				height?: number;
			};
			if ( image && typeof image.url === 'string' ) {
				image.url = demoImageUrl(
					base,
					country,
					asin,
					image.width ?? 500,
					image.height ?? 500
				);
			}
		}
	}
}

function escapeXml( text: string ): string {
	return text.replace(
		/[<>&"']/g,
		( c ) =>
			( {
				'<': '&lt;',
				'>': '&gt;',
				'&': '&amp;',
				'"': '&quot;',
				"'": '&apos;',
			} )[ c ] as string
	);
}

/**
 * Splits a title into at most `max` lines of about `width` characters (the last one cut with …).
 * @param title Title.
 * @param width Characters per line.
 * @param max   Lines.
 */
function lines( title: string, width: number, max: number ): string[] {
	const out: string[] = [];
	let line = '';
	for ( const word of title.split( /\s+/ ) ) {
		if ( line !== '' && ( line + ' ' + word ).length > width ) {
			out.push( line );
			line = word;
		} else {
			line = line === '' ? word : `${ line } ${ word }`;
		}
	}
	if ( line !== '' ) {
		out.push( line );
	}
	if ( out.length > max ) {
		out.length = max;
		out[ max - 1 ] = `${ ( out[ max - 1 ] ?? '' ).slice( 0, width - 1 ) }…`;
	}
	return out.map( ( l ) =>
		l.length > width ? `${ l.slice( 0, width - 1 ) }…` : l
	);
}

/**
 * The placeholder: a card in a colour derived from the ASIN, the title, the ASIN and "Demo image".
 * @param title  Product title.
 * @param asin   ASIN.
 * @param width  Width.
 * @param height Height.
 */
export function demoImageSvg(
	title: string,
	asin: string,
	width: number,
	height: number
): string {
	let hash = 0;
	for ( const c of asin ) {
		hash = ( hash * 31 + c.charCodeAt( 0 ) ) % 360;
	}
	const font = Math.max( 6, Math.round( Math.min( width, height ) / 12 ) );
	const perLine = Math.max(
		6,
		Math.floor( ( width * 0.86 ) / ( font * 0.55 ) )
	);
	const text = lines(
		title,
		perLine,
		Math.max( 1, Math.floor( ( height * 0.6 ) / ( font * 1.25 ) ) )
	);
	const top = height / 2 - ( ( text.length - 1 ) * font * 1.25 ) / 2;
	const tspans = text
		.map(
			( l, i ) =>
				`<tspan x="${ width / 2 }" y="${ ( top + i * font * 1.25 ).toFixed( 1 ) }">${ escapeXml( l ) }</tspan>`
		)
		.join( '' );
	const small = Math.max( 5, Math.round( font * 0.7 ) );
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" width="${ width }" height="${ height }" viewBox="0 0 ${ width } ${ height }" role="img" aria-label="${ escapeXml( `Demo image: ${ title }` ) }">` +
		`<rect width="100%" height="100%" rx="${ Math.round( font / 2 ) }" fill="hsl(${ hash },55%,42%)"/>` +
		`<text fill="#fff" font-family="sans-serif" font-size="${ font }" text-anchor="middle" dominant-baseline="middle">${ tspans }</text>` +
		`<text fill="#fff" fill-opacity="0.8" font-family="sans-serif" font-size="${ small }" x="${ width / 2 }" y="${ height - small }" text-anchor="middle">Demo image · ${ asin }</text>` +
		`</svg>`
	);
}

/**
 * Answers `GET /demo-images/<country>/<ASIN>/<w>x<h>.svg`.
 * @param path    Request path.
 * @param res     Response.
 * @param catalog The catalog.
 */
export function serveDemoImage(
	path: string,
	res: ServerResponse,
	catalog: Catalog
): void {
	const [ , country = '', asin = '', w = '0', h = '0' ] =
		PATH.exec( path ) ?? [];
	const item = catalog.countries().includes( country )
		? catalog.forCountry( country ).item( asin )
		: undefined;
	if ( ! item ) {
		res.writeHead( 404, { 'content-type': 'text/plain' } );
		res.end( 'no such demo image' );
		return;
	}
	const width = Math.min( 2000, Math.max( 16, Number( w ) ) );
	const height = Math.min( 2000, Math.max( 16, Number( h ) ) );
	const title =
		( item.itemInfo?.title as { displayValue?: string } | undefined )
			?.displayValue ?? item.asin;
	res.writeHead( 200, {
		'content-type': 'image/svg+xml; charset=utf-8',
		'cache-control': 'public, max-age=3600',
		'access-control-allow-origin': '*',
	} );
	res.end( demoImageSvg( title, item.asin, width, height ) );
}
