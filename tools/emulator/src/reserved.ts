/**
 * Reserved ASINs (docs/contracts.md): putting one in a request injects a fault for that request,
 * in any marketplace and on both APIs.
 */
import type { FaultKind } from './faults';

export interface ReservedFault {
	readonly fault: FaultKind;
	readonly retryAfterSeconds?: number;
	readonly latencyMs?: number;
}

export const RESERVED_ASINS: Readonly< Record< string, ReservedFault > > = {
	B00THROTTL: { fault: 'throttle', retryAfterSeconds: 1 },
	B00SRVERR5: { fault: 'server_error' },
	B00MALFORM: { fault: 'malformed' },
	B00HANGING: { fault: 'hang' },
	B00SLOW000: { fault: 'latency', latencyMs: 2000 },
	B00NOTELIG: { fault: 'not_eligible' },
	B00TOKNEXP: { fault: 'token_expired' },
};

/** Reserved ASINs that still reach the catalog lookup (as synthetic items). */
export const RESERVED_ITEM_ASINS: ReadonlySet< string > = new Set( [
	'B00SLOW000',
	'B00EXCLUDE',
] );

/**
 * The reserved-ASIN faults of a request, in the order the ASINs appear.
 * @param asins
 */
export function reservedFaultsFor( asins: readonly string[] ): ReservedFault[] {
	return asins.flatMap( ( asin ) => {
		const fault = RESERVED_ASINS[ asin ];
		return fault ? [ fault ] : [];
	} );
}
