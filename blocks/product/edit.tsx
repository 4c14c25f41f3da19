/**
 * The product block in the editor: a picker while it is empty, the server's rendering once it
 * holds products, and the settings in the sidebar.
 */
import { InspectorControls, useBlockProps } from '@wordpress/block-editor';
import type { BlockEditProps } from '@wordpress/blocks';
import {
	Button,
	CheckboxControl,
	PanelBody,
	Placeholder,
	SelectControl,
	TextControl,
	ToggleControl,
} from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';
import ServerSideRender from '@wordpress/server-side-render';

import Picker from './picker';
import {
	addAsin,
	DEFAULT_PARTS,
	moveAsin,
	PARTS,
	removeAsin,
	TEMPLATES,
	type ProductBlockAttributes,
	type Template,
} from './products';

const TEMPLATE_LABELS: Record< Template, string > = {
	box: __( 'Box', 'amazon-creators-api' ),
	list: __( 'List', 'amazon-creators-api' ),
	grid: __( 'Grid', 'amazon-creators-api' ),
	table: __( 'Comparison table', 'amazon-creators-api' ),
	button: __( 'Button', 'amazon-creators-api' ),
	text_link: __( 'Text link', 'amazon-creators-api' ),
	image_link: __( 'Image link', 'amazon-creators-api' ),
};

const PART_LABELS: Record< string, string > = {
	image: __( 'Image', 'amazon-creators-api' ),
	title: __( 'Title', 'amazon-creators-api' ),
	features: __( 'Features', 'amazon-creators-api' ),
	price: __( 'Price', 'amazon-creators-api' ),
	availability: __( 'Availability', 'amazon-creators-api' ),
	rating: __( 'Rating', 'amazon-creators-api' ),
	button: __( 'Button', 'amazon-creators-api' ),
};

export default function Edit( {
	attributes,
	setAttributes,
}: BlockEditProps< ProductBlockAttributes > ) {
	const blockProps = useBlockProps();
	const { asins, country, template, buttonText, imageSize, affiliateLabel } =
		attributes;
	const shown = attributes.show ?? DEFAULT_PARTS[ template ];

	const onAdd = ( asin: string, marketplace?: string ) => {
		const next: Partial< ProductBlockAttributes > = {
			asins: addAsin( asins, asin ),
		};
		if ( marketplace && asins.length === 0 ) {
			next.country = marketplace;
		}
		setAttributes( next );
	};
	const picker = (
		<Picker
			country={ country }
			onCountryChange={ ( value ) => setAttributes( { country: value } ) }
			onAdd={ onAdd }
		/>
	);

	const inspector = (
		<InspectorControls>
			<PanelBody title={ __( 'Products', 'amazon-creators-api' ) }>
				<ol className="acapi-product-list">
					{ asins.map( ( asin, index ) => (
						<li key={ asin }>
							<code>{ asin }</code>{ ' ' }
							<Button
								size="small"
								icon="arrow-up-alt2"
								label={ sprintf(
									/* translators: %s: ASIN. */
									__( 'Move %s up', 'amazon-creators-api' ),
									asin
								) }
								disabled={ index === 0 }
								onClick={ () =>
									setAttributes( {
										asins: moveAsin( asins, index, -1 ),
									} )
								}
							/>
							<Button
								size="small"
								icon="arrow-down-alt2"
								label={ sprintf(
									/* translators: %s: ASIN. */
									__( 'Move %s down', 'amazon-creators-api' ),
									asin
								) }
								disabled={ index === asins.length - 1 }
								onClick={ () =>
									setAttributes( {
										asins: moveAsin( asins, index, 1 ),
									} )
								}
							/>
							<Button
								size="small"
								icon="no-alt"
								label={ sprintf(
									/* translators: %s: ASIN. */
									__( 'Remove %s', 'amazon-creators-api' ),
									asin
								) }
								onClick={ () =>
									setAttributes( {
										asins: removeAsin( asins, index ),
									} )
								}
							/>
						</li>
					) ) }
				</ol>
				{ asins.length > 0 && picker }
			</PanelBody>
			<PanelBody title={ __( 'Display', 'amazon-creators-api' ) }>
				<SelectControl
					__nextHasNoMarginBottom
					label={ __( 'Template', 'amazon-creators-api' ) }
					value={ template }
					options={ TEMPLATES.map( ( value ) => ( {
						label: TEMPLATE_LABELS[ value ],
						value,
					} ) ) }
					onChange={ ( value: string ) =>
						setAttributes( {
							template: value as Template,
							show: undefined,
						} )
					}
				/>
				<fieldset className="acapi-parts">
					<legend>
						{ __( 'Fields to show', 'amazon-creators-api' ) }
					</legend>
					{ PARTS.map( ( part ) => (
						<CheckboxControl
							__nextHasNoMarginBottom
							key={ part }
							label={ PART_LABELS[ part ] ?? part }
							checked={ shown.includes( part ) }
							onChange={ ( checked: boolean ) =>
								setAttributes( {
									show: checked
										? [ ...shown, part ]
										: shown.filter(
												( value ) => value !== part
											),
								} )
							}
						/>
					) ) }
				</fieldset>
				<TextControl
					__nextHasNoMarginBottom
					label={ __( 'Button text', 'amazon-creators-api' ) }
					help={ __(
						'Empty: "Buy on Amazon" in the marketplace\'s language.',
						'amazon-creators-api'
					) }
					value={ buttonText }
					onChange={ ( value: string ) =>
						setAttributes( { buttonText: value } )
					}
				/>
				<SelectControl
					__nextHasNoMarginBottom
					label={ __( 'Image size', 'amazon-creators-api' ) }
					value={ imageSize }
					options={ [
						{
							label: __(
								'Template default',
								'amazon-creators-api'
							),
							value: '',
						},
						{
							label: __( 'Small', 'amazon-creators-api' ),
							value: 'small',
						},
						{
							label: __( 'Medium', 'amazon-creators-api' ),
							value: 'medium',
						},
						{
							label: __( 'Large', 'amazon-creators-api' ),
							value: 'large',
						},
					] }
					onChange={ ( value: string ) =>
						setAttributes( {
							imageSize:
								value as ProductBlockAttributes[ 'imageSize' ],
						} )
					}
				/>
				<ToggleControl
					__nextHasNoMarginBottom
					label={ __(
						'Show an "Affiliate link" label',
						'amazon-creators-api'
					) }
					checked={ affiliateLabel ?? false }
					onChange={ ( value: boolean ) =>
						setAttributes( { affiliateLabel: value } )
					}
				/>
			</PanelBody>
		</InspectorControls>
	);

	return (
		<div { ...blockProps }>
			{ inspector }
			{ asins.length === 0 ? (
				<Placeholder
					icon="cart"
					label={ __( 'Amazon Product', 'amazon-creators-api' ) }
					instructions={ __(
						'Search Amazon by keyword, or paste an ASIN or an Amazon product link.',
						'amazon-creators-api'
					) }
				>
					{ picker }
				</Placeholder>
			) : (
				<ServerSideRender
					block="amazon-creators-api/product"
					attributes={ attributes }
					skipBlockSupportAttributes
				/>
			) }
		</div>
	);
}
