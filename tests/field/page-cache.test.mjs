/**
 * Varnish 7 in front of nginx + PHP-FPM, as an affiliate site runs: the plugin's freshness headers
 * bound how long the page cache keeps a page with products, a refresh that changes a price
 * reaches visitors through the purge path, and logged-in editors never get a visitor's copy.
 *
 * Time moves by rewriting fetched_at in the store; Varnish's view of time is the lifetime it
 * gave the object, read from its own log (varnishlog), so nothing sleeps for long.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import {
	ctl,
	now,
	prices,
	request,
	coldPage,
	sleep,
	sMaxAge,
	stack,
	varnishIds,
	varnishTtl,
} from './lib.mjs';

const s = stack();
const DAY = 86400;
/** @type {string[]} */
let asins = [];

/**
 * Drops a URL from Varnish the way Proxy Cache Purge does.
 *
 * @param {string} path Page path.
 */
async function purge( path ) {
	const r = await fetch( s.varnish + path, {
		method: 'PURGE',
		headers: { 'X-Purge-Method': 'default' },
	} );
	assert.equal( r.status, 200, 'Varnish accepts the PURGE' );
}

/**
 * A visitor's first and second view of a page through Varnish, and the lifetime Varnish gave it.
 *
 * @param {string} path Page path.
 */
async function cachedTwice( path ) {
	await purge( path );
	// The time the page is asked for, in whole seconds: Varnish stores it after this, and the
	// server counts the data's time left at or after this second. Taken after the second request
	// (and the varnishlog read), a second boundary crossed meanwhile made the time left look one
	// second shorter than the server saw it.
	const at = now();
	const first = await request( s.varnish + path );
	const second = await request( s.varnish + path );
	assert.equal( first.headers.get( 'x-cache' ), 'MISS' );
	assert.equal(
		second.headers.get( 'x-cache' ),
		'HIT',
		'the page cache keeps the page'
	);
	const ttl = varnishTtl( varnishIds( second.headers )[ 1 ] );
	return { first, second, ttl, at };
}

before( () => {
	asins = ctl( 'asins', 'us', '3' );
} );

describe( 'page cache (Varnish) in front of the site', () => {
	test( 'the cache keeps a product page no longer than its s-maxage', async () => {
		const page = ctl(
			'page',
			'field-cache-ttl',
			'us',
			asins.slice( 0, 2 ).join( ',' )
		);
		await request( s.nodeA + page.path ); // Stores the products.
		// The oldest data is ten minutes from the 24-hour limit (its refreshes failed all day).
		const aged = ctl( 'old', String( DAY - 600 ), 'us', asins[ 0 ] );
		const { first, second, ttl, at } = await cachedTwice( page.path );

		const n = sMaxAge( first.headers );
		assert.ok(
			n !== null,
			`s-maxage is sent: ${ first.headers.get( 'cache-control' ) }`
		);
		assert.ok(
			n <= aged.fetched_at + DAY - at + 1 && n > 500,
			`s-maxage ${ n } follows the oldest product (${ aged.fetched_at + DAY - at } s left)`
		);
		assert.equal(
			prices( first.body ).length,
			2,
			'both products show their price'
		);
		assert.ok(
			ttl !== null && ttl <= n,
			`Varnish keeps it ${ ttl } s, s-maxage ${ n }`
		);
		assert.ok( Number( second.headers.get( 'age' ) ) <= n );

		// The same cache keeps a page that sends no caching headers its own default: a week.
		const plain = await cachedTwice( '/sample-page/' );
		assert.equal(
			sMaxAge( plain.first.headers ),
			null,
			'no headers on a page without products'
		);
		assert.equal( plain.ttl, 604800 );
	} );

	test( 'a page whose oldest product nears 24 h is not served from the cache past it', async () => {
		const page = ctl( 'page', 'field-cache-24h', 'us', asins[ 2 ] );
		await request( s.nodeA + page.path );

		// 90 s left: the price shows, and the cache must drop the page within those 90 s.
		const aged = ctl( 'old', String( DAY - 90 ), 'us', asins[ 2 ] );
		const near = await cachedTwice( page.path );
		assert.equal(
			prices( near.first.body ).length,
			1,
			'still shown with its price'
		);
		assert.ok(
			near.ttl !== null && near.at + near.ttl <= aged.fetched_at + DAY,
			`Varnish keeps it ${ near.ttl } s, the data has ${ aged.fetched_at + DAY - near.at } s left`
		);

		// 30 s left: too close to cache a price at all, so the page shows the no-price fallback.
		ctl( 'old', String( DAY - 30 ), 'us', asins[ 2 ] );
		const nearer = await cachedTwice( page.path );
		assert.deepEqual(
			prices( nearer.first.body ),
			[],
			'no price within the last minute'
		);
		assert.match(
			nearer.first.body,
			/class="acapi [^"]*acapi-no-price"[\s\S]*?rel="sponsored/,
			'the product is still there, as its link'
		);
	} );

	test( 'a refresh that changes a price reaches a visitor through the purge path', async () => {
		const page = await coldPage(
			'field-cache-purge',
			'us',
			asins.slice( 0, 2 )
		);
		await request( s.nodeA + page.path );
		const real = ctl( 'rows' ).find( ( r ) => r.asin === asins[ 0 ] ).price;
		ctl( 'set-price', 'us', asins[ 0 ], '1.23' ); // What Amazon said an hour ago.
		const old = await cachedTwice( page.path );
		assert.ok(
			prices( old.second.body ).includes( '$1.23' ),
			'visitors see the cached old price'
		);

		// The products fall due; a system cron runs the refresh job on node A.
		ctl( 'age', '3700' );
		ctl( 'schedule-refresh' );
		const cron = await request( `${ s.nodeA }/wp-cron.php` );
		assert.equal( cron.status, 200 );
		let refreshedAt = 0;
		for ( let i = 0; i < 100 && ! refreshedAt; i++ ) {
			const row = ctl( 'rows' ).find( ( r ) => r.asin === asins[ 0 ] );
			refreshedAt = row.price === real ? performance.now() : 0;
			if ( ! refreshedAt ) {
				await sleep( 100 );
			}
		}
		assert.ok( refreshedAt, 'the job stored the new price' );

		let seen = null;
		for ( let i = 0; i < 50 && ! seen; i++ ) {
			const visit = await request( s.varnish + page.path );
			if ( prices( visit.body ).includes( real ) ) {
				seen = visit;
			} else {
				await sleep( 200 );
			}
		}
		assert.ok(
			seen,
			`a visitor sees ${ real } within 10 s of the refresh (the page cache purged the page)`
		);
		assert.ok( ! prices( seen.body ).includes( '$1.23' ) );
	} );

	test( "a logged-in editor is never served a visitor's cached page", async () => {
		const page = ctl( 'page', 'field-cache-editor', 'us', asins[ 1 ] );
		const visitor = await cachedTwice( page.path );
		const cookie = ctl( 'cookie', 'editor' );

		const editor = await request( s.varnish + page.path, {
			headers: {
				cookie: `${ cookie.name }=${ cookie.value }; _ga=GA1.1.1`,
			},
		} );
		assert.equal( editor.status, 200 );
		assert.equal(
			editor.headers.get( 'x-cache' ),
			'MISS',
			'past the cache'
		);
		assert.equal(
			varnishIds( editor.headers ).length,
			1,
			'no cached object delivered'
		);
		assert.match(
			editor.body,
			/id="wpadminbar"/,
			'rendered for the editor'
		);
		assert.doesNotMatch(
			editor.headers.get( 'cache-control' ) || '',
			/public|s-maxage/,
			'and never marked shareable'
		);

		// Nor does the editor's page reach the next visitor.
		const next = await request( s.varnish + page.path, {
			headers: { cookie: '_ga=GA1.1.2' },
		} );
		assert.equal( next.headers.get( 'x-cache' ), 'HIT' );
		assert.equal(
			varnishIds( next.headers )[ 1 ],
			varnishIds( visitor.second.headers )[ 1 ],
			"the visitors' own copy"
		);
		assert.doesNotMatch( next.body, /id="wpadminbar"/ );
	} );
} );
