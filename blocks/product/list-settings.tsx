/**
 * The search list's settings: keywords, marketplace, search index (category), how many
 * products and their order. The server runs the search (cached) and renders the list.
 */
import {
	RangeControl,
	SelectControl,
	TextControl,
} from '@wordpress/components';
import { __ } from '@wordpress/i18n';

import { marketplaceOptions } from './picker';
import { searchOptions } from '../../src/shared/search-options';
import {
	MAX_LIST_ITEMS,
	SEARCH_INDEXES,
	type ProductBlockAttributes,
} from './products';

const SORT_LABELS: Record< string, string > = {
	'': __( 'Amazon’s default', 'creators-connect-for-amazon' ),
	Relevance: __( 'Relevance', 'creators-connect-for-amazon' ),
	Featured: __( 'Featured', 'creators-connect-for-amazon' ),
	AvgCustomerReviews: __( 'Customer reviews', 'creators-connect-for-amazon' ),
	NewestArrivals: __( 'Newest arrivals', 'creators-connect-for-amazon' ),
	'Price:LowToHigh': __(
		'Price: low to high',
		'creators-connect-for-amazon'
	),
	'Price:HighToLow': __(
		'Price: high to low',
		'creators-connect-for-amazon'
	),
};

interface ListSettingsProps {
	attributes: ProductBlockAttributes;
	setAttributes: ( attributes: Partial< ProductBlockAttributes > ) => void;
}

export default function ListSettings( {
	attributes,
	setAttributes,
}: ListSettingsProps ) {
	return (
		<div className="acapi-list-settings">
			<TextControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __( 'Keywords', 'creators-connect-for-amazon' ) }
				value={ attributes.search }
				onChange={ ( value: string ) =>
					setAttributes( { search: value } )
				}
			/>
			<SelectControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __( 'Marketplace', 'creators-connect-for-amazon' ) }
				value={ attributes.country }
				options={ marketplaceOptions }
				onChange={ ( value: string ) =>
					setAttributes( { country: value } )
				}
			/>
			<SelectControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __(
					'Category (search index)',
					'creators-connect-for-amazon'
				) }
				value={ attributes.searchIndex }
				options={ SEARCH_INDEXES.map( ( value ) => ( {
					label:
						value === ''
							? __(
									'All categories',
									'creators-connect-for-amazon'
								)
							: value,
					value,
				} ) ) }
				onChange={ ( value: string ) =>
					setAttributes( { searchIndex: value } )
				}
			/>
			<RangeControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __(
					'Number of products',
					'creators-connect-for-amazon'
				) }
				value={ attributes.items || MAX_LIST_ITEMS }
				min={ 1 }
				max={ MAX_LIST_ITEMS }
				onChange={ ( value?: number ) =>
					setAttributes( { items: value ?? MAX_LIST_ITEMS } )
				}
			/>
			<SelectControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __( 'Order', 'creators-connect-for-amazon' ) }
				value={ String( attributes.searchFilters?.sort_by ?? '' ) }
				options={ [ '', ...searchOptions.enums.sort_by ].map(
					( value ) => ( {
						label: SORT_LABELS[ value ] ?? value,
						value,
					} )
				) }
				onChange={ ( value: string ) => {
					const filters = { ...( attributes.searchFilters ?? {} ) };
					if ( value ) {
						filters.sort_by = value;
					} else {
						delete filters.sort_by;
					}
					setAttributes( { searchFilters: filters } );
				} }
			/>
		</div>
	);
}
