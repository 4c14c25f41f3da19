/**
 * Finds products for the block. The input says what it got, by the shared reference rules:
 * words are a keyword search of Amazon (debounced, through the plugin's cached REST route);
 * ASINs and Amazon product links, one or many, are added; a link of another marketplace goes to
 * that marketplace (an empty block switches, otherwise a new block); short links and links that
 * are not product pages are explained.
 */
import apiFetch from '@wordpress/api-fetch';
import {
	Button,
	Notice,
	SelectControl,
	TextControl,
} from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import type { ClipboardEvent } from 'react';
import { __, _n, sprintf } from '@wordpress/i18n';
import { addQueryArgs } from '@wordpress/url';

import { classifyInput } from '../../src/shared/product-reference';
import { marketplaces } from '../../src/shared/marketplaces';
import { editorData } from './editor-data';
import {
	marketplaceName,
	planPaste,
	plannedCount,
	type PastePlan,
} from './paste';
import { searchHits, searchTotal, type SearchHit } from './products';
import SearchResults, { type SearchState } from './search-results';

interface PickerProps {
	country: string;
	/** ASINs the block holds. */
	asins: string[];
	onCountryChange: ( country: string ) => void;
	/** Carries out a plan (this block's ASINs, a marketplace switch, new blocks). */
	onApply: ( plan: PastePlan ) => void;
}

const SEARCH_DELAY = 500;
const MIN_KEYWORDS = 3;

export const marketplaceOptions = [
	{
		label: __( 'Default marketplace', 'creators-connect-for-amazon' ),
		value: '',
	},
	...marketplaces.map( ( marketplace ) => ( {
		label: `${ marketplace.name } (${ marketplace.host.replace(
			/^www\./,
			''
		) })`,
		value: marketplace.country,
	} ) ),
];

const IDLE: SearchState = {
	keywords: '',
	page: 1,
	total: 0,
	hits: [],
	loading: false,
	error: '',
	done: false,
};

/**
 * The text of the "add" button for a plan.
 *
 * @param plan The plan.
 */
function addLabel( plan: PastePlan ): string {
	if ( plan.here.length === 0 && plan.newBlocks.length === 1 ) {
		return sprintf(
			/* translators: %s: marketplace name, e.g. Germany. */
			__( 'Add as a new block for %s', 'creators-connect-for-amazon' ),
			marketplaceName( plan.newBlocks[ 0 ]?.country ?? '' )
		);
	}
	const count = plannedCount( plan );
	if ( count === 1 ) {
		return sprintf(
			/* translators: %s: ASIN (Amazon product ID). */
			__( 'Add product %s', 'creators-connect-for-amazon' ),
			plan.here[ 0 ] ?? ''
		);
	}
	return sprintf(
		/* translators: %d: number of products. */
		_n(
			'Add %d product',
			'Add %d products',
			count,
			'creators-connect-for-amazon'
		),
		count
	);
}

/**
 * Where a plan puts products, in words.
 *
 * @param plan    The plan.
 * @param country The block's marketplace after the plan ('' = default).
 */
function placement( plan: PastePlan, country: string ): string[] {
	const lines: string[] = [];
	if ( plan.here.length > 0 ) {
		lines.push(
			sprintf(
				/* translators: 1: number of products, 2: marketplace name or "the default marketplace". */
				_n(
					'%1$d product goes to this block (%2$s).',
					'%1$d products go to this block (%2$s).',
					plan.here.length,
					'creators-connect-for-amazon'
				),
				plan.here.length,
				country
					? marketplaceName( country )
					: __(
							'the default marketplace',
							'creators-connect-for-amazon'
						)
			)
		);
	}
	if ( plan.switchTo ) {
		lines.push(
			sprintf(
				/* translators: %s: marketplace name. */
				__(
					'The link is from Amazon %s, so this block switches to that marketplace.',
					'creators-connect-for-amazon'
				),
				marketplaceName( plan.switchTo )
			)
		);
	}
	for ( const entry of plan.newBlocks ) {
		lines.push(
			sprintf(
				/* translators: 1: number of products, 2: marketplace name. */
				_n(
					'%1$d product is from Amazon %2$s: it gets a new block for %2$s, never this block’s marketplace.',
					'%1$d products are from Amazon %2$s: they get a new block for %2$s, never this block’s marketplace.',
					entry.asins.length,
					'creators-connect-for-amazon'
				),
				entry.asins.length,
				marketplaceName( entry.country )
			)
		);
	}
	return lines;
}

export default function Picker( {
	country,
	asins,
	onCountryChange,
	onApply,
}: PickerProps ) {
	const [ query, setQuery ] = useState( '' );
	const [ page, setPage ] = useState( 1 );
	const [ search, setSearch ] = useState< SearchState >( IDLE );
	const { defaultCountry, linksOnly } = editorData();
	const items = classifyInput( query );
	const keywords =
		items.length === 1 && items[ 0 ]?.kind === 'keywords'
			? items[ 0 ].text
			: '';
	const plan =
		keywords || items.length === 0
			? undefined
			: planPaste( items, { country, defaultCountry, asins } );
	const effective = country || defaultCountry;
	const noApi = effective !== '' && linksOnly.includes( effective );

	useEffect( () => {
		if ( keywords.length < MIN_KEYWORDS || noApi ) {
			// Functional updates keep the same state, so clearing causes no new render.
			setSearch( ( current ) => ( current === IDLE ? current : IDLE ) );
			return undefined;
		}
		let cancelled = false;
		const timer = window.setTimeout( () => {
			setSearch( ( current ) => ( {
				...current,
				keywords,
				page,
				loading: true,
				error: '',
			} ) );
			apiFetch( {
				path: addQueryArgs( '/creators-connect-for-amazon/v1/search', {
					keywords,
					country,
					page,
				} ),
			} )
				.then( ( response ) => {
					if ( ! cancelled ) {
						setSearch( {
							keywords,
							page,
							total: searchTotal( response ),
							hits: searchHits( response ),
							loading: false,
							error: '',
							done: true,
						} );
					}
				} )
				.catch( ( failure: { message?: string } ) => {
					if ( ! cancelled ) {
						setSearch( {
							...IDLE,
							keywords,
							page,
							done: true,
							error:
								failure.message ??
								__(
									'The search failed.',
									'creators-connect-for-amazon'
								),
						} );
					}
				} );
		}, SEARCH_DELAY );
		return () => {
			cancelled = true;
			window.clearTimeout( timer );
		};
	}, [ keywords, country, page, noApi ] );

	const apply = ( next: PastePlan ) => {
		onApply( next );
		setQuery( '' );
		setPage( 1 );
	};
	const addHits = ( hits: SearchHit[] ) => {
		// Results come from the block's marketplace (or the default one): they stay here.
		onApply( {
			here: hits.map( ( hit ) => hit.asin ),
			switchTo: '',
			newBlocks: [],
			notProducts: [],
			shortLinks: [],
		} );
	};
	const count = plan ? plannedCount( plan ) : 0;

	return (
		<div className="acapi-picker">
			<SelectControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __( 'Marketplace', 'creators-connect-for-amazon' ) }
				value={ country }
				options={ marketplaceOptions }
				onChange={ ( value: string ) => onCountryChange( value ) }
			/>
			<form
				className="acapi-picker__form"
				onSubmit={ ( event ) => {
					event.preventDefault();
					if ( plan && count > 0 ) {
						apply( plan );
					}
				} }
			>
				<TextControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __(
						'Search Amazon, or paste an ASIN or Amazon product link',
						'creators-connect-for-amazon'
					) }
					help={ __(
						'Words search Amazon. ASINs (B0… or an ISBN-10) and amazon links are added; paste several at once, separated by commas, spaces or new lines.',
						'creators-connect-for-amazon'
					) }
					value={ query }
					onChange={ ( value: string ) => {
						setQuery( value );
						setPage( 1 );
					} }
					onPaste={ ( event: ClipboardEvent< HTMLInputElement > ) => {
						// A one-line field drops the new lines of a pasted list, gluing its
						// entries together: they become spaces instead.
						const text = event.clipboardData.getData( 'text' );
						if ( ! /[\r\n]/.test( text ) ) {
							return;
						}
						event.preventDefault();
						const input = event.currentTarget;
						const start = input.selectionStart ?? query.length;
						const end = input.selectionEnd ?? query.length;
						setQuery(
							query.slice( 0, start ) +
								text.replace( /[\r\n]+/g, ' ' ) +
								query.slice( end )
						);
						setPage( 1 );
					} }
				/>
				{ plan && count > 0 && (
					<div className="acapi-picker__plan">
						<ul>
							{ placement( plan, plan.switchTo || country ).map(
								( line ) => (
									<li key={ line }>{ line }</li>
								)
							) }
						</ul>
						<Button
							__next40pxDefaultSize
							variant="primary"
							type="submit"
						>
							{ addLabel( plan ) }
						</Button>
					</div>
				) }
			</form>
			{ plan && plan.shortLinks.length > 0 && (
				<Notice status="warning" isDismissible={ false }>
					{ __(
						'Short links (amzn.to, a.co) cannot be read without asking Amazon, so they are not added. Open the link in your browser and paste the address of the product page, or its ASIN.',
						'creators-connect-for-amazon'
					) }
				</Notice>
			) }
			{ plan && plan.notProducts.length > 0 && (
				<Notice status="warning" isDismissible={ false }>
					{ sprintf(
						/* translators: %s: the links, comma-separated. */
						__(
							'Not a link to an Amazon product page, so not added: %s. Paste the address of the product page (it holds /dp/ and the ASIN).',
							'creators-connect-for-amazon'
						),
						plan.notProducts.join( ', ' )
					) }
				</Notice>
			) }
			{ keywords && noApi && (
				<Notice status="info" isDismissible={ false }>
					{ sprintf(
						/* translators: %s: marketplace name. */
						__(
							'Amazon %s is set up for links only (no API), so it cannot be searched. Paste ASINs or product links instead.',
							'creators-connect-for-amazon'
						),
						marketplaceName( effective )
					) }
				</Notice>
			) }
			{ keywords && ! noApi && keywords.length < MIN_KEYWORDS && (
				<p className="acapi-picker__hint">
					{ __(
						'Type at least 3 characters to search.',
						'creators-connect-for-amazon'
					) }
				</p>
			) }
			{ keywords.length >= MIN_KEYWORDS && ! noApi && (
				<SearchResults
					state={ search }
					added={ asins }
					onAdd={ addHits }
					onPage={ setPage }
				/>
			) }
		</div>
	);
}
