/**
 * Client-side checks of the marketplace form, with the patterns and limits of
 * includes/Settings/Credential_Rules.php (generated into shared/settings-schema.ts at build time;
 * the server checks again and has the last word).
 */
import { __ } from '@wordpress/i18n';

import { getMarketplace } from '../shared/marketplaces';
import { credentialRules } from '../shared/settings-schema';
import {
	LINKS_ONLY,
	type CredentialType,
	type EntryType,
	type FieldErrors,
	type MarketplaceInput,
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
