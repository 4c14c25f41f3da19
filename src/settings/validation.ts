/**
 * Client-side checks of the marketplace form, with the patterns and limits of
 * includes/Settings/Credential_Rules.php (generated into shared/settings-schema.ts at build time;
 * the server checks again and has the last word).
 */
import { __, sprintf } from '@wordpress/i18n';

import { getMarketplace } from '../shared/marketplaces';
import { credentialRules } from '../shared/settings-schema';
import {
	LINKS_ONLY,
	type ConnectionTest,
	type CredentialType,
	type EntryType,
	type FieldErrors,
	type MarketplaceInput,
	type RouteSummary,
} from './types';

export const LWA_ID_PREFIX = credentialRules.lwa_id_prefix;
const LWA_ID = new RegExp( credentialRules.lwa_id_pattern );
const COGNITO_ID = new RegExp( credentialRules.cognito_id_pattern );
const PARTNER_TAG = new RegExp( credentialRules.partner_tag_pattern );
const SECRET = new RegExp( credentialRules.secret_pattern );

/**
 * The credential type an id's shape suggests, or null when it is malformed.
 *
 * @param credentialId Credential ID.
 */
export function suggestType( credentialId: string ): CredentialType | null {
	const id = credentialId.trim();
	if ( LWA_ID.test( id ) ) {
		return 'lwa';
	}
	if ( COGNITO_ID.test( id ) ) {
		return 'cognito';
	}
	return null;
}

/**
 * The name of a credential type.
 *
 * @param type Credential type.
 */
export function typeLabel( type: EntryType ): string {
	if ( type === LINKS_ONLY ) {
		return __( 'Links only (no API)', 'creators-connect-for-amazon' );
	}
	return type === 'lwa'
		? __( 'LWA (v3)', 'creators-connect-for-amazon' )
		: __( 'Cognito (v2)', 'creators-connect-for-amazon' );
}

/**
 * The form's errors, per field (empty when valid).
 *
 * @param values        Form values.
 * @param requireSecret Whether the secret must be given (adding, or the stored one is missing).
 */
export function validateMarketplace(
	values: MarketplaceInput,
	requireSecret: boolean
): FieldErrors {
	const errors: FieldErrors = {};
	if ( values.country !== undefined && ! getMarketplace( values.country ) ) {
		errors.country = __(
			'Unknown marketplace: choose one of the listed countries.',
			'creators-connect-for-amazon'
		);
	}
	const id = values.credential_id.trim();
	const linksOnly = values.credential_type === LINKS_ONLY;
	if ( linksOnly ) {
		// A partner tag is all a links-only marketplace needs.
	} else if ( id === '' ) {
		errors.credential_id = __(
			'Enter the Credential ID.',
			'creators-connect-for-amazon'
		);
	} else if ( suggestType( id ) === null ) {
		errors.credential_id = id.toLowerCase().startsWith( LWA_ID_PREFIX )
			? __(
					'This Credential ID starts like a Login with Amazon (v3) id but is incomplete: it should be amzn1.application-oa2-client. followed by 32 letters and digits.',
					'creators-connect-for-amazon'
				)
			: __(
					'This does not look like a Credential ID: a Cognito (v2) id has 20 or more letters and digits, a Login with Amazon (v3) id starts with amzn1.application-oa2-client.',
					'creators-connect-for-amazon'
				);
	}
	const secret = values.credential_secret;
	if ( linksOnly ) {
		// No secret.
	} else if ( secret.trim() === '' ) {
		if ( requireSecret ) {
			errors.credential_secret = __(
				'Enter the Credential Secret.',
				'creators-connect-for-amazon'
			);
		}
	} else if (
		secret.length > credentialRules.secret_max_length ||
		! SECRET.test( secret )
	) {
		errors.credential_secret = __(
			'The Credential Secret has no spaces and at most 512 characters: copy it again from Associates Central.',
			'creators-connect-for-amazon'
		);
	}
	const tag = values.partner_tag.trim();
	if ( tag === '' ) {
		errors.partner_tag = __(
			'Enter the partner tag (your Associates tracking ID for this marketplace, e.g. mysite-21).',
			'creators-connect-for-amazon'
		);
	} else if ( ! PARTNER_TAG.test( tag ) ) {
		errors.partner_tag = __(
			'A partner tag has only letters, digits, dots, underscores and hyphens (e.g. mysite-21).',
			'creators-connect-for-amazon'
		);
	}
	return errors;
}

/**
 * A warning (never a refusal) when a partner tag does not end in its marketplace's usual suffix
 * (-20 Americas, -21 Europe/India/Middle East, -22 Japan/Australia/Singapore; from the registry).
 *
 * @param country Marketplace country code.
 * @param tag     Partner tag.
 * @return The warning, or null when the tag fits (or is empty).
 */
export function tagSuffixWarning(
	country: string,
	tag: string
): string | null {
	const market = getMarketplace( country );
	const value = tag.trim();
	if ( ! market || ! market.tag_suffix || value === '' ) {
		return null;
	}
	if ( value.endsWith( market.tag_suffix ) ) {
		return null;
	}
	return sprintf(
		/* translators: 1: marketplace name, 2: usual suffix such as -21. */
		__(
			'Partner tags for %1$s usually end in %2$s. Check that this is the tag of that store: a tag from another store earns nothing.',
			'creators-connect-for-amazon'
		),
		market.name,
		market.tag_suffix
	);
}

/**
 * A partner tag with its middle hidden: "acap•••us-20".
 *
 * @param tag Partner tag.
 */
export function maskTag( tag: string ): string {
	if ( tag.length > 10 ) {
		return tag.slice( 0, 4 ) + '•••' + tag.slice( -5 );
	}
	if ( tag.length > 5 ) {
		return tag.slice( 0, 2 ) + '•••' + tag.slice( -3 );
	}
	return '•••';
}

/** A marketplace's status as the table shows it. */
export interface RowStatus {
	state: 'enabled' | 'disabled' | 'failing';
	/** For `failing`: what failed, and when. */
	error?: string;
	time?: string;
}

/**
 * A row's status: Disabled when turned off; Failing when the last connection test failed, or
 * (without a test) when the routing summary has a Creators API failure or an open circuit.
 *
 * @param enabled Whether the marketplace is enabled.
 * @param route   Its routing summary.
 * @param test    Its last connection test on this screen.
 */
export function rowStatus(
	enabled: boolean,
	route: RouteSummary | undefined,
	test: ConnectionTest | undefined
): RowStatus {
	if ( ! enabled ) {
		return { state: 'disabled' };
	}
	if ( test ) {
		return test.ok
			? { state: 'enabled' }
			: {
					state: 'failing',
					// Its first sentence: the whole message shows under the row.
					error: test.message.split( /(?<=\.)\s/ )[ 0 ],
					time: new Date(
						test.received_at ?? Date.now()
					).toLocaleTimeString( [], {
						hour: 'numeric',
						minute: '2-digit',
					} ),
				};
	}
	if ( route?.last_failure ) {
		return {
			state: 'failing',
			// In a few words: the routing panel has the whole message.
			error: route.last_failure.label,
			time: route.last_failure.time,
		};
	}
	if ( route?.circuit === 'open' ) {
		return {
			state: 'failing',
			error: __(
				'Amazon failed repeatedly; requests are paused for a minute.',
				'creators-connect-for-amazon'
			),
		};
	}
	return { state: 'enabled' };
}
