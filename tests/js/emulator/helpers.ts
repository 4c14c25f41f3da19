/**
 * Helpers for the emulator's end-to-end tests: a tiny HTTP client (node:http, so a hung
 * connection can be abandoned by timeout) and the demo credentials.
 */
import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
	startEmulator,
	type RunningEmulator,
} from '../../../tools/emulator/src/server';
import { signRequest, toAmzDate } from '../../../tools/emulator/src/sigv4';

export interface HttpResponse {
	status: number;
	headers: Record< string, string | string[] | undefined >;
	text: string;
	json: () => any;
}

export function httpRequest(
	url: string,
	options: {
		method?: string;
		headers?: Record< string, string >;
		body?: string;
		timeoutMs?: number;
	} = {}
): Promise< HttpResponse > {
	return new Promise( ( resolvePromise, reject ) => {
		const req = request(
			url,
			{
				method: options.method ?? 'POST',
				headers: options.headers ?? {},
				agent: false,
			},
			( res ) => {
				const chunks: Buffer[] = [];
				res.on( 'data', ( c: Buffer ) => chunks.push( c ) );
				res.on( 'end', () => {
					const text = Buffer.concat( chunks ).toString( 'utf8' );
					resolvePromise( {
						status: res.statusCode ?? 0,
						headers: res.headers,
						text,
						json: () => JSON.parse( text ),
					} );
				} );
			}
		);
		if ( options.timeoutMs ) {
			req.setTimeout( options.timeoutMs, () =>
				req.destroy( new Error( 'client timeout' ) )
			);
		}
		req.on( 'error', reject );
		req.end( options.body );
	} );
}

export interface DemoCredentials {
	cognito: Record<
		'NA' | 'EU' | 'FE',
		{ credential_id: string; credential_secret: string; version: string }
	>;
	lwa: Record<
		'NA' | 'EU' | 'FE',
		{ credential_id: string; credential_secret: string; version: string }
	>;
	paapi: { access_key: string; secret_key: string };
	partner_tags: Record< string, string >;
	ineligible: {
		cognito: {
			credential_id: string;
			credential_secret: string;
			version: string;
		};
		lwa: {
			credential_id: string;
			credential_secret: string;
			version: string;
		};
		paapi: { access_key: string; secret_key: string };
	};
}

export const CREDENTIALS: DemoCredentials = JSON.parse(
	readFileSync(
		resolve( __dirname, '../../fixtures/credentials.json' ),
		'utf8'
	)
);

export function tag( country: string ): string {
	const value = CREDENTIALS.partner_tags[ country ];
	if ( ! value ) {
		throw new Error( `no demo tag for ${ country }` );
	}
	return value;
}

export async function lwaToken(
	base: string,
	set: { credential_id: string; credential_secret: string } = CREDENTIALS.lwa
		.NA,
	host = 'api.amazon.com'
): Promise< string > {
	const res = await httpRequest( `${ base }/${ host }/auth/o2/token`, {
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify( {
			grant_type: 'client_credentials',
			client_id: set.credential_id,
			client_secret: set.credential_secret,
			scope: 'creatorsapi::default',
		} ),
	} );
	if ( res.status !== 200 ) {
		throw new Error(
			`token request failed: ${ res.status } ${ res.text }`
		);
	}
	return res.json().access_token;
}

export async function cognitoToken(
	base: string,
	set: { credential_id: string; credential_secret: string } = CREDENTIALS
		.cognito.NA,
	host = 'creatorsapi.auth.us-east-1.amazoncognito.com'
): Promise< HttpResponse > {
	const form = new URLSearchParams( {
		grant_type: 'client_credentials',
		client_id: set.credential_id,
		client_secret: set.credential_secret,
		scope: 'creatorsapi/default',
	} );
	return httpRequest( `${ base }/${ host }/oauth2/token`, {
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: form.toString(),
	} );
}

export function creatorsCall(
	base: string,
	operation: string,
	token: string,
	body: Record< string, unknown >,
	marketplace = 'www.amazon.com',
	authSuffix = ''
): Promise< HttpResponse > {
	return httpRequest(
		`${ base }/creatorsapi.amazon/catalog/v1/${ operation }`,
		{
			headers: {
				authorization: `Bearer ${ token }${ authSuffix }`,
				'x-marketplace': marketplace,
				'content-type': 'application/json',
			},
			body: JSON.stringify( body ),
		}
	);
}

export interface PaapiCallOptions {
	amazonHost?: string;
	region?: string;
	accessKey?: string;
	secretKey?: string;
	date?: Date;
	/** Sign what is actually sent (emulator Host + full path) instead of what Amazon would see. */
	signAsSent?: boolean;
	/** Post to this PA-API path instead of the operation's own (`/paapi5/searchitems`). */
	path?: string;
	/** Send this X-Amz-Target instead of the operation's; null sends none. */
	target?: string | null;
}

/**
 * Signs like the PHP client: content-encoding, content-type, host, x-amz-date, x-amz-target.
 * @param base
 * @param operation
 * @param body
 * @param options
 */
export function paapiCall(
	base: string,
	operation: string,
	body: Record< string, unknown >,
	options: PaapiCallOptions = {}
): Promise< HttpResponse > {
	const amazonHost = options.amazonHost ?? 'webservices.amazon.com';
	const path = options.path ?? `/paapi5/${ operation.toLowerCase() }`;
	const target =
		options.target === undefined
			? `com.amazon.paapi5.v1.ProductAdvertisingAPIv1.${ operation }`
			: options.target;
	const emulatorHost = new URL( base ).host;
	const text = JSON.stringify( body );
	const headers = signRequest( {
		host: options.signAsSent ? emulatorHost : amazonHost,
		path: options.signAsSent ? `/${ amazonHost }${ path }` : path,
		body: text,
		headers: {
			'content-encoding': 'amz-1.0',
			'content-type': 'application/json; charset=utf-8',
			...( target === null ? {} : { 'x-amz-target': target } ),
		},
		accessKey: options.accessKey ?? CREDENTIALS.paapi.access_key,
		secretKey: options.secretKey ?? CREDENTIALS.paapi.secret_key,
		region: options.region ?? 'us-east-1',
		amzDate: toAmzDate( options.date ?? new Date() ),
	} );
	// node:http sets the real Host header itself.
	const { host: _signedHost, ...sent } = headers;
	void _signedHost;
	return httpRequest( `${ base }/${ amazonHost }${ path }`, {
		headers: sent,
		body: text,
	} );
}

/**
 * Starts an emulator for a test file (free port), resets it and applies `config` before each
 * test, and closes it after the file. Read `url` inside tests.
 * @param config `POST /__emulator/config` body applied before each test.
 */
export function emulatorForFile( config: Record< string, unknown > = {} ): {
	readonly url: string;
} {
	let emulator: RunningEmulator | undefined;
	beforeAll( async () => {
		emulator = await startEmulator( 0 );
	} );
	afterAll( async () => {
		await emulator?.close();
	} );
	beforeEach( async () => {
		const url = emulator?.url ?? '';
		await httpRequest( `${ url }/__emulator/reset` );
		await httpRequest( `${ url }/__emulator/config`, {
			body: JSON.stringify( config ),
		} );
	} );
	return {
		get url(): string {
			return emulator?.url ?? '';
		},
	};
}
