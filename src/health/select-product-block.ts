/**
 * On the post editor opened from Tools → Product health (`?acapi_asin=…`): selects the first
 * product block that shows that ASIN, once the post's blocks are loaded, and scrolls to it.
 */
import { select, dispatch, subscribe } from '@wordpress/data';

const BLOCK_NAME = 'creators-connect-for-amazon/product';

interface EditorBlock {
	clientId: string;
	name: string;
	attributes: { asins?: unknown };
	innerBlocks: EditorBlock[];
}

/**
 * The first product block (depth first) whose ASINs include the given one.
 * @param blocks The blocks to search.
 * @param asin   The ASIN, upper case.
 */
export function findProductBlock(
	blocks: readonly EditorBlock[],
	asin: string
): EditorBlock | null {
	for ( const block of blocks ) {
		const asins = Array.isArray( block.attributes.asins )
			? block.attributes.asins
			: [];
		if (
			block.name === BLOCK_NAME &&
			asins.some(
				( value: unknown ) =>
					typeof value === 'string' && value.toUpperCase() === asin
			)
		) {
			return block;
		}
		const inner = findProductBlock( block.innerBlocks, asin );
		if ( inner ) {
			return inner;
		}
	}
	return null;
}

const asin = (
	new URLSearchParams( window.location.search ).get( 'acapi_asin' ) ?? ''
).toUpperCase();

if ( /^[A-Z0-9]{10}$/.test( asin ) ) {
	const unsubscribe = subscribe( () => {
		const blocks = (
			select( 'core/block-editor' ) as {
				getBlocks: () => EditorBlock[];
			}
		 ).getBlocks();
		const found = findProductBlock( blocks, asin );
		if ( ! found ) {
			return;
		}
		unsubscribe();
		(
			dispatch( 'core/block-editor' ) as {
				selectBlock: ( clientId: string ) => void;
			}
		 ).selectBlock( found.clientId );
	}, 'core/block-editor' );
}
