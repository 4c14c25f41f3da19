/**
 * Geotargeting behind Varnish: the page cache keeps one copy of a page with products, and that
 * copy serves a "German" and a "US" browser alike (Chromium with locale and time zone); the
 * script in each browser points the link at the visitor's own store before the click, and each
 * click reaches that store with its tag. The alternatives cost one GetItems call per marketplace.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { coldPage, ctl, getItemsCalls, request, stack } from './lib.mjs';

const s = stack();
const EVERYWHERE = 'B0C7KX2Q4M';
const TAGS = { us: 'acapidemous-20', de: 'acapidemode-21' };

/** @type {import('playwright-core').Browser} */
let browser;
/** @type {{id: number, path: string, since: number}} */
let page;

/**
 * A visitor through Varnish: the cache's answer, the page's HTML, the link's href after the
 * script ran, and the store the click reached.
 *
 * @param {string} locale   Browser locale.
 * @param {string} timezone IANA time zone.
 */
async function visitor( locale, timezone ) {
	const context = await browser.newContext( {
		locale,
		timezoneId: timezone,
	} );
	const stores = [];
	await context.route( /^https:\/\/www\.amazon\.[a-z.]+\//, ( route ) => {
		stores.push( route.request().url() );
		return route.fulfill( { contentType: 'text/html', body: 'store' } );
	} );
	await context.route( /^https:\/\/m\.media-amazon\.com\//, ( route ) =>
		route.fulfill( { contentType: 'image/svg+xml', body: '<svg/>' } )
	);
	const tab = await context.newPage();
	const response = await tab.goto( s.varnish + page.path );
	const html = await response.text();
	const link = tab.locator( '.acapi-box .acapi-title a' ).first();
	const href = await link.getAttribute( 'href' );
	const popup = context.waitForEvent( 'page' );
	await link.click();
	await ( await popup ).waitForLoadState();
	await context.close();
	return {
		cache: response.headers()[ 'x-cache' ],
		html,
		href,
		store: stores[ 0 ] ?? '',
	};
}

describe( 'geotargeting behind Varnish', () => {
	before( async () => {
		ctl( 'geo', 'de,us' );
		page = await coldPage( 'geo-field', 'us', [ EVERYWHERE ] );
		await fetch( s.varnish + page.path, {
			method: 'PURGE',
			headers: { 'X-Purge-Method': 'default' },
		} );
		browser = await chromium.launch( {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		} );
	} );

	after( async () => {
		await browser?.close();
		ctl( 'geo', 'off' );
	} );

	test( 'one cached page; the German and the US visitor each reach their own store', async () => {
		const first = await request( s.varnish + page.path );
		assert.equal( first.headers.get( 'x-cache' ), 'MISS' );
		assert.match( first.body, /data-acapi-geo=/ );
		assert.equal(
			( await getItemsCalls( 'us', page.since ) ).length,
			1,
			'one call in the box’s marketplace'
		);
		assert.equal(
			( await getItemsCalls( 'de', page.since ) ).length,
			1,
			'one call for the German alternative, with the page'
		);

		const german = await visitor( 'de-DE', 'Europe/Berlin' );
		const american = await visitor( 'en-US', 'America/New_York' );
		assert.equal( german.cache, 'HIT' );
		assert.equal( american.cache, 'HIT' );
		assert.equal( german.html, american.html, 'the same cached HTML' );
		assert.equal( german.html, first.body );

		assert.match(
			german.href,
			new RegExp(
				`^https://www\\.amazon\\.de/dp/${ EVERYWHERE }\\?tag=${ TAGS.de }&`
			)
		);
		assert.match(
			american.href,
			new RegExp(
				`^https://www\\.amazon\\.com/dp/${ EVERYWHERE }\\?tag=${ TAGS.us }&`
			)
		);
		assert.match( german.store, /^https:\/\/www\.amazon\.de\/dp\// );
		assert.match( german.store, new RegExp( `tag=${ TAGS.de }` ) );
		assert.match( american.store, /^https:\/\/www\.amazon\.com\/dp\// );
		assert.match( american.store, new RegExp( `tag=${ TAGS.us }` ) );
		assert.equal(
			( await getItemsCalls( '', page.since ) ).length,
			2,
			'the cached page cost no further call'
		);
	} );
} );
