/**
 * The shared corpus of product references, on the block editor's side (PHPUnit holds the server
 * to the same file: tests/php/unit/Reference/Corpus_Test.php).
 */
import corpus from '../../fixtures/product-references.json';
import {
	classifyInput,
	isAsin,
	normalizeAsin,
	parseShortcode,
	type PastedItem,
} from '../../../src/shared/product-reference';

interface ShortcodeCase {
	tag: string;
	shared_tag_ours?: boolean;
	atts: Record< string, string >;
	parse: {
		country: string;
		asins: string[];
		invalid: string[];
		template: string;
		field?: string;
		search?: string;
	} | null;
}

const named = ( entries: Array< { input: string } > ) =>
	entries.map( ( entry, index ) => [
		`${ index }: ${ JSON.stringify( entry.input ) }`,
		entry,
	] );

describe( 'ASIN rule (corpus)', () => {
	it.each( named( corpus.asins ) )( '%s', ( _name, entry ) => {
		const { input, asin } = entry as { input: string; asin: string | null };
		expect( isAsin( input ) ).toBe( asin !== null );
		if ( asin !== null ) {
			expect( normalizeAsin( input ) ).toBe( asin );
		}
	} );
} );

describe( 'editor input (corpus)', () => {
	it.each( named( corpus.inputs ) )( '%s', ( _name, entry ) => {
		const { input, items } = entry as {
			input: string;
			items: PastedItem[];
		};
		expect( classifyInput( input ) ).toEqual( items );
	} );
} );

describe( 'shortcodes (corpus)', () => {
	const cases = corpus.shortcodes as unknown as ShortcodeCase[];
	it.each(
		cases.map(
			( entry, index ) =>
				[
					`${ index }: ${ JSON.stringify( entry.atts ) }`,
					entry,
				] as const
		)
	)( '%s', ( _name, entry ) => {
		const parsed = parseShortcode(
			entry.atts,
			entry.tag,
			entry.shared_tag_ours ?? true
		);
		if ( entry.parse === null ) {
			expect( parsed ).toBeUndefined();
			return;
		}
		expect( parsed ).toBeDefined();
		expect( {
			country: parsed?.country,
			asins: parsed?.asins,
			invalid: parsed?.invalid,
			template: parsed?.template,
			field: parsed?.field,
			search: parsed?.search,
		} ).toEqual( {
			field: '',
			search: '',
			...entry.parse,
		} );
	} );
} );
