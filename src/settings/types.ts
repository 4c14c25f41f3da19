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
	/** When the screen received it (ms since the epoch); not part of the route's answer. */
	received_at?: number;
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

/** The general settings whose values are of type `Value` (numbers for a number field, …). */
export type GeneralKey< Value > = {
	[ K in keyof GeneralSettings ]: GeneralSettings[ K ] extends Value
		? K
		: never;
}[ keyof GeneralSettings ];

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
	/** The Creators API's last failure within a day (built by the router). */
	last_failure: RouteFailure | null;
	/** The credential's Amazon calls today (UTC) and the daily limit; null without a credential. */
	quota?: { calls_today: number; daily_limit: number } | null;
}

/** What the Creators API last failed with in a marketplace, and what PA-API did then. */
export interface RouteFailure {
	api: 'creators';
	kind: string;
	/** A few words: "not eligible". */
	label: string;
	message: string;
	/** ISO 8601. */
	at: string;
	/** In the site's time format: "7:18 am". */
	time: string;
	/** `answered`: PA-API answered instead; `failed`: it could not; null: there is no fallback. */
	fallback: 'answered' | 'failed' | null;
}

/** GET|PUT /getting-started: the first-run checklist. */
export interface GettingStarted {
	marketplace_added: boolean;
	connection_tested: boolean;
	product_on_page: boolean;
	product_url: string | null;
	dismissed: boolean;
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

/** GET /settings/export: the settings file (never a secret). */
export interface SettingsFile {
	format: 'creators-connect-for-amazon/settings';
	version: number;
	exported_at: string;
	default_country: string | null;
	marketplaces: Array< {
		country: string;
		enabled: boolean;
		credential_type: CredentialType;
		credential_id: string;
		partner_tag: string;
		api_version: string;
	} >;
	paapi: { access_key: string; partner_tags: Record< string, string > };
	general: Partial< GeneralSettings >;
}

/** POST /settings/import: what an import does (or would do), and the secrets it needs. */
export interface ImportPreview {
	marketplaces: Array< {
		country: string;
		name: string;
		action: 'add' | 'update';
		enabled: boolean;
		partner_tag: string;
		is_default: boolean;
		secret_required: boolean;
	} >;
	paapi: { access_key: string; secret_required: boolean };
	/** General settings the import changes. */
	general: string[];
	default_country: string | null;
}

/** One extra partner tag of a marketplace. */
export interface TrackingId {
	tag: string;
	label: string;
}

/** GET /tracking-ids. */
export interface TrackingIds {
	default_country: string | null;
	tracking_ids: Record< string, TrackingId[] >;
}
