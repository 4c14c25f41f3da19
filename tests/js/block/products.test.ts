/**
 * The product block's list logic: adding, moving and removing ASINs, search hits, shortcodes.
 */
import {
	addAsin,
	attributesFromShortcode,
	MAX_PRODUCTS,
	moveAsin,
	removeAsin,
	searchHits,
	shortcodeFitsBlock,
	contextHeadingLevel,
	shortcodeFromAttributes,
} from '../../../blocks/product/products';

describe( 'ASIN list', () => {
	it( 'adds upper-cased ASINs once, up to the limit', () => {
		expect( addAsin( [], ' b0b8rz4xjq ' ) ).toEqual( [ 'B0B8RZ4XJQ' ] );
		expect( addAsin( [ 'B0B8RZ4XJQ' ], 'B0B8RZ4XJQ' ) ).toEqual( [
			'B0B8RZ4XJQ',
		] );
		const full = Array.from( { length: MAX_PRODUCTS }, ( _v, i ) =>
			String( i ).padStart( 10, '0' )
		);
		expect( addAsin( full, 'B0B8RZ4XJQ' ) ).toBe( full );
	} );

	it( 'moves and removes', () => {
		const list = [ 'A', 'B', 'C' ];
		expect( moveAsin( list, 0, 1 ) ).toEqual( [ 'B', 'A', 'C' ] );
		expect( moveAsin( list, 2, -1 ) ).toEqual( [ 'A', 'C', 'B' ] );
		expect( moveAsin( list, 0, -1 ) ).toBe( list );
		expect( moveAsin( list, 2, 1 ) ).toBe( list );
		expect( removeAsin( list, 1 ) ).toEqual( [ 'A', 'C' ] );
	} );
} );

describe( 'searchHits', () => {
	const product = {
		asin: 'B0CM9YQH8F',
		marketplace: 'us',
		title: 'BrewHaven Electric Kettle',
		images: { small: { url: 'https://m.media-amazon.com/s.jpg' } },
		price: { amount: 29.99, currency: 'USD', display: '$29.99' },
		fetched_at: 1764000000,
		availability: { message: 'In Stock', type: 'IN_STOCK' },
	};

	it( 'reads a list or { products }', () => {
		const hit = {
			asin: 'B0CM9YQH8F',
			marketplace: 'us',
			title: 'BrewHaven Electric Kettle',
			image: 'https://m.media-amazon.com/s.jpg',
			price: '$29.99',
			fetchedAt: 1764000000,
			availability: 'In Stock',
		};
		expect( searchHits( [ product ] ) ).toEqual( [ hit ] );
		expect( searchHits( { products: [ product ], total: 1 } ) ).toEqual( [
			hit,
		] );
	} );

	it( 'skips malformed entries', () => {
		expect( searchHits( null ) ).toEqual( [] );
		expect( searchHits( [ null, 3, { title: 'no asin' } ] ) ).toEqual( [] );
		expect( searchHits( [ { asin: 'B0CM9YQH8F' } ] ) ).toEqual( [
			{
				asin: 'B0CM9YQH8F',
				marketplace: '',
				title: '',
				image: undefined,
				price: undefined,
				fetchedAt: 0,
				availability: undefined,
			},
		] );
	} );
} );

describe( 'shortcode transforms', () => {
	it( 'reads our attributes and AAWP box lists', () => {
		expect(
			attributesFromShortcode( {
				asin: 'b0b8rz4xjq, nope, B0C7KX2Q5N',
				country: 'DE',
				template: 'text-link',
			} )
		).toEqual( {
			asins: [ 'B0B8RZ4XJQ', 'B0C7KX2Q5N' ],
			country: 'de',
			template: 'text_link',
			buttonText: '',
		} );
		expect(
			attributesFromShortcode( { box: 'B0B8RZ4XJQ' } ).asins
		).toEqual( [ 'B0B8RZ4XJQ' ] );
		expect(
			attributesFromShortcode( { asin: 'B0B8RZ4XJQ', template: 'odd' } )
				.template
		).toBe( 'box' );
	} );

	it( 'reads search lists and single fields (the block has a form for both)', () => {
		expect(
			attributesFromShortcode( {
				search: 'kettle',
				index: 'HomeAndKitchen',
				items: '3',
				country: 'de',
			} )
		).toMatchObject( {
			mode: 'search',
			search: 'kettle',
			searchIndex: 'HomeAndKitchen',
			items: 3,
			template: 'list',
			country: 'de',
		} );
		expect(
			attributesFromShortcode( { fields: 'B0B8RZ4XJQ', value: 'price' } )
		).toMatchObject( { template: 'field', field: 'price' } );
		expect( shortcodeFitsBlock( { search: 'kettle' } ) ).toBe( true );
		expect(
			shortcodeFitsBlock( { asin: 'B0B8RZ4XJQ', field: 'price' } )
		).toBe( true );
		expect(
			shortcodeFitsBlock( { asin: 'B0B8RZ4XJQ', field: 'image' } )
		).toBe( false );
	} );

	it( 'writes [amazon_product]', () => {
		expect(
			shortcodeFromAttributes( {
				asins: [ 'B0B8RZ4XJQ', 'B0C7KX2Q5N' ],
				country: 'de',
				template: 'grid',
				buttonText: 'Go "now" ]',
				imageSize: '',
				mode: 'products',
				search: '',
				searchIndex: '',
				items: 0,
				sort: '',
				field: '',
				linkText: '',
				headingLevel: 0,
			} )
		).toBe(
			'[amazon_product asin="B0B8RZ4XJQ,B0C7KX2Q5N" country="de" template="grid" button_text="Go now "]'
		);
	} );
} );

describe( 'contextHeadingLevel', () => {
	const block = (
		clientId: string,
		name = 'creators-connect-for-amazon/product',
		level?: number,
		innerBlocks: never[] = []
	) => ( {
		clientId,
		name,
		attributes: level ? { level } : {},
		innerBlocks,
	} );

	it( 'is h2 under the post title, one below the last heading otherwise', () => {
		expect( contextHeadingLevel( [ block( 'p' ) ], 'p' ) ).toBe( 2 );
		expect(
			contextHeadingLevel(
				[ block( 'h', 'core/heading', 2 ), block( 'p' ) ],
				'p'
			)
		).toBe( 3 );
		expect(
			contextHeadingLevel(
				[
					block( 'h', 'core/heading', 6 ),
					block( 'p' ),
					block( 'h2', 'core/heading', 2 ),
				],
				'p'
			)
		).toBe( 6 );
	} );
} );
