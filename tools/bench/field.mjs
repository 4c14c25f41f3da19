/**
 * The field stack's benchmark (tools/bench/field.sh starts the stack): nginx + PHP-FPM with
 * OPcache, Varnish in front, two web nodes on one MariaDB and one Redis. Writes
 * tests/bench/results/field-latest.md. Reports figures; asserts none.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
	coldPage,
	ctl,
	getItemsCalls,
	prices,
	request,
	sleep,
	stack,
} from '../../tests/field/lib.mjs';
import { ROOT, machine, stats } from './lib.mjs';

const REPS = Number( process.env.ACAPI_BENCH_REPS || 30 );
const s = stack();
const manifest = JSON.parse(
	fs.readFileSync( process.env.ACAPI_BENCH_MANIFEST, 'utf8' )
);
const row = manifest.sizes.find( ( r ) => r.n === 50 ).one;
const pathOf = ( url ) => new URL( url ).pathname;
const lines = [];
const say = ( line = '' ) => {
	lines.push( line );
	console.log( line );
};

/**
 * Server time of one page view, from the probe mu-plugin's comment.
 *
 * @param {string} url URL.
 */
async function serverMs( url ) {
	const r = await request( url, { headers: { 'X-Acapi-Bench': '1' } } );
	const m = r.body.match( /<!-- acapi-bench (\{.*\}) -->/ );
	return m ? JSON.parse( m[ 1 ] ).server_ms : NaN;
}

const fmt = ( st ) =>
	`${ st.median.toFixed( 1 ) } [${ st.p10.toFixed( 1 ) }–${ st.p90.toFixed(
		1
	) }]`;

say( '# Field benchmark (npm run bench:field)' );
say();
const m = machine();
say(
	`Machine: ${ m.cpu }, ${ m.cores } cores, ${ m.memory_gb } GB RAM, ${ m.os }; Node ${ m.node }.`
);
say(
	'Stack: nginx 1.22 + two PHP-FPM 8.2 masters (OPcache on, 4 children each), Varnish 7.1, Redis 7.0 object cache (test drop-in), MariaDB 10.11; the Amazon emulator.'
);
say();

// 1. Warm N = 50 page on nginx + PHP-FPM, straight to one node (no page cache).
const boxes = pathOf( row.boxes );
const links = pathOf( row.links );
for ( let i = 0; i < 3; i++ ) {
	await request( s.nodeA + boxes );
	await request( s.nodeA + links );
}
const boxMs = [];
const linkMs = [];
for ( let i = 0; i < REPS; i++ ) {
	boxMs.push( await serverMs( s.nodeA + boxes ) );
	linkMs.push( await serverMs( s.nodeA + links ) );
}
const ratios = boxMs.map( ( b, i ) => b / linkMs[ i ] );
const latest = path.join( ROOT, 'tests/bench/results/latest.md' );
const phpS = fs.existsSync( latest )
	? (
			fs
				.readFileSync( latest, 'utf8' )
				.split( '\n' )
				.find( ( l ) => /^\| 50 \| one:/.test( l ) ) || ''
		).split( '|' )
	: [];
say( '## Warm product page, N = 50 (one marketplace), server time' );
say();
say( '| server | boxes page ms | links page ms | ratio boxes/links |' );
say( '|---|---|---|---|' );
say(
	`| nginx + PHP-FPM, OPcache (${ REPS } interleaved views) | ${ fmt(
		stats( boxMs )
	) } | ${ fmt( stats( linkMs ) ) } | ${ stats( ratios ).median.toFixed(
		3
	) } [${ stats( ratios ).p10.toFixed( 3 ) }–${ stats( ratios ).p90.toFixed(
		3
	) }] |`
);
if ( phpS.length > 9 ) {
	say(
		`| php -S, OPcache (tests/bench/results/latest.md) |${ phpS[ 7 ] }|${ phpS[ 8 ] }|${ phpS[ 9 ] }|`
	);
}
say();

// 2. The same page through Varnish: throughput and the share PHP never saw.
const seconds = Number( process.env.ACAPI_BENCH_FIELD_SECONDS || 5 );
const concurrency = 8;
await fetch( s.varnish + boxes, { method: 'PURGE' } );
let done = 0;
let hits = 0;
const end = performance.now() + seconds * 1000;
await Promise.all(
	Array.from( { length: concurrency }, async () => {
		while ( performance.now() < end ) {
			const r = await request( s.varnish + boxes );
			done++;
			if ( r.headers.get( 'x-cache' ) === 'HIT' ) {
				hits++;
			}
		}
	} )
);
say( '## The same page through Varnish' );
say();
say(
	`${ ( done / seconds ).toFixed( 0 ) } requests/s (${ concurrency } concurrent clients, ${ seconds } s, ${ done } requests); ${ (
		( 100 * hits ) /
		done
	).toFixed( 2 ) } % answered by Varnish without PHP (${
		done - hits
	} reached PHP).`
);
say();

// 3. After a price change: seconds until a visitor sees it.
const asin = ctl( 'asins', 'us', '1' )[ 0 ];
const pricePage = ctl( 'page', 'bench-field-price', 'us', asin );
await request( s.nodeA + pricePage.path );
const real = ctl( 'rows' ).find( ( r ) => r.asin === asin ).price;
ctl( 'set-price', 'us', asin, '1.23' );
await fetch( s.varnish + pricePage.path, { method: 'PURGE' } );
const cachedCopy = await request( s.varnish + pricePage.path );
const ttl = ( cachedCopy.headers.get( 'cache-control' ) || '' ).match(
	/s-maxage=(\d+)/
);
ctl( 'age', '3700', 'us', asin );
ctl( 'schedule-refresh' );
const refreshStart = performance.now();
await request( `${ s.nodeA }/wp-cron.php` );
const limit = Number( process.env.ACAPI_BENCH_FIELD_PRICE_WAIT || 30 );
let seenAfter = null;
while ( performance.now() - refreshStart < limit * 1000 ) {
	const visit = await request( s.varnish + pricePage.path );
	if ( prices( visit.body ).includes( real ) ) {
		seenAfter = ( performance.now() - refreshStart ) / 1000;
		break;
	}
	await sleep( 250 );
}
say( '## After a price change' );
say();
say(
	seenAfter !== null
		? `A visitor saw the new price ${ seenAfter.toFixed(
				1
			) } s after the refresh job started (system cron on node A, one product).`
		: `A visitor did not see the new price within ${ limit } s of the refresh: the page stayed cached until its s-maxage (${
				ttl ? ttl[ 1 ] : '?'
			} s), so no purge reached Varnish.`
);
say();

// 4. The two-node stampede.
const asins = ctl( 'asins', 'us', '10' );
const stampede = await coldPage( 'bench-field-stampede', 'us', asins );
const since = stampede.since;
await sleep( 1100 );
const answers = await Promise.all(
	Array.from( { length: 10 }, ( _, i ) =>
		request( ( i % 2 ? s.nodeB : s.nodeA ) + stampede.path )
	)
);
const calls = await getItemsCalls( 'us', since );
const waits = answers.map( ( a ) => a.ms );
say( '## Two-node stampede (10 concurrent cold requests, 5 per node)' );
say();
say(
	`${ calls.length } getItems call(s) to Amazon; longest wait ${ Math.max(
		...waits
	).toFixed( 0 ) } ms, median ${ stats( waits ).median.toFixed( 0 ) } ms; ${
		answers.filter( ( a ) => prices( a.body ).length > 0 ).length
	}/10 answers with prices.`
);

const out = path.join( ROOT, 'tests/bench/results/field-latest.md' );
fs.writeFileSync( out, lines.join( '\n' ) + '\n' );
console.log( `\nwritten to ${ path.relative( ROOT, out ) }` );
