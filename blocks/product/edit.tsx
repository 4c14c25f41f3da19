/**
 * The product block in the editor: a picker (products mode) or the search's settings (list
 * mode) while it is empty, the server's rendering once it has something to show, and the
 * settings in the sidebar. The inserter's example is a static sketch: it never asks Amazon.
 */
import { InspectorControls, useBlockProps } from '@wordpress/block-editor';
import {
	createBlock,
	type BlockEditProps,
	type BlockInstance,
} from '@wordpress/blocks';
import {
	Button,
	CheckboxControl,
	PanelBody,
	Placeholder,
	SelectControl,
	TextControl,
	ToggleControl,
} from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { __, sprintf } from '@wordpress/i18n';
import ServerSideRender from '@wordpress/server-side-render';

import { editorData } from './editor-data';
import Example from './example';
import ListSettings from './list-settings';
import { marketplaceName, type PastePlan } from './paste';
import Picker from './picker';
import TrackingIdControl from './tracking-id';
import {
	addAsins,
	contextHeadingLevel,
	DEFAULT_PARTS,
	FIELDS,
	HEADING_LEVELS,
	moveAsin,
	PARTS,
	removeAsin,
	TEMPLATES,
	type Field,
	type ProductBlockAttributes,
	type Template,
} from './products';

const BLOCK = 'creators-connect-for-amazon/product';

const TEMPLATE_LABELS: Record< Template, string > = {
	box: __( 'Box', 'creators-connect-for-amazon' ),
	list: __( 'List', 'creators-connect-for-amazon' ),
	grid: __( 'Grid', 'creators-connect-for-amazon' ),
	table: __( 'Comparison table', 'creators-connect-for-amazon' ),
	button: __( 'Button', 'creators-connect-for-amazon' ),
	text_link: __( 'Text link', 'creators-connect-for-amazon' ),
	image_link: __( 'Image link', 'creators-connect-for-amazon' ),
	field: __( 'Single field (inline)', 'creators-connect-for-amazon' ),
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

const FIELD_LABELS: Record< Field, string > = {
	price: __( 'Price (with its “as of” time)', 'creators-connect-for-amazon' ),
	button: __( 'Button', 'creators-connect-for-amazon' ),
	link: __( 'Link (title or your text)', 'creators-connect-for-amazon' ),
	title: __( 'Title (plain text)', 'creators-connect-for-amazon' ),
	list_price: __( 'List price', 'creators-connect-for-amazon' ),
	savings: __( 'Savings', 'creators-connect-for-amazon' ),
	availability: __( 'Availability', 'creators-connect-for-amazon' ),
	rating: __( 'Rating', 'creators-connect-for-amazon' ),
};

/** The block-editor store's parts this block uses. */
interface BlockEditorSelectors {
	getBlockRootClientId: ( clientId: string ) => string | null;
	getBlockIndex: ( clientId: string ) => number;
	getBlocks: ( rootClientId?: string ) => BlockInstance[];
}
interface BlockEditorActions {
	insertBlocks: (
		blocks: BlockInstance[],
		index?: number,
		rootClientId?: string | null,
		updateSelection?: boolean
	) => void;
}

export default function Edit( {
	attributes,
	setAttributes,
	clientId,
}: BlockEditProps< ProductBlockAttributes > ) {
	const blockProps = useBlockProps();
	const {
		asins,
		country,
		template,
		buttonText,
		imageSize,
		affiliateLabel,
		mode,
		field,
		linkText,
		headingLevel,
	} = attributes;
	const shown = attributes.show ?? DEFAULT_PARTS[ template ];
	const { rootClientId, index, contextLevel } = useSelect(
		( select ) => {
			const store = select(
				'core/block-editor'
			) as unknown as BlockEditorSelectors;
			return {
				rootClientId: store.getBlockRootClientId( clientId ),
				index: store.getBlockIndex( clientId ),
				contextLevel: contextHeadingLevel(
					store.getBlocks(),
					clientId
				),
			};
		},
		[ clientId ]
	);
	const { insertBlocks } = useDispatch(
		'core/block-editor'
	) as unknown as BlockEditorActions;
	const { defaultCountry, linksOnly } = editorData();
	const effective = country || defaultCountry;
	const level = headingLevel || contextLevel;

	if ( attributes.preview ) {
		return (
			<div { ...blockProps }>
				<Example />
			</div>
		);
	}

	const onApply = ( plan: PastePlan ) => {
		const next: Partial< ProductBlockAttributes > = {
			asins: addAsins( asins, plan.here ),
		};
		if ( plan.switchTo ) {
			next.country = plan.switchTo;
		}
		if ( asins.length === 0 && ! headingLevel ) {
			// The heading level the place calls for, kept so the front end renders the same.
			next.headingLevel = contextLevel;
		}
		if ( plan.here.length > 0 || plan.switchTo ) {
			setAttributes( next );
		}
		if ( plan.newBlocks.length > 0 ) {
			insertBlocks(
				plan.newBlocks.map( ( entry ) =>
					createBlock< ProductBlockAttributes >( BLOCK, {
						...attributes,
						asins: entry.asins,
						country: entry.country,
						headingLevel: level,
					} )
				),
				index + 1,
				rootClientId,
				false
			);
		}
	};
	const picker = (
		<Picker
			country={ country }
			asins={ asins }
			onCountryChange={ ( value ) => setAttributes( { country: value } ) }
			onApply={ onApply }
		/>
	);

	const productList = (
		<ol className="acapi-product-list">
			{ asins.map( ( asin, position ) => (
				<li key={ asin }>
					<code>{ asin }</code>{ ' ' }
					<Button
						__next40pxDefaultSize
						icon="arrow-up-alt2"
						label={ sprintf(
							/* translators: %s: ASIN. */
							__( 'Move %s up', 'creators-connect-for-amazon' ),
							asin
						) }
						disabled={ position === 0 }
						onClick={ () =>
							setAttributes( {
								asins: moveAsin( asins, position, -1 ),
							} )
						}
					/>
					<Button
						__next40pxDefaultSize
						icon="arrow-down-alt2"
						label={ sprintf(
							/* translators: %s: ASIN. */
							__( 'Move %s down', 'creators-connect-for-amazon' ),
							asin
						) }
						disabled={ position === asins.length - 1 }
						onClick={ () =>
							setAttributes( {
								asins: moveAsin( asins, position, 1 ),
							} )
						}
					/>
					<Button
						__next40pxDefaultSize
						icon="no-alt"
						label={ sprintf(
							/* translators: %s: ASIN. */
							__( 'Remove %s', 'creators-connect-for-amazon' ),
							asin
						) }
						onClick={ () =>
							setAttributes( {
								asins: removeAsin( asins, position ),
							} )
						}
					/>
				</li>
			) ) }
		</ol>
	);

	const isList =
		mode === 'search' || ( ! mode && attributes.search.trim() !== '' );
	const isField = template === 'field';
	const templates = TEMPLATES.filter(
		( value ) => ( value === 'field' ) === isField
	);

	const inspector = (
		<InspectorControls>
			{ isList ? (
				<PanelBody
					title={ __( 'Search list', 'creators-connect-for-amazon' ) }
				>
					<ListSettings
						attributes={ attributes }
						setAttributes={ setAttributes }
					/>
				</PanelBody>
			) : (
				<PanelBody
					title={ __( 'Products', 'creators-connect-for-amazon' ) }
				>
					{ linksOnly.includes( effective ) && (
						<p className="acapi-links-only-note">
							{ sprintf(
								/* translators: %s: marketplace name. */
								__(
									'Amazon %s: Links only (no API). Visitors see links with your partner tag, never a price or image; adding API credentials later shows full boxes.',
									'creators-connect-for-amazon'
								),
								marketplaceName( effective )
							) }
						</p>
					) }
					{ productList }
					{ asins.length > 0 && picker }
					<TrackingIdControl
						country={ country }
						value={ attributes.trackingId ?? '' }
						onChange={ ( value ) =>
							setAttributes( { trackingId: value } )
						}
					/>
				</PanelBody>
			) }
			<PanelBody title={ __( 'Display', 'creators-connect-for-amazon' ) }>
				{ isField ? (
					<SelectControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __( 'Show', 'creators-connect-for-amazon' ) }
						value={ field || 'price' }
						options={ FIELDS.map( ( value ) => ( {
							label: FIELD_LABELS[ value ],
							value,
						} ) ) }
						onChange={ ( value: string ) =>
							setAttributes( { field: value as Field } )
						}
					/>
				) : (
					<SelectControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __(
							'Template',
							'creators-connect-for-amazon'
						) }
						value={ template }
						options={ templates.map( ( value ) => ( {
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
				) }
				{ ! isField && (
					<SelectControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __(
							'Title heading level',
							'creators-connect-for-amazon'
						) }
						help={
							headingLevel
								? undefined
								: sprintf(
										/* translators: %d: heading level. */
										__(
											'Follows the headings above: h%d here.',
											'creators-connect-for-amazon'
										),
										contextLevel
									)
						}
						value={ String( level ) }
						options={ HEADING_LEVELS.map( ( value ) => ( {
							label: `h${ value }`,
							value: String( value ),
						} ) ) }
						onChange={ ( value: string ) =>
							setAttributes( { headingLevel: Number( value ) } )
						}
					/>
				) }
				{ ! isField && (
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
				) }
				<TextControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Button text', 'creators-connect-for-amazon' ) }
					help={ __(
						'Empty: the text set under Settings, else "Buy on Amazon".',
						'creators-connect-for-amazon'
					) }
					value={ buttonText }
					onChange={ ( value: string ) =>
						setAttributes( { buttonText: value } )
					}
				/>
				<TextControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Link text', 'creators-connect-for-amazon' ) }
					help={ __(
						'For text links, and whenever Amazon’s data cannot be shown (no API, or not available): empty means “View on Amazon”.',
						'creators-connect-for-amazon'
					) }
					value={ linkText }
					onChange={ ( value: string ) =>
						setAttributes( { linkText: value } )
					}
				/>
				{ ! isField && (
					<SelectControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __(
							'Image size',
							'creators-connect-for-amazon'
						) }
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
								label: __(
									'Small',
									'creators-connect-for-amazon'
								),
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
								label: __(
									'Large',
									'creators-connect-for-amazon'
								),
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
				) }
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

	const hasContent = isList
		? attributes.search.trim() !== ''
		: asins.length > 0;
	let empty = (
		<Placeholder
			icon="cart"
			label={ __( 'Amazon Product', 'creators-connect-for-amazon' ) }
			instructions={ __(
				'Search Amazon by keyword, or paste an ASIN or an Amazon product link.',
				'creators-connect-for-amazon'
			) }
		>
			{ picker }
		</Placeholder>
	);
	if ( isList ) {
		empty = (
			<Placeholder
				icon="search"
				label={ __(
					'Amazon Search List',
					'creators-connect-for-amazon'
				) }
				instructions={ __(
					'A list of the products Amazon finds for your keywords, kept fresh automatically.',
					'creators-connect-for-amazon'
				) }
			>
				<ListSettings
					attributes={ attributes }
					setAttributes={ setAttributes }
				/>
			</Placeholder>
		);
	}

	return (
		<div { ...blockProps }>
			{ inspector }
			{ hasContent ? (
				<ServerSideRender
					block={ BLOCK }
					attributes={ { ...attributes, headingLevel: level } }
					skipBlockSupportAttributes
				/>
			) : (
				empty
			) }
		</div>
	);
}
