/**
 * Response projection: which resources each operation accepts, and the item an API returns for
 * a set of requested resources (docs/amazon-protocol.md §C4, §C5). Items stay in Creators API
 * lowerCamelCase here; `toPaapiCase` re-cases them for PA-API (docs/amazon-protocol.md §P6).
 */
import { rewriteImages } from './demo-images';
import type { CatalogItem, ImageSet, Listing } from './catalog';

const ITEM_RESOURCES = [
	'browseNodeInfo.browseNodes',
	'browseNodeInfo.browseNodes.ancestor',
	'browseNodeInfo.browseNodes.salesRank',
	'browseNodeInfo.websiteSalesRank',
	'customerReviews.count',
	'customerReviews.starRating',
	'images.primary.small',
	'images.primary.medium',
	'images.primary.large',
	'images.primary.highRes',
	'images.variants.small',
	'images.variants.medium',
	'images.variants.large',
	'images.variants.highRes',
	'itemInfo.byLineInfo',
	'itemInfo.classifications',
	'itemInfo.contentInfo',
	'itemInfo.contentRating',
	'itemInfo.externalIds',
	'itemInfo.features',
	'itemInfo.manufactureInfo',
	'itemInfo.productInfo',
	'itemInfo.technicalInfo',
	'itemInfo.title',
	'itemInfo.tradeInInfo',
	'offersV2.listings.availability',
	'offersV2.listings.condition',
	'offersV2.listings.dealDetails',
	'offersV2.listings.isBuyBoxWinner',
	'offersV2.listings.loyaltyPoints',
	'offersV2.listings.merchantInfo',
	'offersV2.listings.price',
	'offersV2.listings.type',
	'parentASIN',
];

export type Operation =
	'getItems' | 'searchItems' | 'getVariations' | 'getBrowseNodes';

export const CREATORS_RESOURCES: Readonly<
	Record< Operation, ReadonlySet< string > >
> = {
	getItems: new Set( ITEM_RESOURCES ),
	searchItems: new Set( [ ...ITEM_RESOURCES, 'searchRefinements' ] ),
	getVariations: new Set( [
		...ITEM_RESOURCES,
		'variationSummary.price.highestPrice',
		'variationSummary.price.lowestPrice',
		'variationSummary.variationDimension',
	] ),
	getBrowseNodes: new Set( [
		'browseNodes.ancestor',
		'browseNodes.children',
	] ),
};

export const DEFAULT_RESOURCES: Readonly<
	Record< Operation, readonly string[] >
> = {
	getItems: [ 'itemInfo.title' ],
	searchItems: [ 'itemInfo.title' ],
	getVariations: [ 'itemInfo.title' ],
	getBrowseNodes: [],
};

const IMAGE_SIZES = [
	[ 'small', 'small' ],
	[ 'medium', 'medium' ],
	[ 'large', 'large' ],
	[ 'highRes', 'hiRes' ],
] as const;
const LISTING_FIELDS = [
	'availability',
	'condition',
	'dealDetails',
	'isBuyBoxWinner',
	'loyaltyPoints',
	'merchantInfo',
	'price',
	'type',
] as const;
/** Members shown as explicit null in null mode (the using-curl sample, docs/amazon-protocol.md §C5.1). */
const NULLABLE_MEMBERS = [
	'parentASIN',
	'images',
	'itemInfo',
	'offersV2',
	'browseNodeInfo',
	'customerReviews',
	'score',
] as const;

export interface ProjectionOptions {
	resources: ReadonlySet< string >;
	detailPageURL: string;
	/** GetVariations items carry their variation attributes. */
	withVariationAttributes?: boolean;
	nullMembers?: boolean;
	/** Demo image mode: image URLs point at the emulator's placeholders. */
	demoImages?: { base: string; country: string };
}

function projectImageSet(
	set: ImageSet,
	sizes: ReadonlyArray<
		readonly [ string, 'small' | 'medium' | 'large' | 'hiRes' ]
	>
): Record< string, unknown > | undefined {
	const out: Record< string, unknown > = {};
	for ( const [ , key ] of sizes ) {
		if ( set[ key ] ) {
			out[ key ] = { ...set[ key ] };
		}
	}
	return Object.keys( out ).length > 0 ? out : undefined;
}

function projectImages(
	item: CatalogItem,
	resources: ReadonlySet< string >
): Record< string, unknown > | undefined {
	if ( ! item.images ) {
		return undefined;
	}
	const out: Record< string, unknown > = {};
	// The resource says `highRes`, the response key is `hiRes` (docs/amazon-protocol.md §C4.1).
	const primarySizes = IMAGE_SIZES.filter( ( [ resource ] ) =>
		resources.has( `images.primary.${ resource }` )
	);
	const variantSizes = IMAGE_SIZES.filter( ( [ resource ] ) =>
		resources.has( `images.variants.${ resource }` )
	);
	const primary =
		item.images.primary && primarySizes.length > 0
			? projectImageSet( item.images.primary, primarySizes )
			: undefined;
	if ( primary ) {
		out.primary = primary;
	}
	if (
		variantSizes.length > 0 &&
		item.images.variants &&
		item.images.variants.length > 0
	) {
		const variants = item.images.variants
			.map( ( v ) => projectImageSet( v, variantSizes ) )
			.filter( ( v ) => v !== undefined );
		if ( variants.length > 0 ) {
			out.variants = variants;
		}
	}
	return Object.keys( out ).length > 0 ? out : undefined;
}

function projectListing(
	listing: Listing,
	resources: ReadonlySet< string >
): Record< string, unknown > {
	const out: Record< string, unknown > = {};
	for ( const field of LISTING_FIELDS ) {
		if (
			resources.has( `offersV2.listings.${ field }` ) &&
			listing[ field ] !== undefined
		) {
			out[ field ] = listing[ field ];
		}
	}
	// There is no resource for violatesMAP; it travels with the price (docs/amazon-protocol.md §C5.4).
	if (
		resources.has( 'offersV2.listings.price' ) &&
		listing.violatesMAP !== undefined
	) {
		out.violatesMAP = listing.violatesMAP;
	}
	return out;
}

function projectBrowseNodeInfo(
	item: CatalogItem,
	resources: ReadonlySet< string >
): Record< string, unknown > | undefined {
	const info = item.browseNodeInfo;
	if ( ! info ) {
		return undefined;
	}
	const out: Record< string, unknown > = {};
	const withAncestor = resources.has( 'browseNodeInfo.browseNodes.ancestor' );
	const withRank = resources.has( 'browseNodeInfo.browseNodes.salesRank' );
	if (
		( resources.has( 'browseNodeInfo.browseNodes' ) ||
			withAncestor ||
			withRank ) &&
		info.browseNodes
	) {
		out.browseNodes = info.browseNodes.map( ( node ) => {
			const view: Record< string, unknown > = {
				id: node.id,
				displayName: node.displayName,
				contextFreeName: node.contextFreeName,
				isRoot: node.isRoot ?? false,
			};
			if ( withAncestor && node.ancestor ) {
				view.ancestor = node.ancestor;
			}
			if ( withRank && node.salesRank !== undefined ) {
				view.salesRank = node.salesRank;
			}
			return view;
		} );
	}
	if (
		resources.has( 'browseNodeInfo.websiteSalesRank' ) &&
		info.websiteSalesRank
	) {
		out.websiteSalesRank = info.websiteSalesRank;
	}
	return Object.keys( out ).length > 0 ? out : undefined;
}

/**
 * The item as the Creators API returns it for the requested resources.
 * @param item
 * @param options
 */
export function projectItem(
	item: CatalogItem,
	options: ProjectionOptions
): Record< string, unknown > {
	const { resources } = options;
	const out: Record< string, unknown > = {
		asin: item.asin,
		detailPageURL: options.detailPageURL,
	};
	if ( resources.has( 'parentASIN' ) && item.parentASIN ) {
		out.parentASIN = item.parentASIN;
	}
	const images = projectImages( item, resources );
	if ( images ) {
		if ( options.demoImages ) {
			rewriteImages(
				images,
				options.demoImages.base,
				options.demoImages.country,
				item.asin
			);
		}
		out.images = images;
	}
	const itemInfo: Record< string, unknown > = {};
	for ( const [ key, value ] of Object.entries( item.itemInfo ?? {} ) ) {
		if ( resources.has( `itemInfo.${ key }` ) ) {
			itemInfo[ key ] = value;
		}
	}
	if ( Object.keys( itemInfo ).length > 0 ) {
		out.itemInfo = itemInfo;
	}
	const wantsOffers = LISTING_FIELDS.some( ( f ) =>
		resources.has( `offersV2.listings.${ f }` )
	);
	if (
		wantsOffers &&
		item.offersV2?.listings &&
		item.offersV2.listings.length > 0
	) {
		out.offersV2 = {
			listings: item.offersV2.listings.map( ( l ) =>
				projectListing( l, resources )
			),
		};
	}
	const browseNodeInfo = projectBrowseNodeInfo( item, resources );
	if ( browseNodeInfo ) {
		out.browseNodeInfo = browseNodeInfo;
	}
	const reviews: Record< string, unknown > = {};
	if (
		resources.has( 'customerReviews.count' ) &&
		item.customerReviews?.count !== undefined
	) {
		reviews.count = item.customerReviews.count;
	}
	if (
		resources.has( 'customerReviews.starRating' ) &&
		item.customerReviews?.starRating
	) {
		reviews.starRating = item.customerReviews.starRating;
	}
	if ( Object.keys( reviews ).length > 0 ) {
		out.customerReviews = reviews;
	}
	if ( options.withVariationAttributes && item.variationAttributes ) {
		out.variationAttributes = item.variationAttributes;
	}
	if ( options.nullMembers ) {
		for ( const member of NULLABLE_MEMBERS ) {
			if ( ! ( member in out ) ) {
				out[ member ] = null;
			}
		}
	}
	return out;
}

/* ---------------------------------------------------------------- PA-API casing */

/** Keys whose PA-API spelling is not just "first letter upper case". */
const PAAPI_KEYS: Readonly< Record< string, string > > = {
	asin: 'ASIN',
	parentASIN: 'ParentASIN',
	detailPageURL: 'DetailPageURL',
	searchURL: 'SearchURL',
	url: 'URL',
	eans: 'EANs',
	isbns: 'ISBNs',
	upcs: 'UPCs',
	violatesMAP: 'ViolatesMAP',
};

export function toPaapiKey( key: string ): string {
	return PAAPI_KEYS[ key ] ?? key.charAt( 0 ).toUpperCase() + key.slice( 1 );
}

/**
 * Deep copy with PascalCase keys; values (enums, text) are unchanged.
 * @param value
 */
export function toPaapiCase( value: unknown ): unknown {
	if ( Array.isArray( value ) ) {
		return value.map( toPaapiCase );
	}
	if ( value !== null && typeof value === 'object' ) {
		return Object.fromEntries(
			Object.entries( value ).map( ( [ k, v ] ) => [
				toPaapiKey( k ),
				toPaapiCase( v ),
			] )
		);
	}
	return value;
}

/**
 * `ItemInfo.Title` → `itemInfo.title`, `ParentASIN` → `parentASIN`, `ItemIds` → `itemIds`.
 * @param name
 */
export function fromPaapiName( name: string ): string {
	if ( name === 'ASIN' ) {
		return 'asin';
	}
	return name
		.split( '.' )
		.map( ( part ) => part.charAt( 0 ).toLowerCase() + part.slice( 1 ) )
		.join( '.' );
}
