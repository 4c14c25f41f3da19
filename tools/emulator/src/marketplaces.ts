/**
 * The marketplace table both APIs share (docs/amazon-protocol.md §C7, §P2),
 * plus the Amazon host names the emulator answers for.
 */

export type RegionGroup = 'NA' | 'EU' | 'FE';

export interface Marketplace {
	/** Lower-case country code used in fixtures, logs and partner-tag lookups (`uk`, not `gb`). */
	readonly country: string;
	/** `x-marketplace` / `Marketplace` value, e.g. `www.amazon.de`. */
	readonly host: string;
	/** Top-level domain after `amazon.`, e.g. `co.uk`. */
	readonly tld: string;
	readonly region: RegionGroup;
	/** PA-API host, e.g. `webservices.amazon.de`. */
	readonly paapiHost: string;
	/** SigV4 region PA-API signs with for this host. */
	readonly sigv4Region: string;
	readonly currency: string;
	readonly defaultLanguage: string;
	readonly languages: readonly string[];
}

type Row = [
	country: string,
	tld: string,
	region: RegionGroup,
	currency: string,
	defaultLanguage: string,
	languages: string[],
];

const ROWS: Row[] = [
	[
		'us',
		'com',
		'NA',
		'USD',
		'en_US',
		[ 'de_DE', 'en_US', 'es_US', 'ko_KR', 'pt_BR', 'zh_CN', 'zh_TW' ],
	],
	[ 'ca', 'ca', 'NA', 'CAD', 'en_CA', [ 'en_CA', 'fr_CA' ] ],
	[ 'mx', 'com.mx', 'NA', 'MXN', 'es_MX', [ 'es_MX' ] ],
	[ 'br', 'com.br', 'NA', 'BRL', 'pt_BR', [ 'pt_BR' ] ],
	[ 'uk', 'co.uk', 'EU', 'GBP', 'en_GB', [ 'en_GB' ] ],
	[
		'de',
		'de',
		'EU',
		'EUR',
		'de_DE',
		[ 'cs_CZ', 'de_DE', 'en_GB', 'nl_NL', 'pl_PL', 'tr_TR' ],
	],
	[ 'fr', 'fr', 'EU', 'EUR', 'fr_FR', [ 'fr_FR' ] ],
	[ 'it', 'it', 'EU', 'EUR', 'it_IT', [ 'it_IT' ] ],
	[ 'es', 'es', 'EU', 'EUR', 'es_ES', [ 'es_ES' ] ],
	[ 'nl', 'nl', 'EU', 'EUR', 'nl_NL', [ 'nl_NL' ] ],
	[ 'be', 'com.be', 'EU', 'EUR', 'fr_BE', [ 'fr_BE', 'nl_BE', 'en_GB' ] ],
	[ 'ie', 'ie', 'EU', 'EUR', 'en_IE', [ 'en_IE' ] ],
	[ 'pl', 'pl', 'EU', 'PLN', 'pl_PL', [ 'pl_PL' ] ],
	[ 'se', 'se', 'EU', 'SEK', 'sv_SE', [ 'sv_SE' ] ],
	[ 'tr', 'com.tr', 'EU', 'TRY', 'tr_TR', [ 'tr_TR' ] ],
	[ 'eg', 'eg', 'EU', 'EGP', 'en_AE', [ 'en_AE', 'ar_AE' ] ],
	[ 'sa', 'sa', 'EU', 'SAR', 'en_AE', [ 'en_AE', 'ar_AE' ] ],
	[ 'ae', 'ae', 'EU', 'AED', 'en_AE', [ 'en_AE', 'ar_AE' ] ],
	[
		'in',
		'in',
		'EU',
		'INR',
		'en_IN',
		[ 'en_IN', 'hi_IN', 'kn_IN', 'ml_IN', 'ta_IN', 'te_IN' ],
	],
	[ 'jp', 'co.jp', 'FE', 'JPY', 'ja_JP', [ 'en_US', 'ja_JP', 'zh_CN' ] ],
	[ 'sg', 'sg', 'FE', 'SGD', 'en_SG', [ 'en_SG' ] ],
	[ 'au', 'com.au', 'FE', 'AUD', 'en_AU', [ 'en_AU' ] ],
];

/** PA-API signs NA with us-east-1, FE with us-west-2, everything else (EG included, docs/amazon-protocol.md §P2) with eu-west-1. */
const SIGV4_REGION: Record< RegionGroup, string > = {
	NA: 'us-east-1',
	EU: 'eu-west-1',
	FE: 'us-west-2',
};

export const MARKETPLACES: readonly Marketplace[] = ROWS.map(
	( [ country, tld, region, currency, defaultLanguage, languages ] ) => ( {
		country,
		host: `www.amazon.${ tld }`,
		tld,
		region,
		paapiHost: `webservices.amazon.${ tld }`,
		sigv4Region: SIGV4_REGION[ region ],
		currency,
		defaultLanguage,
		languages,
	} )
);

const BY_COUNTRY = new Map( MARKETPLACES.map( ( m ) => [ m.country, m ] ) );
const BY_HOST = new Map( MARKETPLACES.map( ( m ) => [ m.host, m ] ) );
const BY_PAAPI_HOST = new Map(
	MARKETPLACES.map( ( m ) => [ m.paapiHost, m ] )
);

/**
 * Accepts `uk` or `gb`, any case.
 * @param country
 */
export function marketplaceByCountry(
	country: string
): Marketplace | undefined {
	const code = country.toLowerCase();
	return BY_COUNTRY.get( code === 'gb' ? 'uk' : code );
}

/**
 * Accepts `www.amazon.de`, `amazon.de` or `https://www.amazon.de/`.
 * @param value
 */
export function marketplaceByHost( value: string ): Marketplace | undefined {
	let host = value
		.trim()
		.toLowerCase()
		.replace( /^https?:\/\//, '' )
		.replace( /\/.*$/, '' );
	if ( host.startsWith( 'amazon.' ) ) {
		host = `www.${ host }`;
	}
	return BY_HOST.get( host );
}

export function marketplaceByPaapiHost(
	host: string
): Marketplace | undefined {
	return BY_PAAPI_HOST.get( host.toLowerCase() );
}

/* ---- Token endpoint hosts (docs/amazon-protocol.md §C2) ---- */

export const COGNITO_HOSTS: Readonly< Record< RegionGroup, string > > = {
	NA: 'creatorsapi.auth.us-east-1.amazoncognito.com',
	EU: 'creatorsapi.auth.eu-south-2.amazoncognito.com',
	FE: 'creatorsapi.auth.us-west-2.amazoncognito.com',
};

export const LWA_HOSTS: Readonly< Record< RegionGroup, string > > = {
	NA: 'api.amazon.com',
	EU: 'api.amazon.co.uk',
	FE: 'api.amazon.co.jp',
};

export const CREATORS_API_HOST = 'creatorsapi.amazon';

/** Version string → region group, per the credential version table (docs/amazon-protocol.md §C1). */
export const VERSION_REGION: Readonly<
	Record< string, { kind: 'cognito' | 'lwa'; region: RegionGroup } >
> = {
	'2.1': { kind: 'cognito', region: 'NA' },
	'2.2': { kind: 'cognito', region: 'EU' },
	'2.3': { kind: 'cognito', region: 'FE' },
	'3.1': { kind: 'lwa', region: 'NA' },
	'3.2': { kind: 'lwa', region: 'EU' },
	'3.3': { kind: 'lwa', region: 'FE' },
};

export type AmazonHostKind = 'creators' | 'cognito' | 'lwa' | 'paapi';

export interface AmazonHost {
	readonly kind: AmazonHostKind;
	readonly name: string;
	/** Region of a token endpoint. */
	readonly region?: RegionGroup;
	/** Marketplace of a PA-API host. */
	readonly marketplace?: Marketplace;
}

/**
 * Classifies a host name (without port); undefined when it is not an Amazon host the emulator serves.
 * @param rawName
 */
export function classifyAmazonHost( rawName: string ): AmazonHost | undefined {
	const name = rawName.toLowerCase();
	if ( name === CREATORS_API_HOST ) {
		return { kind: 'creators', name };
	}
	for ( const region of [ 'NA', 'EU', 'FE' ] as const ) {
		if ( COGNITO_HOSTS[ region ] === name ) {
			return { kind: 'cognito', name, region };
		}
		if ( LWA_HOSTS[ region ] === name ) {
			return { kind: 'lwa', name, region };
		}
	}
	const marketplace = marketplaceByPaapiHost( name );
	if ( marketplace ) {
		return { kind: 'paapi', name, marketplace };
	}
	return undefined;
}
