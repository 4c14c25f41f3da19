/**
 * The product block's list logic, kept free of React so it can be tested on its own.
 */
import {
	MAX_ASINS,
	isAsin,
	parseShortcode,
} from '../../src/shared/product-reference';
import { searchOptions } from '../../src/shared/search-options';

/** Templates the block offers (the renderer's; `field` is the single-field variation). */
export const TEMPLATES = [
	'box',
	'list',
	'grid',
	'table',
	'button',
	'text_link',
	'image_link',
	'field',
] as const;

export type Template = ( typeof TEMPLATES )[ number ];

/** Parts a template can show (the renderer's PARTS). */
export const PARTS = [
	'image',
	'title',
	'features',
	'price',
	'availability',
	'rating',
	'button',
] as const;

/** Parts each template shows by default (mirrors Render_Arguments::DEFAULTS). */
export const DEFAULT_PARTS: Record< Template, string[] > = {
	box: [ ...PARTS ],
	list: [ 'image', 'title', 'price', 'button' ],
	grid: [ 'image', 'title', 'price', 'button' ],
	table: [ 'image', 'title', 'price', 'availability', 'rating', 'button' ],
	button: [ 'button' ],
	text_link: [ 'title' ],
	image_link: [ 'image' ],
	field: [],
};

/** What the single-field variation prints inline (Render_Arguments::FIELDS). */
export const FIELDS = [
	'price',
	'button',
	'link',
	'title',
	'list_price',
	'savings',
	'availability',
	'rating',
] as const;

export type Field = ( typeof FIELDS )[ number ];

/** Heading levels a product title can take. */
export const HEADING_LEVELS = [ 2, 3, 4, 5, 6 ] as const;

/**
 * Search indexes the list offers ('' = All): the marketplace registry's list
 * (Marketplace_Registry::SEARCH_INDICES, exported with the search options), the one the server
 * checks. Which of them a store has differs; Amazon refuses one it lacks, and the plugin
 * remembers that refusal for an hour.
 */
export const SEARCH_INDEXES: readonly string[] = [
	'',
	...searchOptions.enums.search_index.filter( ( index ) => index !== 'All' ),
];

/** The most products a search list shows (one search page). */
export const MAX_LIST_ITEMS = 10;

/** The most ASINs one block holds (Product_Reference::MAX_ASINS). */
export const MAX_PRODUCTS = MAX_ASINS;

export interface ProductBlockAttributes extends Record< string, unknown > {
	asins: string[];
	country: string;
	template: Template;
	show?: string[];
	buttonText: string;
	imageSize: '' | 'small' | 'medium' | 'large';
	affiliateLabel?: boolean;
	/** A tracking ID the marketplace lists ('' = its own partner tag). */
	trackingId?: string;
	/**
	 * `search` (a list of what Amazon finds for keywords), `products` (chosen ASINs only), or ''
	 * (a search when there are keywords, as blocks saved before the mode existed).
	 */
	mode: '' | 'products' | 'search';
	search: string;
	searchIndex: string;
	items: number;
	/** Amazon's search filters by Search_Options name (`sort_by`, …), checked by the server. */
	searchFilters?: Record< string, string | number | string[] >;
	field: Field | '';
	linkText: string;
	/** The title's heading level (0: h2, or what the editor chose from the headings above). */
	headingLevel: number;
	/** Set only by block.json's example: the inserter shows a static sketch. */
	preview?: boolean;
}

/** A search hit, as the REST search route returns it (Product::to_array()). */
export interface SearchHit {
	asin: string;
	marketplace: string;
	title: string;
	image?: string;
	price?: string;
	/** Unix time the price was fetched (0 = unknown). */
	fetchedAt: number;
	availability?: string;
}

/**
 * The list with an ASIN added at the end (no duplicates, at most MAX_PRODUCTS).
 *
 * @param asins The current ASINs.
 * @param asin  The ASIN to add.
 */
export function addAsin( asins: string[], asin: string ): string[] {
	const value = asin.trim().toUpperCase();
	if ( ! value || asins.includes( value ) || asins.length >= MAX_PRODUCTS ) {
		return asins;
	}
	return [ ...asins, value ];
}

/**
 * The list with ASINs added at the end, in order (no duplicates, at most MAX_PRODUCTS).
 *
 * @param asins The current ASINs.
 * @param more  The ASINs to add.
 */
export function addAsins( asins: string[], more: string[] ): string[] {
	return more.reduce( ( list, asin ) => addAsin( list, asin ), asins );
}

/** A block as the heading level logic reads it. */
interface HeadingBlock {
	name: string;
	clientId: string;
	attributes: Record< string, unknown >;
	innerBlocks: HeadingBlock[];
}

/**
 * The heading level a product title takes where a block sits: one below the last heading
 * before it (h2 under the post's h1 when there is none), at most h6.
 *
 * @param blocks   The post's blocks.
 * @param clientId The product block.
 */
export function contextHeadingLevel(
	blocks: HeadingBlock[],
	clientId: string
): number {
	let last = 1;
	let found = false;
	const walk = ( list: HeadingBlock[] ) => {
		for ( const block of list ) {
			if ( found ) {
				return;
			}
			if ( block.clientId === clientId ) {
				found = true;
				return;
			}
			if ( block.name === 'core/heading' ) {
				const level = Number( block.attributes.level ?? 2 );
				last = level >= 1 && level <= 6 ? level : last;
			}
			walk( block.innerBlocks ?? [] );
		}
	};
	walk( blocks );
	return Math.min( 6, Math.max( 2, last + 1 ) );
}

/**
 * The list without the ASIN at an index.
 *
 * @param asins The current ASINs.
 * @param index The index to remove.
 */
export function removeAsin( asins: string[], index: number ): string[] {
	return asins.filter( ( _asin, position ) => position !== index );
}

/**
 * The list with the ASIN at an index moved by an offset (-1 up, 1 down); unchanged at the edges.
 *
 * @param asins  The current ASINs.
 * @param index  The index to move.
 * @param offset The direction.
 */
export function moveAsin(
	asins: string[],
	index: number,
	offset: number
): string[] {
	const target = index + offset;
	const item = asins[ index ];
	if ( item === undefined || target < 0 || target >= asins.length ) {
		return asins;
	}
	const next = [ ...asins ];
	next.splice( index, 1 );
	next.splice( target, 0, item );
	return next;
}

function text( value: unknown ): string {
	return typeof value === 'string' ? value : '';
}

/**
 * Search hits from the REST answer: a list of products or `{ products: [...] }`, each in
 * Product::to_array() shape. Anything malformed is skipped.
 *
 * @param response The decoded answer.
 */
export function searchHits( response: unknown ): SearchHit[] {
	const record = response as { products?: unknown } | null;
	let list: unknown[] = [];
	if ( Array.isArray( response ) ) {
		list = response;
	} else if ( record && Array.isArray( record.products ) ) {
		list = record.products;
	}
	const hits: SearchHit[] = [];
	for ( const entry of list ) {
		if ( ! entry || typeof entry !== 'object' ) {
			continue;
		}
		const product = entry as Record< string, unknown >;
		const asin = text( product.asin );
		// Only an ASIN may reach the block's attributes (the server drops anything else too).
		if ( ! asin || ! isAsin( asin ) ) {
			continue;
		}
		const images = ( product.images ?? {} ) as Record<
			string,
			{ url?: unknown } | undefined
		>;
		const price = ( product.price ?? null ) as { display?: unknown } | null;
		const availability = ( product.availability ?? null ) as {
			message?: unknown;
		} | null;
		hits.push( {
			asin,
			marketplace: text( product.marketplace ),
			title: text( product.title ),
			image: text( images.small?.url ?? images.medium?.url ) || undefined,
			price: text( price?.display ) || undefined,
			fetchedAt:
				typeof product.fetched_at === 'number' ? product.fetched_at : 0,
			availability: text( availability?.message ) || undefined,
		} );
	}
	return hits;
}

/**
 * The total number of results a search answer reports (at least the hits it holds).
 *
 * @param response The decoded answer.
 */
export function searchTotal( response: unknown ): number {
	const total = ( response as { total?: unknown } | null )?.total;
	const hits = searchHits( response ).length;
	return typeof total === 'number' && total > hits ? total : hits;
}

/**
 * Block attributes from `[amazon …]` / `[amazon_product …]` shortcode attributes, read by the
 * shared rules (every separator, `asin`/`asins`, AAWP's `box`, `link`, `fields` and
 * `bestseller`): products, a search list, or a single field.
 *
 * @param named The shortcode's named attributes.
 */
export function attributesFromShortcode(
	named: Record< string, string | undefined >
): Partial< ProductBlockAttributes > {
	const reference = parseShortcode( named );
	const template = reference?.template ?? '';
	const attributes: Partial< ProductBlockAttributes > = {
		asins: ( reference?.asins ?? [] ).slice( 0, MAX_PRODUCTS ),
		country: reference?.country ?? '',
		template: ( TEMPLATES as readonly string[] ).includes( template )
			? ( template as Template )
			: 'box',
		buttonText: reference?.buttonText ?? '',
	};
	const option = ( name: string ) => ( named[ name ] ?? '' ).trim();
	if ( option( 'title' ) ) {
		attributes.linkText = option( 'title' );
	}
	if ( reference?.search ) {
		const items = parseInt( option( 'items' ), 10 );
		attributes.mode = 'search';
		attributes.search = reference.search;
		attributes.searchIndex = option( 'index' ).replace( /[^A-Za-z]/g, '' );
		attributes.items =
			items > 0 ? Math.min( MAX_LIST_ITEMS, items ) : MAX_LIST_ITEMS;
		if ( option( 'sort_by' ) ) {
			attributes.searchFilters = { sort_by: option( 'sort_by' ) };
		}
		attributes.template =
			attributes.template === 'box' && ! template
				? 'list'
				: attributes.template;
	} else if ( reference?.field ) {
		const field = reference.field.toLowerCase();
		attributes.template = 'field';
		attributes.field = ( FIELDS as readonly string[] ).includes( field )
			? ( field as Field )
			: 'title';
	}
	return attributes;
}

/**
 * Whether a shortcode can become a product block: it names products or a search, and its
 * single field (if any) is one the block offers.
 *
 * @param named The shortcode's named attributes.
 */
export function shortcodeFitsBlock(
	named: Record< string, string | undefined >
): boolean {
	const reference = parseShortcode( named );
	if ( reference === undefined ) {
		return false;
	}
	if ( reference.search ) {
		return true;
	}
	return (
		reference.asins.length > 0 &&
		( ! reference.field ||
			( FIELDS as readonly string[] ).includes(
				reference.field.toLowerCase()
			) )
	);
}

/**
 * A shortcode attribute value without the characters that would end it.
 *
 * @param value Text.
 */
function quoted( value: string ): string {
	return value.replace( /["\]\[]/g, '' );
}

/**
 * The `[amazon_product …]` shortcode for block attributes.
 *
 * @param attributes The block's attributes.
 */
export function shortcodeFromAttributes(
	attributes: ProductBlockAttributes
): string {
	const parts: string[] = [];
	if ( attributes.mode === 'search' ) {
		parts.push( `search="${ quoted( attributes.search ?? '' ) }"` );
		if ( attributes.searchIndex ) {
			parts.push( `index="${ attributes.searchIndex }"` );
		}
		if ( attributes.items ) {
			parts.push( `items="${ attributes.items }"` );
		}
		for ( const [ name, value ] of Object.entries(
			attributes.searchFilters ?? {}
		) ) {
			const written = String(
				Array.isArray( value ) ? value.join( ',' ) : value
			);
			if ( /^[a-z_]+$/.test( name ) && written !== '' ) {
				parts.push( `${ name }="${ quoted( written ) }"` );
			}
		}
	} else {
		parts.push( `asin="${ attributes.asins.join( ',' ) }"` );
	}
	if ( attributes.country ) {
		parts.push( `country="${ attributes.country }"` );
	}
	if ( attributes.template === 'field' ) {
		parts.push( `field="${ attributes.field || 'price' }"` );
	} else if ( attributes.template !== 'box' ) {
		parts.push( `template="${ attributes.template }"` );
	}
	if ( attributes.buttonText ) {
		parts.push( `button_text="${ quoted( attributes.buttonText ) }"` );
	}
	if ( attributes.linkText ) {
		parts.push( `title="${ quoted( attributes.linkText ) }"` );
	}
	return `[amazon_product ${ parts.join( ' ' ) }]`;
}
