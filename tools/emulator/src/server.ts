/**
 * The HTTP server: virtual-host routing to the Amazon hosts, and the `/__emulator/*` control
 * endpoints (docs/contracts.md). Routing rule: the first path segment when it is an Amazon host
 * name (`/creatorsapi.amazon/catalog/v1/getItems`), otherwise the Host header.
 */
import { DEMO_IMAGE_PREFIX, serveDemoImage } from './demo-images';
import {
	createServer,
	type IncomingMessage,
	type Server,
	type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { Catalog } from './catalog';
import type { RequestContext } from './context';
import { handleCreatorsRequest } from './creators';
import { CredentialStore } from './credentials';
import { FaultValidationError } from './faults';
import { BodyTooLargeError, parseJsonObject, readBody, sendJson } from './http';
import {
	classifyAmazonHost,
	CREATORS_API_HOST,
	type AmazonHost,
} from './marketplaces';
import { handlePaapiRequest } from './paapi';
import {
	ConfigValidationError,
	EmulatorState,
	type EmulatorConfig,
} from './state';
import { handleTokenRequest } from './tokens';

export interface EmulatorOptions {
	/** Directory holding credentials.json and catalog/; default: the repo's tests/fixtures. */
	fixturesDir?: string;
	config?: Partial< EmulatorConfig >;
	/** Wall clock in ms (tests). */
	now?: () => number;
}

export interface RunningEmulator {
	readonly server: Server;
	readonly state: EmulatorState;
	readonly url: string;
	readonly port: number;
	close: () => Promise< void >;
}

/** tools/emulator/{src,dist}/ → <repo>/tests/fixtures. */
export const DEFAULT_FIXTURES_DIR = resolve(
	__dirname,
	'..',
	'..',
	'..',
	'tests',
	'fixtures'
);

interface Route {
	host: AmazonHost;
	path: string;
	pathRouted: boolean;
}

function splitUrl( url: string ): { path: string; query: string } {
	const at = url.indexOf( '?' );
	return at === -1
		? { path: url, query: '' }
		: { path: url.slice( 0, at ), query: url.slice( at + 1 ) };
}

function route( rawPath: string, hostHeader: string ): Route | undefined {
	const segments = rawPath.split( '/' );
	const first = segments[ 1 ] ?? '';
	const byPath = first.includes( '.' )
		? classifyAmazonHost( first )
		: undefined;
	if ( byPath ) {
		return {
			host: byPath,
			path: `/${ segments.slice( 2 ).join( '/' ) }`,
			pathRouted: true,
		};
	}
	const byHeader = classifyAmazonHost( hostHeader.replace( /:\d+$/, '' ) );
	if ( byHeader ) {
		return { host: byHeader, path: rawPath, pathRouted: false };
	}
	// Convenience: Creators API paths are unambiguous even on a plain loopback Host.
	if (
		rawPath.startsWith( '/catalog/' ) ||
		rawPath.startsWith( '/reports/' )
	) {
		return {
			host: { kind: 'creators', name: CREATORS_API_HOST },
			path: rawPath,
			pathRouted: false,
		};
	}
	return undefined;
}

function isLoopback( req: IncomingMessage ): boolean {
	const address = req.socket.remoteAddress ?? '';
	return (
		address === '127.0.0.1' ||
		address === '::1' ||
		address === '::ffff:127.0.0.1' ||
		address.startsWith( '127.' )
	);
}

async function handleControl(
	req: IncomingMessage,
	res: ServerResponse,
	state: EmulatorState,
	path: string,
	body: Buffer
): Promise< void > {
	if ( ! isLoopback( req ) ) {
		sendJson( res, 403, { error: 'control endpoints are loopback-only' } );
		return;
	}
	const method = req.method ?? 'GET';
	const json = () => ( body.length === 0 ? {} : parseJsonObject( body ) );
	try {
		switch ( `${ method } ${ path }` ) {
			case 'POST /__emulator/reset':
				state.reset();
				sendJson( res, 200, { ok: true } );
				return;
			case 'GET /__emulator/log':
				sendJson( res, 200, state.log.snapshot() );
				return;
			case 'GET /__emulator/faults':
				sendJson( res, 200, { faults: state.faults.list() } );
				return;
			case 'POST /__emulator/faults': {
				const fault = state.faults.add( json() );
				sendJson( res, 200, { ok: true, fault } );
				return;
			}
			case 'DELETE /__emulator/faults':
				state.faults.clear();
				sendJson( res, 200, { ok: true } );
				return;
			case 'GET /__emulator/config':
				sendJson( res, 200, state.configSnapshot() );
				return;
			case 'POST /__emulator/config': {
				const raw = json();
				if ( ! raw ) {
					sendJson( res, 400, {
						error: 'body must be a JSON object',
					} );
					return;
				}
				state.applyConfig( raw );
				sendJson( res, 200, state.configSnapshot() );
				return;
			}
			case 'GET /__emulator/health':
				sendJson( res, 200, {
					ok: true,
					marketplaces: state.catalog.countries(),
				} );
				return;
			default:
				sendJson( res, 404, {
					error: `unknown control endpoint ${ method } ${ path }`,
				} );
		}
	} catch ( error ) {
		if (
			error instanceof FaultValidationError ||
			error instanceof ConfigValidationError
		) {
			sendJson( res, 400, { error: error.message } );
			return;
		}
		throw error;
	}
}

async function dispatch(
	req: IncomingMessage,
	res: ServerResponse,
	state: EmulatorState
): Promise< void > {
	const { path: rawPath, query } = splitUrl( req.url ?? '/' );
	const body = await readBody( req );
	if ( rawPath.startsWith( '/__emulator/' ) ) {
		await handleControl( req, res, state, rawPath, body );
		return;
	}
	if ( rawPath.startsWith( DEMO_IMAGE_PREFIX ) && req.method === 'GET' ) {
		serveDemoImage( rawPath, res, state.catalog );
		return;
	}
	const hostHeader = req.headers.host ?? '';
	const target = route( rawPath, hostHeader );
	if ( ! target ) {
		sendJson( res, 404, {
			error: 'unknown Amazon host',
			hint: 'prefix the path with an Amazon host, e.g. /creatorsapi.amazon/catalog/v1/getItems',
		} );
		return;
	}
	const ctx: RequestContext = {
		req,
		res,
		state,
		host: target.host,
		path: target.path,
		rawPath,
		query,
		hostHeader,
		pathRouted: target.pathRouted,
		body,
	};
	switch ( target.host.kind ) {
		case 'creators':
			await handleCreatorsRequest( ctx );
			return;
		case 'paapi':
			await handlePaapiRequest( ctx );
			return;
		case 'cognito':
		case 'lwa':
			await handleTokenRequest( ctx );
	}
}

export function createEmulatorState(
	options: EmulatorOptions = {}
): EmulatorState {
	const dir = options.fixturesDir ?? DEFAULT_FIXTURES_DIR;
	return new EmulatorState(
		CredentialStore.fromFile( resolve( dir, 'credentials.json' ) ),
		Catalog.fromDirectory( resolve( dir, 'catalog' ) ),
		options.config,
		options.now
	);
}

/**
 * Starts the emulator; port 0 picks a free port (tests).
 * @param port
 * @param host
 * @param options
 */
export function startEmulator(
	port: number,
	host = '127.0.0.1',
	options: EmulatorOptions = {}
): Promise< RunningEmulator > {
	const state = createEmulatorState( options );
	const server = createServer( ( req, res ) => {
		dispatch( req, res, state ).catch( ( error: unknown ) => {
			if ( error instanceof BodyTooLargeError ) {
				sendJson( res, 413, { error: error.message } );
				return;
			}
			sendJson( res, 500, {
				error: 'emulator failure',
				detail:
					error instanceof Error ? error.message : String( error ),
			} );
		} );
	} );
	// Hung-connection faults keep sockets open on purpose; keep-alive timeouts stay short so
	// idle clients do not either.
	server.keepAliveTimeout = 2000;
	return new Promise( ( resolvePromise, reject ) => {
		server.once( 'error', reject );
		server.listen( port, host, () => {
			server.off( 'error', reject );
			const address = server.address() as AddressInfo;
			const url = `http://${ address.family === 'IPv6' ? `[${ address.address }]` : address.address }:${ address.port }`;
			state.ownUrl = url;
			resolvePromise( {
				server,
				state,
				url,
				port: address.port,
				close: () =>
					new Promise< void >( ( done ) => {
						server.close( () => done() );
						// Destroys hung and keep-alive connections so close() (and the process) can finish.
						server.closeAllConnections();
					} ),
			} );
		} );
	} );
}
