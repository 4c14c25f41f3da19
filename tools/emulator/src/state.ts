/**
 * Everything the emulator remembers between requests: configuration, issued tokens, faults,
 * the request log and rate-limit buckets. One instance per server.
 */
import type { Catalog } from './catalog';
import type { CredentialStore } from './credentials';
import { FaultRegistry } from './faults';
import { RateLimiter } from './rate-limiter';
import { RequestLog } from './request-log';
import { TokenStore } from './token-store';

export interface EmulatorConfig {
	/** Lifetime of issued access tokens, seconds (Amazon: 3600). */
	tokenExpiresIn: number;
	/** Requests per second per credential; 0 = rate limiting off (the emulator's default). */
	rateLimitTps: number;
	/** Requests per rolling 24 h per credential; 0 = off (Amazon's initial allowance is 8640). */
	rateLimitPerDay: number;
	/** Strict mode: reject tolerated deviations (v3 token with `, Version`; unsigned x-amz-target). */
	strict: boolean;
	/** Answer every authenticated PA-API call with the retirement error (docs/amazon-protocol.md §P1). */
	paapiRetired: boolean;
	/** Emit unrequested item members as explicit null, like the using-curl sample (docs/amazon-protocol.md §C5.1). */
	nullMembers: boolean;
	/** Demo image mode: item images point at placeholders the emulator serves itself (demo-images.ts). */
	demoImages: boolean;
}

export const DEFAULT_CONFIG: EmulatorConfig = {
	tokenExpiresIn: 3600,
	rateLimitTps: 0,
	rateLimitPerDay: 0,
	strict: false,
	paapiRetired: false,
	nullMembers: false,
	demoImages: false,
};

/** Control-endpoint keys (snake_case, docs/contracts.md) → config fields. */
const CONFIG_KEYS: Record<
	string,
	{ field: keyof EmulatorConfig; type: 'number' | 'boolean' }
> = {
	token_expires_in: { field: 'tokenExpiresIn', type: 'number' },
	rate_limit_tps: { field: 'rateLimitTps', type: 'number' },
	rate_limit_per_day: { field: 'rateLimitPerDay', type: 'number' },
	strict: { field: 'strict', type: 'boolean' },
	paapi_retired: { field: 'paapiRetired', type: 'boolean' },
	null_members: { field: 'nullMembers', type: 'boolean' },
	demo_images: { field: 'demoImages', type: 'boolean' },
};

export class ConfigValidationError extends Error {}

export class EmulatorState {
	readonly config: EmulatorConfig;
	readonly tokens = new TokenStore();
	readonly faults = new FaultRegistry();
	readonly log = new RequestLog();
	readonly rateLimiter: RateLimiter;
	/** The emulator's own base URL once it listens (demo image URLs point here). */
	ownUrl = '';

	constructor(
		readonly credentials: CredentialStore,
		readonly catalog: Catalog,
		config: Partial< EmulatorConfig > = {},
		/** Wall clock (ms); injectable for tests of expiry and SigV4 skew. */
		readonly now: () => number = () => Date.now()
	) {
		this.config = { ...DEFAULT_CONFIG, ...config };
		this.rateLimiter = new RateLimiter( () => ( {
			tps: this.config.rateLimitTps,
			perDay: this.config.rateLimitPerDay,
		} ) );
	}

	/** `POST /__emulator/reset`: log, faults, tokens, buckets. Configuration stays. */
	reset(): void {
		this.log.clear();
		this.faults.clear();
		this.tokens.clear();
		this.rateLimiter.reset();
	}

	/**
	 * Applies a `POST /__emulator/config` body; unknown keys or wrong types are rejected.
	 * @param raw
	 */
	applyConfig( raw: Record< string, unknown > ): void {
		const updates: Partial<
			Record< keyof EmulatorConfig, number | boolean >
		> = {};
		for ( const [ key, value ] of Object.entries( raw ) ) {
			const spec = CONFIG_KEYS[ key ];
			if ( ! spec ) {
				throw new ConfigValidationError(
					`unknown config key "${ key }"; known: ${ Object.keys( CONFIG_KEYS ).join( ', ' ) }`
				);
			}
			if (
				spec.type === 'number'
					? typeof value !== 'number' ||
						! Number.isFinite( value ) ||
						value < 0
					: typeof value !== 'boolean'
			) {
				throw new ConfigValidationError(
					`"${ key }" must be a ${ spec.type === 'number' ? 'number >= 0' : 'boolean' }`
				);
			}
			updates[ spec.field ] = value as number | boolean;
		}
		Object.assign( this.config, updates );
	}

	/** The config in control-endpoint (snake_case) form. */
	configSnapshot(): Record< string, number | boolean > {
		const out: Record< string, number | boolean > = {};
		for ( const [ key, spec ] of Object.entries( CONFIG_KEYS ) ) {
			out[ key ] = this.config[ spec.field ];
		}
		return out;
	}
}
