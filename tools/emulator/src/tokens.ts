/**
 * Token endpoints: Cognito `POST /oauth2/token` (docs/amazon-protocol.md §C2.1) and Login with Amazon
 * `POST /auth/o2/token` (§2.2), one per region, with the error bodies each system uses.
 */
import type { RequestContext } from './context';
import type { CreatorsCredentialKind } from './credentials';
import { applyFaults } from './fault-gate';
import { firstHeader, parseJsonObject, sendJson, sendText } from './http';

const TOKEN_PATHS: Record< CreatorsCredentialKind, string > = {
	cognito: '/oauth2/token',
	lwa: '/auth/o2/token',
};
const SCOPES: Record< CreatorsCredentialKind, string > = {
	cognito: 'creatorsapi/default',
	lwa: 'creatorsapi::default',
};

interface TokenRequestFields {
	grantType?: string;
	clientId?: string;
	clientSecret?: string;
	scope?: string;
}

/**
 * Reads the fields from a form or JSON body and, if present, HTTP Basic credentials.
 * @param ctx
 */
function readFields( ctx: RequestContext ): TokenRequestFields | 'unparseable' {
	const contentType = (
		firstHeader( ctx.req, 'content-type' ) ?? ''
	).toLowerCase();
	const fields: TokenRequestFields = {};
	if ( contentType.includes( 'application/json' ) ) {
		const json = parseJsonObject( ctx.body );
		if ( ! json ) {
			return 'unparseable';
		}
		const str = ( v: unknown ) => ( typeof v === 'string' ? v : undefined );
		Object.assign( fields, {
			grantType: str( json.grant_type ),
			clientId: str( json.client_id ),
			clientSecret: str( json.client_secret ),
			scope: str( json.scope ),
		} );
	} else {
		const form = new URLSearchParams( ctx.body.toString( 'utf8' ) );
		Object.assign( fields, {
			grantType: form.get( 'grant_type' ) ?? undefined,
			clientId: form.get( 'client_id' ) ?? undefined,
			clientSecret: form.get( 'client_secret' ) ?? undefined,
			scope: form.get( 'scope' ) ?? undefined,
		} );
	}
	const basic = /^Basic\s+(\S+)$/i.exec(
		firstHeader( ctx.req, 'authorization' ) ?? ''
	);
	if ( basic?.[ 1 ] ) {
		const decoded = Buffer.from( basic[ 1 ], 'base64' ).toString( 'utf8' );
		const colon = decoded.indexOf( ':' );
		if ( colon > 0 ) {
			fields.clientId = decodeURIComponent( decoded.slice( 0, colon ) );
			fields.clientSecret = decodeURIComponent(
				decoded.slice( colon + 1 )
			);
		}
	}
	return fields;
}

export async function handleTokenRequest(
	ctx: RequestContext
): Promise< void > {
	const kind = ctx.host.kind === 'cognito' ? 'cognito' : 'lwa';
	const region = ctx.host.region ?? 'NA';
	const { state, res } = ctx;
	if ( ctx.path !== TOKEN_PATHS[ kind ] ) {
		sendJson( res, 404, {
			error: 'not_found',
			error_description: `No route ${ ctx.path } on ${ ctx.host.name }`,
		} );
		return;
	}
	// The call is logged before any early answer, so every request is counted.
	// eslint-disable-next-line @wordpress/no-unused-vars-before-return
	const entry = state.log.begin( res, {
		api: 'token',
		operation: 'token',
		auth: kind,
		host: ctx.host.name,
		path: ctx.path,
	} );
	if ( ctx.req.method !== 'POST' ) {
		sendJson(
			res,
			405,
			{
				error: 'invalid_request',
				error_description: 'Only POST is supported',
			},
			{ Allow: 'POST' }
		);
		return;
	}

	const faulted = await applyFaults(
		ctx,
		{ api: 'token', operation: 'token' },
		[],
		{
			throttle: ( retryAfter ) =>
				sendJson(
					res,
					429,
					{ error: 'slow_down', error_description: 'Rate exceeded' },
					{ 'Retry-After': String( retryAfter ) }
				),
			server_error: () =>
				sendJson( res, 500, {
					error: 'server_error',
					error_description: 'An internal error occurred',
				} ),
			malformed: () =>
				sendText( res, 200, '{"access_token":"eyJraWQiOiJ', {} ),
		}
	);
	if ( faulted ) {
		return;
	}

	// Cognito answers a bad client with 400, LWA with 401 (both observed, docs/amazon-protocol.md §C2).
	const invalidClient = () =>
		kind === 'cognito'
			? sendJson( res, 400, { error: 'invalid_client' } )
			: sendJson( res, 401, {
					error_description: 'Client authentication failed',
					error: 'invalid_client',
				} );

	const contentType = (
		firstHeader( ctx.req, 'content-type' ) ?? ''
	).toLowerCase();
	// Cognito takes form encoding only (docs/amazon-protocol.md §C2.1); LWA takes JSON, form or Basic.
	if ( kind === 'cognito' && contentType.includes( 'application/json' ) ) {
		sendJson( res, 400, { error: 'invalid_request' } );
		return;
	}
	const fields = readFields( ctx );
	if ( fields === 'unparseable' ) {
		sendJson( res, 400, {
			error: 'invalid_request',
			error_description: 'Malformed request body',
		} );
		return;
	}
	if ( fields.grantType !== 'client_credentials' ) {
		sendJson( res, 400, {
			error: 'unsupported_grant_type',
			...( kind === 'lwa'
				? {
						error_description:
							'The authorization grant type is not supported',
					}
				: {} ),
		} );
		return;
	}
	const credential = fields.clientId
		? state.credentials.creatorsCredential( fields.clientId )
		: undefined;
	if ( fields.clientId ) {
		entry.credential = fields.clientId;
	}
	// A credential only works at its own auth system and regional endpoint (vacuum#102: NA
	// credentials at the us-west-2 pool got invalid_client).
	if (
		! credential ||
		credential.secret !== fields.clientSecret ||
		credential.kind !== kind ||
		credential.region !== region
	) {
		invalidClient();
		return;
	}
	// EMU-CHOICE (docs/amazon-protocol.md §C9): the other system's scope spelling is invalid_scope.
	// Cognito falls back to the client's default scope when none is sent; LWA requires one.
	const scopeOk =
		fields.scope === SCOPES[ kind ] ||
		( kind === 'cognito' && fields.scope === undefined );
	if ( ! scopeOk ) {
		sendJson( res, 400, {
			error: 'invalid_scope',
			...( kind === 'lwa'
				? { error_description: 'An unknown scope was requested' }
				: {} ),
		} );
		return;
	}
	const expiresIn = state.config.tokenExpiresIn;
	const issued = state.tokens.issue( credential, expiresIn, state.now() );
	if ( kind === 'cognito' ) {
		sendJson( res, 200, {
			access_token: issued.token,
			expires_in: expiresIn,
			token_type: 'Bearer',
		} );
	} else {
		sendJson( res, 200, {
			access_token: issued.token,
			scope: SCOPES.lwa,
			token_type: 'bearer',
			expires_in: expiresIn,
		} );
	}
}
