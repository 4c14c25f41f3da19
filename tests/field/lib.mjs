/**
 * Helpers of the field tests and the field benchmark: the running stack (tools/field.sh writes
 * its addresses to .wp/field-stack/stack.json), the site's hands (tests/field/ctl.php), plain HTTP
 * and the Amazon emulator's control routes.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(
	path.dirname( fileURLToPath( import.meta.url ) ),
	'../..'
);

/** @return {Record<string, any>} The stack's addresses. */
export function stack() {
	const file =
		process.env.ACAPI_FIELD_STACK ||
		path.join( root, '.wp', 'field-stack', 'stack.json' );
	if ( ! fs.existsSync( file ) ) {
		throw new Error(
			`No field stack (${ file }): run tools/field.sh start`
		);
	}
	return JSON.parse( fs.readFileSync( file, 'utf8' ) );
}

/**
 * Runs tests/field/ctl.php on the site, in the site's environment; returns its JSON answer.
 *
 * @param {...string} args Command and arguments.
 */
export function ctl( ...args ) {
	const s = stack();
	const out = execFileSync(
		'bash',
		[
			'-c',
			'source "$0" && exec php "$@"',
			s.env,
			path.join( root, 'tests/field/ctl.php' ),
			s.site,
			...args,
		],
		{ encoding: 'utf8', stdio: [ 'ignore', 'pipe', 'pipe' ] }
	);
	return JSON.parse( out.trim().split( '\n' ).pop() );
}

/**
 * A GET (or other method) with its headers, body and wall time in ms.
 *
 * @param {string} url     URL.
 * @param {Object} options fetch options.
 */
export async function request( url, options = {} ) {
	const started = performance.now();
	const response = await fetch( url, { redirect: 'manual', ...options } );
	const body = await response.text();
	return {
		status: response.status,
		headers: response.headers,
		body,
		ms: performance.now() - started,
		started,
		ended: performance.now(),
	};
}

/**
 * Product boxes in a page that show a price.
 *
 * @param {string} html Page.
 */
export function prices( html ) {
	return [
		...html.matchAll(
			/<span class="acapi-price__amount">([^<]*)<\/span>/g
		),
	].map( ( m ) => m[ 1 ] );
}

/**
 * Boxes in a page.
 *
 * @param {string} html Page.
 */
export function boxes( html ) {
	return ( html.match( /class="acapi acapi-box"/g ) || [] ).length;
}

/**
 * The emulator's control routes.
 *
 * @param {string} route  Path under /__emulator/.
 * @param {Object} [body] JSON body (POST), or none (GET).
 */
export async function emulator( route, body ) {
	const response = await fetch(
		`${ stack().emulator }/__emulator/${ route }`,
		{
			method: body === undefined ? 'GET' : 'POST',
			headers: { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify( body ),
		}
	);
	return response.json();
}

/**
 * Clears the emulator's faults and returns the length of its log, so that a test counts only the
 * calls made after it (a reset would also forget the tokens it issued, and the plugin's cached
 * token would then cost a 401 and a retry that no visitor of a real site pays).
 */
export async function clearFaults() {
	await fetch( `${ stack().emulator }/__emulator/faults`, {
		method: 'DELETE',
	} );
	return ( await emulator( 'log' ) ).requests.length;
}

/**
 * A page of product boxes whose products nothing has stored yet (the store emptied, the
 * emulator's faults cleared).
 *
 * @param {string}   slug    Page slug.
 * @param {string}   country Marketplace.
 * @param {string[]} list    ASINs.
 * @return {Promise<{id: number, path: string, since: number}>} The page, and the emulator log's length.
 */
export async function coldPage( slug, country, list ) {
	const page = ctl( 'page', slug, country, list.join( ',' ) );
	ctl( 'reset-store' );
	return { ...page, since: await clearFaults() };
}

/**
 * The getItems calls the emulator logged (both APIs), oldest first.
 *
 * @param {string} [marketplace] Only this marketplace.
 * @param {number} [since]       Log length before (clearFaults()).
 */
export async function getItemsCalls( marketplace, since = 0 ) {
	const log = await emulator( 'log' );
	return log.requests
		.slice( since )
		.filter(
			( r ) =>
				r.operation === 'getItems' &&
				( ! marketplace || r.marketplace === marketplace )
		);
}

/** Seconds since the epoch. */
export const now = () => Math.floor( Date.now() / 1000 );

/** @param {number} ms Milliseconds. */
export const sleep = ( ms ) =>
	new Promise( ( resolve ) => setTimeout( resolve, ms ) );

/**
 * The lifetime Varnish gave an object, from its shared-memory log: the last `TTL VCL` record of
 * the backend fetch that stored it (the second id of a hit's X-Varnish header).
 *
 * @param {number} fetchVxid The backend fetch's transaction id.
 * @return {number|null} Seconds, or null when the log no longer has it.
 */
export function varnishTtl( fetchVxid ) {
	const out = execFileSync(
		'varnishlog',
		[ '-n', stack().varnishName, '-d', '-g', 'raw', '-i', 'TTL' ],
		{ encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }
	);
	let ttl = null;
	for ( const line of out.split( '\n' ) ) {
		const m = line.match( /^\s*(\d+)\s+TTL\s+b\s+VCL\s+(-?\d+)/ );
		if ( m && Number( m[ 1 ] ) === fetchVxid ) {
			ttl = Number( m[ 2 ] );
		}
	}
	return ttl;
}

/**
 * The ids in a response's X-Varnish header.
 *
 * @param {Headers} headers Response headers.
 */
export function varnishIds( headers ) {
	return ( headers.get( 'x-varnish' ) || '' )
		.split( /\s+/ )
		.filter( Boolean )
		.map( Number );
}

/**
 * The s-maxage a response asks for, or null.
 *
 * @param {Headers} headers Response headers.
 */
export function sMaxAge( headers ) {
	const m = ( headers.get( 'cache-control' ) || '' ).match(
		/s-maxage=(\d+)/
	);
	return m ? Number( m[ 1 ] ) : null;
}
