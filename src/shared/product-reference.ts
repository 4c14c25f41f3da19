/**
 * The product reference rules of the block editor, the same as the server's
 * (includes/Reference: Asin, Product_Reference, Pasted_Input): what an ASIN is, how a list is
 * split, what an editor's input is (ASINs, Amazon links, short links or words to search for),
 * and what a shortcode asks for. tests/fixtures/product-references.json holds both sides to them.
 */
import { marketplaces } from './marketplaces';

/** What one part of an editor's input is. */
export type PastedKind = 'asin' | 'url' | 'short-link' | 'keywords';

export interface PastedItem {
	kind: PastedKind;
	/** The part as written (keywords: the whole input, white space runs read as one space). */
	text: string;
	/** The product: an ASIN, or a link to a product page. */
	asin?: string;
	/** The marketplace of an Amazon link (its host: `amazon.de` is Germany). */
	country?: string;
}

export interface ProductReference {
	asin: string;
	/** The marketplace's country code, or undefined for a bare ASIN. */
	country?: string;
}

/** What a shortcode asks for (Product_Reference::to_array(), without the display options). */
export interface ShortcodeReference {
	/** Marketplace as written, lower case ('' = the default one). */
	country: string;
	/** Valid ASINs, in order, once each. */
	asins: string[];
	/** Values that are not ASINs, upper-cased. */
	invalid: string[];
	/** Template as written, `-` read as `_` ('' = the default one). */
	template: string;
	/** The one value the `field` template prints ('' = not that template). */
	field: string;
	/** Keywords of a search ('' = none). */
	search: string;
	buttonText: string;
}

/** The shortcode tag shared with other affiliate plugins. */
export const SHARED_TAG = 'amazon';
/** The shortcode tag that is always ours. */
export const OWN_TAG = 'amazon_product';
/** The most ASINs one shortcode or block takes (Product_Reference::MAX_ASINS). */
export const MAX_ASINS = 50;
/** Amazon's link shorteners. */
export const SHORT_HOSTS = [
	'amzn.to',
	'amzn.eu',
	'amzn.asia',
	'a.co',
	'amzn.com',
];

/** White space a paste may carry: ASCII, no-break space, zero-width space, byte-order mark (Asin::SPACE). */
const SPACE = ' \\t\\n\\r\\f\\v\\u00A0\\u200B\\uFEFF';
const SPACE_RUN = new RegExp( `[${ SPACE }]+`, 'g' );
const EDGE_SPACE = new RegExp( `^[${ SPACE }]+|[${ SPACE }]+$`, 'g' );
const PRODUCT_PATH =
	/\/(?:dp|gp\/product|gp\/aw\/d|exec\/obidos\/asin|o\/asin|gp\/offer-listing|product-reviews)\/([A-Z0-9]{10})(?:\/|$)/i;
/** A link with or without scheme: host (no user part), optional port, then path, query or fragment. */
const LINK = /^(https?:\/\/)?([^/?#:@\s]+)(?::[0-9]+)?([/?#].*)?$/i;

/**
 * A value upper-cased, without the white space around it (Asin::normalize()).
 *
 * @param value A candidate.
 */
export function normalizeAsin( value: string ): string {
	return value.replace( EDGE_SPACE, '' ).toUpperCase();
}

/**
 * Whether an ISBN-10's weighted sum (10 × first digit … 1 × check digit) divides by 11.
 *
 * @param isbn Nine digits and a digit or X.
 */
function isbn10ChecksumHolds( isbn: string ): boolean {
	let sum = 0;
	for ( let i = 0; i < 10; i++ ) {
		const char = isbn.charAt( i );
		sum += ( 10 - i ) * ( char === 'X' ? 10 : Number( char ) );
	}
	return sum % 11 === 0;
}

/**
 * Whether a value is an ASIN: `B0` and 8 letters or digits, or an ISBN-10 whose checksum holds.
 * A ten-letter word ("headphones") is not.
 *
 * @param value The candidate.
 */
export function isAsin( value: string ): boolean {
	const asin = normalizeAsin( value );
	if ( /^B0[A-Z0-9]{8}$/.test( asin ) ) {
		return true;
	}
	return /^[0-9]{9}[0-9X]$/.test( asin ) && isbn10ChecksumHolds( asin );
}

/**
 * The parts of a text, as written (Product_Reference::parts()): white space always separates;
 * commas, semicolons and pipes too, except in a link's query or fragment.
 *
 * @param text Text.
 */
export function splitParts( text: string ): string[] {
	const out: string[] = [];
	for ( const chunk of text.split( SPACE_RUN ) ) {
		const query = chunk.search( /[?#]/ );
		const head = query < 0 ? chunk : chunk.slice( 0, query );
		const pieces = head.split( /[,;|]/ );
		pieces[ pieces.length - 1 ] += query < 0 ? '' : chunk.slice( query );
		out.push( ...pieces.filter( ( piece ) => piece !== '' ) );
	}
	return out;
}

/**
 * The normalised values of a list, in order, once each (Product_Reference::split()).
 *
 * @param value Text or texts.
 */
export function splitList( value: string | string[] ): string[] {
	const texts = Array.isArray( value ) ? value : [ value ];
	const values = texts.flatMap( ( text ) =>
		splitParts( text ).map( normalizeAsin )
	);
	return [ ...new Set( values ) ];
}

/**
 * The marketplace of an Amazon host name ("www.amazon.co.uk", "amazon.de", "smile.amazon.com").
 *
 * @param hostname A host name.
 */
export function countryOfHost( hostname: string ): string | undefined {
	const host = hostname.toLowerCase().replace( /\.$/, '' );
	let best: { country: string; length: number } | undefined;
	for ( const marketplace of marketplaces ) {
		const domain = marketplace.host.replace( /^www\./, '' );
		const matches = host === domain || host.endsWith( '.' + domain );
		if ( matches && ( ! best || domain.length > best.length ) ) {
			best = { country: marketplace.country, length: domain.length };
		}
	}
	return best?.country;
}

/**
 * Whether a host is one of Amazon's link shorteners.
 *
 * @param host Host.
 */
export function isShortHost( host: string ): boolean {
	return SHORT_HOSTS.includes(
		host
			.toLowerCase()
			.replace( /\.$/, '' )
			.replace( /^www\./, '' )
	);
}

/**
 * The item one part is, or undefined when it is neither an ASIN nor a link.
 *
 * @param part One part, as written.
 */
function referenceOf( part: string ): PastedItem | undefined {
	if ( isAsin( part ) ) {
		return { kind: 'asin', text: part, asin: normalizeAsin( part ) };
	}
	const link = LINK.exec( part );
	if ( ! link ) {
		return undefined;
	}
	const host = ( link[ 2 ] ?? '' ).toLowerCase();
	if ( isShortHost( host ) ) {
		return { kind: 'short-link', text: part };
	}
	const country = countryOfHost( host );
	if ( ! link[ 1 ] && ! country ) {
		return undefined; // Without a scheme only an Amazon host makes a link ("node.js" is a word).
	}
	const item: PastedItem = { kind: 'url', text: part };
	if ( country ) {
		item.country = country;
		const path = ( link[ 3 ] ?? '' ).replace( /[?#].*$/, '' );
		const asin = PRODUCT_PATH.exec( path )?.[ 1 ];
		if ( asin && isAsin( asin ) ) {
			item.asin = asin.toUpperCase();
		}
	}
	return item;
}

/**
 * What an editor typed or pasted (Pasted_Input::classify()): when every part is an ASIN or a
 * link, each is an item (a paste of several, separated by commas, spaces or new lines);
 * otherwise the whole text is one keyword search. Short links are recognised, not resolved:
 * that needs a request to Amazon.
 *
 * @param input What was typed or pasted.
 */
export function classifyInput( input: string ): PastedItem[] {
	const items: PastedItem[] = [];
	for ( const part of splitParts( input ) ) {
		const item = referenceOf( part );
		if ( ! item ) {
			return [
				{
					kind: 'keywords',
					text: input.replace( SPACE_RUN, ' ' ).trim(),
				},
			];
		}
		items.push( item );
	}
	return items;
}

/**
 * The product a pasted ASIN or Amazon product link refers to, or undefined when the input is
 * not exactly one of those.
 *
 * @param input What the editor pasted.
 */
export function parseProductReference(
	input: string
): ProductReference | undefined {
	const items = classifyInput( input );
	const item = items.length === 1 ? items[ 0 ] : undefined;
	if ( ! item?.asin ) {
		return undefined;
	}
	return item.country
		? { asin: item.asin, country: item.country }
		: { asin: item.asin };
}

/**
 * What a shortcode asks for (Product_Reference::from_shortcode()), or undefined when the tag is
 * `[amazon]` and another plugin owns it. ASINs come from AAWP's `box`, else `link`, else
 * `fields`, else `asin` and `asins` together.
 *
 * @param named         The shortcode's named attributes.
 * @param tag           The shortcode's tag.
 * @param sharedTagOurs Whether `[amazon]` is ours.
 */
export function parseShortcode(
	named: Record< string, string | undefined >,
	tag: string = OWN_TAG,
	sharedTagOurs = true
): ShortcodeReference | undefined {
	if ( tag === SHARED_TAG && ! sharedTagOurs ) {
		return undefined;
	}
	const text = ( name: string ): string => {
		const key = Object.keys( named ).find(
			( candidate ) => candidate.toLowerCase() === name
		);
		return ( key === undefined ? '' : ( named[ key ] ?? '' ) ).trim();
	};
	let template = text( 'template' );
	let field = text( 'field' );
	let search = text( 'search' );
	let lists = [ text( 'asin' ), text( 'asins' ) ];
	if ( text( 'box' ) ) {
		lists = [ text( 'box' ) ];
		template = template || 'box';
	} else if ( text( 'link' ) ) {
		lists = [ text( 'link' ) ];
		template = 'text_link';
	} else if ( text( 'fields' ) ) {
		lists = [ text( 'fields' ) ];
		field = text( 'value' ) || 'title';
	} else if ( text( 'bestseller' ) || text( 'new' ) ) {
		search = text( 'bestseller' ) || text( 'new' );
		template = template || 'list';
	}
	const values = splitList( lists ).slice( 0, MAX_ASINS );
	return {
		country: text( 'country' ).toLowerCase(),
		asins: values.filter( isAsin ),
		invalid: values.filter( ( value ) => ! isAsin( value ) ),
		template: template.toLowerCase().replace( /-/g, '_' ),
		field,
		search,
		buttonText: text( 'button_text' ),
	};
}
