/** Small HTTP helpers shared by the handlers (node:http only). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';

/** Bodies above this are refused; real payloads are a few KB. */
const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {}

export function readBody( req: IncomingMessage ): Promise< Buffer > {
	return new Promise( ( resolve, reject ) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on( 'data', ( chunk: Buffer ) => {
			size += chunk.length;
			if ( size > MAX_BODY_BYTES ) {
				reject( new BodyTooLargeError( 'request body too large' ) );
				req.destroy();
				return;
			}
			chunks.push( chunk );
		} );
		req.on( 'end', () => resolve( Buffer.concat( chunks ) ) );
		req.on( 'error', reject );
	} );
}

/**
 * Lower-case header name → every value in arrival order (from rawHeaders, so nothing is merged).
 * @param req
 */
export function headerValues( req: IncomingMessage ): Map< string, string[] > {
	const map = new Map< string, string[] >();
	for ( let i = 0; i + 1 < req.rawHeaders.length; i += 2 ) {
		const name = ( req.rawHeaders[ i ] ?? '' ).toLowerCase();
		const list = map.get( name ) ?? [];
		list.push( req.rawHeaders[ i + 1 ] ?? '' );
		map.set( name, list );
	}
	return map;
}

export function firstHeader(
	req: IncomingMessage,
	name: string
): string | undefined {
	const value = req.headers[ name.toLowerCase() ];
	return Array.isArray( value ) ? value[ 0 ] : value;
}

/**
 * Compact JSON, like both real APIs; every answer carries a request id as Amazon's do.
 * @param res
 * @param status
 * @param body
 * @param headers
 */
export function sendJson(
	res: ServerResponse,
	status: number,
	body: unknown,
	headers: Record< string, string > = {}
): void {
	sendText( res, status, JSON.stringify( body ), headers );
}

export function sendText(
	res: ServerResponse,
	status: number,
	text: string,
	headers: Record< string, string > = {},
	contentType = 'application/json'
): void {
	if ( res.headersSent || res.destroyed ) {
		return;
	}
	const payload = Buffer.from( text, 'utf8' );
	res.writeHead( status, {
		'Content-Type': contentType,
		'Content-Length': String( payload.length ),
		'x-amzn-RequestId': randomUUID(),
		...headers,
	} );
	res.end( payload );
}

export function delay( ms: number ): Promise< void > {
	return new Promise( ( resolve ) => {
		const timer = setTimeout( resolve, ms );
		// A pending latency fault must not keep the process alive at shutdown.
		timer.unref();
	} );
}

export function parseJsonObject(
	body: Buffer
): Record< string, unknown > | undefined {
	try {
		const value: unknown = JSON.parse( body.toString( 'utf8' ) );
		return value !== null &&
			typeof value === 'object' &&
			! Array.isArray( value )
			? ( value as Record< string, unknown > )
			: undefined;
	} catch {
		return undefined;
	}
}
