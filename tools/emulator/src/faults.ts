/**
 * Fault injection set through `POST /__emulator/faults` (docs/contracts.md). A fault matches
 * calls by api/operation/marketplace, fires `times` times (−1 = until cleared), optionally only
 * on every n-th matching call.
 */
import { marketplaceByCountry, marketplaceByHost } from './marketplaces';

export const FAULT_KINDS = [
	'throttle',
	'server_error',
	'latency',
	'hang',
	'malformed',
	'token_expired',
	'not_eligible',
	'invalid_associate',
	'invalid_request',
	'paapi_retired',
] as const;

export type FaultKind = ( typeof FAULT_KINDS )[ number ];
export type FaultApi = 'creators' | 'paapi' | 'token';

/** Kinds that make sense on a token endpoint (there is no account or token to fault there). */
const TOKEN_FAULTS: ReadonlySet< FaultKind > = new Set( [
	'throttle',
	'server_error',
	'latency',
	'hang',
	'malformed',
] );

export interface Fault {
	readonly id: number;
	readonly fault: FaultKind;
	/** Remaining firings; −1 = unlimited. */
	times: number;
	readonly every?: number;
	readonly operation?: string;
	readonly api?: FaultApi;
	readonly marketplace?: string;
	readonly retryAfterSeconds: number;
	readonly latencyMs: number;
	/** Matching calls seen so far (drives `every`). */
	seen: number;
}

export interface CallDescriptor {
	api: FaultApi;
	operation: string;
	/** Country code, when known. */
	marketplace?: string;
}

/** What a call should suffer: an added delay and/or one terminal fault. */
export interface FaultOutcome {
	latencyMs: number;
	terminal?: { fault: FaultKind; retryAfterSeconds: number };
}

export class FaultValidationError extends Error {}

function optionalString(
	raw: Record< string, unknown >,
	key: string
): string | undefined {
	const value = raw[ key ];
	if ( value === undefined || value === null ) {
		return undefined;
	}
	if ( typeof value !== 'string' || value === '' ) {
		throw new FaultValidationError(
			`"${ key }" must be a non-empty string`
		);
	}
	return value;
}

function optionalInteger(
	raw: Record< string, unknown >,
	key: string,
	min: number
): number | undefined {
	const value = raw[ key ];
	if ( value === undefined || value === null ) {
		return undefined;
	}
	if (
		typeof value !== 'number' ||
		! Number.isInteger( value ) ||
		value < min
	) {
		throw new FaultValidationError(
			`"${ key }" must be an integer >= ${ min }`
		);
	}
	return value;
}

export class FaultRegistry {
	private faults: Fault[] = [];
	private nextId = 1;

	/**
	 * Validates a control-endpoint body and adds the fault.
	 * @param raw
	 */
	add( raw: unknown ): Fault {
		if ( raw === null || typeof raw !== 'object' || Array.isArray( raw ) ) {
			throw new FaultValidationError( 'body must be a JSON object' );
		}
		const body = raw as Record< string, unknown >;
		const kind = body.fault;
		if (
			typeof kind !== 'string' ||
			! ( FAULT_KINDS as readonly string[] ).includes( kind )
		) {
			throw new FaultValidationError(
				`"fault" must be one of ${ FAULT_KINDS.join( ', ' ) }`
			);
		}
		const api = optionalString( body, 'api' );
		if (
			api !== undefined &&
			api !== 'creators' &&
			api !== 'paapi' &&
			api !== 'token'
		) {
			throw new FaultValidationError(
				'"api" must be creators, paapi or token'
			);
		}
		if ( api === 'token' && ! TOKEN_FAULTS.has( kind as FaultKind ) ) {
			throw new FaultValidationError(
				`fault ${ kind } cannot target the token endpoints`
			);
		}
		const times = optionalInteger( body, 'times', -1 ) ?? 1;
		if ( times === 0 ) {
			throw new FaultValidationError( '"times" must be -1 or >= 1' );
		}
		let marketplace = optionalString( body, 'marketplace' );
		if ( marketplace !== undefined ) {
			const known =
				marketplaceByCountry( marketplace ) ??
				marketplaceByHost( marketplace );
			if ( ! known ) {
				throw new FaultValidationError(
					`unknown marketplace ${ marketplace }`
				);
			}
			marketplace = known.country;
		}
		const every = optionalInteger( body, 'every', 1 );
		const operation = optionalString( body, 'operation' );
		const fault: Fault = {
			id: this.nextId++,
			fault: kind as FaultKind,
			times,
			seen: 0,
			retryAfterSeconds: optionalInteger( body, 'retry_after', 0 ) ?? 1,
			latencyMs: optionalInteger( body, 'latency_ms', 0 ) ?? 2000,
			...( api !== undefined ? { api } : {} ),
			...( every !== undefined ? { every } : {} ),
			...( operation !== undefined ? { operation } : {} ),
			...( marketplace !== undefined ? { marketplace } : {} ),
		};
		this.faults.push( fault );
		return fault;
	}

	clear(): void {
		this.faults = [];
	}

	list(): readonly Fault[] {
		return this.faults;
	}

	/**
	 * Latency faults add up and let the call continue; the first terminal fault wins.
	 * Consumes one firing of every fault that fires.
	 * @param call
	 */
	evaluate( call: CallDescriptor ): FaultOutcome {
		const outcome: FaultOutcome = { latencyMs: 0 };
		for ( const fault of this.faults ) {
			if ( ! this.matches( fault, call ) ) {
				continue;
			}
			fault.seen++;
			if ( fault.every !== undefined && fault.seen % fault.every !== 0 ) {
				continue;
			}
			if ( fault.times > 0 ) {
				fault.times--;
			}
			if ( fault.fault === 'latency' ) {
				outcome.latencyMs += fault.latencyMs;
				continue;
			}
			outcome.terminal = {
				fault: fault.fault,
				retryAfterSeconds: fault.retryAfterSeconds,
			};
			break;
		}
		this.faults = this.faults.filter( ( f ) => f.times !== 0 );
		return outcome;
	}

	private matches( fault: Fault, call: CallDescriptor ): boolean {
		// Without an explicit api, faults target catalog calls only, so a client's token fetch
		// does not eat a fault meant for the call after it.
		if (
			fault.api === undefined
				? call.api === 'token'
				: fault.api !== call.api
		) {
			return false;
		}
		if ( fault.fault === 'paapi_retired' && call.api !== 'paapi' ) {
			return false;
		}
		if (
			fault.operation !== undefined &&
			fault.operation.toLowerCase() !== call.operation.toLowerCase()
		) {
			return false;
		}
		return (
			fault.marketplace === undefined ||
			fault.marketplace === call.marketplace
		);
	}
}
