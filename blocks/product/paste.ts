/**
 * Where the products of an editor's input go: the items come from the shared reference rules
 * (src/shared/product-reference.ts); this decides which marketplace each lands in. A bare ASIN
 * goes to the block's marketplace; a link goes to its own. A link from another marketplace never
 * lands in this block: an empty block switches to it, otherwise it becomes a new block.
 */
import type { PastedItem } from '../../src/shared/product-reference';
import { getMarketplace } from '../../src/shared/marketplaces';

/** Products for one new block of another marketplace. */
export interface NewBlock {
	country: string;
	asins: string[];
}

/** What to do with an input that names products. */
export interface PastePlan {
	/** ASINs for this block, in order, once each. */
	here: string[];
	/** The marketplace this block switches to ('' keeps its own). */
	switchTo: string;
	/** Products of other marketplaces, one new block each, in the order they appear. */
	newBlocks: NewBlock[];
	/** Links that are not product pages (their text). */
	notProducts: string[];
	/** Short links (amzn.to, a.co): they cannot be resolved without asking Amazon. */
	shortLinks: string[];
}

/** What the plan needs to know about the block. */
export interface BlockPlace {
	/** The block's marketplace attribute ('' = the site's default). */
	country: string;
	/** The site's default marketplace ('' when none is set). */
	defaultCountry: string;
	/** The ASINs the block holds. */
	asins: string[];
}

/**
 * Where each item goes.
 *
 * @param items The classified input (no keyword item).
 * @param block The block.
 */
export function planPaste( items: PastedItem[], block: BlockPlace ): PastePlan {
	const plan: PastePlan = {
		here: [],
		switchTo: '',
		newBlocks: [],
		notProducts: [],
		shortLinks: [],
	};
	let own = block.country || block.defaultCountry;
	if ( block.asins.length === 0 ) {
		// An empty block takes the marketplace of the first link, unless a link is from the
		// block's own marketplace already (then the others get new blocks).
		const links = items.filter( ( item ) => item.asin && item.country );
		const first = links[ 0 ];
		const ownLink = links.some( ( item ) => item.country === own );
		if ( first?.country && ! ownLink ) {
			plan.switchTo = first.country;
			own = first.country;
		}
	}
	const add = ( list: string[], asin: string ) => {
		if ( ! list.includes( asin ) && ! block.asins.includes( asin ) ) {
			list.push( asin );
		}
	};
	for ( const item of items ) {
		if ( item.kind === 'short-link' ) {
			plan.shortLinks.push( item.text );
			continue;
		}
		if ( ! item.asin ) {
			plan.notProducts.push( item.text );
			continue;
		}
		if ( ! item.country || item.country === own ) {
			add( plan.here, item.asin );
			continue;
		}
		let target = plan.newBlocks.find(
			( entry ) => entry.country === item.country
		);
		if ( ! target ) {
			target = { country: item.country, asins: [] };
			plan.newBlocks.push( target );
		}
		if ( ! target.asins.includes( item.asin ) ) {
			target.asins.push( item.asin );
		}
	}
	return plan;
}

/**
 * How many products a plan adds (here and in new blocks).
 *
 * @param plan A plan.
 */
export function plannedCount( plan: PastePlan ): number {
	return plan.newBlocks.reduce(
		( sum, entry ) => sum + entry.asins.length,
		plan.here.length
	);
}

/**
 * The marketplace's name ("Germany"), or its code when unknown.
 *
 * @param country A country code.
 */
export function marketplaceName( country: string ): string {
	return getMarketplace( country )?.name ?? country.toUpperCase();
}
