/**
 * Types mirroring the REST schemas of creators-connect-for-amazon/v1 (includes/Rest/*_Controller.php);
 * the general settings' type is generated from its schema at build time.
 */
import type { CredentialType } from '../shared/marketplaces';
import type { GeneralSettings } from '../shared/settings-schema';

export type { CredentialType };

/** A marketplace with a partner tag and no API credentials: plain tagged links only. */
export const LINKS_ONLY = 'links_only';
/** What a marketplace entry is set up with: API credentials of a type, or links only. */
export type EntryType = CredentialType | typeof LINKS_ONLY;

export type SecretState = 'ok' | 'unreadable' | 'missing';
export type MarketplaceStatus =
	'enabled' | 'links_only' | 'disabled' | 'not_configured';

/** GET /marketplaces[/<country>]: one configured marketplace (never its secret). */
export interface MarketplaceSettings {
	country: string;
	name: string;
	region: string;
	enabled: boolean;
	credential_type: EntryType;
	credential_id: string;
	suggested_type: CredentialType | null;
	partner_tag: string;
	api_version: string;
	api_version_override: string;
	secret_state: SecretState;
	secret_mask: string;
	is_default: boolean;
	status: MarketplaceStatus;
	revision: number;
	updated_at: string;
}

/** POST /marketplaces and PUT /marketplaces/<country>: what the form sends. */
export interface MarketplaceInput {
	country?: string;
	enabled: boolean;
	credential_type: EntryType;
	credential_id: string;
	/** Blank on edit keeps the stored secret. */
	credential_secret: string;
	partner_tag: string;
	/** '' follows type and region. */
	api_version: string;
	is_default: boolean;
	revision?: number;
}

/** POST /marketplaces/<country>/test. */
export interface ConnectionTest {
	ok: boolean;
	country: string;
	api_version: string;
	credential_type: CredentialType;
	kind: string | null;
	message: string;
	hint: string | null;
}

/** GET /paapi. */
export interface PaapiSettings {
	access_key: string;
	secret_state: SecretState;
	secret_mask: string;
	partner_tags: Record< string, string >;
	revision: number;
}

/** PUT /paapi. */
export interface PaapiInput {
	access_key: string;
	secret_key: string;
	partner_tags: Record< string, string >;
}

/** GET|PUT /general: generated from the option's schema (includes/Settings/General_Settings.php). */
export type { GeneralSettings };

export type Template = GeneralSettings[ 'default_template' ];

/** GET /routing (built by the router): one marketplace's route. */
export interface RouteSummary {
	country: string;
	name: string;
	status: MarketplaceStatus;
	credential_type: CredentialType | null;
	api: 'creators' | 'paapi' | 'none';
	api_version: string | null;
	reason: string;
	paapi_retired_warning: boolean;
	circuit: unknown;
	/** The credential's Amazon calls today (UTC) and the daily limit; null without a credential. */
	quota?: { calls_today: number; daily_limit: number } | null;
}

/** GET /routing. */
export interface RoutingSummary {
	routes: RouteSummary[];
	default_country: string | null;
}

/** A WP_Error as the REST API sends it. */
export interface RestError {
	code: string;
	message: string;
	data?: {
		status?: number;
		params?: Record< string, string >;
	} | null;
}

/** Messages per field. */
export type FieldErrors = Record< string, string >;
