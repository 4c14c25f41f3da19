/**
 * The bounded load run (npm run load; tools/bench/load.sh sets the site up and calls this).
 * 8 concurrent clients request a 20-product page (us + de) for 30 s on loopback while the refresh
 * job runs over and over (every stored product marked due first, so each run calls Amazon) and
 * the emulator answers every 20th call with a 429. Targets: no 5xx, no PHP warning or notice in
 * the debug log, Amazon calls within the plugin's rate limit per credential (from the emulator's
 * request log timestamps), at most one token request per credential. Exits 1 when one is missed.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
	ROOT,
	SITE_DIR,
	emulator,
	emulatorLog,
	hit,
	machine,
	stats,
} from './lib.mjs';

const SECONDS = Number( process.env.ACAPI_LOAD_SECONDS || 30 );
const CONCURRENCY = Number( process.env.ACAPI_LOAD_CONCURRENCY || 8 );
// The plugin's default (filter acapi_rate_limit_per_second); the bench site does not change it.
const RATE = Number( process.env.ACAPI_LOAD_RATE || 1 );
// Arrival jitter tolerated between two calls the limiter spaced 1/RATE + 0.05 s apart.
const JITTER = 0.1;

const manifest = JSON.parse(
	fs.readFileSync( process.env.ACAPI_BENCH_MANIFEST, 'utf8' )
);
const size = manifest.sizes.find( ( s ) => s.n === 20 );
const page = size.two.boxes;
const debugLog = process.env.ACAPI_BENCH_DEBUG_LOG || '';
const log = ( line ) => process.stderr.write( `[load] ${ line }\n` );

const since = new Date();
const logStart =
	debugLog && fs.existsSync( debugLog ) ? fs.statSync( debugLog ).size : 0;

// Warm the page first (a cold view fetches the 20 products), then inject the throttling.
const first = await hit( page );
log(
	`warm-up view: HTTP ${ first.status }, ${ first.server_ms } ms server time`
);
await emulator( 'POST', 'faults', { fault: 'throttle', every: 20, times: -1 } );

// The refresh job, run again and again in its own PHP processes while the load lasts.
const deadline = Date.now() + SECONDS * 1000;
let refreshRuns = 0;
let refreshFailures = 0;
const refreshOutput = [];
const refresher = ( async () => {
	while ( Date.now() < deadline ) {
		const code = await new Promise( ( resolve ) => {
			const child = spawn(
				'php',
				[
					path.join( ROOT, 'tools/bench/ctl.php' ),
					SITE_DIR,
					'refresh',
				],
				{ stdio: [ 'ignore', 'pipe', 'pipe' ] }
			);
			child.stdout.on( 'data', () => {} );
			child.stderr.on( 'data', ( d ) =>
				refreshOutput.push( String( d ) )
			);
			child.on( 'close', resolve );
		} );
		refreshRuns++;
		if ( code !== 0 ) {
			refreshFailures++;
		}
	}
} )();

// 8 workers, each requesting the page in a loop until the deadline.
const results = [];
const worker = async () => {
	while ( Date.now() < deadline ) {
		try {
			results.push( await hit( page ) );
		} catch ( error ) {
			results.push( {
				status: 0,
				wall_ms: NaN,
				server_ms: null,
				error: String( error ),
			} );
		}
	}
};
log(
	`${ CONCURRENCY } clients for ${ SECONDS } s against ${ page } while the refresh job runs; the emulator throttles every 20th call`
);
await Promise.all( Array.from( { length: CONCURRENCY }, worker ) );
await refresher;
await emulator( 'DELETE', 'faults' );

// Analysis.
const entries = ( await emulatorLog() ).requests.filter(
	( e ) => new Date( e.time ) >= since
);
const byCredential = {};
const tokens = {};
for ( const e of entries ) {
	// No credential: a call the emulator answered 401 for a token it never issued (one cached by
	// the plugin from an earlier emulator process); the plugin then fetches a new token.
	const key = e.credential || '(token unknown to this emulator)';
	if ( e.api === 'token' ) {
		tokens[ key ] = ( tokens[ key ] || 0 ) + 1;
	} else {
		( byCredential[ key ] ||= [] ).push(
			new Date( e.time ).getTime() / 1000
		);
	}
}
const spacing = {};
for ( const [ key, times ] of Object.entries( byCredential ) ) {
	times.sort( ( a, b ) => a - b );
	let minGap = Infinity;
	let maxInSecond = times.length ? 1 : 0;
	for ( let i = 1; i < times.length; i++ ) {
		minGap = Math.min( minGap, times[ i ] - times[ i - 1 ] );
	}
	for ( let i = 0; i < times.length; i++ ) {
		let j = i;
		while (
			j + 1 < times.length &&
			times[ j + 1 ] - times[ i ] < 1 - JITTER
		) {
			j++;
		}
		maxInSecond = Math.max( maxInSecond, j - i + 1 );
	}
	spacing[ key ] = {
		calls: times.length,
		min_gap_s: minGap,
		max_per_second: maxInSecond,
	};
}
const statuses = {};
for ( const r of results ) {
	statuses[ r.status ] = ( statuses[ r.status ] || 0 ) + 1;
}
const fiveXX = results.filter(
	( r ) => r.status >= 500 || r.status === 0
).length;
let phpLines = [];
if ( debugLog && fs.existsSync( debugLog ) ) {
	const sizeNow = fs.statSync( debugLog ).size;
	const fd = fs.openSync( debugLog, 'r' );
	const buffer = Buffer.alloc( Math.max( 0, sizeNow - logStart ) );
	fs.readSync( fd, buffer, 0, buffer.length, logStart );
	fs.closeSync( fd );
	phpLines = buffer
		.toString( 'utf8' )
		.split( '\n' )
		.filter( ( l ) =>
			/PHP (Warning|Notice|Deprecated|Fatal|Parse)|PHP Stack|WordPress database error/.test(
				l
			)
		);
}
const throttled = entries.filter( ( e ) => e.status === 429 ).length;
const server = stats(
	results.filter( ( r ) => r.server_ms !== null ).map( ( r ) => r.server_ms )
);
const wall = stats(
	results
		.filter( ( r ) => Number.isFinite( r.wall_ms ) )
		.map( ( r ) => r.wall_ms )
);

const targets = [
	[
		'zero 5xx (or failed connections)',
		fiveXX === 0,
		`${ fiveXX } of ${ results.length } requests; statuses ${ JSON.stringify( statuses ) }`,
	],
	[
		'zero PHP warnings or notices in the debug log',
		phpLines.length === 0,
		`${ phpLines.length } lines`,
	],
	[
		`Amazon calls within ${ RATE } request/s per credential`,
		Object.values( spacing ).every(
			( s ) => s.max_per_second <= Math.max( 1, Math.ceil( RATE ) )
		),
		Object.entries( spacing )
			.map(
				( [ k, s ] ) =>
					`${ k.slice( 0, 24 ) }…: ${ s.calls } calls, min gap ${ s.min_gap_s.toFixed( 3 ) } s, max ${ s.max_per_second } per ${ 1 - JITTER } s`
			)
			.join( '; ' ),
	],
	[
		'at most one token request per credential (per hour)',
		Object.values( tokens ).every( ( n ) => n <= 1 ),
		JSON.stringify( tokens ),
	],
	[
		'the refresh job ran during the load',
		refreshRuns > 0 && refreshFailures === 0,
		`${ refreshRuns } runs, ${ refreshFailures } failed`,
	],
];

const m = machine();
const out = [];
out.push( `# Load run: latest` );
out.push( '' );
out.push(
	`\`npm run load\` — ${ since.toISOString().replace( /\.\d+Z$/, 'Z' ) }; ${ CONCURRENCY } concurrent clients for ${ SECONDS } s on loopback against a 20-product page (us 10 + de 10, blocks and shortcodes), PHP's built-in server (${ process.env.PHP_CLI_SERVER_WORKERS || 4 } workers); the refresh job ran ${ refreshRuns } times meanwhile (every product marked due before each run); the emulator answered every 20th call with a 429 (${ throttled } 429s).`
);
out.push( '' );
out.push(
	`Machine: ${ m.cpu }, ${ m.cores } cores, ${ m.memory_gb } GB RAM; PHP ${ m.php }, WordPress ${ m.wordpress }, ${ m.database }.`
);
out.push( '' );
out.push(
	`Requests: ${ results.length } (${ ( results.length / SECONDS ).toFixed( 1 ) }/s); server time ${ server.median.toFixed( 1 ) } ms median [p10 ${ server.p10.toFixed( 1 ) }, p90 ${ server.p90.toFixed( 1 ) }]; wall time ${ wall.median.toFixed( 1 ) } ms median [p10 ${ wall.p10.toFixed( 1 ) }, p90 ${ wall.p90.toFixed( 1 ) }]. Amazon calls: ${ entries.filter( ( e ) => e.api !== 'token' ).length } (+ ${ entries.filter( ( e ) => e.api === 'token' ).length } token).`
);
out.push( '' );
out.push( '| target | met | figure |' );
out.push( '|---|---|---|' );
for ( const [ name, ok, figure ] of targets ) {
	out.push(
		`| ${ name } | ${ ok ? 'yes' : '**no**' } | ${ figure.replace( /\|/g, '\\|' ) } |`
	);
}
if ( phpLines.length ) {
	out.push( '', 'Debug log:', '' );
	for ( const l of phpLines.slice( 0, 10 ) ) {
		out.push( `    ${ l }` );
	}
}
if ( refreshOutput.length ) {
	out.push(
		'',
		'Refresh job output:',
		'',
		...refreshOutput
			.join( '' )
			.split( '\n' )
			.slice( 0, 10 )
			.map( ( l ) => `    ${ l }` )
	);
}
const text = out.join( '\n' ) + '\n';
const dir = path.join( ROOT, 'tests/bench/results' );
fs.mkdirSync( dir, { recursive: true } );
fs.writeFileSync( path.join( dir, 'load-latest.md' ), text );
process.stdout.write( text );
const missed = targets.filter( ( t ) => ! t[ 1 ] ).length;
process.stdout.write(
	`\nWritten to tests/bench/results/load-latest.md. ${ missed ? `${ missed } target(s) missed.` : 'Every target met.' }\n`
);
process.exit( missed ? 1 : 0 );
