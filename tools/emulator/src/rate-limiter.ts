/**
 * Per-credential token bucket (docs/amazon-protocol.md §C6.2, §P7): `tps` requests per second
 * with a burst of max(1, tps), plus an optional rolling per-day cap. Off when tps is 0, which is
 * the emulator's default so functional tests are never throttled by accident.
 */

interface Bucket {
	tokens: number;
	updatedMs: number;
	/** Timestamps (ms) of accepted calls within the last 24 h; only kept when a daily cap is set. */
	day: number[];
}

export type RateDecision =
	{ ok: true } | { ok: false; retryAfterSeconds: number };

const DAY_MS = 24 * 60 * 60 * 1000;

export class RateLimiter {
	private buckets = new Map< string, Bucket >();

	constructor(
		private readonly settings: () => { tps: number; perDay: number },
		private readonly nowMs: () => number = () => performance.now()
	) {}

	take( credential: string ): RateDecision {
		const { tps, perDay } = this.settings();
		if ( tps <= 0 && perDay <= 0 ) {
			return { ok: true };
		}
		const now = this.nowMs();
		const capacity = Math.max( 1, tps );
		const bucket = this.buckets.get( credential ) ?? {
			tokens: capacity,
			updatedMs: now,
			day: [],
		};
		this.buckets.set( credential, bucket );
		if ( tps > 0 ) {
			bucket.tokens = Math.min(
				capacity,
				bucket.tokens + ( ( now - bucket.updatedMs ) / 1000 ) * tps
			);
			bucket.updatedMs = now;
			if ( bucket.tokens < 1 ) {
				return {
					ok: false,
					retryAfterSeconds: Math.max(
						1,
						Math.ceil( ( 1 - bucket.tokens ) / tps )
					),
				};
			}
		}
		if ( perDay > 0 ) {
			bucket.day = bucket.day.filter( ( t ) => now - t < DAY_MS );
			if ( bucket.day.length >= perDay ) {
				const oldest = bucket.day[ 0 ] ?? now;
				return {
					ok: false,
					retryAfterSeconds: Math.max(
						1,
						Math.ceil( ( oldest + DAY_MS - now ) / 1000 )
					),
				};
			}
			bucket.day.push( now );
		}
		if ( tps > 0 ) {
			bucket.tokens -= 1;
		}
		return { ok: true };
	}

	reset(): void {
		this.buckets.clear();
	}
}
