/**
 * The benchmark (npm run bench; tools/bench/run.sh sets the site up and calls this). Measures the
 * bench pages with many sequential requests per point and writes tests/bench/results/latest.md
 * (and latest.json). Server time, peak memory and query counts come from the probe mu-plugin
 * (tools/bench/acapi-bench-mu-plugin.php), Amazon calls from the emulator's request log.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, ctl, emulatorLog, hit, machine, sleep, stats } from './lib.mjs';

const REPS = Number( process.env.ACAPI_BENCH_REPS || 25 );
const manifest = JSON.parse(
	fs.readFileSync( process.env.ACAPI_BENCH_MANIFEST, 'utf8' )
);
const debugLog = process.env.ACAPI_BENCH_DEBUG_LOG || '';
const logStart =
	debugLog && fs.existsSync( debugLog ) ? fs.statSync( debugLog ).size : 0;
const started = Date.now();
const failures = [];

const ms = ( v ) => ( Number.isFinite( v ) ? v.toFixed( 1 ) : '–' );
const mb = ( v ) =>
	Number.isFinite( v ) ? ( v / 1024 / 1024 ).toFixed( 2 ) : '–';
const spread = ( s, f = ms ) =>
	`${ f( s.median ) } [${ f( s.p10 ) }–${ f( s.p90 ) }]`;

function check( response, what ) {
	if ( response.status !== 200 || response.server_ms === null ) {
		failures.push(
			`${ what }: HTTP ${ response.status }, probe ${ response.server_ms === null ? 'missing' : 'ok' }`
		);
	}
	return response;
}

/**
 * Runs a function and returns the Amazon calls it caused, from the emulator's log counts.
 *
 * @param {Function} fn Async function.
 */
async function calls( fn ) {
	const before = ( await emulatorLog() ).counts;
	const result = await fn();
	const after = ( await emulatorLog() ).counts;
	const delta = {};
	for ( const key of Object.keys( after ) ) {
		const d = ( after[ key ] || 0 ) - ( before[ key ] || 0 );
		if ( d > 0 ) {
			delta[ key ] = d;
		}
	}
	return { result, delta };
}

function boxesIn( url ) {
	return fetch( url )
		.then( ( r ) => r.text() )
		.then(
			( html ) =>
				( html.match( /class="acapi acapi-box"/g ) || [] ).length
		);
}

const log = ( line ) => process.stderr.write( `[bench] ${ line }\n` );

// Warm-up: OPcache, the rewrite rules, and the access tokens (a token the plugin cached for an
// earlier emulator process is refused once and fetched again: not part of any cold measurement).
for ( let i = 0; i < 5; i++ ) {
	await hit( manifest.empty );
	await hit( manifest.empty, { off: true } );
}
const smallest = manifest.sizes.find( ( sz ) => sz.n > 0 );
if ( smallest ) {
	ctl( 'reset-store' );
	await hit( smallest.two.boxes );
	await hit( smallest.one.boxes );
}

// 1. The plugin's cost on a page with no products, against the plugin deactivated (per request).
log(
	`page without products: ${ REPS * 2 } requests, plugin on and off interleaved`
);
const empty = { on: [], off: [] };
for ( let i = 0; i < REPS * 2; i++ ) {
	empty.on.push( check( await hit( manifest.empty ), 'empty page' ) );
	empty.off.push(
		check(
			await hit( manifest.empty, { off: true } ),
			'empty page, plugin off'
		)
	);
}
const emptyQ = {
	on: await calls( () => hit( manifest.empty, { queries: true } ) ),
	off: await calls( () =>
		hit( manifest.empty, { queries: true, off: true } )
	),
};
if (
	emptyQ.off.result.plugin_active !== false ||
	emptyQ.on.result.plugin_active !== true
) {
	failures.push( 'the plugin-off switch of the probe did not work' );
}

// 2. Pages with N references, one and two marketplaces.
const rows = [];
for ( const size of manifest.sizes ) {
	for ( const variant of [ 'one', 'two' ] ) {
		if ( size.n === 0 && variant === 'two' ) {
			continue;
		}
		const page = size[ variant ];
		log(
			`N = ${ size.n }, ${ variant === 'one' ? 'one marketplace' : 'two marketplaces' }: cold, warm, ${ REPS } timed pairs`
		);
		ctl( 'reset-store' );
		// The plugin's rate limiter spaces calls per credential across requests: start with a free slot.
		await sleep( 1200 );
		const cold = await calls( () => hit( page.boxes, { queries: true } ) );
		check( cold.result, `N=${ size.n } cold` );
		const warm = await calls( () => hit( page.boxes, { queries: true } ) );
		check( warm.result, `N=${ size.n } warm` );
		const linksQ = await hit( page.links, { queries: true } );
		const rendered = await boxesIn( page.boxes );
		for ( let i = 0; i < 2; i++ ) {
			await hit( page.boxes );
			await hit( page.links );
		}
		const boxes = [];
		const links = [];
		const linksOff = [];
		const timed = await calls( async () => {
			for ( let i = 0; i < REPS; i++ ) {
				boxes.push(
					check( await hit( page.boxes ), `N=${ size.n } boxes` )
				);
				links.push(
					check( await hit( page.links ), `N=${ size.n } links` )
				);
				if ( variant === 'one' ) {
					linksOff.push(
						check(
							await hit( page.links, { off: true } ),
							`N=${ size.n } links, plugin off`
						)
					);
				}
			}
		} );
		const ratios = boxes.map(
			( b, i ) => b.server_ms / links[ i ].server_ms
		);
		const expected = {};
		for ( const [ country, count ] of Object.entries( page.distinct ) ) {
			expected[ country ] = Math.ceil( count / 10 );
		}
		rows.push( {
			n: size.n,
			variant,
			distinct: page.distinct,
			rendered,
			expected_cold: expected,
			cold: { ...cold.delta },
			cold_server_ms: cold.result.server_ms,
			warm: { ...warm.delta },
			warm_timed_calls: timed.delta,
			queries: {
				cold: cold.result.savequeries,
				cold_product: cold.result.savequeries_pq,
				warm: warm.result.savequeries,
				warm_product: warm.result.savequeries_pq,
				links: linksQ.savequeries,
				links_product: linksQ.savequeries_pq,
			},
			boxes: stats( boxes.map( ( r ) => r.server_ms ) ),
			links: stats( links.map( ( r ) => r.server_ms ) ),
			boxes_wall: stats( boxes.map( ( r ) => r.wall_ms ) ),
			ratio: stats( ratios ),
			mem_boxes: stats( boxes.map( ( r ) => r.peak_bytes ) ),
			mem_links: stats( links.map( ( r ) => r.peak_bytes ) ),
			mem_links_off: linksOff.length
				? stats( linksOff.map( ( r ) => r.peak_bytes ) )
				: null,
			links_off: linksOff.length
				? stats( linksOff.map( ( r ) => r.server_ms ) )
				: null,
		} );
	}
}

// 3. Growth from 10 to 500: least-squares slope, and the marginal cost per reference of each step.
// Linear unless the cost per reference of the wide last step (100 → 500) exceeds that of 10 → 100
// by more than half, beyond what the points' own spread (half their p10–p90 band) can explain.
function growth( variant, pick, band = () => 0 ) {
	const selected = rows.filter( ( r ) => r.variant === variant && r.n >= 10 );
	const points = selected.map( ( r ) => [ r.n, pick( r ), band( r ) ] );
	if ( points.length < 2 ) {
		return null;
	}
	const mx = points.reduce( ( s, p ) => s + p[ 0 ], 0 ) / points.length;
	const my = points.reduce( ( s, p ) => s + p[ 1 ], 0 ) / points.length;
	const slope =
		points.reduce( ( s, p ) => s + ( p[ 0 ] - mx ) * ( p[ 1 ] - my ), 0 ) /
		points.reduce( ( s, p ) => s + ( p[ 0 ] - mx ) ** 2, 0 );
	const step = ( a, b ) => ( {
		from: a[ 0 ],
		to: b[ 0 ],
		per_ref: ( b[ 1 ] - a[ 1 ] ) / ( b[ 0 ] - a[ 0 ] ),
		error: ( a[ 2 ] + b[ 2 ] ) / ( b[ 0 ] - a[ 0 ] ),
	} );
	const steps = [];
	for ( let i = 1; i < points.length; i++ ) {
		steps.push( step( points[ i - 1 ], points[ i ] ) );
	}
	const last = steps[ steps.length - 1 ];
	const first =
		points.length > 2
			? step( points[ 0 ], points[ points.length - 2 ] )
			: last;
	const excess = last.per_ref - 1.5 * first.per_ref;
	return {
		slope,
		steps,
		first,
		last,
		linear: ! ( excess > 0 && excess > first.error + last.error ),
	};
}

const growths = {};
for ( const variant of [ 'one', 'two' ] ) {
	growths[ variant ] = {
		boxes_ms: growth(
			variant,
			( r ) => r.boxes.median,
			( r ) => ( r.boxes.p90 - r.boxes.p10 ) / 2
		),
		extra_ms: growth(
			variant,
			( r ) => r.boxes.median - r.links.median,
			( r ) =>
				( r.boxes.p90 - r.boxes.p10 ) / 2 +
				( r.links.p90 - r.links.p10 ) / 2
		),
		memory_kb: growth( variant, ( r ) => r.mem_boxes.median / 1024 ),
		extra_memory_kb: growth(
			variant,
			( r ) => ( r.mem_boxes.median - r.mem_links.median ) / 1024
		),
		queries: growth( variant, ( r ) => r.queries.warm ),
	};
}

// Where a warm box's time goes (one PHP process, the largest page, medians of 7).
const largest = Math.max( ...manifest.sizes.map( ( sz ) => sz.n ) );
let profile = null;
if ( largest > 0 ) {
	log( `profile of the ${ largest }-box page` );
	profile = ctl( 'profile', String( largest ) );
}

// 4. Targets.
const targets = [];
const target = ( name, ok, figure ) => targets.push( { name, ok, figure } );
for ( const r of rows.filter( ( row ) => row.n === 50 ) ) {
	target(
		`ratio boxes/links at N = 50 (${ r.variant } marketplace${ r.variant === 'two' ? 's' : '' }) ≤ 1.25`,
		r.ratio.median <= 1.25,
		`median ${ r.ratio.median.toFixed( 3 ) } [p10 ${ r.ratio.p10.toFixed( 3 ) }, p90 ${ r.ratio.p90.toFixed( 3 ) }]`
	);
}
const onS = stats( empty.on.map( ( r ) => r.server_ms ) );
const offS = stats( empty.off.map( ( r ) => r.server_ms ) );
const delta = onS.median - offS.median;
const noise = Math.max(
	( offS.p90 - offS.p10 ) / 2,
	( onS.p90 - onS.p10 ) / 2
);
target(
	'page without products: plugin on vs off within noise',
	Math.abs( delta ) <= noise,
	`+${ ms( delta ) } ms on a median of ${ ms( offS.median ) } ms; noise (half the p10–p90 band) ±${ ms( noise ) } ms`
);
target(
	'page without products: no product query',
	emptyQ.on.result.savequeries_pq === 0 &&
		emptyQ.on.result.product_query === 0,
	`${ emptyQ.on.result.savequeries_pq } queries touching acapi_products`
);
target(
	'page without products: no Amazon call',
	Object.keys( emptyQ.on.delta ).length === 0,
	JSON.stringify( emptyQ.on.delta )
);
for ( const r of rows.filter( ( row ) => row.n > 0 ) ) {
	const cold = Object.entries( r.expected_cold ).every(
		( [ c, e ] ) => ( r.cold[ `getItems:${ c }` ] || 0 ) === e
	);
	target(
		`N = ${ r.n } (${ r.variant }): getItems cold = ⌈distinct/10⌉ per marketplace`,
		cold,
		Object.keys( r.expected_cold )
			.map(
				( c ) =>
					`${ c } ${ r.cold[ `getItems:${ c }` ] || 0 }/${ r.expected_cold[ c ] }`
			)
			.join( ', ' )
	);
	const warmCalls =
		( r.warm.getItems || 0 ) + ( r.warm_timed_calls.getItems || 0 );
	target(
		`N = ${ r.n } (${ r.variant }): getItems warm = 0`,
		warmCalls === 0,
		`${ warmCalls } over ${ 2 * REPS + 5 } warm views`
	);
	const markets = Object.keys( r.distinct ).length;
	target(
		`N = ${ r.n } (${ r.variant }): product queries warm = one per page (one per marketplace)`,
		r.queries.warm_product <= markets,
		`${ r.queries.warm_product } (marketplaces: ${ markets }); cold ${ r.queries.cold_product }`
	);
	target(
		`N = ${ r.n } (${ r.variant }): every reference rendered as a box`,
		r.rendered === r.n,
		`${ r.rendered } boxes`
	);
}
for ( const variant of [ 'one', 'two' ] ) {
	const g = growths[ variant ];
	if ( g.extra_ms ) {
		// The plugin's share (boxes − links) is what grows with N; the page's base time is mostly noise here.
		target(
			`plugin server time (boxes − links) grows linearly with N (${ variant })`,
			g.extra_ms.linear,
			`slope ${ g.extra_ms.slope.toFixed( 3 ) } ms/ref; per ref ${ g.extra_ms.first.from }→${ g.extra_ms.first.to }: ${ g.extra_ms.first.per_ref.toFixed( 3 ) } ±${ g.extra_ms.first.error.toFixed( 3 ) }, ${ g.extra_ms.last.from }→${ g.extra_ms.last.to }: ${ g.extra_ms.last.per_ref.toFixed( 3 ) } ±${ g.extra_ms.last.error.toFixed( 3 ) }`
		);
		target(
			`peak memory grows linearly with N (${ variant })`,
			g.memory_kb.linear,
			`slope ${ g.memory_kb.slope.toFixed( 2 ) } KB/ref; per-ref steps ${ g.memory_kb.steps.map( ( s ) => `${ s.from }→${ s.to }: ${ s.per_ref.toFixed( 2 ) }` ).join( ', ' ) }`
		);
		target(
			`queries per page do not grow with N (${ variant })`,
			Math.abs( g.queries.slope ) < 0.01,
			`slope ${ g.queries.slope.toFixed( 4 ) } queries/ref`
		);
	}
}
let newLogLines = [];
if ( debugLog && fs.existsSync( debugLog ) ) {
	const fd = fs.openSync( debugLog, 'r' );
	const size = fs.statSync( debugLog ).size;
	const buffer = Buffer.alloc( Math.max( 0, size - logStart ) );
	fs.readSync( fd, buffer, 0, buffer.length, logStart );
	fs.closeSync( fd );
	newLogLines = buffer
		.toString( 'utf8' )
		.split( '\n' )
		.filter( ( l ) => /PHP (Warning|Notice|Deprecated|Fatal)/.test( l ) );
}
target(
	'no PHP warning, notice or error in the debug log',
	newLogLines.length === 0,
	`${ newLogLines.length } lines`
);
target(
	'every request answered 200 with the probe',
	failures.length === 0,
	failures.length ? failures.slice( 0, 3 ).join( '; ' ) : 'all'
);

// 5. The report.
const m = machine();
const seconds = Math.round( ( Date.now() - started ) / 1000 );
const mk = ( r ) =>
	Object.entries( r.distinct )
		.map( ( [ c, n ] ) => `${ c } ${ n }` )
		.join( ' + ' ) || '–';
const cold = ( r ) =>
	Object.keys( r.expected_cold )
		.map(
			( c ) =>
				`${ c } ${ r.cold[ `getItems:${ c }` ] || 0 }/${ r.expected_cold[ c ] }`
		)
		.join( ', ' ) || '0';
const lines = [];
lines.push( `# Benchmark: latest run` );
lines.push( '' );
lines.push(
	`\`npm run bench\` — ${ new Date().toISOString().replace( /\.\d+Z$/, 'Z' ) }, ${ seconds } s, ${ REPS } timed requests per page and point (sequential, after warm-up), PHP's built-in server with OPcache ${ process.env.ACAPI_BENCH_OPCACHE === '0' ? 'off' : 'on' }, ${ m.database } database, no persistent object cache, the plugin's default rate limit (1 request/s per credential) left as it is.`
);
lines.push( '' );
lines.push(
	`Machine: ${ m.cpu }, ${ m.cores } cores, ${ m.memory_gb } GB RAM, ${ m.os }; PHP ${ m.php }, WordPress ${ m.wordpress }, Node ${ m.node }.`
);
lines.push( '' );
lines.push(
	'Server time = from PHP\'s request start to `shutdown` (probe mu-plugin), milliseconds, median [p10–p90]. Ratio = boxes page / links page, request by request (interleaved). Memory = `memory_get_peak_usage()`, MB, median. Queries = `SAVEQUERIES` count of one warm request (those touching `acapi_products` in brackets). Boxes are half product blocks, half `[amazon]` shortcodes, template "box"; the links page has the same paragraphs with plain `<a>` links instead.'
);
lines.push( '' );
lines.push(
	'| N refs | marketplaces: distinct ASINs | getItems cold (got/target) | getItems warm | queries warm (product) | queries cold (product) | server ms, boxes | server ms, links | ratio boxes/links | memory MB boxes / links / links without plugin |'
);
lines.push( '|---:|---|---|---:|---|---|---|---|---|---|' );
for ( const r of rows ) {
	lines.push(
		`| ${ r.n } | ${ r.variant === 'one' ? 'one' : 'two' }: ${ mk( r ) } | ${ cold( r ) } | ${ ( r.warm.getItems || 0 ) + ( r.warm_timed_calls.getItems || 0 ) } | ${ r.queries.warm } (${ r.queries.warm_product }) | ${ r.queries.cold } (${ r.queries.cold_product }) | ${ spread( r.boxes ) } | ${ spread( r.links ) } | ${ spread( r.ratio, ( v ) => v.toFixed( 3 ) ) } | ${ mb( r.mem_boxes.median ) } / ${ mb( r.mem_links.median ) } / ${ r.mem_links_off ? mb( r.mem_links_off.median ) : '–' } |`
	);
}
lines.push( '' );
lines.push(
	`Page without products (${ REPS * 2 } requests each, interleaved): plugin active ${ spread( onS ) } ms, ${ mb( stats( empty.on.map( ( r ) => r.peak_bytes ) ).median ) } MB, ${ emptyQ.on.result.savequeries } queries (${ emptyQ.on.result.savequeries_pq } product); plugin deactivated ${ spread( offS ) } ms, ${ mb( stats( empty.off.map( ( r ) => r.peak_bytes ) ).median ) } MB, ${ emptyQ.off.result.savequeries } queries.`
);
lines.push( '' );
lines.push(
	'## Growth from N = 10 to 500 (medians; least-squares slope, then the cost per reference of each step)'
);
lines.push( '' );
lines.push( '| | one marketplace | two marketplaces |' );
lines.push( '|---|---|---|' );
const gl = ( g, unit, digits ) =>
	g
		? `${ g.slope.toFixed( digits ) } ${ unit }/ref (${ g.steps.map( ( s ) => `${ s.from }→${ s.to }: ${ s.per_ref.toFixed( digits ) }${ s.error ? ` ±${ s.error.toFixed( digits ) }` : '' }` ).join( ', ' ) })${ g.linear ? '' : ' — **not linear**' }`
		: '–';
lines.push(
	`| server time, boxes page | ${ gl( growths.one.boxes_ms, 'ms', 3 ) } | ${ gl( growths.two.boxes_ms, 'ms', 3 ) } |`
);
lines.push(
	`| server time, boxes − links | ${ gl( growths.one.extra_ms, 'ms', 3 ) } | ${ gl( growths.two.extra_ms, 'ms', 3 ) } |`
);
lines.push(
	`| peak memory, boxes page | ${ gl( growths.one.memory_kb, 'KB', 1 ) } | ${ gl( growths.two.memory_kb, 'KB', 1 ) } |`
);
lines.push(
	`| peak memory, boxes − links | ${ gl( growths.one.extra_memory_kb, 'KB', 1 ) } | ${ gl( growths.two.extra_memory_kb, 'KB', 1 ) } |`
);
lines.push(
	`| queries per warm page | ${ gl( growths.one.queries, 'queries', 3 ) } | ${ gl( growths.two.queries, 'queries', 3 ) } |`
);
lines.push( '' );
if ( profile ) {
	lines.push(
		`## Where a warm box's time goes (N = ${ profile.n }, one PHP process, medians of 7)`
	);
	lines.push( '' );
	lines.push(
		`The plugin's renderer alone (product data shaped, template, escaping): ${ profile.render_ms_per_box.toFixed( 3 ) } ms per box. A product block through \`do_blocks\` (WP_Block, block supports, wrapper): ${ profile.block_ms_per_box.toFixed( 3 ) } ms; an \`[amazon]\` shortcode through \`do_shortcode\`: ${ profile.shortcode_ms_per_box.toFixed( 3 ) } ms. A box is ${ Math.round( profile.bytes_per_box ) } bytes of HTML against ${ Math.round( profile.bytes_per_link ) } for a plain link; core's content filters (wptexturize, wpautop, convert_smilies) would take ${ ms( profile.filters_ms_boxes_page ) } ms over the finished boxes page against ${ ms( profile.filters_ms_links_page ) } ms over the links page, which is why the plugin keeps box HTML out of them (an HTML comment stands in for it until \`the_content\`'s last callback, on a block theme until the buffered page is sent, past the template's own pass of the same filters). \`the_content\` as a whole: ${ ms( profile.content_ms_boxes_page ) } ms against ${ ms( profile.content_ms_links_page ) } ms.`
	);
	lines.push( '' );
}
lines.push( '## Targets' );
lines.push( '' );
lines.push( '| target | met | figure |' );
lines.push( '|---|---|---|' );
for ( const t of targets ) {
	lines.push(
		`| ${ t.name } | ${ t.ok ? 'yes' : '**no**' } | ${ t.figure.replace( /\|/g, '\\|' ) } |`
	);
}
if ( newLogLines.length ) {
	lines.push( '' );
	lines.push( 'Debug log lines:' );
	lines.push( '' );
	for ( const l of newLogLines.slice( 0, 10 ) ) {
		lines.push( `    ${ l }` );
	}
}
const text = lines.join( '\n' ) + '\n';
const dir = path.join( ROOT, 'tests/bench/results' );
fs.mkdirSync( dir, { recursive: true } );
fs.writeFileSync( path.join( dir, 'latest.md' ), text );
fs.writeFileSync(
	path.join( dir, 'latest.json' ),
	JSON.stringify(
		{
			machine: m,
			reps: REPS,
			seconds,
			empty: { on: onS, off: offS, queries: emptyQ },
			rows,
			profile,
			growths,
			targets,
		},
		null,
		'\t'
	) + '\n'
);
process.stdout.write( text );
process.stdout.write(
	`\nWritten to tests/bench/results/latest.md (and latest.json). ${ targets.filter( ( t ) => ! t.ok ).length } of ${ targets.length } targets missed.\n`
);
