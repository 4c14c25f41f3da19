/**
 * Two web nodes (two PHP-FPM masters behind nginx) sharing MariaDB and Redis: the plugin's
 * stampede lock and rate limiter hold across machines, and the refresh job runs from a system
 * cron on one node while the other serves.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import {
	boxes,
	ctl,
	emulator,
	getItemsCalls,
	now,
	prices,
	request,
	clearFaults,
	coldPage,
	sleep,
	stack,
} from './lib.mjs';

const s = stack();
const nodes = [ s.nodeA, s.nodeB ];
/** @type {string[]} */
let asins = [];

before( () => {
	asins = ctl( 'asins', 'us', '22' );
	assert.ok(
		asins.length >= 22,
		'the US fixture catalog has 22 usable ASINs'
	);
} );

describe( 'two web nodes, one MariaDB, one Redis', () => {
	test( '10 concurrent cold requests spread over both nodes make 1 getItems call', async () => {
		const page = await coldPage(
			'field-stampede',
			'us',
			asins.slice( 0, 10 )
		);
		const since = page.since;
		// A second after any earlier call, so the rate limiter does not hold this one back
		// beyond the waiting requests' lock wait (2 s).
		await sleep( 1100 );
		// Amazon answers slowly, so every request arrives while the first one's call is open.
		await emulator( 'faults', {
			fault: 'latency',
			latency_ms: 1000,
			times: -1,
			operation: 'getItems',
		} );

		const answers = await Promise.all(
			Array.from( { length: 10 }, ( _, i ) =>
				request( nodes[ i % 2 ] + page.path )
			)
		);
		const calls = await getItemsCalls( 'us', since );
		const served = answers.map( ( a ) => [
			a.status,
			a.headers.get( 'x-field-node' ),
			boxes( a.body ),
			prices( a.body ).length,
		] );

		assert.equal(
			new Set( served.map( ( a ) => a[ 1 ] ) ).size,
			2,
			`both nodes answered: ${ JSON.stringify( served ) }`
		);
		assert.equal(
			calls.length,
			1,
			`one getItems call for all ten: ${ JSON.stringify( calls.map( ( c ) => c.asins ) ) }`
		);
		assert.deepEqual(
			[ ...calls[ 0 ].asins ].sort(),
			asins.slice( 0, 10 ).sort()
		);
		for ( const [ status, , boxCount, priceCount ] of served ) {
			assert.equal( status, 200 );
			assert.equal( boxCount, 10, 'every box is there' );
			assert.ok(
				priceCount >= 9,
				`real data, not the fallback: ${ JSON.stringify( served ) }`
			);
		}
	} );

	test( "one credential's calls stay at least 1 s apart across both nodes", async () => {
		ctl( 'reset-store' );
		const since = await clearFaults();
		// Four pages of distinct ASINs, two on each node at once: four calls with the US credential.
		const pages = [ 0, 1, 2, 3 ].map( ( i ) =>
			ctl(
				'page',
				`field-spacing-${ i }`,
				'us',
				asins.slice( i * 5, i * 5 + 5 ).join( ',' )
			)
		);
		const answers = await Promise.all(
			pages.map( ( p, i ) => request( nodes[ i % 2 ] + p.path ) )
		);
		for ( const a of answers ) {
			assert.equal( a.status, 200 );
		}
		const calls = await getItemsCalls( 'us', since );
		assert.ok(
			calls.length >= 2,
			`several calls to compare: ${ calls.length }`
		);
		const times = calls
			.map( ( c ) => Date.parse( c.time ) )
			.sort( ( a, b ) => a - b );
		const gaps = times.slice( 1 ).map( ( t, i ) => t - times[ i ] );
		for ( const gap of gaps ) {
			assert.ok(
				gap >= 1000,
				`calls ${ gap } ms apart (all gaps: ${ gaps.join( ', ' ) } ms)`
			);
		}
		assert.deepEqual(
			calls.filter( ( c ) => c.status === 429 ),
			[],
			'Amazon never throttled'
		);
	} );

	test( 'the refresh job runs from a system cron on node A while node B serves', async () => {
		const page = await coldPage( 'field-cron', 'us', asins.slice( 0, 10 ) );
		const warm = await request( s.nodeB + page.path );
		assert.equal(
			prices( warm.body ).length >= 9,
			true,
			'the page is warm'
		);
		// Two hours later: every product is due.
		const aged = ctl( 'age', '7200' );
		assert.equal( aged.rows, 10 );
		ctl( 'schedule-refresh' );
		const since = await clearFaults();
		await emulator( 'faults', {
			fault: 'latency',
			latency_ms: 1000,
			times: -1,
			operation: 'getItems',
		} );

		// What a crontab line does: GET wp-cron.php on one node (WP-Cron itself is off).
		const started = now();
		const cron = await request( `${ s.nodeA }/wp-cron.php` );
		assert.equal( cron.status, 200 );
		assert.equal(
			cron.headers.get( 'x-field-node' ),
			s.fpmA,
			'node A ran it'
		);

		const served = [];
		let refreshed = false;
		for ( let i = 0; i < 100 && ! refreshed; i++ ) {
			served.push( await request( s.nodeB + page.path ) );
			const rows = ctl( 'rows' );
			refreshed =
				rows.length === 10 &&
				rows.every( ( r ) => Number( r.fetched_at ) >= started );
			if ( ! refreshed ) {
				await sleep( 200 );
			}
		}
		assert.ok( refreshed, 'every product was fetched again' );
		assert.ok(
			( await getItemsCalls( 'us', since ) ).length >= 1,
			'by calls to Amazon'
		);
		assert.ok( ctl( 'last-run' ), 'the job recorded its run' );
		assert.ok(
			served.length >= 2,
			`node B answered during the run (${ served.length } pages)`
		);
		for ( const a of served ) {
			assert.equal( a.status, 200 );
			assert.equal( boxes( a.body ), 10 );
			assert.ok(
				prices( a.body ).length >= 9,
				'due data is still shown while it is refreshed'
			);
			assert.ok(
				a.ms < 1000,
				`node B did not wait for the refresh (${ Math.round( a.ms ) } ms)`
			);
		}
	} );
} );
