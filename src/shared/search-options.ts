/**
 * Amazon's search filters (enums and ranges), typed. Generated from the PHP Search_Options class at
 * build time (tools/export-marketplaces.php), so the block's list mode and the server check the
 * same values.
 */
import data from './search-options.json';

export type SearchFilterName = keyof typeof data.fields;
export type EnumFilter = keyof typeof data.enums;
export type RangeFilter = keyof typeof data.ranges;

export interface SearchOptions {
	fields: Record< string, string >;
	enums: Record< EnumFilter, string[] >;
	ranges: Record< RangeFilter, { min: number; max: number | null } >;
	texts: Record< string, { pattern: string; max_length: number } >;
	keywords_max_length: number;
}

export const searchOptions: SearchOptions = data;

/**
 * Why a filter value would be refused ('' when Amazon accepts it). `delivery_flags` takes a list.
 *
 * @param name  Filter name (snake_case, as the REST API and the shortcode name it).
 * @param value The value.
 */
export function searchFilterProblem(
	name: string,
	value: string | number | string[]
): string {
	if ( name in searchOptions.enums ) {
		const allowed = searchOptions.enums[ name as EnumFilter ];
		const values = Array.isArray( value ) ? value : [ String( value ) ];
		const wrong = values.find( ( v ) => ! allowed.includes( v ) );
		if ( wrong === undefined ) {
			return '';
		}
		return name === 'search_index'
			? `search_index “${ wrong }” is not one of Amazon's search indices (such as All, Books, Electronics or ToysAndGames; the full list is in the plugin's documentation).`
			: `${ name } “${ wrong }” is not allowed. Use one of: ${ allowed.join( ', ' ) }.`;
	}
	if ( name in searchOptions.ranges ) {
		const { min, max } = searchOptions.ranges[ name as RangeFilter ];
		const text = String( value );
		const number = Number( text );
		const ok =
			/^-?\d+$/.test( text ) &&
			number >= min &&
			( max === null || number <= max );
		if ( ok ) {
			return '';
		}
		return max === null
			? `${ name } must be a whole number of at least ${ min } (got “${ text }”).`
			: `${ name } must be a whole number from ${ min } to ${ max } (got “${ text }”).`;
	}
	const text = searchOptions.texts[ name ];
	if ( text ) {
		const s = String( value );
		return s.length <= text.max_length &&
			( text.pattern === '' || new RegExp( text.pattern ).test( s ) )
			? ''
			: `${ name } has an invalid value (“${ s }”).`;
	}
	return '';
}
