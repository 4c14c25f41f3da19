/**
 * The four catalog operations, answered from the fixture catalog in Creators API shape. Each API
 * module turns an `OperationOutcome` into its own envelope, status and casing.
 */
import {
	featuredListing,
	type CatalogItem,
	type MarketplaceCatalog,
	type Money,
} from './catalog';
import type { Marketplace } from './marketplaces';
import { projectItem } from './projection';
import type { OperationParams } from './validation';

export interface ItemError {
	code: 'InvalidParameterValue' | 'ItemNotAccessible';
	message: string;
}

export type OperationOutcome =
	| {
			kind: 'result';
			resultKey:
				| 'itemsResult'
				| 'searchResult'
				| 'variationsResult'
				| 'browseNodesResult';
			result: Record< string, unknown >;
			errors: ItemError[];
	  }
	/** Nothing to return: every id unknown, no search hits, no variations. */
	| {
			kind: 'not_found';
			resourceType: 'Item' | 'SearchResult' | 'BrowseNode';
			resourceId: string;
			message: string;
			errors: ItemError[];
	  };

export interface OperationEnv {
	marketplace: Marketplace;
	catalog: MarketplaceCatalog;
	/** "Creators API" / "Product Advertising API", used in ItemNotAccessible messages. */
	apiName: string;
	/** PA-API says "ItemId", the Creators API docs say "ItemIds" (docs/amazon-protocol.md §C5.5, §P6). */
	itemIdLabel: string;
	nullMembers: boolean;
	/** Demo image mode: the emulator's base URL that image URLs point at. */
	demoImageBase?: string;
}

/** Creators API ASIN syntax from the SDK model (docs/amazon-protocol.md §C3.4). */
const ASIN_SYNTAX = /^(?:[0-9]{9}[0-9X]|[A-Z][A-Z0-9]{9})$/;
const BROWSE_NODE_SYNTAX = /^[1-9][0-9]{0,18}$/;

type LinkCode = 'ogi' | 'osi' | 'ogv';

/**
 * Built with the request's partner tag, in the format the real API returns (docs/amazon-protocol.md §C5.2).
 * @param marketplace
 * @param asin
 * @param partnerTag
 * @param linkCode
 */
export function detailPageUrl(
	marketplace: Marketplace,
	asin: string,
	partnerTag: string,
	linkCode: LinkCode
): string {
	return `https://${ marketplace.host }/dp/${ asin }?tag=${ encodeURIComponent( partnerTag ) }&linkCode=${ linkCode }&th=1&psc=1`;
}

function searchUrl(
	marketplace: Marketplace,
	terms: string,
	searchIndex: string | undefined,
	partnerTag: string
): string {
	const alias =
		! searchIndex || searchIndex === 'All'
			? 'aps'
			: searchIndex.toLowerCase();
	const query = new URLSearchParams( {
		'field-keywords': terms,
		'search-alias': alias,
		tag: partnerTag,
		linkCode: 'osi',
	} );
	return `https://${ marketplace.host }/s/?${ query.toString() }`;
}

function project(
	env: OperationEnv,
	params: OperationParams,
	item: CatalogItem,
	linkCode: LinkCode
): Record< string, unknown > {
	return projectItem( item, {
		resources: params.resources,
		detailPageURL: detailPageUrl(
			env.marketplace,
			item.asin,
			params.partnerTag,
			linkCode
		),
		withVariationAttributes: linkCode === 'ogv',
		nullMembers: env.nullMembers,
		demoImages:
			env.demoImageBase === undefined
				? undefined
				: { base: env.demoImageBase, country: env.marketplace.country },
	} );
}

function getItems(
	env: OperationEnv,
	params: Extract< OperationParams, { operation: 'getItems' } >
): OperationOutcome {
	const items: Record< string, unknown >[] = [];
	const errors: ItemError[] = [];
	const ids = [ ...new Set( params.itemIds ) ];
	for ( const id of ids ) {
		const item = ASIN_SYNTAX.test( id )
			? env.catalog.item( id )
			: undefined;
		if ( ! item ) {
			errors.push( {
				code: 'InvalidParameterValue',
				message: `The ${ env.itemIdLabel } ${ id } provided in the request is invalid.`,
			} );
		} else if ( item._emulator?.notAccessible ) {
			errors.push( {
				code: 'ItemNotAccessible',
				message: `The ItemId ${ id } is not accessible through the ${ env.apiName }.`,
			} );
		} else {
			items.push( project( env, params, item, 'ogi' ) );
		}
	}
	if (
		items.length === 0 &&
		errors.every( ( e ) => e.code === 'InvalidParameterValue' )
	) {
		return {
			kind: 'not_found',
			resourceType: 'Item',
			resourceId: ids.join( ',' ),
			message: 'No items found for the requested item IDs.',
			errors,
		};
	}
	return {
		kind: 'result',
		resultKey: 'itemsResult',
		result: { items },
		errors,
	};
}

function refinements( hits: CatalogItem[] ): Record< string, unknown > {
	const bins = ( values: Array< [ string, string ] | undefined > ) => {
		const seen = new Map< string, string >();
		for ( const v of values ) {
			if ( v && ! seen.has( v[ 0 ] ) ) {
				seen.set( v[ 0 ], v[ 1 ] );
			}
		}
		return [ ...seen ].map( ( [ id, displayName ] ) => ( {
			id,
			displayName,
		} ) );
	};
	const brand = ( i: CatalogItem ) =>
		(
			i.itemInfo?.byLineInfo as
				{ brand?: { displayValue?: string } } | undefined
		 )?.brand?.displayValue;
	return {
		searchIndex: {
			id: 'SearchIndex',
			displayName: 'Department',
			bins: bins(
				hits.map( ( i ) =>
					i._emulator?.searchIndex
						? [ i._emulator.searchIndex, i._emulator.searchIndex ]
						: undefined
				)
			),
		},
		browseNode: {
			id: 'BrowseNode',
			displayName: 'Department',
			bins: bins(
				hits.map( ( i ) => {
					const node = i.browseNodeInfo?.browseNodes?.[ 0 ];
					return node ? [ node.id, node.displayName ] : undefined;
				} )
			),
		},
		otherRefinements: [
			{
				id: 'Brand',
				displayName: 'Brand',
				bins: bins(
					hits.map( ( i ) => {
						const b = brand( i );
						return b ? [ b, b ] : undefined;
					} )
				),
			},
		],
	};
}

function searchItems(
	env: OperationEnv,
	params: Extract< OperationParams, { operation: 'searchItems' } >
): OperationOutcome {
	const hits = env.catalog.search( params.query );
	const start = ( params.itemPage - 1 ) * params.itemCount;
	const page = hits.slice( start, start + params.itemCount );
	if ( page.length === 0 ) {
		return {
			kind: 'not_found',
			resourceType: 'SearchResult',
			resourceId: params.searchTerms,
			message: 'No results found for your search request',
			errors: [],
		};
	}
	const result: Record< string, unknown > = {
		// `score` is in the SDK's Item model but undocumented: a relevance in (0, 1], falling with
		// the hit's position (EMU-CHOICE), so clients meet the member.
		items: page.map( ( item, index ) => ( {
			...project( env, params, item, 'osi' ),
			score:
				Math.round(
					( 1 - ( start + index ) / ( hits.length + 1 ) ) * 1000
				) / 1000,
		} ) ),
		totalResultCount: hits.length,
		searchURL: searchUrl(
			env.marketplace,
			params.searchTerms,
			params.query.searchIndex,
			params.partnerTag
		),
	};
	if ( params.resources.has( 'searchRefinements' ) ) {
		result.searchRefinements = refinements( hits );
	}
	return { kind: 'result', resultKey: 'searchResult', result, errors: [] };
}

function getVariations(
	env: OperationEnv,
	params: Extract< OperationParams, { operation: 'getVariations' } >
): OperationOutcome {
	const family = env.catalog.variationFamily( params.asin );
	const start = ( params.variationPage - 1 ) * params.variationCount;
	const page = family
		? family.children.slice( start, start + params.variationCount )
		: [];
	// EMU-CHOICE: an ASIN without variations (or a page past the end) is 404 ResourceNotFound.
	if ( ! family || page.length === 0 ) {
		return {
			kind: 'not_found',
			resourceType: 'Item',
			resourceId: params.asin,
			message: 'No variations found for the requested ASIN.',
			errors: [],
		};
	}
	const summary: Record< string, unknown > = {
		pageCount: Math.ceil( family.children.length / params.variationCount ),
		variationCount: family.children.length,
	};
	const prices = family.children
		.map( ( c ) => featuredListing( c )?.price?.money )
		.filter( ( m ): m is Money => m !== undefined );
	const wantsHigh = params.resources.has(
		'variationSummary.price.highestPrice'
	);
	const wantsLow = params.resources.has(
		'variationSummary.price.lowestPrice'
	);
	if ( prices.length > 0 && ( wantsHigh || wantsLow ) ) {
		const sorted = [ ...prices ].sort( ( a, b ) => a.amount - b.amount );
		summary.price = {
			...( wantsHigh
				? { highestPrice: sorted[ sorted.length - 1 ] }
				: {} ),
			...( wantsLow ? { lowestPrice: sorted[ 0 ] } : {} ),
		};
	}
	// Resource `variationSummary.variationDimension` answers `variationDimensions` (docs/amazon-protocol.md §C4.1).
	if ( params.resources.has( 'variationSummary.variationDimension' ) ) {
		const dimensions = new Map< string, string[] >();
		for ( const child of family.children ) {
			for ( const { name, value } of child.variationAttributes ?? [] ) {
				const values = dimensions.get( name ) ?? [];
				if ( ! values.includes( value ) ) {
					values.push( value );
				}
				dimensions.set( name, values );
			}
		}
		summary.variationDimensions = [ ...dimensions ].map(
			( [ name, values ] ) => ( {
				displayName: env.catalog.dimensionDisplayName( name ),
				locale: env.marketplace.defaultLanguage,
				name,
				values,
			} )
		);
	}
	return {
		kind: 'result',
		resultKey: 'variationsResult',
		result: {
			items: page.map( ( item ) => project( env, params, item, 'ogv' ) ),
			variationSummary: summary,
		},
		errors: [],
	};
}

function getBrowseNodes(
	env: OperationEnv,
	params: Extract< OperationParams, { operation: 'getBrowseNodes' } >
): OperationOutcome {
	const nodes: Record< string, unknown >[] = [];
	const errors: ItemError[] = [];
	const withAncestor = params.resources.has( 'browseNodes.ancestor' );
	const withChildren = params.resources.has( 'browseNodes.children' );
	for ( const id of [ ...new Set( params.browseNodeIds ) ] ) {
		const node = BROWSE_NODE_SYNTAX.test( id )
			? env.catalog.browseNode( id, withAncestor, withChildren )
			: undefined;
		if ( node ) {
			nodes.push( { ...node } );
		} else {
			errors.push( {
				code: 'InvalidParameterValue',
				message: `The BrowseNodeId ${ id } provided in the request is invalid.`,
			} );
		}
	}
	// EMU-CHOICE: every id unknown → 404, mirroring GetItems.
	if ( nodes.length === 0 ) {
		return {
			kind: 'not_found',
			resourceType: 'BrowseNode',
			resourceId: params.browseNodeIds.join( ',' ),
			message: 'No browse nodes found for the requested browse node IDs.',
			errors,
		};
	}
	return {
		kind: 'result',
		resultKey: 'browseNodesResult',
		result: { browseNodes: nodes },
		errors,
	};
}

export function runOperation(
	env: OperationEnv,
	params: OperationParams
): OperationOutcome {
	switch ( params.operation ) {
		case 'getItems':
			return getItems( env, params );
		case 'searchItems':
			return searchItems( env, params );
		case 'getVariations':
			return getVariations( env, params );
		case 'getBrowseNodes':
			return getBrowseNodes( env, params );
	}
}

/**
 * ASIN-like tokens of a request (ids, variation asin, keywords) — for reserved-ASIN faults and the log.
 * @param params
 */
export function asinsOf( params: OperationParams ): string[] {
	switch ( params.operation ) {
		case 'getItems':
			return params.itemIds;
		case 'getVariations':
			return [ params.asin ];
		case 'searchItems':
			return ( params.query.keywords ?? '' )
				.split( /\s+/ )
				.filter( ( t ) => ASIN_SYNTAX.test( t ) );
		case 'getBrowseNodes':
			return [];
	}
}
