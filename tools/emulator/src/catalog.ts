/**
 * The fixture catalog (tests/fixtures/catalog/<country>.json): item lookup, keyword search,
 * variation families and the browse-node tree. Items are stored in Creators API shape; this
 * module never decides what a response looks like (see projection.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESERVED_ITEM_ASINS } from './reserved';

export interface Money {
	amount: number;
	currency: string;
	displayAmount: string;
}

export interface ImageSize {
	url: string;
	height: number;
	width: number;
}

export type ImageSet = Partial<
	Record< 'small' | 'medium' | 'large' | 'hiRes', ImageSize >
>;

export interface Listing {
	availability?: {
		type?: string;
		message?: string;
		minOrderQuantity?: number;
		maxOrderQuantity?: number;
	};
	isBuyBoxWinner?: boolean;
	price?: {
		money?: Money;
		savingBasis?: { money?: Money };
		savings?: { money?: Money; percentage?: number };
	};
	[ key: string ]: unknown;
}

export interface ItemBrowseNode {
	id: string;
	displayName: string;
	contextFreeName: string;
	isRoot?: boolean;
	salesRank?: number;
	ancestor?: unknown;
}

export interface CatalogItem {
	asin: string;
	parentASIN?: string;
	images?: { primary?: ImageSet; variants?: ImageSet[] };
	itemInfo?: Record< string, unknown >;
	offersV2?: { listings?: Listing[] };
	browseNodeInfo?: {
		browseNodes?: ItemBrowseNode[];
		websiteSalesRank?: Record< string, unknown >;
	};
	customerReviews?: { count?: number; starRating?: { value?: number } };
	variationAttributes?: Array< { name: string; value: string } >;
	/** Fixture-only metadata, never sent to clients. */
	_emulator?: {
		searchIndex?: string;
		notAccessible?: boolean;
		variationParent?: boolean;
	};
}

export interface BrowseNodeRecord {
	id: string;
	displayName: string;
	contextFreeName: string;
	isRoot: boolean;
	parentId?: string;
	searchIndex?: string;
}

interface CatalogFile {
	country: string;
	marketplace?: string;
	locale?: string;
	variationDimensionNames?: Record< string, string >;
	browseNodes?: BrowseNodeRecord[];
	items: CatalogItem[];
}

export interface SearchQuery {
	keywords?: string;
	title?: string;
	brand?: string;
	/** actor/artist/author: all matched against contributors. */
	contributor?: string;
	searchIndex?: string;
	browseNodeId?: string;
	minPrice?: number;
	maxPrice?: number;
	minSavingPercent?: number;
	minReviewsRating?: number;
	includeOutOfStock?: boolean;
	sortBy?: string;
}

export interface BrowseNodeView {
	id: string;
	displayName: string;
	contextFreeName: string;
	isRoot: boolean;
	ancestor?: AncestorView;
	children?: Array< {
		id: string;
		displayName: string;
		contextFreeName: string;
	} >;
}

export interface AncestorView {
	id: string;
	displayName: string;
	contextFreeName: string;
	ancestor?: AncestorView;
}

export interface VariationFamily {
	parentAsin: string;
	children: CatalogItem[];
}

const OUT_OF_STOCK = new Set( [ 'OUT_OF_STOCK', 'UNAVAILABLE' ] );

function normalise( text: string ): string {
	return text.normalize( 'NFKC' ).toLowerCase();
}

/**
 * The listing a page would show: the buy-box winner, else the first one.
 * @param item
 */
export function featuredListing( item: CatalogItem ): Listing | undefined {
	const listings = item.offersV2?.listings ?? [];
	return listings.find( ( l ) => l.isBuyBoxWinner ) ?? listings[ 0 ];
}

function titleOf( item: CatalogItem ): string {
	const title = item.itemInfo?.title as
		{ displayValue?: unknown } | undefined;
	return typeof title?.displayValue === 'string' ? title.displayValue : '';
}

function attributeText( value: unknown ): string[] {
	if ( typeof value === 'string' ) {
		return [ value ];
	}
	if ( Array.isArray( value ) ) {
		return value.flatMap( attributeText );
	}
	if ( value !== null && typeof value === 'object' ) {
		return Object.values( value ).flatMap( attributeText );
	}
	return [];
}

export class MarketplaceCatalog {
	readonly country: string;
	private readonly items = new Map< string, CatalogItem >();
	private readonly nodes = new Map< string, BrowseNodeRecord >();
	private readonly dimensionNames: Record< string, string >;
	private readonly searchText = new Map< string, string >();

	constructor( file: CatalogFile ) {
		this.country = file.country;
		this.dimensionNames = file.variationDimensionNames ?? {};
		for ( const node of file.browseNodes ?? [] ) {
			this.nodes.set( node.id, node );
		}
		for ( const item of file.items ) {
			this.items.set( item.asin, item );
			this.searchText.set(
				item.asin,
				normalise(
					attributeText( [
						item.itemInfo ?? {},
						item.browseNodeInfo?.browseNodes ?? [],
						item._emulator?.searchIndex ?? '',
					] ).join( ' \u0001 ' )
				)
			);
		}
	}

	get size(): number {
		return this.items.size;
	}

	item( asin: string ): CatalogItem | undefined {
		return this.items.get( asin ) ?? reservedItem( asin, this.country );
	}

	allItems(): CatalogItem[] {
		return [ ...this.items.values() ];
	}

	search( query: SearchQuery ): CatalogItem[] {
		const tokens = normalise( query.keywords ?? '' )
			.split( /\s+/ )
			.filter( ( t ) => t !== '' );
		const hits = this.allItems().filter( ( item ) =>
			this.matches( item, query, tokens )
		);
		return this.sort( hits, query.sortBy, tokens );
	}

	/**
	 * The family of a parent or child ASIN, children in fixture order.
	 * @param asin
	 */
	variationFamily( asin: string ): VariationFamily | undefined {
		const item = this.items.get( asin );
		if ( ! item ) {
			return undefined;
		}
		const parentAsin =
			item.parentASIN ??
			( item._emulator?.variationParent ? item.asin : undefined );
		if ( parentAsin === undefined ) {
			return undefined;
		}
		const children = this.allItems().filter(
			( i ) => i.parentASIN === parentAsin
		);
		return children.length > 0 ? { parentAsin, children } : undefined;
	}

	dimensionDisplayName( name: string ): string {
		return this.dimensionNames[ name ] ?? name;
	}

	browseNode(
		id: string,
		withAncestor: boolean,
		withChildren: boolean
	): BrowseNodeView | undefined {
		const node = this.nodes.get( id );
		if ( ! node ) {
			return undefined;
		}
		const view: BrowseNodeView = {
			id: node.id,
			displayName: node.displayName,
			contextFreeName: node.contextFreeName,
			isRoot: node.isRoot,
		};
		const ancestor = withAncestor ? this.ancestorOf( node ) : undefined;
		if ( ancestor ) {
			view.ancestor = ancestor;
		}
		if ( withChildren ) {
			const children = [ ...this.nodes.values() ]
				.filter( ( n ) => n.parentId === node.id )
				.map( ( n ) => ( {
					id: n.id,
					displayName: n.displayName,
					contextFreeName: n.contextFreeName,
				} ) );
			if ( children.length > 0 ) {
				view.children = children;
			}
		}
		return view;
	}

	private ancestorOf( node: BrowseNodeRecord ): AncestorView | undefined {
		const parent = node.parentId
			? this.nodes.get( node.parentId )
			: undefined;
		if ( ! parent ) {
			return undefined;
		}
		const view: AncestorView = {
			id: parent.id,
			displayName: parent.displayName,
			contextFreeName: parent.contextFreeName,
		};
		const above = this.ancestorOf( parent );
		if ( above ) {
			view.ancestor = above;
		}
		return view;
	}

	/**
	 * True when the node is `nodeId` or has it as an ancestor.
	 * @param item
	 * @param nodeId
	 */
	private underNode( item: CatalogItem, nodeId: string ): boolean {
		return ( item.browseNodeInfo?.browseNodes ?? [] ).some( ( bn ) => {
			for (
				let node = this.nodes.get( bn.id );
				node;
				node = node.parentId
					? this.nodes.get( node.parentId )
					: undefined
			) {
				if ( node.id === nodeId ) {
					return true;
				}
			}
			return bn.id === nodeId;
		} );
	}

	private matches(
		item: CatalogItem,
		q: SearchQuery,
		tokens: string[]
	): boolean {
		// Search returns buyable children, not the non-buyable parent of a family.
		if (
			item._emulator?.variationParent ||
			item._emulator?.notAccessible
		) {
			return false;
		}
		const text = this.searchText.get( item.asin ) ?? '';
		if ( ! tokens.every( ( t ) => text.includes( t ) ) ) {
			return false;
		}
		if (
			q.title &&
			! normalise( titleOf( item ) ).includes( normalise( q.title ) )
		) {
			return false;
		}
		const byLine = item.itemInfo?.byLineInfo;
		if (
			q.brand &&
			! normalise(
				attributeText(
					( byLine as { brand?: unknown } | undefined )?.brand
				).join( ' ' )
			).includes( normalise( q.brand ) )
		) {
			return false;
		}
		if (
			q.contributor &&
			! normalise(
				attributeText(
					( byLine as { contributors?: unknown } | undefined )
						?.contributors
				).join( ' ' )
			).includes( normalise( q.contributor ) )
		) {
			return false;
		}
		if (
			q.searchIndex &&
			q.searchIndex !== 'All' &&
			item._emulator?.searchIndex !== q.searchIndex
		) {
			return false;
		}
		if ( q.browseNodeId && ! this.underNode( item, q.browseNodeId ) ) {
			return false;
		}
		const listing = featuredListing( item );
		const availability = listing?.availability?.type;
		// Availability=Available (the default) hides out-of-stock items; OffersV2 reports an item
		// without featured offers as out of stock (docs/amazon-protocol.md §C4.2).
		if (
			! q.includeOutOfStock &&
			( listing === undefined ||
				( availability !== undefined &&
					OUT_OF_STOCK.has( availability ) ) )
		) {
			return false;
		}
		const money = listing?.price?.money;
		const minor = money
			? Math.round(
					money.amount * ( money.currency === 'JPY' ? 1 : 100 )
				)
			: undefined;
		if (
			q.minPrice !== undefined &&
			( minor === undefined || minor < q.minPrice )
		) {
			return false;
		}
		if (
			q.maxPrice !== undefined &&
			( minor === undefined || minor > q.maxPrice )
		) {
			return false;
		}
		if (
			q.minSavingPercent !== undefined &&
			( listing?.price?.savings?.percentage ?? 0 ) < q.minSavingPercent
		) {
			return false;
		}
		if (
			q.minReviewsRating !== undefined &&
			( item.customerReviews?.starRating?.value ?? 0 ) <
				q.minReviewsRating
		) {
			return false;
		}
		return true;
	}

	private sort(
		items: CatalogItem[],
		sortBy: string | undefined,
		tokens: string[]
	): CatalogItem[] {
		const price = ( i: CatalogItem ) =>
			featuredListing( i )?.price?.money?.amount ??
			Number.POSITIVE_INFINITY;
		const stars = ( i: CatalogItem ) =>
			i.customerReviews?.starRating?.value ?? 0;
		const rank = ( i: CatalogItem ) =>
			Number(
				i.browseNodeInfo?.websiteSalesRank?.salesRank ??
					Number.MAX_SAFE_INTEGER
			);
		const released = ( i: CatalogItem ) =>
			String(
				(
					i.itemInfo?.productInfo as
						{ releaseDate?: { displayValue?: string } } | undefined
				 )?.releaseDate?.displayValue ?? ''
			);
		const titleHits = ( i: CatalogItem ) =>
			tokens.filter( ( t ) => normalise( titleOf( i ) ).includes( t ) )
				.length;
		const byKey: Record<
			string,
			( a: CatalogItem, b: CatalogItem ) => number
		> = {
			'Price:LowToHigh': ( a, b ) => price( a ) - price( b ),
			'Price:HighToLow': ( a, b ) => price( b ) - price( a ),
			AvgCustomerReviews: ( a, b ) => stars( b ) - stars( a ),
			NewestArrivals: ( a, b ) =>
				released( b ).localeCompare( released( a ) ),
			Featured: ( a, b ) => rank( a ) - rank( b ),
		};
		// Relevance (and any unsupported sortBy, which Amazon silently ignores): title hits, then sales rank.
		const primary =
			( sortBy && byKey[ sortBy ] ) ||
			( ( a: CatalogItem, b: CatalogItem ) =>
				titleHits( b ) - titleHits( a ) || rank( a ) - rank( b ) );
		// Ties break by ASIN so every answer is deterministic.
		return [ ...items ].sort(
			( a, b ) => primary( a, b ) || a.asin.localeCompare( b.asin )
		);
	}
}

/**
 * Reserved ASINs whose request goes on to a normal lookup get a plain synthetic item in every
 * marketplace: B00SLOW000 answers (late) like a real item, B00EXCLUDE is not accessible.
 * @param asin
 * @param country
 */
function reservedItem(
	asin: string,
	country: string
): CatalogItem | undefined {
	if ( ! RESERVED_ITEM_ASINS.has( asin ) ) {
		return undefined;
	}
	return {
		asin,
		itemInfo: {
			title: {
				displayValue: `Emulator reserved item ${ asin } (${ country })`,
				label: 'Title',
				locale: 'en_US',
			},
		},
		_emulator: { notAccessible: asin === 'B00EXCLUDE' },
	};
}

export class Catalog {
	private readonly markets = new Map< string, MarketplaceCatalog >();

	static fromDirectory( dir: string ): Catalog {
		const files = readdirSync( dir )
			.filter( ( f ) => f.endsWith( '.json' ) )
			.sort();
		return new Catalog(
			files.map(
				( f ) =>
					JSON.parse(
						readFileSync( join( dir, f ), 'utf8' )
					) as CatalogFile
			)
		);
	}

	constructor( files: CatalogFile[] ) {
		for ( const file of files ) {
			this.markets.set( file.country, new MarketplaceCatalog( file ) );
		}
	}

	/**
	 * A marketplace without a fixture file gets an empty catalog (every ASIN unknown).
	 * @param country
	 */
	forCountry( country: string ): MarketplaceCatalog {
		let market = this.markets.get( country );
		if ( ! market ) {
			market = new MarketplaceCatalog( { country, items: [] } );
			this.markets.set( country, market );
		}
		return market;
	}

	countries(): string[] {
		return [ ...this.markets.keys() ];
	}
}
