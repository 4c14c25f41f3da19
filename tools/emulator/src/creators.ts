/**
 * The Creators API host `creatorsapi.amazon`: bearer-token auth, `x-marketplace`, lowerCamelCase
 * JSON and `{type, message, reason}` errors, checked in the order of docs/amazon-protocol.md §C9.
 */
import type { RequestContext } from './context';
import type { CreatorsCredential } from './credentials';
import { applyFaults } from './fault-gate';
import { firstHeader, parseJsonObject, sendJson, sendText } from './http';
import { marketplaceByHost } from './marketplaces';
import { asinsOf, runOperation } from './operations';
import type { Operation } from './projection';
import type { LogEntry } from './request-log';
import { reservedFaultsFor } from './reserved';
import type { IssuedToken } from './token-store';
import { validateRequest, type FieldIssue } from './validation';

const CATALOG_OPERATIONS: Readonly< Record< string, Operation > > = {
	'/catalog/v1/getItems': 'getItems',
	'/catalog/v1/searchItems': 'searchItems',
	'/catalog/v1/getVariations': 'getVariations',
	'/catalog/v1/getBrowseNodes': 'getBrowseNodes',
};

/** SDK-only feed/report operations (docs/amazon-protocol.md §C3.1): answered as "nothing available". */
const AUXILIARY_OPERATIONS: Readonly< Record< string, string > > = {
	'/catalog/v1/listFeeds': 'listFeeds',
	'/catalog/v1/getFeed': 'getFeed',
	'/reports/v1/listReports': 'listReports',
	'/reports/v1/getReport': 'getReport',
};

const MESSAGES = {
	invalidToken: 'The authentication token is invalid or malformed',
	tokenExpired: 'Authentication token has expired.',
	missingVersion:
		'The Authorization header must carry the credential version for this token.',
	invalidIssuer:
		'The token issuer is invalid or does not match the expected issuer.',
	invalidAssociate:
		'Your credential is not linked to the partner tag in the request for the given Marketplace.',
	invalidPartnerTag:
		'Partner tag in the request is invalid or is not mapped to the store associated with your credential.',
	notEligible:
		'Your account does not currently meet the eligibility requirements.',
	throttled:
		'The request was denied due to request throttling. Please verify the number of requests made per second.',
	internal: 'An unexpected error occurred while processing your request.',
	cannotParse:
		'Unable to parse the request payload. Please verify that the request body is valid JSON.',
	unknownOperation:
		'The operation requested is invalid. Please verify that the operation name is typed correctly.',
};

/**
 * Non-2xx body: `{type, message, reason?, …extras}` (docs/amazon-protocol.md §C6.1).
 * @param ctx
 * @param status
 * @param type
 * @param message
 * @param extras
 * @param extras.reason
 * @param headers
 */
function sendError(
	ctx: RequestContext,
	status: number,
	type: string,
	message: string,
	extras: { reason?: string; [ key: string ]: unknown } = {},
	headers: Record< string, string > = {}
): void {
	// Key order as observed from the real service: message, reason, type (docs/amazon-protocol.md §C6.1).
	const { reason, ...rest } = extras;
	sendJson(
		ctx.res,
		status,
		{
			message,
			...( reason === undefined ? {} : { reason } ),
			type,
			...rest,
		},
		headers
	);
}

function unauthorized(
	ctx: RequestContext,
	reason: string,
	message: string
): void {
	sendError( ctx, 401, 'UnauthorizedException', message, { reason } );
}

function validationFailed( ctx: RequestContext, issues: FieldIssue[] ): void {
	// EMU-CHOICE (docs/amazon-protocol.md §C6.1): fieldList entries are {name, message} objects.
	sendError(
		ctx,
		400,
		'ValidationException',
		issues.length === 1
			? '1 validation error detected'
			: `${ issues.length } validation errors detected`,
		{
			reason: 'FieldValidationFailed',
			fieldList: issues.map( ( i ) => ( {
				name: i.field,
				message: i.detail,
			} ) ),
		}
	);
}

function throttled( ctx: RequestContext, retryAfterSeconds: number ): void {
	// The body carries what the SDK's ThrottleException model defines (serviceCode, quotaCode; the
	// values are EMU-CHOICE). The wait goes in the Retry-After header only: `retryAfterSeconds` is
	// named by one docs page but not by the model, so clients must not depend on it.
	sendError(
		ctx,
		429,
		'ThrottleException',
		MESSAGES.throttled,
		{ serviceCode: 'creatorsapi', quotaCode: 'RequestsPerSecond' },
		{ 'Retry-After': String( retryAfterSeconds ) }
	);
}

/**
 * `Bearer <token>` (v3 / LWA) or `Bearer <token>, Version 2.x` (v2 / Cognito).
 * Returns undefined after answering 401.
 * @param ctx
 * @param entry
 */
function authenticate(
	ctx: RequestContext,
	entry: LogEntry
): IssuedToken | undefined {
	const { state } = ctx;
	const match = /^Bearer\s+([^\s,]+)\s*(?:,\s*Version\s+(\S+)\s*)?$/i.exec(
		firstHeader( ctx.req, 'authorization' ) ?? ''
	);
	const issued = match?.[ 1 ] ? state.tokens.get( match[ 1 ] ) : undefined;
	if ( ! match || ! issued ) {
		unauthorized( ctx, 'InvalidToken', MESSAGES.invalidToken );
		return undefined;
	}
	entry.credential = issued.credential.id;
	if ( issued.expiresAtMs <= state.now() ) {
		unauthorized( ctx, 'TokenExpired', MESSAGES.tokenExpired );
		return undefined;
	}
	const version = match[ 2 ];
	if ( issued.credential.kind === 'cognito' ) {
		if ( version === undefined ) {
			unauthorized( ctx, 'MissingCredential', MESSAGES.missingVersion );
			return undefined;
		}
		if ( version !== issued.credential.version ) {
			unauthorized( ctx, 'InvalidIssuer', MESSAGES.invalidIssuer );
			return undefined;
		}
	} else if ( version !== undefined && state.config.strict ) {
		// Tolerated by default: older SDKs append the Version to every token (docs/amazon-protocol.md §C3.2).
		unauthorized( ctx, 'InvalidToken', MESSAGES.invalidToken );
		return undefined;
	}
	return issued;
}

export async function handleCreatorsRequest(
	ctx: RequestContext
): Promise< void > {
	const { state, res } = ctx;
	const operation = CATALOG_OPERATIONS[ ctx.path ];
	const auxiliary = AUXILIARY_OPERATIONS[ ctx.path ];
	// The call is logged before any early answer, so every request is counted.
	// eslint-disable-next-line @wordpress/no-unused-vars-before-return
	const entry = state.log.begin( res, {
		api: 'creators',
		operation: operation ?? auxiliary ?? ctx.path,
		host: ctx.host.name,
		path: ctx.path,
	} );

	if ( ! operation && ! auxiliary ) {
		sendError( ctx, 400, 'ValidationException', MESSAGES.unknownOperation, {
			reason: 'UnknownOperation',
		} );
		return;
	}
	if ( ctx.req.method !== 'POST' ) {
		sendJson(
			res,
			405,
			{ message: 'Method not allowed', type: 'ValidationException' },
			{ Allow: 'POST' }
		);
		return;
	}
	const token = authenticate( ctx, entry );
	if ( ! token ) {
		return;
	}
	const credential = token.credential;
	if ( auxiliary ) {
		answerAuxiliary( ctx, auxiliary );
		return;
	}
	if ( ! operation ) {
		return;
	}

	const marketplaceHeader = firstHeader( ctx.req, 'x-marketplace' );
	const marketplace = marketplaceHeader
		? marketplaceByHost( marketplaceHeader )
		: undefined;
	if ( ! marketplace ) {
		validationFailed( ctx, [
			{
				field: 'x-marketplace',
				problem: marketplaceHeader ? 'invalid' : 'missing',
				detail: marketplaceHeader
					? `Unknown marketplace ${ marketplaceHeader }`
					: 'The x-marketplace header is required',
			},
		] );
		return;
	}
	entry.marketplace = marketplace.country;

	const body = parseJsonObject( ctx.body );
	if ( ! body ) {
		sendError( ctx, 400, 'ValidationException', MESSAGES.cannotParse, {
			reason: 'CannotParse',
		} );
		return;
	}
	const { params, issues } = validateRequest(
		operation,
		body,
		'creators',
		marketplace
	);
	if ( ! params ) {
		validationFailed( ctx, issues );
		return;
	}
	const asins = asinsOf( params );
	entry.asins = [ ...asins ];
	entry.partnerTag = params.partnerTag;

	if ( ! checkAssociate( ctx, credential, params.partnerTag, marketplace ) ) {
		return;
	}
	if ( credential.ineligible ) {
		sendError( ctx, 403, 'AccessDeniedException', MESSAGES.notEligible, {
			reason: 'AssociateNotEligible',
		} );
		return;
	}
	const rate = state.rateLimiter.take( `creators:${ credential.id }` );
	if ( ! rate.ok ) {
		throttled( ctx, rate.retryAfterSeconds );
		return;
	}

	const faulted = await applyFaults(
		ctx,
		{ api: 'creators', operation, marketplace: marketplace.country },
		reservedFaultsFor( asins ),
		{
			throttle: ( retryAfter ) => throttled( ctx, retryAfter ),
			server_error: () =>
				sendError(
					ctx,
					500,
					'InternalServerException',
					MESSAGES.internal
				),
			malformed: () =>
				sendText(
					res,
					200,
					'{"itemsResult":{"items":[{"asin":"B0C7KX2Q4M","itemInfo":{"title":{"displayValue":"Trunc',
					{}
				),
			token_expired: () => {
				state.tokens.expire( token.token, state.now() );
				unauthorized( ctx, 'TokenExpired', MESSAGES.tokenExpired );
			},
			not_eligible: () =>
				sendError(
					ctx,
					403,
					'AccessDeniedException',
					MESSAGES.notEligible,
					{ reason: 'AssociateNotEligible' }
				),
			invalid_associate: () =>
				sendError(
					ctx,
					400,
					'ValidationException',
					MESSAGES.invalidAssociate,
					{ reason: 'InvalidAssociate' }
				),
			invalid_request: () =>
				validationFailed( ctx, [
					{
						field: 'keywords',
						problem: 'invalid',
						detail: 'keywords is not valid for this request',
					},
				] ),
		}
	);
	if ( faulted ) {
		return;
	}

	const outcome = runOperation(
		{
			marketplace,
			catalog: state.catalog.forCountry( marketplace.country ),
			apiName: 'Creators API',
			itemIdLabel: 'ItemIds',
			nullMembers: state.config.nullMembers,
			demoImageBase: state.config.demoImages ? state.ownUrl : undefined,
		},
		params
	);
	if ( outcome.kind === 'not_found' ) {
		sendError( ctx, 404, 'ResourceNotFoundException', outcome.message, {
			resourceType: outcome.resourceType,
			resourceId: outcome.resourceId,
		} );
		return;
	}
	sendJson( res, 200, {
		[ outcome.resultKey ]: outcome.result,
		...( outcome.errors.length > 0 ? { errors: outcome.errors } : {} ),
	} );
}

/**
 * Region first (NA credentials at www.amazon.co.uk → InvalidAssociate, observed), then the tag.
 * @param ctx
 * @param credential
 * @param partnerTag
 * @param marketplace
 */
function checkAssociate(
	ctx: RequestContext,
	credential: CreatorsCredential,
	partnerTag: string,
	marketplace: NonNullable< ReturnType< typeof marketplaceByHost > >
): boolean {
	if ( credential.region !== marketplace.region ) {
		sendError( ctx, 400, 'ValidationException', MESSAGES.invalidAssociate, {
			reason: 'InvalidAssociate',
		} );
		return false;
	}
	const tag = ctx.state.credentials.checkPartnerTag(
		partnerTag,
		marketplace
	);
	if ( tag === 'malformed' ) {
		sendError(
			ctx,
			400,
			'ValidationException',
			MESSAGES.invalidPartnerTag,
			{ reason: 'InvalidPartnerTag' }
		);
		return false;
	}
	if ( tag !== 'ok' ) {
		sendError( ctx, 400, 'ValidationException', MESSAGES.invalidAssociate, {
			reason: 'InvalidAssociate',
		} );
		return false;
	}
	return true;
}

function answerAuxiliary( ctx: RequestContext, operation: string ): void {
	switch ( operation ) {
		case 'listFeeds':
			sendJson( ctx.res, 200, { feeds: [] } );
			return;
		case 'listReports':
			sendJson( ctx.res, 200, { reports: [] } );
			return;
		default: {
			const body = parseJsonObject( ctx.body ) ?? {};
			const id = String( body.feedName ?? body.filename ?? '' );
			sendError(
				ctx,
				404,
				'ResourceNotFoundException',
				`No ${ operation === 'getFeed' ? 'feed' : 'report' } named ${ id }.`,
				{
					resourceType: operation === 'getFeed' ? 'Feed' : 'Report',
					resourceId: id,
				}
			);
		}
	}
}
