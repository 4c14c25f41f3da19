/**
 * PA-API 5.0 hosts `webservices.amazon.<tld>`: SigV4 verification (docs/amazon-protocol.md §P4.7), PascalCase
 * bodies and the `{"__type","Errors":[{Code,Message}]}` error envelope (§7).
 */
import type { RequestContext } from './context';
import { applyFaults } from './fault-gate';
import {
	firstHeader,
	headerValues,
	parseJsonObject,
	sendJson,
	sendText,
} from './http';
import type { Marketplace } from './marketplaces';
import { asinsOf, runOperation, type ItemError } from './operations';
import {
	fromPaapiName,
	toPaapiCase,
	toPaapiKey,
	type Operation,
} from './projection';
import { reservedFaultsFor } from './reserved';
import { verifySigV4, type SignedTarget, type SigV4Failure } from './sigv4';
import { validateRequest, type FieldIssue } from './validation';

const PAAPI_OPERATIONS: Readonly< Record< string, Operation > > = {
	'/paapi5/getitems': 'getItems',
	'/paapi5/searchitems': 'searchItems',
	'/paapi5/getvariations': 'getVariations',
	'/paapi5/getbrowsenodes': 'getBrowseNodes',
};

const TARGET_PREFIX = 'com.amazon.paapi5.v1.ProductAdvertisingAPIv1.';

/**
 * `X-Amz-Target` value → operation. Amazon dispatches on this header, not on the path: a widely
 * used plugin posts every operation to `/paapi5/searchitems` and names the real one here.
 */
const TARGET_OPERATIONS: Readonly< Record< string, Operation > > =
	Object.fromEntries(
		Object.values( PAAPI_OPERATIONS ).map( ( operation ) => [
			TARGET_PREFIX +
				operation.charAt( 0 ).toUpperCase() +
				operation.slice( 1 ),
			operation,
		] )
	);

/**
 * The operation a request asks for: the one its `X-Amz-Target` names when it has the header (the
 * path then only has to be one of the four PA-API paths), else the path's (strict mode requires
 * the header). Undefined answers UnknownOperation.
 * @param ctx
 */
function requestedOperation( ctx: RequestContext ): Operation | undefined {
	const target = firstHeader( ctx.req, 'x-amz-target' );
	if ( target === undefined ) {
		return ctx.state.config.strict
			? undefined
			: PAAPI_OPERATIONS[ ctx.path ];
	}
	return TARGET_OPERATIONS[ target.trim() ];
}
const ASSOCIATES_CENTRAL = 'https://affiliate-program.amazon.com/';

function sendPaapiError(
	ctx: RequestContext,
	status: number,
	exception: string,
	code: string,
	message: string,
	headers: Record< string, string > = {}
): void {
	sendJson(
		ctx.res,
		status,
		{
			__type: `com.amazon.paapi5#${ exception }`,
			Errors: [ { Code: code, Message: message } ],
		},
		headers
	);
}

function signingHelp( ctx: RequestContext ): string {
	return `If you are using an AWS SDK, requests are signed for you automatically; otherwise, go to https://${ ctx.host.name }/paapi5/documentation/sending-request.html#signing.`;
}

/**
 * Statuses and texts of docs/amazon-protocol.md §P7 (RequestExpired 401 is the doc's EMU choice).
 * @param ctx
 * @param failure
 */
function rejectSignature( ctx: RequestContext, failure: SigV4Failure ): void {
	switch ( failure ) {
		case 'IncompleteSignature':
			sendPaapiError(
				ctx,
				400,
				'IncompleteSignatureException',
				'IncompleteSignature',
				`The request signature did not include all of the required components. ${ signingHelp( ctx ) }`
			);
			return;
		case 'UnrecognizedClient':
			sendPaapiError(
				ctx,
				401,
				'UnrecognizedClientException',
				'UnrecognizedClient',
				'The Access Key ID or security token included in the request is invalid.'
			);
			return;
		case 'RequestExpired':
			sendPaapiError(
				ctx,
				401,
				'RequestExpiredException',
				'RequestExpired',
				'The request is past expiry date or the request date (either with 15 minute padding), or the request date occurs more than 15 minutes in the future.'
			);
			return;
		case 'InvalidSignature':
			sendPaapiError(
				ctx,
				401,
				'InvalidSignatureException',
				'InvalidSignature',
				`The request has not been correctly signed. ${ signingHelp( ctx ) }`
			);
	}
}

function unknownOperation( ctx: RequestContext ): void {
	sendPaapiError(
		ctx,
		404,
		'UnknownOperationException',
		'UnknownOperation',
		'The operation requested is invalid. Please verify that the operation name is typed correctly.'
	);
}

function throttled( ctx: RequestContext, retryAfterSeconds: number ): void {
	sendPaapiError(
		ctx,
		429,
		'TooManyRequestsException',
		'TooManyRequests',
		'The request was denied due to request throttling. Please verify the number of requests made per second to the Amazon Product Advertising API.',
		{
			'Retry-After': String( retryAfterSeconds ),
		}
	);
}

/**
 * The retirement answer quoted in docs/amazon-protocol.md §P1 (status not stated; 403 is AccessDenied's).
 * @param ctx
 */
function retired( ctx: RequestContext ): void {
	sendPaapiError(
		ctx,
		403,
		'AccessDeniedException',
		'AccessDenied',
		'Product Advertising API is deprecated. Please migrate to Creators API using the migration guide at https://affiliate-program.amazon.com/creatorsapi/docs/en-us/migrating-to-creatorsapi-from-paapi.'
	);
}

/**
 * EMU-CHOICE (docs/amazon-protocol.md §P7): `AccessDeniedException` with Code `AssociateNotEligible`.
 * @param ctx
 */
function notEligible( ctx: RequestContext ): void {
	sendPaapiError(
		ctx,
		403,
		'AccessDeniedException',
		'AssociateNotEligible',
		'Your account does not currently meet the eligibility requirements to access the Product Advertising API.'
	);
}

function invalidAssociate( ctx: RequestContext, accessKey: string ): void {
	sendPaapiError(
		ctx,
		403,
		'AssociateValidationException',
		'InvalidAssociate',
		`Your access key ${ accessKey } is not mapped to primary of approved associate store. Please visit associate central at ${ ASSOCIATES_CENTRAL }`
	);
}

/**
 * `The value [a, b] provided in the request for ItemIds is invalid.` (docs/amazon-protocol.md §P5).
 * @param ctx
 * @param issue
 */
function rejectParameters( ctx: RequestContext, issue: FieldIssue ): void {
	const param = toPaapiKey( issue.field );
	if ( issue.problem === 'missing' ) {
		sendPaapiError(
			ctx,
			400,
			'ValidationException',
			'MissingParameter',
			`Input parameter(s) relating to request is missing. ${ issue.detail.replace( issue.field, param ) }.`
		);
		return;
	}
	const value = Array.isArray( issue.value )
		? `[${ issue.value.map( String ).join( ', ' ) }]`
		: String( issue.value );
	sendPaapiError(
		ctx,
		400,
		'ValidationException',
		'InvalidParameterValue',
		`The value ${ value } provided in the request for ${ param } is invalid.`
	);
}

/**
 * PascalCase body → the lowerCamelCase body the shared validator reads.
 * @param body
 */
function toCreatorsBody(
	body: Record< string, unknown >
): Record< string, unknown > {
	const out: Record< string, unknown > = {};
	for ( const [ key, value ] of Object.entries( body ) ) {
		const name = fromPaapiName( key );
		out[ name ] =
			name === 'resources' && Array.isArray( value )
				? value.map( ( r ) =>
						typeof r === 'string' ? fromPaapiName( r ) : r
					)
				: value;
	}
	return out;
}

function errorData( errors: ItemError[] ): Array< Record< string, string > > {
	return errors.map( ( e ) => ( {
		__type: 'com.amazon.paapi5#ErrorData',
		Code: e.code,
		Message: e.message,
	} ) );
}

/**
 * The (host, path) pairs a signature may cover. Path-routed requests may be signed as real
 * Amazon would see them or exactly as sent (see README, "PA-API signing through the emulator").
 * @param ctx
 */
function signedTargets( ctx: RequestContext ): SignedTarget[] {
	const sent = { host: ctx.hostHeader, path: ctx.rawPath };
	return ctx.pathRouted
		? [ { host: ctx.host.name, path: ctx.path }, sent ]
		: [ sent ];
}

export async function handlePaapiRequest(
	ctx: RequestContext
): Promise< void > {
	const { state, res } = ctx;
	const marketplace = ctx.host.marketplace as Marketplace;
	const pathOperation = PAAPI_OPERATIONS[ ctx.path ];
	// The call is logged before any early answer, so every request is counted.
	// eslint-disable-next-line @wordpress/no-unused-vars-before-return
	const entry = state.log.begin( res, {
		api: 'paapi',
		operation: pathOperation ?? ctx.path,
		marketplace: marketplace.country,
		host: ctx.host.name,
		path: ctx.path,
	} );
	if ( ! pathOperation || ctx.req.method !== 'POST' ) {
		unknownOperation( ctx );
		return;
	}

	const verified = verifySigV4(
		{
			method: ctx.req.method,
			query: ctx.query,
			headers: headerValues( ctx.req ),
			body: ctx.body,
			candidates: signedTargets( ctx ),
		},
		{
			now: new Date( state.now() ),
			secretFor: ( key ) =>
				state.credentials.paapiCredential( key )?.secretKey,
			expectedRegion: marketplace.sigv4Region,
			strict: state.config.strict,
		}
	);
	if ( ! verified.ok ) {
		if ( verified.accessKey ) {
			entry.credential = verified.accessKey;
		}
		rejectSignature( ctx, verified.failure );
		return;
	}
	const accessKey = verified.accessKey;
	entry.credential = accessKey;

	// Only a signed request learns whether its target names an operation.
	const operation = requestedOperation( ctx );
	if ( ! operation ) {
		unknownOperation( ctx );
		return;
	}
	entry.operation = operation;
	if ( state.config.paapiRetired ) {
		retired( ctx );
		return;
	}

	const rawBody = parseJsonObject( ctx.body );
	if ( ! rawBody ) {
		sendPaapiError(
			ctx,
			400,
			'ValidationException',
			'InvalidParameterValue',
			'The request body is not valid JSON.'
		);
		return;
	}
	const body = toCreatorsBody( rawBody );
	// The locale comes from the host; a contradicting Marketplace field is rejected (EMU-CHOICE).
	if (
		typeof body.marketplace === 'string' &&
		body.marketplace !== marketplace.host
	) {
		rejectParameters( ctx, {
			field: 'marketplace',
			problem: 'invalid',
			value: body.marketplace,
			detail: 'marketplace does not match the host',
		} );
		return;
	}
	const { params, issues } = validateRequest(
		operation,
		body,
		'paapi',
		marketplace
	);
	if ( ! params ) {
		rejectParameters(
			ctx,
			issues[ 0 ] ?? {
				field: 'body',
				problem: 'invalid',
				detail: 'invalid request',
			}
		);
		return;
	}
	const asins = asinsOf( params );
	entry.asins = [ ...asins ];
	entry.partnerTag = params.partnerTag;

	// The demo key is linked to every demo store: a tag of another store is InvalidAssociate
	// (the issue's rule), an unknown tag InvalidPartnerTag.
	const tag = state.credentials.checkPartnerTag(
		params.partnerTag,
		marketplace
	);
	if ( tag === 'other_store' ) {
		invalidAssociate( ctx, accessKey );
		return;
	}
	if ( tag !== 'ok' ) {
		sendPaapiError(
			ctx,
			400,
			'InvalidPartnerTagException',
			'InvalidPartnerTag',
			`The partner tag is not mapped to a valid associate store with your access key ${ accessKey }. Please visit associates central at ${ ASSOCIATES_CENTRAL }`
		);
		return;
	}
	if ( state.credentials.paapiCredential( accessKey )?.ineligible ) {
		notEligible( ctx );
		return;
	}
	const rate = state.rateLimiter.take( `paapi:${ accessKey }` );
	if ( ! rate.ok ) {
		throttled( ctx, rate.retryAfterSeconds );
		return;
	}

	const faulted = await applyFaults(
		ctx,
		{ api: 'paapi', operation, marketplace: marketplace.country },
		reservedFaultsFor( asins ),
		{
			throttle: ( retryAfter ) => throttled( ctx, retryAfter ),
			// docs/amazon-protocol.md §P7: only the size of a real 500 is known; InternalFailure is assumed.
			server_error: () =>
				sendPaapiError(
					ctx,
					500,
					'InternalFailureException',
					'InternalFailure',
					'The request processing has failed because of an unknown error, exception or failure.'
				),
			malformed: () =>
				sendText(
					res,
					200,
					'{"ItemsResult":{"Items":[{"ASIN":"B0C7KX2Q4M","ItemInfo":{"Title":{"DisplayValue":"Trunc',
					{}
				),
			// PA-API has no tokens; its "credentials went stale" answer is RequestExpired.
			token_expired: () => rejectSignature( ctx, 'RequestExpired' ),
			not_eligible: () => notEligible( ctx ),
			invalid_associate: () => invalidAssociate( ctx, accessKey ),
			invalid_request: () =>
				rejectParameters( ctx, {
					field: 'keywords',
					problem: 'invalid',
					value: asins.join( ' ' ),
					detail: 'keywords is not valid for this request',
				} ),
			paapi_retired: () => retired( ctx ),
		}
	);
	if ( faulted ) {
		return;
	}

	const outcome = runOperation(
		{
			marketplace,
			catalog: state.catalog.forCountry( marketplace.country ),
			apiName: 'Product Advertising API',
			itemIdLabel: 'ItemId',
			nullMembers: false,
			demoImageBase: state.config.demoImages ? state.ownUrl : undefined,
		},
		params
	);
	if ( outcome.kind === 'not_found' ) {
		// PA-API answers "nothing found" with 200 and only Errors (docs/amazon-protocol.md §P6).
		const errors =
			outcome.resourceType === 'SearchResult'
				? [
						{
							__type: 'com.amazon.paapi5#ErrorData',
							Code: 'NoResults',
							Message: 'No results found for your request.',
						},
					]
				: errorData( outcome.errors );
		sendJson( res, 200, { Errors: errors } );
		return;
	}
	const resultKey = toPaapiKey( outcome.resultKey );
	sendJson( res, 200, {
		...( outcome.errors.length > 0
			? { Errors: errorData( outcome.errors ) }
			: {} ),
		[ resultKey ]: toPaapiCase( outcome.result ),
	} );
}
