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
	// A request Amazon refuses as invalid (400): in a search's keywords, a search that is never valid.
	B00REJECTS: { fault: 'invalid_request' },
};

/** Reserved ASINs that still reach the catalog lookup (as synthetic items). */
export const RESERVED_ITEM_ASINS: ReadonlySet< string > = new Set( [
	'B00SLOW000',
	'B00EXCLUDE',
] );

/**
 * In a search's keywords: the answer's first hit carries HOSTILE_ASIN instead of an ASIN, and the
 * real hit after it a protocol-relative detailPageURL on another host, to test that clients never
 * store or show a value that is not an ASIN nor link off Amazon.
 */
export const HOSTILE_HIT_TOKEN = 'B00HOSTILE';

/** The `asin` of the hostile hit: markup, 38 characters. */
export const HOSTILE_ASIN = '"><svg/onload=alert(document.domain)>';

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
