/**
 * REST answers as the settings routes send them (shapes from includes/Rest/*_Controller.php).
 */
import type {
	MarketplaceSettings,
	RoutingSummary,
} from '../../../src/settings/types';

export const germany: MarketplaceSettings = {
	country: 'de',
	name: 'Germany',
	region: 'EU',
	enabled: true,
	credential_type: 'cognito',
	credential_id: 'acapiemucognitoeu00000000002',
	suggested_type: 'cognito',
	partner_tag: 'acapidemode-21',
	api_version: '2.2',
	api_version_override: '',
	secret_state: 'ok',
	secret_mask: '••••0002',
	is_default: true,
	status: 'enabled',
	revision: 3,
	updated_at: '2026-11-22T03:00:00+00:00',
};

export const unitedStates: MarketplaceSettings = {
	...germany,
	country: 'us',
	name: 'United States',
	region: 'NA',
	credential_type: 'lwa',
	credential_id:
		'amzn1.application-oa2-client.acab1e00000000000000000000000031',
	suggested_type: 'lwa',
	partner_tag: 'acapidemous-20',
	api_version: '3.1',
	secret_mask: '••••0031',
	is_default: false,
	revision: 1,
};

export const unitedKingdom: MarketplaceSettings = {
	...germany,
	country: 'uk',
	name: 'United Kingdom',
	enabled: false,
	status: 'disabled',
	partner_tag: 'acapidemouk-21',
	secret_state: 'unreadable',
	secret_mask: '',
	is_default: false,
};

export const routing: RoutingSummary = {
	default_country: 'de',
	routes: [
		{
			country: 'de',
			name: 'Germany',
			status: 'enabled',
			credential_type: 'cognito',
			api: 'creators',
			api_version: '2.2',
			reason: '',
			paapi_retired_warning: false,
			circuit: 'closed',
			last_failure: null,
		},
		{
			country: 'us',
			name: 'United States',
			status: 'enabled',
			credential_type: 'lwa',
			api: 'creators',
			api_version: '3.1',
			reason: '',
			paapi_retired_warning: false,
			circuit: 'closed',
			last_failure: null,
		},
		{
			country: 'uk',
			name: 'United Kingdom',
			status: 'disabled',
			credential_type: null,
			api: 'paapi',
			api_version: null,
			reason: 'Creators API disabled for this marketplace',
			paapi_retired_warning: true,
			circuit: 'closed',
			last_failure: null,
		},
		{
			country: 'fr',
			name: 'France',
			status: 'not_configured',
			credential_type: null,
			api: 'paapi',
			api_version: null,
			reason: '',
			paapi_retired_warning: true,
			circuit: null,
			last_failure: null,
		},
	],
};
