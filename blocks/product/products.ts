/**
 * The product block's list logic, kept free of React so it can be tested on its own.
 */
import { MAX_ASINS, parseShortcode } from '../../src/shared/product-reference';

/** Templates the block offers (the renderer's, minus the inline `field`). */
export const TEMPLATES = [
	'box',
	'list',
	'grid',
	'table',
	'button',
	'text_link',
	'image_link',
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

/** Parts each template shows by default (mirrors Renderer::DEFAULTS). */
export const DEFAULT_PARTS: Record< Template, string[] > = {
	box: [ ...PARTS ],
	list: [ 'image', 'title', 'price', 'button' ],
	grid: [ 'image', 'title', 'price', 'button' ],
	table: [ 'image', 'title', 'price', 'availability', 'rating', 'button' ],
	button: [ 'button' ],
	text_link: [ 'title' ],
	image_link: [ 'image' ],
};

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
}

/** A search hit, as the REST search route returns it (Product::to_array()). */
export interface SearchHit {
	asin: string;
	marketplace: string;
	title: string;
	image?: string;
	price?: string;
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
		if ( ! asin ) {
			continue;
		}
		const images = ( product.images ?? {} ) as Record<
			string,
			{ url?: unknown } | undefined
		>;
		const price = ( product.price ?? null ) as { display?: unknown } | null;
		hits.push( {
			asin,
			marketplace: text( product.marketplace ),
			title: text( product.title ),
			image: text( images.small?.url ?? images.medium?.url ) || undefined,
			price: text( price?.display ) || undefined,
		} );
	}
	return hits;
}

/**
 * Block attributes from `[amazon …]` / `[amazon_product …]` shortcode attributes, read by the
 * shared rules (every separator, `asin`/`asins` and AAWP's `box` and `link`).
 *
 * @param named The shortcode's named attributes.
 */
export function attributesFromShortcode(
	named: Record< string, string | undefined >
): Partial< ProductBlockAttributes > {
	const reference = parseShortcode( named );
	const template = reference?.template ?? '';
	return {
		asins: ( reference?.asins ?? [] ).slice( 0, MAX_PRODUCTS ),
		country: reference?.country ?? '',
		template: ( TEMPLATES as readonly string[] ).includes( template )
			? ( template as Template )
			: 'box',
		buttonText: reference?.buttonText ?? '',
	};
}

/**
 * Whether a shortcode can become a product block: it names products, and asks for neither a
 * single field nor a search (the block has no form for those yet).
 *
 * @param named The shortcode's named attributes.
 */
export function shortcodeFitsBlock(
	named: Record< string, string | undefined >
): boolean {
	const reference = parseShortcode( named );
	return (
		reference !== undefined &&
		reference.asins.length > 0 &&
		! reference.field &&
		! reference.search
	);
}

/**
 * The `[amazon_product …]` shortcode for block attributes.
 *
 * @param attributes The block's attributes.
 */
export function shortcodeFromAttributes(
	attributes: ProductBlockAttributes
): string {
	const parts = [ `asin="${ attributes.asins.join( ',' ) }"` ];
	if ( attributes.country ) {
		parts.push( `country="${ attributes.country }"` );
	}
	if ( attributes.template !== 'box' ) {
		parts.push( `template="${ attributes.template }"` );
	}
	if ( attributes.buttonText ) {
		parts.push(
			`button_text="${ attributes.buttonText.replace( /["\]\[]/g, '' ) }"`
		);
	}
	return `[amazon_product ${ parts.join( ' ' ) }]`;
}
