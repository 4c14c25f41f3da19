/**
 * Request-body validation shared by both APIs. Bodies arrive in lowerCamelCase (PA-API bodies are
 * re-cased first); each API renders the issues in its own error vocabulary.
 * Limits: docs/amazon-protocol.md §C3.3–C3.7 and §P5.
 */
import type { SearchQuery } from './catalog';
import type { Marketplace } from './marketplaces';
import {
	CREATORS_RESOURCES,
	DEFAULT_RESOURCES,
	type Operation,
} from './projection';

export type Api = 'creators' | 'paapi';

export interface FieldIssue {
	/** lowerCamelCase field name. */
	field: string;
	problem: 'missing' | 'invalid';
	value?: unknown;
	detail: string;
}

export interface CommonParams {
	partnerTag: string;
	resources: ReadonlySet< string >;
}

export type OperationParams =
	| ( CommonParams & { operation: 'getItems'; itemIds: string[] } )
	| ( CommonParams & {
			operation: 'searchItems';
			query: SearchQuery;
			itemCount: number;
			itemPage: number;
			searchTerms: string;
	  } )
	| ( CommonParams & {
			operation: 'getVariations';
			asin: string;
			variationCount: number;
			variationPage: number;
	  } )
	| ( CommonParams & {
			operation: 'getBrowseNodes';
			browseNodeIds: string[];
	  } );

export interface ValidationResult {
	params?: OperationParams;
	issues: FieldIssue[];
}

const SORT_BY = [
	'AvgCustomerReviews',
	'Featured',
	'NewestArrivals',
	'Price:HighToLow',
	'Price:LowToHigh',
	'Relevance',
];
const DELIVERY_FLAGS = [
	'AmazonGlobal',
	'FreeShipping',
	'FulfilledByAmazon',
	'Prime',
];
const SEARCH_TERMS = [
	'keywords',
	'actor',
	'artist',
	'author',
	'brand',
	'title',
] as const;
/** PA-API item ids: 10 upper-case alphanumerics (docs/amazon-protocol.md §P5). */
const PAAPI_ITEM_ID = /^[A-Z0-9]{10}$/;

/**
 * PA-API accepts the Creators item resources minus `highRes` (PA-API never had it), and still
 * accepts the V1 `Offers.*` / `RentalOffers.*` names. Those return nothing: Offers V1 was retired
 * on 2026-01-31 (docs/amazon-protocol.md §P1), before the PA-API endpoint itself.
 * @param api
 * @param operation
 * @param resource
 */
function isValidResource(
	api: Api,
	operation: Operation,
	resource: string
): boolean {
	if ( api === 'paapi' ) {
		if ( resource.endsWith( '.highRes' ) ) {
			return false;
		}
		if (
			operation !== 'getBrowseNodes' &&
			( resource.startsWith( 'offers.' ) ||
				resource.startsWith( 'rentalOffers.' ) )
		) {
			return true;
		}
	}
	return CREATORS_RESOURCES[ operation ].has( resource );
}

class Checker {
	readonly issues: FieldIssue[] = [];

	constructor( private readonly body: Record< string, unknown > ) {}

	has( field: string ): boolean {
		return this.body[ field ] !== undefined && this.body[ field ] !== null;
	}

	invalid( field: string, detail: string ): void {
		this.issues.push( {
			field,
			problem: 'invalid',
			value: this.body[ field ],
			detail,
		} );
	}

	missing( field: string, detail: string ): void {
		this.issues.push( { field, problem: 'missing', detail } );
	}

	string(
		field: string,
		opts: { required?: boolean; max?: number; pattern?: RegExp } = {}
	): string | undefined {
		if ( ! this.has( field ) ) {
			if ( opts.required ) {
				this.missing( field, `${ field } should be provided` );
			}
			return undefined;
		}
		const value = this.body[ field ];
		if (
			typeof value !== 'string' ||
			value.trim() === '' ||
			value.length > ( opts.max ?? 1000 ) ||
			( opts.pattern && ! opts.pattern.test( value ) )
		) {
			this.invalid(
				field,
				`${ field } must be a non-blank string${ opts.pattern ? ' of the right format' : '' }`
			);
			return undefined;
		}
		return value;
	}

	integer( field: string, min: number, max: number ): number | undefined {
		if ( ! this.has( field ) ) {
			return undefined;
		}
		const value = this.body[ field ];
		if (
			typeof value !== 'number' ||
			! Number.isInteger( value ) ||
			value < min ||
			value > max
		) {
			this.invalid(
				field,
				`${ field } must be an integer between ${ min } and ${ max }`
			);
			return undefined;
		}
		return value;
	}

	oneOf( field: string, allowed: readonly string[] ): string | undefined {
		if ( ! this.has( field ) ) {
			return undefined;
		}
		const value = this.body[ field ];
		if ( typeof value !== 'string' || ! allowed.includes( value ) ) {
			this.invalid(
				field,
				`${ field } must be one of ${ allowed.join( ', ' ) }`
			);
			return undefined;
		}
		return value;
	}

	stringArray(
		field: string,
		min: number,
		max: number,
		opts: { required?: boolean } = {}
	): string[] | undefined {
		if ( ! this.has( field ) ) {
			if ( opts.required ) {
				this.missing( field, `${ field } should be provided` );
			}
			return undefined;
		}
		const value = this.body[ field ];
		if (
			! Array.isArray( value ) ||
			value.length < min ||
			value.length > max ||
			! value.every( ( v ) => typeof v === 'string' && v !== '' )
		) {
			this.invalid(
				field,
				`${ field } must be a list of ${ min } to ${ max } non-empty strings`
			);
			return undefined;
		}
		return value as string[];
	}
}

export function validateRequest(
	operation: Operation,
	body: Record< string, unknown >,
	api: Api,
	marketplace: Marketplace
): ValidationResult {
	const check = new Checker( body );
	const partnerTag = check.string( 'partnerTag', {
		required: true,
		max: 64,
	} );
	if ( api === 'paapi' ) {
		if ( ! check.has( 'partnerType' ) ) {
			check.missing( 'partnerType', 'PartnerType should be provided' );
		} else {
			check.oneOf( 'partnerType', [ 'Associates' ] );
		}
	}

	const resourceList =
		check.stringArray( 'resources', 0, 100 ) ??
		DEFAULT_RESOURCES[ operation ];
	const badResources = resourceList.filter(
		( r ) => ! isValidResource( api, operation, r )
	);
	if ( badResources.length > 0 ) {
		check.issues.push( {
			field: 'resources',
			problem: 'invalid',
			value: badResources,
			detail: `invalid resource(s): ${ badResources.join( ', ' ) }`,
		} );
	}

	// Creators: at most one language, an unknown one falls back to the default (docs/amazon-protocol.md
	// §C3.4). PA-API rejects a language the locale does not list (docs/amazon-protocol.md §P5).
	const languages = check.stringArray( 'languagesOfPreference', 1, 1 );
	if (
		api === 'paapi' &&
		languages?.[ 0 ] !== undefined &&
		! marketplace.languages.includes( languages[ 0 ] )
	) {
		check.invalid(
			'languagesOfPreference',
			'language not valid for this marketplace'
		);
	}
	check.string( 'currencyOfPreference', { max: 100 } );
	check.oneOf(
		'condition',
		api === 'paapi'
			? [ 'Any', 'New', 'Used', 'Collectible', 'Refurbished' ]
			: [ 'Any', 'New' ]
	);
	if ( api === 'paapi' ) {
		check.oneOf( 'merchant', [ 'All', 'Amazon' ] );
		check.integer( 'offerCount', 1, 100 );
	}

	const common = {
		partnerTag: partnerTag ?? '',
		resources: new Set( resourceList ),
	};
	let params: OperationParams | undefined;
	switch ( operation ) {
		case 'getItems': {
			const itemIds = check.stringArray( 'itemIds', 1, 10, {
				required: true,
			} );
			check.oneOf( 'itemIdType', [ 'ASIN' ] );
			// PA-API rejects the whole request for a malformed id; the Creators API reports it per item.
			if (
				api === 'paapi' &&
				itemIds &&
				! itemIds.every( ( id ) => PAAPI_ITEM_ID.test( id ) )
			) {
				check.invalid( 'itemIds', 'malformed item id' );
			}
			params = itemIds ? { ...common, operation, itemIds } : undefined;
			break;
		}
		case 'searchItems': {
			const terms = Object.fromEntries(
				SEARCH_TERMS.map( ( f ) => [ f, check.string( f ) ] )
			) as Record<
				( typeof SEARCH_TERMS )[ number ],
				string | undefined
			>;
			if ( SEARCH_TERMS.every( ( f ) => ! check.has( f ) ) ) {
				check.missing(
					'keywords',
					'at least one of Keywords, Actor, Artist, Author, Brand or Title should be provided'
				);
			}
			const query: SearchQuery = {
				...( terms.keywords !== undefined
					? { keywords: terms.keywords }
					: {} ),
				...( terms.title !== undefined ? { title: terms.title } : {} ),
				...( terms.brand !== undefined ? { brand: terms.brand } : {} ),
			};
			const contributor = terms.author ?? terms.artist ?? terms.actor;
			if ( contributor !== undefined ) {
				query.contributor = contributor;
			}
			const searchIndex = check.string( 'searchIndex', { max: 100 } );
			const browseNodeId = check.string( 'browseNodeId', {
				max: 19,
				pattern: /^[1-9][0-9]*$/,
			} );
			const minPrice = check.integer(
				'minPrice',
				1,
				Number.MAX_SAFE_INTEGER
			);
			const maxPrice = check.integer(
				'maxPrice',
				1,
				Number.MAX_SAFE_INTEGER
			);
			const minReviewsRating = check.integer( 'minReviewsRating', 1, 4 );
			const minSavingPercent = check.integer( 'minSavingPercent', 1, 99 );
			const availability = check.oneOf( 'availability', [
				'Available',
				'IncludeOutOfStock',
			] );
			const sortBy = check.oneOf( 'sortBy', SORT_BY );
			if ( check.has( 'deliveryFlags' ) ) {
				const flags = check.stringArray( 'deliveryFlags', 1, 4 );
				if (
					flags &&
					! flags.every( ( f ) => DELIVERY_FLAGS.includes( f ) )
				) {
					check.invalid(
						'deliveryFlags',
						`deliveryFlags must be of ${ DELIVERY_FLAGS.join( ', ' ) }`
					);
				}
			}
			Object.assign( query, {
				...( searchIndex !== undefined ? { searchIndex } : {} ),
				...( browseNodeId !== undefined ? { browseNodeId } : {} ),
				...( minPrice !== undefined ? { minPrice } : {} ),
				...( maxPrice !== undefined ? { maxPrice } : {} ),
				...( minReviewsRating !== undefined
					? { minReviewsRating }
					: {} ),
				...( minSavingPercent !== undefined
					? { minSavingPercent }
					: {} ),
				...( sortBy !== undefined ? { sortBy } : {} ),
				includeOutOfStock: availability === 'IncludeOutOfStock',
			} );
			// itemCount: docs 1–10 (the SDK schema allows 100; docs/amazon-protocol.md §C9 says reject > 10).
			const itemCount = check.integer( 'itemCount', 1, 10 ) ?? 10;
			const itemPage = check.integer( 'itemPage', 1, 10 ) ?? 1;
			const searchTerms =
				SEARCH_TERMS.map( ( f ) => terms[ f ] ).find(
					( t ) => t !== undefined
				) ?? '';
			params = {
				...common,
				operation,
				query,
				itemCount,
				itemPage,
				searchTerms,
			};
			break;
		}
		case 'getVariations': {
			const asin = check.string( 'asin', { required: true, max: 10 } );
			const variationCount =
				check.integer( 'variationCount', 1, 10 ) ?? 10;
			const variationPage =
				check.integer( 'variationPage', 1, 1000 ) ?? 1;
			params =
				asin !== undefined
					? {
							...common,
							operation,
							asin,
							variationCount,
							variationPage,
						}
					: undefined;
			break;
		}
		case 'getBrowseNodes': {
			const browseNodeIds = check.stringArray( 'browseNodeIds', 1, 10, {
				required: true,
			} );
			params = browseNodeIds
				? { ...common, operation, browseNodeIds }
				: undefined;
			break;
		}
	}
	return check.issues.length > 0
		? { issues: check.issues }
		: { params, issues: [] };
}
