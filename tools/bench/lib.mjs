/**
 * Shared by tools/bench/bench.mjs and tools/bench/load.mjs: page requests with the probe's
 * metrics, the emulator's request log, statistics and the machine's description.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(
	path.dirname( fileURLToPath( import.meta.url ) ),
	'../..'
);
export const SITE_URL = process.env.ACAPI_BENCH_URL || 'http://127.0.0.1:8971';
export const EMULATOR_URL =
	process.env.ACAPI_BENCH_EMULATOR_URL || 'http://127.0.0.1:9471';
export const SITE_DIR =
	process.env.ACAPI_BENCH_SITE_DIR || path.join( ROOT, '.wp/sites/bench' );

const PROBE = /<!-- acapi-bench (\{.*?\}) -->/;

/**
 * One page request with the probe's metrics.
 *
 * @param {string}                             url     Page URL.
 * @param {{off?: boolean, queries?: boolean}} options Plugin off for this request; SAVEQUERIES.
 * @return {Promise<{status: number, wall_ms: number, server_ms: number|null, peak_bytes: number|null, queries: number|null, product_query: number|null, savequeries: number|null, savequeries_pq: number|null, plugin_active: boolean|null, bytes: number}>} Metrics.
 */
export async function hit( url, options = {} ) {
	const headers = { 'X-Acapi-Bench': options.queries ? 'q' : '1' };
	if ( options.off ) {
		headers[ 'X-Acapi-Bench-Plugin' ] = 'off';
	}
	const start = performance.now();
	const response = await fetch( url, { headers, redirect: 'manual' } );
	const body = await response.text();
	const wall = performance.now() - start;
	const match = PROBE.exec( body );
	const probe = match ? JSON.parse( match[ 1 ] ) : {};
	return {
		status: response.status,
		wall_ms: wall,
		server_ms: probe.server_ms ?? null,
		peak_bytes: probe.peak_bytes ?? null,
		queries: probe.queries ?? null,
		product_query: probe.product_query ?? null,
		savequeries: probe.savequeries ?? null,
		savequeries_pq: probe.savequeries_pq ?? null,
		plugin_active: probe.plugin_active ?? null,
		bytes: body.length,
	};
}

/**
 * The emulator's request log.
 *
 * @return {Promise<{requests: Array<{time: string, api: string, operation: string, marketplace: string|null, status: number|null, asins: string[], credential: string|null}>, counts: Record<string, number>}>} Log.
 */
export async function emulatorLog() {
	const response = await fetch( `${ EMULATOR_URL }/__emulator/log` );
	return response.json();
}

/**
 * POSTs or DELETEs a control endpoint of the emulator.
 *
 * @param {string} method HTTP method.
 * @param {string} route  Route under /__emulator/.
 * @param {Object} body   JSON body.
 */
export async function emulator( method, route, body = undefined ) {
	const response = await fetch( `${ EMULATOR_URL }/__emulator/${ route }`, {
		method,
		headers: { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify( body ),
	} );
	return response.json().catch( () => ( {} ) );
}

/**
 * Runs tools/bench/ctl.php on the bench site.
 *
 * @param {...string} args Command and arguments.
 * @return {Object} Its JSON answer.
 */
export function ctl( ...args ) {
	const out = execFileSync(
		'php',
		[ path.join( ROOT, 'tools/bench/ctl.php' ), SITE_DIR, ...args ],
		{ encoding: 'utf8' }
	);
	return JSON.parse( out.trim().split( '\n' ).pop() );
}

/**
 * A percentile (linear interpolation) of some numbers.
 *
 * @param {number[]} values Values.
 * @param {number}   p      0–100.
 */
export function percentile( values, p ) {
	const sorted = [ ...values ].sort( ( a, b ) => a - b );
	if ( sorted.length === 0 ) {
		return NaN;
	}
	const rank = ( p / 100 ) * ( sorted.length - 1 );
	const low = Math.floor( rank );
	const high = Math.ceil( rank );
	return sorted[ low ] + ( sorted[ high ] - sorted[ low ] ) * ( rank - low );
}

/**
 * Median and spread (p10, p90).
 *
 * @param {number[]} values Values.
 */
export function stats( values ) {
	return {
		median: percentile( values, 50 ),
		p10: percentile( values, 10 ),
		p90: percentile( values, 90 ),
		n: values.length,
	};
}

/**
 * The machine: CPU model, cores, memory, OS, PHP, WordPress and database.
 */
export function machine() {
	const cpus = os.cpus();
	let versions = { php: '?', wordpress: '?', database: '?' };
	try {
		versions = ctl( 'versions' );
	} catch {
		// Described without them.
	}
	let release = os.release();
	try {
		const text = fs.readFileSync( '/etc/os-release', 'utf8' );
		release = /PRETTY_NAME="([^"]+)"/.exec( text )?.[ 1 ] ?? release;
	} catch {
		// Kernel release only.
	}
	return {
		cpu: cpus[ 0 ]?.model ?? 'unknown',
		cores: cpus.length,
		memory_gb: Math.round( ( os.totalmem() / 1024 ** 3 ) * 10 ) / 10,
		os: release,
		node: process.version,
		...versions,
	};
}

/**
 * Waits some milliseconds.
 *
 * @param {number} ms Milliseconds.
 */
export function sleep( ms ) {
	return new Promise( ( resolve ) => setTimeout( resolve, ms ) );
}
