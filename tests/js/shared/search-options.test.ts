/**
 * The search filters exported from PHP (Search_Options) for the block's list mode.
 */
import {
	searchFilterProblem,
	searchOptions,
} from '../../../src/shared/search-options';

describe( 'search options exported from PHP', () => {
	it( 'carries the SDK enums and ranges', () => {
		expect( searchOptions.enums.sort_by ).toEqual( [
			'AvgCustomerReviews',
			'Featured',
			'NewestArrivals',
			'Price:HighToLow',
			'Price:LowToHigh',
			'Relevance',
		] );
		expect( searchOptions.enums.delivery_flags ).toContain(
			'FulfilledByAmazon'
		);
		expect( searchOptions.ranges.min_reviews_rating ).toEqual( {
			min: 1,
			max: 4,
		} );
		expect( searchOptions.ranges.min_price ).toEqual( {
			min: 1,
			max: null,
		} );
		expect( searchOptions.fields.min_saving_percent ).toBe(
			'minSavingPercent'
		);
	} );

	it( 'names the allowed values when it refuses one', () => {
		expect( searchFilterProblem( 'sort_by', 'Price:LowToHigh' ) ).toBe(
			''
		);
		expect( searchFilterProblem( 'sort_by', 'Cheapest' ) ).toBe(
			'sort_by “Cheapest” is not allowed. Use one of: AvgCustomerReviews, Featured, NewestArrivals, Price:HighToLow, Price:LowToHigh, Relevance.'
		);
		expect(
			searchFilterProblem( 'delivery_flags', [ 'Prime', 'Drone' ] )
		).toContain( '“Drone”' );
		expect( searchFilterProblem( 'min_price', 0 ) ).toBe(
			'min_price must be a whole number of at least 1 (got “0”).'
		);
		expect( searchFilterProblem( 'min_reviews_rating', 5 ) ).toContain(
			'from 1 to 4'
		);
		expect( searchFilterProblem( 'min_saving_percent', 99 ) ).toBe( '' );
		expect( searchFilterProblem( 'browse_node_id', '0123' ) ).not.toBe(
			''
		);
	} );

	it( 'takes the search index from the marketplace registry and caps keywords', () => {
		expect( searchOptions.enums.search_index ).toContain( 'Books' );
		expect( searchOptions.enums.search_index ).toContain( 'ForeignBooks' );
		expect( searchFilterProblem( 'search_index', 'ToysAndGames' ) ).toBe(
			''
		);
		expect(
			searchFilterProblem( 'search_index', 'A'.repeat( 101 ) )
		).toContain( "is not one of Amazon's search indices" );
		expect( searchOptions.keywords_max_length ).toBe( 200 );
	} );
} );
