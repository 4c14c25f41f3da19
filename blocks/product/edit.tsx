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
import TrackingIdControl from './tracking-id';
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
	box: __( 'Box', 'creators-connect-for-amazon' ),
	list: __( 'List', 'creators-connect-for-amazon' ),
	grid: __( 'Grid', 'creators-connect-for-amazon' ),
	table: __( 'Comparison table', 'creators-connect-for-amazon' ),
	button: __( 'Button', 'creators-connect-for-amazon' ),
	text_link: __( 'Text link', 'creators-connect-for-amazon' ),
	image_link: __( 'Image link', 'creators-connect-for-amazon' ),
};

const PART_LABELS: Record< string, string > = {
	image: __( 'Image', 'creators-connect-for-amazon' ),
	title: __( 'Title', 'creators-connect-for-amazon' ),
	features: __( 'Features', 'creators-connect-for-amazon' ),
	price: __( 'Price', 'creators-connect-for-amazon' ),
	availability: __( 'Availability', 'creators-connect-for-amazon' ),
	rating: __( 'Rating', 'creators-connect-for-amazon' ),
	button: __( 'Button', 'creators-connect-for-amazon' ),
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
			<PanelBody
				title={ __( 'Products', 'creators-connect-for-amazon' ) }
			>
				<ol className="acapi-product-list">
					{ asins.map( ( asin, index ) => (
						<li key={ asin }>
							<code>{ asin }</code>{ ' ' }
							<Button
								size="small"
								icon="arrow-up-alt2"
								label={ sprintf(
									/* translators: %s: ASIN. */
									__(
										'Move %s up',
										'creators-connect-for-amazon'
									),
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
									__(
										'Move %s down',
										'creators-connect-for-amazon'
									),
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
									__(
										'Remove %s',
										'creators-connect-for-amazon'
									),
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
				<TrackingIdControl
					country={ country }
					value={ attributes.trackingId ?? '' }
					onChange={ ( value ) =>
						setAttributes( { trackingId: value } )
					}
				/>
			</PanelBody>
			<PanelBody title={ __( 'Display', 'creators-connect-for-amazon' ) }>
				<SelectControl
					__nextHasNoMarginBottom
					label={ __( 'Template', 'creators-connect-for-amazon' ) }
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
						{ __(
							'Fields to show',
							'creators-connect-for-amazon'
						) }
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
					label={ __( 'Button text', 'creators-connect-for-amazon' ) }
					help={ __(
						'Empty: "Buy on Amazon" in the marketplace\'s language.',
						'creators-connect-for-amazon'
					) }
					value={ buttonText }
					onChange={ ( value: string ) =>
						setAttributes( { buttonText: value } )
					}
				/>
				<SelectControl
					__nextHasNoMarginBottom
					label={ __( 'Image size', 'creators-connect-for-amazon' ) }
					value={ imageSize }
					options={ [
						{
							label: __(
								'Template default',
								'creators-connect-for-amazon'
							),
							value: '',
						},
						{
							label: __( 'Small', 'creators-connect-for-amazon' ),
							value: 'small',
						},
						{
							label: __(
								'Medium',
								'creators-connect-for-amazon'
							),
							value: 'medium',
						},
						{
							label: __( 'Large', 'creators-connect-for-amazon' ),
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
						'creators-connect-for-amazon'
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
					label={ __(
						'Amazon Product',
						'creators-connect-for-amazon'
					) }
					instructions={ __(
						'Search Amazon by keyword, or paste an ASIN or an Amazon product link.',
						'creators-connect-for-amazon'
					) }
				>
					{ picker }
				</Placeholder>
			) : (
				<ServerSideRender
					block="creators-connect-for-amazon/product"
					attributes={ attributes }
					skipBlockSupportAttributes
				/>
			) }
		</div>
	);
}
