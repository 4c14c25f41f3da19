/** @jest-environment node */ // eslint-disable-line jsdoc/check-tag-names
/**
 * .wp-env.json, read by @wordpress/env's own config loader (wp-env cannot start Docker here):
 * a Docker user gets the plugin mapped under its slug and activated, the demo credentials, and
 * every Amazon call sent to the emulator on the host (host.docker.internal, which wp-env maps to
 * the host's gateway in every container).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

interface WpEnvironment {
	port: number;
	coreSource: { type: string; url?: string } | null;
	phpVersion: string | null;
	pluginSources: unknown[];
	mappings: Record< string, { type: string; path: string } >;
	config: Record< string, unknown >;
}
interface WpConfig {
	env: Record< 'development' | 'tests', WpEnvironment >;
	lifecycleScripts: Record< string, string | null >;
}

const root = path.join( __dirname, '..', '..', '..' );
// The package's public entry for its config loader (`wp-env start` reads the file with it).
const { loadConfig } = require( '@wordpress/env/lib/config' ) as {
	loadConfig: ( directory: string ) => Promise< WpConfig >;
};

let home: string;
let config: WpConfig;

beforeAll( async () => {
	// wp-env asks WordPress.org for the latest version while it reads the defaults; offline it
	// reads its cache instead, so give it one (the project pins its own core anyway).
	home = fs.mkdtempSync( path.join( os.tmpdir(), 'acapi-wp-env-' ) );
	// wp-env's cache folder for a config file: the md5 of its path (lib/md5.js).
	const cache = path.join(
		home,
		crypto
			.createHash( 'md5' )
			.update( path.join( root, '.wp-env.json' ) )
			.digest( 'hex' )
	);
	fs.mkdirSync( cache, { recursive: true } );
	fs.writeFileSync(
		path.join( cache, 'wp-env-cache.json' ),
		JSON.stringify( { latestWordPressVersion: '6.6.2' } )
	);
	process.env.WP_ENV_HOME = home;
	config = await loadConfig( root );
} );

afterAll( () => {
	delete process.env.WP_ENV_HOME;
	fs.rmSync( home, { recursive: true, force: true } );
} );

test( 'both environments map the plugin under its slug', () => {
	for ( const name of [ 'development', 'tests' ] as const ) {
		const mapping =
			config.env[ name ].mappings[
				'wp-content/plugins/creators-connect-for-amazon'
			];
		expect( mapping?.type ).toBe( 'local' );
		expect( mapping?.path ).toBe( root );
	}
} );

test( 'a pinned WordPress and the PHP the plugin is built for', () => {
	expect( config.env.development.coreSource ).toMatchObject( {
		type: 'zip',
		url: 'https://wordpress.org/wordpress-6.6.2.zip',
	} );
	expect( config.env.development.phpVersion ).toBe( '8.2' );
	const plugin = fs.readFileSync( path.join( root, 'plugin.php' ), 'utf8' );
	expect( plugin ).toMatch( /Requires at least:\s+6\.6/ );
} );

test( 'every Amazon call of both sites goes to the emulator on the host', () => {
	for ( const name of [ 'development', 'tests' ] as const ) {
		expect( config.env[ name ].config.ACAPI_ENDPOINT_OVERRIDE ).toBe(
			'http://host.docker.internal:9411'
		);
	}
	expect( config.env.development.config.WP_DEBUG ).toBe( true );
} );

test( 'after start: the plugin is active on both sites and the demo credentials are seeded', () => {
	const script = config.lifecycleScripts.afterStart ?? '';
	expect( script ).toContain(
		'wp-env run cli wp plugin activate creators-connect-for-amazon'
	);
	expect( script ).toContain(
		'wp-env run tests-cli wp plugin activate creators-connect-for-amazon'
	);
	const seed = script.match( /wp-env run cli php (\S+) / )?.[ 1 ] ?? '';
	expect( seed ).toBe(
		'wp-content/plugins/creators-connect-for-amazon/tools/seed-demo.php'
	);
	expect(
		fs.existsSync(
			path.join(
				root,
				seed.replace(
					'wp-content/plugins/creators-connect-for-amazon/',
					''
				)
			)
		)
	).toBe( true );
} );

test( 'the npm scripts start and stop it', () => {
	const pkg = JSON.parse(
		fs.readFileSync( path.join( root, 'package.json' ), 'utf8' )
	);
	expect( pkg.scripts[ 'env:start' ] ).toBe( 'wp-env start' );
	expect( pkg.scripts[ 'env:stop' ] ).toBe( 'wp-env stop' );
	expect( pkg.devDependencies[ '@wordpress/env' ] ).toBeDefined();
} );
