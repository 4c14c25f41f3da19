/**
 * The emulator's demo credentials, read from tests/fixtures/credentials.json
 * (shape in docs/contracts.md). Answers "who is this?" and "may they use this tag here?".
 */
import { readFileSync } from 'node:fs';
import {
	marketplaceByCountry,
	type Marketplace,
	type RegionGroup,
} from './marketplaces';

export type CreatorsCredentialKind = 'cognito' | 'lwa';

export interface CreatorsCredential {
	readonly kind: CreatorsCredentialKind;
	readonly id: string;
	readonly secret: string;
	readonly region: RegionGroup;
	/** `2.1`…`2.3` (Cognito) or `3.1`…`3.3` (LWA). */
	readonly version: string;
	/** Flagged AssociateNotEligible: tokens are issued, catalog calls answer 403. */
	readonly ineligible: boolean;
}

export interface PaapiCredential {
	readonly accessKey: string;
	readonly secretKey: string;
	readonly ineligible: boolean;
}

/** `other_store`: a demo tag of another marketplace; `unknown`: well-formed but not a demo tag. */
export type TagCheck = 'ok' | 'other_store' | 'unknown' | 'malformed';

interface RawCreatorsSet {
	credential_id: string;
	credential_secret: string;
	version?: string;
	region?: string;
}

interface RawPaapiSet {
	access_key: string;
	secret_key: string;
}

interface RawCredentialsFile {
	cognito?: Record< string, RawCreatorsSet >;
	lwa?: Record< string, RawCreatorsSet >;
	paapi?: RawPaapiSet;
	partner_tags?: Record< string, string >;
	/** Extra tracking IDs per store (also accepted for that store). */
	tracking_ids?: Record< string, string[] | string >;
	ineligible?: {
		cognito?: RawCreatorsSet;
		lwa?: RawCreatorsSet;
		paapi?: RawPaapiSet;
	};
}

const DEFAULT_VERSION: Record<
	CreatorsCredentialKind,
	Record< RegionGroup, string >
> = {
	cognito: { NA: '2.1', EU: '2.2', FE: '2.3' },
	lwa: { NA: '3.1', EU: '3.2', FE: '3.3' },
};

/** Associates tracking ids: letters, digits, `-`, `_`, `.`, ending in `-NN`. */
const PARTNER_TAG_SYNTAX = /^[A-Za-z0-9._-]{1,60}-\d{2}$/;

function isRegion( value: unknown ): value is RegionGroup {
	return value === 'NA' || value === 'EU' || value === 'FE';
}

export class CredentialStore {
	private readonly creators = new Map< string, CreatorsCredential >();
	private readonly paapi = new Map< string, PaapiCredential >();
	/** partner tag → country code of the store it belongs to. */
	private readonly tagCountry = new Map< string, string >();

	static fromFile( path: string ): CredentialStore {
		return new CredentialStore(
			JSON.parse( readFileSync( path, 'utf8' ) ) as RawCredentialsFile
		);
	}

	constructor( raw: RawCredentialsFile ) {
		for ( const kind of [ 'cognito', 'lwa' ] as const ) {
			for ( const [ region, set ] of Object.entries(
				raw[ kind ] ?? {}
			) ) {
				this.addCreators( kind, set, region, false );
			}
			const ineligible = raw.ineligible?.[ kind ];
			if ( ineligible ) {
				this.addCreators(
					kind,
					ineligible,
					ineligible.region ?? 'NA',
					true
				);
			}
		}
		if ( raw.paapi ) {
			this.addPaapi( raw.paapi, false );
		}
		if ( raw.ineligible?.paapi ) {
			this.addPaapi( raw.ineligible.paapi, true );
		}
		for ( const [ country, tag ] of Object.entries(
			raw.partner_tags ?? {}
		) ) {
			this.tagCountry.set(
				tag,
				marketplaceByCountry( country )?.country ?? country
			);
		}
		for ( const [ country, tags ] of Object.entries(
			raw.tracking_ids ?? {}
		) ) {
			// Only lists of tags; a "_comment" string is not one.
			for ( const tag of Array.isArray( tags ) ? tags : [] ) {
				this.tagCountry.set(
					tag,
					marketplaceByCountry( country )?.country ?? country
				);
			}
		}
	}

	creatorsCredential( id: string ): CreatorsCredential | undefined {
		return this.creators.get( id );
	}

	paapiCredential( accessKey: string ): PaapiCredential | undefined {
		return this.paapi.get( accessKey );
	}

	/**
	 * Demo tags are linked to every demo credential, so a tag is valid exactly in its own store.
	 * Each API maps the other outcomes to its own error (InvalidAssociate / InvalidPartnerTag).
	 * @param tag
	 * @param marketplace
	 */
	checkPartnerTag( tag: string, marketplace: Marketplace ): TagCheck {
		const country = this.tagCountry.get( tag );
		if ( country === marketplace.country ) {
			return 'ok';
		}
		if ( country !== undefined ) {
			return 'other_store';
		}
		return PARTNER_TAG_SYNTAX.test( tag ) ? 'unknown' : 'malformed';
	}

	private addCreators(
		kind: CreatorsCredentialKind,
		set: RawCreatorsSet,
		regionKey: string,
		ineligible: boolean
	): void {
		let region: RegionGroup = 'NA';
		if ( isRegion( set.region ) ) {
			region = set.region;
		} else if ( isRegion( regionKey ) ) {
			region = regionKey;
		}
		this.creators.set( set.credential_id, {
			kind,
			id: set.credential_id,
			secret: set.credential_secret,
			region,
			version: set.version ?? DEFAULT_VERSION[ kind ][ region ],
			ineligible,
		} );
	}

	private addPaapi( set: RawPaapiSet, ineligible: boolean ): void {
		this.paapi.set( set.access_key, {
			accessKey: set.access_key,
			secretKey: set.secret_key,
			ineligible,
		} );
	}
}
