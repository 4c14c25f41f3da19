/**
 * Registers the product block. It is dynamic: render.php draws it, so there is no save().
 */
import { createBlock, registerBlockType } from '@wordpress/blocks';
import { __ } from '@wordpress/i18n';

import metadata from './block.json';
import './editor.scss';
import Edit from './edit';
import {
	attributesFromShortcode,
	shortcodeFitsBlock,
	shortcodeFromAttributes,
	type ProductBlockAttributes,
	type Template,
} from './products';

/** What a shortcode transform receives. */
interface ShortcodeAttributes {
	named: Record< string, string | undefined >;
}

/**
 * The named attributes of a shortcode's text (`name="value"`).
 *
 * @param text The shortcode block's text.
 */
function namedAttributes( text?: string ): Record< string, string > {
	const named: Record< string, string > = {};
	for ( const match of ( text ?? '' ).matchAll( /(\w+)="([^"]*)"/g ) ) {
		named[ ( match[ 1 ] ?? '' ).toLowerCase() ] = match[ 2 ] ?? '';
	}
	return named;
}

/**
 * A template variation of the products mode (not a search list, not a single field).
 *
 * @param template    The template.
 * @param title       Inserter title.
 * @param description Inserter description.
 * @param isDefault   Whether it is the block's default.
 */
const variation = (
	template: Template,
	title: string,
	description: string,
	isDefault = false
) => ( {
	name: template,
	title,
	description,
	icon: 'cart',
	attributes: { template },
	isDefault,
	scope: [ 'inserter', 'transform' ] as Array< 'inserter' | 'transform' >,
	isActive: ( attributes: Partial< ProductBlockAttributes > ) =>
		attributes.template === template &&
		attributes.mode !== 'search' &&
		( attributes.mode === 'products' || ! attributes.search ),
} );

registerBlockType< ProductBlockAttributes >( metadata.name, {
	edit: Edit,
	save: () => null,
	variations: [
		variation(
			'box',
			__( 'Amazon Product Box', 'creators-connect-for-amazon' ),
			__(
				'Image, title, features, price and a button.',
				'creators-connect-for-amazon'
			),
			true
		),
		variation(
			'list',
			__( 'Amazon Product List', 'creators-connect-for-amazon' ),
			__( 'Compact rows of products.', 'creators-connect-for-amazon' )
		),
		variation(
			'grid',
			__( 'Amazon Product Grid', 'creators-connect-for-amazon' ),
			__( 'Products as cards.', 'creators-connect-for-amazon' )
		),
		variation(
			'table',
			__( 'Amazon Comparison Table', 'creators-connect-for-amazon' ),
			__( 'Products side by side.', 'creators-connect-for-amazon' )
		),
		variation(
			'button',
			__( 'Amazon Button', 'creators-connect-for-amazon' ),
			__( 'A "Buy on Amazon" button.', 'creators-connect-for-amazon' )
		),
		{
			name: 'search-list',
			title: __( 'Amazon Search List', 'creators-connect-for-amazon' ),
			description: __(
				'The products Amazon finds for keywords: search index, number and order.',
				'creators-connect-for-amazon'
			),
			icon: 'search',
			attributes: { mode: 'search', template: 'list', items: 5 },
			scope: [ 'inserter', 'transform' ],
			isActive: ( attributes: Partial< ProductBlockAttributes > ) =>
				attributes.mode === 'search' ||
				( ! attributes.mode && !! attributes.search ),
		},
		{
			name: 'field',
			title: __( 'Amazon Single Field', 'creators-connect-for-amazon' ),
			description: __(
				'One value of a product: its price, a button or a link.',
				'creators-connect-for-amazon'
			),
			icon: 'tag',
			attributes: { template: 'field', field: 'price' },
			scope: [ 'inserter', 'transform' ],
			isActive: ( attributes: Partial< ProductBlockAttributes > ) =>
				attributes.template === 'field' && attributes.mode !== 'search',
		},
	],
	transforms: {
		from: [
			{
				type: 'shortcode',
				tag: [ 'amazon', 'amazon_product' ],
				transform: ( { named }: ShortcodeAttributes ) =>
					createBlock< ProductBlockAttributes >(
						metadata.name,
						attributesFromShortcode( named )
					),
				isMatch: ( { named }: ShortcodeAttributes ) =>
					shortcodeFitsBlock( named ),
			},
			{
				type: 'block',
				blocks: [ 'core/shortcode' ],
				isMatch: ( { text }: { text?: string } ) =>
					/^\[amazon(?:_product)?\s[^\]]*\]/.test(
						( text ?? '' ).trim()
					) && shortcodeFitsBlock( namedAttributes( text ) ),
				transform: ( { text }: { text?: string } ) =>
					createBlock< ProductBlockAttributes >(
						metadata.name,
						attributesFromShortcode( namedAttributes( text ) )
					),
			},
		],
		to: [
			{
				type: 'block',
				blocks: [ 'core/shortcode' ],
				transform: ( attributes: ProductBlockAttributes ) =>
					createBlock( 'core/shortcode', {
						text: shortcodeFromAttributes( attributes ),
					} ),
			},
		],
	},
} );
