/**
 * Where pasted products land: the shared corpus's mixed paste (3 ASINs and 2 links of two
 * marketplaces) puts all 5 in the right marketplace; a foreign link never joins this block.
 */
import corpus from '../../fixtures/product-references.json';
import { classifyInput } from '../../../src/shared/product-reference';
import { planPaste, plannedCount } from '../../../blocks/product/paste';

const MIXED = corpus.inputs.find( ( entry ) =>
	( entry as { note?: string } ).note?.startsWith( 'issue 15: 3 ASINs' )
);

describe( 'planPaste', () => {
	it( 'finds the corpus case', () => {
		expect( MIXED ).toBeDefined();
	} );

	it( 'puts the mixed paste into an empty US block and a new German block', () => {
		const plan = planPaste( classifyInput( MIXED?.input ?? '' ), {
			country: 'us',
			defaultCountry: 'us',
			asins: [],
		} );
		expect( plan.here ).toEqual( [
			'B0DKAFFEE1',
			'0306406152',
			'B0C7KX2Q4M',
			'B0B8RZ4XJQ',
		] );
		expect( plan.switchTo ).toBe( '' );
		expect( plan.newBlocks ).toEqual( [
			{ country: 'de', asins: [ 'B0DAUSVERK' ] },
		] );
		expect( plannedCount( plan ) ).toBe( 5 );
	} );

	it( 'switches an empty block to the first link’s marketplace', () => {
		const plan = planPaste( classifyInput( MIXED?.input ?? '' ), {
			country: '',
			defaultCountry: 'uk',
			asins: [],
		} );
		expect( plan.switchTo ).toBe( 'de' );
		expect( plan.here ).toEqual( [
			'B0DKAFFEE1',
			'0306406152',
			'B0DAUSVERK',
			'B0C7KX2Q4M',
		] );
		expect( plan.newBlocks ).toEqual( [
			{ country: 'us', asins: [ 'B0B8RZ4XJQ' ] },
		] );
		expect( plannedCount( plan ) ).toBe( 5 );
	} );

	it( 'never files a foreign link under a block that holds products', () => {
		const plan = planPaste(
			classifyInput( 'https://www.amazon.de/dp/B0C7KX2Q4M' ),
			{ country: '', defaultCountry: 'us', asins: [ 'B0DKAFFEE1' ] }
		);
		expect( plan.here ).toEqual( [] );
		expect( plan.switchTo ).toBe( '' );
		expect( plan.newBlocks ).toEqual( [
			{ country: 'de', asins: [ 'B0C7KX2Q4M' ] },
		] );
	} );

	it( 'explains short links and non-product links instead of adding them', () => {
		const plan = planPaste(
			classifyInput(
				'https://amzn.to/3AbCdEf https://www.amazon.de/gp/help B0DKAFFEE1'
			),
			{ country: 'de', defaultCountry: 'de', asins: [ 'B0DKAFFEE1' ] }
		);
		expect( plan.shortLinks ).toEqual( [ 'https://amzn.to/3AbCdEf' ] );
		expect( plan.notProducts ).toEqual( [
			'https://www.amazon.de/gp/help',
		] );
		expect( plan.here ).toEqual( [] ); // Already in the block.
	} );
} );
