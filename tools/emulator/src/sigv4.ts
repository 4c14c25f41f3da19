/**
 * AWS Signature Version 4 as PA-API 5.0 uses it (docs/amazon-protocol.md §P4): the pure building blocks,
 * a signer (used by tests) and the emulator's verifier (docs/amazon-protocol.md §P4.7).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const ALGORITHM = 'AWS4-HMAC-SHA256';
export const PAAPI_SERVICE = 'ProductAdvertisingAPI';
export const TERMINATOR = 'aws4_request';
export const MAX_CLOCK_SKEW_SECONDS = 15 * 60;

const AMZ_DATE = /^\d{8}T\d{6}Z$/;

/** Received headers: lower-case name → every value in arrival order. */
export type HeaderValues = ReadonlyMap< string, readonly string[] >;

export function sha256Hex( data: string | Buffer ): string {
	return createHash( 'sha256' ).update( data ).digest( 'hex' );
}

function hmac( key: string | Buffer, data: string ): Buffer {
	return createHmac( 'sha256', key ).update( data, 'utf8' ).digest();
}

/**
 * RFC 3986 encoding as SigV4 wants it: only A-Z a-z 0-9 - _ . ~ stay literal.
 * @param value
 */
export function uriEncode( value: string ): string {
	return encodeURIComponent( value ).replace(
		/[!'()*]/g,
		( c ) => `%${ c.charCodeAt( 0 ).toString( 16 ).toUpperCase() }`
	);
}

/**
 * Sorted `key=value&…` from a raw query string (always empty for PA-API).
 * @param rawQuery
 */
export function canonicalQueryString( rawQuery: string ): string {
	if ( rawQuery === '' ) {
		return '';
	}
	return rawQuery
		.split( '&' )
		.filter( ( pair ) => pair !== '' )
		.map( ( pair ) => {
			const at = pair.indexOf( '=' );
			const key = at === -1 ? pair : pair.slice( 0, at );
			const value = at === -1 ? '' : pair.slice( at + 1 );
			const decode = ( s: string ) =>
				decodeURIComponent( s.replace( /\+/g, ' ' ) );
			return [
				uriEncode( decode( key ) ),
				uriEncode( decode( value ) ),
			] as const;
		} )
		.sort( ( a, b ) =>
			a[ 0 ] === b[ 0 ]
				? compare( a[ 1 ], b[ 1 ] )
				: compare( a[ 0 ], b[ 0 ] )
		)
		.map( ( [ k, v ] ) => `${ k }=${ v }` )
		.join( '&' );
}

function compare( a: string, b: string ): number {
	if ( a === b ) {
		return 0;
	}
	return a < b ? -1 : 1;
}

/**
 * Trim, collapse inner whitespace runs to one space, join repeated headers with `,`.
 * @param values
 */
export function canonicalHeaderValue( values: readonly string[] ): string {
	return values.map( ( v ) => v.trim().replace( /\s+/g, ' ' ) ).join( ',' );
}

export interface CanonicalInput {
	method: string;
	/** Canonical URI: the path exactly as sent (PA-API paths need no encoding). */
	path: string;
	query: string;
	/** Signed header names, lower case (sorted here). */
	signedHeaders: readonly string[];
	headers: HeaderValues;
	payloadHash: string;
}

export function canonicalRequest( input: CanonicalInput ): string {
	const names = [ ...input.signedHeaders ]
		.map( ( n ) => n.toLowerCase() )
		.sort( compare );
	const headerBlock = names
		.map(
			( name ) =>
				`${ name }:${ canonicalHeaderValue( input.headers.get( name ) ?? [] ) }\n`
		)
		.join( '' );
	return [
		input.method.toUpperCase(),
		input.path,
		canonicalQueryString( input.query ),
		headerBlock,
		names.join( ';' ),
		input.payloadHash,
	].join( '\n' );
}

export function credentialScope(
	date: string,
	region: string,
	service = PAAPI_SERVICE
): string {
	return `${ date }/${ region }/${ service }/${ TERMINATOR }`;
}

export function stringToSign(
	amzDate: string,
	scope: string,
	canonical: string
): string {
	return [ ALGORITHM, amzDate, scope, sha256Hex( canonical ) ].join( '\n' );
}

/**
 * kDate → kRegion → kService → kSigning, chained as raw bytes (docs/amazon-protocol.md §P4.3).
 * @param secretKey
 * @param date
 * @param region
 * @param service
 */
export function signingKey(
	secretKey: string,
	date: string,
	region: string,
	service = PAAPI_SERVICE
): Buffer {
	const kDate = hmac( `AWS4${ secretKey }`, date );
	const kRegion = hmac( kDate, region );
	const kService = hmac( kRegion, service );
	return hmac( kService, TERMINATOR );
}

export function signatureHex( key: Buffer, toSign: string ): string {
	return createHmac( 'sha256', key ).update( toSign, 'utf8' ).digest( 'hex' );
}

/* ---------------------------------------------------------------- signer (tests, tooling) */

export interface SignInput {
	method?: string;
	host: string;
	path: string;
	body: string | Buffer;
	/** Extra headers to send and sign (names any case); `host` and `x-amz-date` are added. */
	headers: Record< string, string >;
	accessKey: string;
	secretKey: string;
	region: string;
	amzDate: string;
	/** Separator between the Authorization parts (docs/amazon-protocol.md §P4.5); default `, `. */
	separator?: string;
}

/**
 * Returns the headers to send, Authorization included.
 * @param input
 */
export function signRequest( input: SignInput ): Record< string, string > {
	const sent: Record< string, string > = {
		...input.headers,
		host: input.host,
		'x-amz-date': input.amzDate,
	};
	const headers = new Map< string, string[] >();
	for ( const [ name, value ] of Object.entries( sent ) ) {
		headers.set( name.toLowerCase(), [ value ] );
	}
	const signedHeaders = [ ...headers.keys() ].sort( compare );
	const date = input.amzDate.slice( 0, 8 );
	const scope = credentialScope( date, input.region );
	const canonical = canonicalRequest( {
		method: input.method ?? 'POST',
		path: input.path,
		query: '',
		signedHeaders,
		headers,
		payloadHash: sha256Hex( input.body ),
	} );
	const signature = signatureHex(
		signingKey( input.secretKey, date, input.region ),
		stringToSign( input.amzDate, scope, canonical )
	);
	const sep = input.separator ?? ', ';
	return {
		...sent,
		Authorization: `${ ALGORITHM } Credential=${ input.accessKey }/${ scope }${ sep }SignedHeaders=${ signedHeaders.join( ';' ) }${ sep }Signature=${ signature }`,
	};
}

/**
 * `Date` → `YYYYMMDDTHHMMSSZ`.
 * @param date
 */
export function toAmzDate( date: Date ): string {
	return date
		.toISOString()
		.replace( /[-:]/g, '' )
		.replace( /\.\d{3}/, '' );
}

/* ---------------------------------------------------------------- verifier */

export type SigV4Failure =
	| 'IncompleteSignature'
	| 'UnrecognizedClient'
	| 'InvalidSignature'
	| 'RequestExpired';

/** One (host, path) pair the client may have signed; see `VerifyRequest.candidates`. */
export interface SignedTarget {
	host: string;
	path: string;
}

export interface VerifyRequest {
	method: string;
	query: string;
	headers: HeaderValues;
	body: Buffer;
	/**
	 * The (host, path) pairs a valid signature may cover. With path routing
	 * (`/webservices.amazon.de/paapi5/getitems`) the emulator offers two: what real Amazon
	 * would see (`webservices.amazon.de`, `/paapi5/getitems`) and what was actually sent
	 * (the received Host header and full path). See the README.
	 */
	candidates: readonly SignedTarget[];
}

export interface VerifyOptions {
	now: Date;
	/** Secret key of an access key, or undefined when the key is unknown. */
	secretFor: ( accessKey: string ) => string | undefined;
	/** SigV4 region that belongs to the virtual host (docs/amazon-protocol.md §P2). */
	expectedRegion: string;
	/** Strict mode also requires `x-amz-target` to be signed (docs/amazon-protocol.md §P4.4). */
	strict?: boolean;
	maxSkewSeconds?: number;
}

export type VerifyResult =
	| {
			ok: true;
			accessKey: string;
			region: string;
			signedHeaders: string[];
			matched: SignedTarget;
	  }
	| { ok: false; failure: SigV4Failure; detail: string; accessKey?: string };

export interface ParsedAuthorization {
	accessKey: string;
	date: string;
	region: string;
	service: string;
	terminator: string;
	signedHeaders: string[];
	signature: string;
}

/**
 * Parses all three layouts clients sent (`, `, `,` or spaces only; docs/amazon-protocol.md §P4.5).
 * Returns undefined when a part is missing or the credential has not exactly 5 parts.
 * @param header
 */
export function parseAuthorization(
	header: string | undefined
): ParsedAuthorization | undefined {
	if ( header === undefined || ! header.startsWith( `${ ALGORITHM } ` ) ) {
		return undefined;
	}
	const parts = new Map< string, string >();
	for ( const token of header.slice( ALGORITHM.length ).split( /[,\s]+/ ) ) {
		const at = token.indexOf( '=' );
		if ( at > 0 ) {
			parts.set( token.slice( 0, at ), token.slice( at + 1 ) );
		}
	}
	const credential = parts.get( 'Credential' );
	const signedHeaders = parts.get( 'SignedHeaders' );
	const signature = parts.get( 'Signature' );
	if ( ! credential || ! signedHeaders || ! signature ) {
		return undefined;
	}
	const scope = credential.split( '/' );
	if ( scope.length !== 5 ) {
		return undefined;
	}
	const [
		accessKey = '',
		date = '',
		region = '',
		service = '',
		terminator = '',
	] = scope;
	return {
		accessKey,
		date,
		region,
		service,
		terminator,
		signedHeaders: signedHeaders
			.split( ';' )
			.map( ( h ) => h.toLowerCase() ),
		signature: signature.toLowerCase(),
	};
}

function amzDateToMillis( amzDate: string ): number {
	const iso = `${ amzDate.slice( 0, 4 ) }-${ amzDate.slice( 4, 6 ) }-${ amzDate.slice( 6, 8 ) }T${ amzDate.slice( 9, 11 ) }:${ amzDate.slice( 11, 13 ) }:${ amzDate.slice( 13, 15 ) }Z`;
	return Date.parse( iso );
}

function sameHex( a: string, b: string ): boolean {
	const left = Buffer.from( a, 'utf8' );
	const right = Buffer.from( b, 'utf8' );
	return left.length === right.length && timingSafeEqual( left, right );
}

/**
 * The check order of docs/amazon-protocol.md §P4.7 steps 2–8 (step 1, routing, is the caller's).
 * @param request
 * @param options
 */
export function verifySigV4(
	request: VerifyRequest,
	options: VerifyOptions
): VerifyResult {
	const auth = parseAuthorization(
		request.headers.get( 'authorization' )?.[ 0 ]
	);
	const amzDate = request.headers.get( 'x-amz-date' )?.[ 0 ]?.trim();
	if ( ! auth ) {
		return {
			ok: false,
			failure: 'IncompleteSignature',
			detail: 'Authorization header missing or incomplete',
		};
	}
	if ( amzDate === undefined || ! AMZ_DATE.test( amzDate ) ) {
		return {
			ok: false,
			failure: 'IncompleteSignature',
			detail: 'x-amz-date missing or malformed',
		};
	}
	if ( auth.terminator !== TERMINATOR ) {
		return {
			ok: false,
			failure: 'IncompleteSignature',
			detail: 'credential scope terminator is not aws4_request',
		};
	}
	const secret = options.secretFor( auth.accessKey );
	if ( secret === undefined ) {
		return {
			ok: false,
			failure: 'UnrecognizedClient',
			detail: `unknown access key ${ auth.accessKey }`,
		};
	}
	const withKey = { accessKey: auth.accessKey };
	if ( auth.date !== amzDate.slice( 0, 8 ) ) {
		return {
			ok: false,
			failure: 'InvalidSignature',
			detail: 'credential scope date differs from x-amz-date',
			...withKey,
		};
	}
	if ( auth.service !== PAAPI_SERVICE ) {
		return {
			ok: false,
			failure: 'InvalidSignature',
			detail: `service must be ${ PAAPI_SERVICE }`,
			...withKey,
		};
	}
	if ( auth.region !== options.expectedRegion ) {
		return {
			ok: false,
			failure: 'InvalidSignature',
			detail: `region ${ auth.region } does not belong to this host (expected ${ options.expectedRegion })`,
			...withKey,
		};
	}
	const skewSeconds =
		Math.abs( options.now.getTime() - amzDateToMillis( amzDate ) ) / 1000;
	if ( skewSeconds > ( options.maxSkewSeconds ?? MAX_CLOCK_SKEW_SECONDS ) ) {
		return {
			ok: false,
			failure: 'RequestExpired',
			detail: `x-amz-date is ${ Math.round( skewSeconds ) } s off`,
			...withKey,
		};
	}
	const required = options.strict
		? [ 'host', 'x-amz-date', 'x-amz-target' ]
		: [ 'host', 'x-amz-date' ];
	const unsigned = required.filter(
		( name ) => ! auth.signedHeaders.includes( name )
	);
	if ( unsigned.length > 0 ) {
		return {
			ok: false,
			failure: 'IncompleteSignature',
			detail: `SignedHeaders lacks ${ unsigned.join( ', ' ) }`,
			...withKey,
		};
	}
	const absent = auth.signedHeaders.filter(
		( name ) => name !== 'host' && ! request.headers.has( name )
	);
	if ( absent.length > 0 ) {
		return {
			ok: false,
			failure: 'IncompleteSignature',
			detail: `signed header(s) not sent: ${ absent.join( ', ' ) }`,
			...withKey,
		};
	}

	// Hash the raw received bytes; never re-serialise the parsed JSON (docs/amazon-protocol.md §P3).
	const payloadHash = sha256Hex( request.body );
	const key = signingKey( secret, auth.date, auth.region );
	const scope = credentialScope( auth.date, auth.region );
	for ( const target of request.candidates ) {
		const headers = new Map( request.headers );
		headers.set( 'host', [ target.host ] );
		const canonical = canonicalRequest( {
			method: request.method,
			path: target.path,
			query: request.query,
			signedHeaders: auth.signedHeaders,
			headers,
			payloadHash,
		} );
		if (
			sameHex(
				signatureHex( key, stringToSign( amzDate, scope, canonical ) ),
				auth.signature
			)
		) {
			return {
				ok: true,
				accessKey: auth.accessKey,
				region: auth.region,
				signedHeaders: auth.signedHeaders,
				matched: target,
			};
		}
	}
	return {
		ok: false,
		failure: 'InvalidSignature',
		detail: 'signature does not match',
		...withKey,
	};
}
