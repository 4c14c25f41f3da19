/**
 * Finds the marketplace and ASIN in what an editor pastes: an ASIN, or any form of Amazon
 * product URL (/dp/, /gp/product/, /gp/aw/d/, /exec/obidos/ASIN/, /o/ASIN/, with or without a
 * slug, query or www).
 */
import { marketplaces } from './marketplaces';

export interface ProductReference {
	asin: string;
	/** The marketplace's country code, or undefined for a bare ASIN. */
	country?: string;
}

const ASIN = /^[A-Z0-9]{10}$/;
const PATH_PATTERNS = [
	/\/(?:dp|gp\/product|gp\/aw\/d|exec\/obidos\/asin|o\/asin|gp\/offer-listing|product-reviews)\/([A-Z0-9]{10})(?:[/?#]|$)/i,
];

/**
 * Whether a string is an ASIN (10 letters and digits; upper case after normalising).
 *
 * @param value The candidate.
 */
export function isAsin( value: string ): boolean {
	return ASIN.test( value.trim().toUpperCase() );
}

/**
 * The marketplace of an Amazon host name ("www.amazon.co.uk", "amazon.de", "smile.amazon.com").
 *
 * @param hostname A host name.
 */
export function countryOfHost( hostname: string ): string | undefined {
	const host = hostname.toLowerCase().replace( /\.$/, '' );
	const match = marketplaces.find( ( marketplace ) => {
		const domain = marketplace.host.replace( /^www\./, '' );
		return host === domain || host.endsWith( '.' + domain );
	} );
	return match?.country;
}

/**
 * The product a pasted ASIN or Amazon URL refers to, or undefined when it names none.
 *
 * @param input What the editor pasted.
 */
export function parseProductReference(
	input: string
): ProductReference | undefined {
	const value = input.trim();
	if ( isAsin( value ) ) {
		return { asin: value.toUpperCase() };
	}
	let url: URL;
	try {
		url = new URL(
			/^https?:\/\//i.test( value ) ? value : `https://${ value }`
		);
	} catch {
		return undefined;
	}
	const country = countryOfHost( url.hostname );
	if ( ! country ) {
		return undefined;
	}
	for ( const pattern of PATH_PATTERNS ) {
		const asin = pattern.exec( url.pathname )?.[ 1 ];
		if ( asin ) {
			return { asin: asin.toUpperCase(), country };
		}
	}
	return undefined;
}
