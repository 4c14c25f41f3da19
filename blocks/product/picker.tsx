/**
 * Finds products for the block: a keyword search of Amazon (debounced, through the plugin's REST
 * route) or a pasted ASIN or Amazon product URL, in a chosen marketplace.
 */
import apiFetch from '@wordpress/api-fetch';
import {
	Button,
	SelectControl,
	Spinner,
	TextControl,
} from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import { addQueryArgs } from '@wordpress/url';

import { parseProductReference } from '../../src/shared/product-reference';
import { marketplaces } from '../../src/shared/marketplaces';
import { searchOptions } from '../../src/shared/search-options';
import { searchHits, type SearchHit } from './products';

interface PickerProps {
	country: string;
	onCountryChange: ( country: string ) => void;
	onAdd: ( asin: string, country?: string ) => void;
}

const SEARCH_DELAY = 500;

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

export default function Picker( {
	country,
	onCountryChange,
	onAdd,
}: PickerProps ) {
	const [ query, setQuery ] = useState( '' );
	const [ hits, setHits ] = useState< SearchHit[] >( [] );
	const [ loading, setLoading ] = useState( false );
	const [ error, setError ] = useState( '' );
	const reference = parseProductReference( query );
	const isReference = reference !== undefined;

	useEffect( () => {
		const keywords = query.trim();
		const tooLong =
			! isReference &&
			keywords.length > searchOptions.keywords_max_length;
		if ( isReference || keywords.length < 3 || tooLong ) {
			// Functional updates keep the same state, so clearing causes no new render.
			setHits( ( current ) => ( current.length ? [] : current ) );
			setError(
				tooLong
					? sprintf(
							/* translators: %d: the longest allowed length. */
							__(
								'Search keywords may be at most %d characters long.',
								'creators-connect-for-amazon'
							),
							searchOptions.keywords_max_length
						)
					: ''
			);
			return undefined;
		}
		let cancelled = false;
		const timer = window.setTimeout( () => {
			setLoading( true );
			apiFetch( {
				path: addQueryArgs( '/creators-connect-for-amazon/v1/search', {
					keywords,
					country,
					page: 1,
				} ),
			} )
				.then( ( response ) => {
					if ( ! cancelled ) {
						setHits( searchHits( response ) );
						setError( '' );
					}
				} )
				.catch( ( failure: { message?: string } ) => {
					if ( ! cancelled ) {
						setHits( [] );
						setError(
							failure.message ??
								__(
									'The search failed.',
									'creators-connect-for-amazon'
								)
						);
					}
				} )
				.finally( () => {
					if ( ! cancelled ) {
						setLoading( false );
					}
				} );
		}, SEARCH_DELAY );
		return () => {
			cancelled = true;
			window.clearTimeout( timer );
		};
	}, [ query, country, isReference ] );

	const add = ( asin: string, marketplace?: string ) => {
		onAdd( asin, marketplace );
		setQuery( '' );
		setHits( [] );
	};

	return (
		<div className="acapi-picker">
			<SelectControl
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
					if ( reference ) {
						add( reference.asin, reference.country );
					}
				} }
			>
				<TextControl
					__nextHasNoMarginBottom
					label={ __(
						'Search Amazon, or paste an ASIN or Amazon product link',
						'creators-connect-for-amazon'
					) }
					value={ query }
					onChange={ ( value: string ) => setQuery( value ) }
				/>
				{ reference && (
					<Button variant="primary" type="submit">
						{ sprintf(
							/* translators: %s: ASIN (Amazon product ID). */
							__(
								'Add product %s',
								'creators-connect-for-amazon'
							),
							reference.asin
						) }
					</Button>
				) }
			</form>
			{ loading && <Spinner /> }
			{ error && (
				<p className="acapi-picker__error" role="alert">
					{ error }
				</p>
			) }
			{ hits.length > 0 && (
				<ul className="acapi-picker__results">
					{ hits.map( ( hit ) => (
						<li key={ hit.asin } className="acapi-picker__result">
							{ hit.image && (
								<img src={ hit.image } alt="" width={ 40 } />
							) }
							<span className="acapi-picker__title">
								{ hit.title || hit.asin }
								{ hit.price && ` – ${ hit.price }` }
							</span>
							<Button
								variant="secondary"
								onClick={ () =>
									add(
										hit.asin,
										hit.marketplace || undefined
									)
								}
							>
								{ __( 'Add', 'creators-connect-for-amazon' ) }
							</Button>
						</li>
					) ) }
				</ul>
			) }
		</div>
	);
}
