/**
 * The marketplace registry, typed. The data is generated from the PHP registry at build time
 * (tools/export-marketplaces.php), so the settings screen and the server cannot disagree.
 */
import registry from './marketplaces.json';

export type Region = 'NA' | 'EU' | 'FE';
export type CredentialType = 'cognito' | 'lwa';

export interface Marketplace {
	country: string;
	name: string;
	host: string;
	region: Region;
	cognito_version: string;
	lwa_version: string;
	token_endpoints: Record< string, string >;
	paapi_host: string;
	paapi_region: string;
	currency: string;
	language: string;
	languages: string[];
	associates_host: string;
	/** Where Associates Central creates Creators API credentials for this marketplace. */
	creators_api_url: string;
	/** The usual partner-tag suffix of its region: -20, -21 or -22. */
	tag_suffix: string;
	alternate_versions: string[];
	version_note: string | null;
}

interface Registry {
	marketplaces: Record< string, Marketplace >;
	aliases: Record< string, string >;
}

const data = registry as unknown as Registry;

/** Every marketplace, in the registry's order. */
export const marketplaces: Marketplace[] = Object.values( data.marketplaces );

/**
 * The marketplace of a country code ("de", "GB" → uk), or undefined.
 *
 * @param country A country code.
 */
export function getMarketplace( country: string ): Marketplace | undefined {
	const code = country.trim().toLowerCase();
	return data.marketplaces[ data.aliases[ code ] ?? code ];
}

/**
 * The Creators API version a credential type gets in a marketplace.
 *
 * @param marketplace The marketplace.
 * @param type        The credential type.
 */
export function apiVersion(
	marketplace: Marketplace,
	type: CredentialType
): string {
	return type === 'lwa'
		? marketplace.lwa_version
		: marketplace.cognito_version;
}

/**
 * A marketplace as the screens name it, with its country code shown one way: "Germany (DE)".
 *
 * @param marketplace         The marketplace (or anything with its name and code).
 * @param marketplace.name    Its name.
 * @param marketplace.country Its country code.
 */
export function marketplaceLabel( marketplace: {
	name: string;
	country: string;
} ): string {
	return `${ marketplace.name } (${ marketplace.country.toUpperCase() })`;
}
