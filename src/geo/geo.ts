/**
 * Geotargeting in the browser: picks the visitor's country from `navigator.languages` (the first
 * language with a region), else from the time zone, maps it to a marketplace with the table the
 * page carries (`acapiGeo.m`: country → marketplace, `acapiGeo.z`: time zone → country), and
 * points every product link that has an alternative for that marketplace (`data-acapi-geo`) at
 * it, before any click. Nothing is requested from anywhere.
 */
interface GeoConfig {
	m: Record< string, string >;
	z: Record< string, string >;
}

declare const acapiGeo: GeoConfig | undefined;

/**
 * The visitor's country code (lower case), or '' when neither source names one.
 * @param languages The browser's languages, most preferred first.
 * @param timeZone  The browser's IANA time zone.
 * @param zones     Time zone → country.
 */
export function visitorCountry(
	languages: readonly string[],
	timeZone: string,
	zones: Record< string, string >
): string {
	for ( const language of languages ) {
		const region = /^[a-z]{2,3}[-_](?:[a-z]{4}[-_])?([a-z]{2})\b/i.exec(
			language
		);
		if ( region?.[ 1 ] ) {
			return region[ 1 ].toLowerCase();
		}
	}
	return zones[ timeZone ] ?? '';
}

/**
 * Points the links at the visitor's store.
 * @param config The page's table.
 * @param root   Where the links are.
 */
export function swapLinks( config: GeoConfig, root: ParentNode ): void {
	let timeZone = '';
	try {
		timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
	} catch {}
	const target =
		config.m[ visitorCountry( navigator.languages, timeZone, config.z ) ];
	if ( ! target ) {
		return;
	}
	root.querySelectorAll< HTMLAnchorElement >( 'a[data-acapi-geo]' ).forEach(
		( link ) => {
			try {
				const url = JSON.parse( link.dataset.acapiGeo ?? '{}' )[
					target
				];
				if ( typeof url === 'string' && /^https:\/\//.test( url ) ) {
					link.href = url;
				}
			} catch {}
		}
	);
}

if ( typeof acapiGeo !== 'undefined' ) {
	swapLinks( acapiGeo, document );
}
