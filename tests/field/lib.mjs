/**
 * Helpers of the field tests and the field benchmark: the running stack (tools/field.sh writes
 * its addresses to .wp/field-stack/stack.json), the site's hands (tests/field/ctl.php), plain HTTP
 * and the Amazon emulator's control routes.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve( path.dirname( fileURLToPath( import.meta.url ) ), '../..' );

/** @return {Record<string, any>} The stack's addresses. */
export function stack() {
	const file =
		process.env.ACAPI_FIELD_STACK ||
		path.join( root, '.wp', 'field-stack', 'stack.json' );
	if ( ! fs.existsSync( file ) ) {
		throw new Error( `No field stack (${ file }): run tools/field.sh start` );
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

/** Product boxes in a page that show a price. @param {string} html */
export function prices( html ) {
	return [
		...html.matchAll( /<span class="acapi-price__amount">([^<]*)<\/span>/g ),
	].map( ( m ) => m[ 1 ] );
}

/** Boxes in a page. @param {string} html */
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
	const response = await fetch( `${ stack().emulator }/__emulator/${ route }`, {
		method: body === undefined ? 'GET' : 'POST',
		headers: { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify( body ),
	} );
	return response.json();
}

/** Clears the emulator's log and faults. */
export async function resetEmulator() {
	await emulator( 'reset', {} );
	await fetch( `${ stack().emulator }/__emulator/faults`, {
		method: 'DELETE',
	} );
}

/**
 * The getItems calls the emulator logged (both APIs), oldest first.
 *
 * @param {string} [marketplace] Only this marketplace.
 */
export async function getItemsCalls( marketplace ) {
	const log = await emulator( 'log' );
	return log.requests.filter(
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
