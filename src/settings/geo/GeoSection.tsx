/**
 * The geotargeting section: on/off, the target marketplaces, the fallback, the country header,
 * when the server chooses, and the visitor-country table's own rows. Says plainly that no IP
 * address and no request leave the site.
 */
import {
	Button,
	CheckboxControl,
	Notice,
	SelectControl,
	TextControl,
	ToggleControl,
} from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { visitorCountries } from '../../shared/visitor-countries';
import { store as settingsStore } from '../store';
import { store, type GeoSettings } from './store';

export default function GeoSection() {
	const { saved, error, marketplaces } = useSelect(
		( select ) => ( {
			saved: select( store ).getSettings(),
			error: select( store ).getError(),
			marketplaces: select( settingsStore ).getMarketplaces() ?? [],
		} ),
		[]
	);
	const { save } = useDispatch( store );
	const [ form, setForm ] = useState< GeoSettings | null >( saved );
	const [ problem, setProblem ] = useState( '' );
	const [ row, setRow ] = useState( { country: '', marketplace: '' } );
	useEffect( () => setForm( saved ), [ saved ] );

	if ( error ) {
		return (
			<Notice status="error" isDismissible={ false }>
				{ error }
			</Notice>
		);
	}
	if ( ! form ) {
		return null;
	}
	const change = ( patch: Partial< GeoSettings > ) =>
		setForm( { ...form, ...patch } );
	const table: Record< string, string > = {
		...visitorCountries,
		...form.countries,
	};
	const options = [
		{ label: __( '— (none)', 'creators-connect-for-amazon' ), value: '' },
		...marketplaces.map( ( m ) => ( { label: m.name, value: m.country } ) ),
	];

	return (
		<div className="acapi-geo">
			<Notice status="info" isDismissible={ false }>
				{ __(
					'Private by design: the visitor’s country comes only from a header your CDN or web server already adds to each request, or, in the visitor’s browser, from its languages and time zone. No IP address and no request leave your site; no geolocation service is asked.',
					'creators-connect-for-amazon'
				) }
			</Notice>
			<ToggleControl
				__nextHasNoMarginBottom
				label={ __(
					'Send visitors to the Amazon store of their country',
					'creators-connect-for-amazon'
				) }
				checked={ form.enabled }
				onChange={ ( enabled ) => change( { enabled } ) }
			/>
			<fieldset>
				<legend>
					{ __(
						'Stores visitors may be sent to (each needs its partner tag; prices and images stay those of the box’s own store)',
						'creators-connect-for-amazon'
					) }
				</legend>
				{ marketplaces.map( ( m ) => (
					<CheckboxControl
						__nextHasNoMarginBottom
						key={ m.country }
						label={
							m.enabled && m.partner_tag
								? m.name
								: sprintf(
										/* translators: %s: marketplace name. */
										__(
											'%s (not enabled or no partner tag: never a target)',
											'creators-connect-for-amazon'
										),
										m.name
									)
						}
						checked={ form.targets.includes( m.country ) }
						onChange={ ( on ) =>
							change( {
								targets: on
									? [ ...form.targets, m.country ]
									: form.targets.filter(
											( c ) => c !== m.country
										),
							} )
						}
					/>
				) ) }
			</fieldset>
			<SelectControl
				__nextHasNoMarginBottom
				label={ __(
					'When that store does not sell the product',
					'creators-connect-for-amazon'
				) }
				value={ form.fallback }
				options={ [
					{
						label: __(
							'Keep the link to the original store',
							'creators-connect-for-amazon'
						),
						value: 'original',
					},
					{
						label: __(
							'Link to a keyword search in that store',
							'creators-connect-for-amazon'
						),
						value: 'search',
					},
				] }
				onChange={ ( fallback ) =>
					change( {
						fallback: fallback as GeoSettings[ 'fallback' ],
					} )
				}
			/>
			<TextControl
				__nextHasNoMarginBottom
				label={ __(
					'Country header of your CDN or server (besides CF-IPCountry, CloudFront-Viewer-Country, X-Vercel-IP-Country and GEOIP_COUNTRY_CODE; e.g. one your Fastly VCL sets)',
					'creators-connect-for-amazon'
				) }
				value={ form.header }
				onChange={ ( header ) => change( { header } ) }
			/>
			<SelectControl
				__nextHasNoMarginBottom
				label={ __(
					'When a country header is present, the server writes the link itself',
					'creators-connect-for-amazon'
				) }
				value={ form.server_render }
				options={ [
					{
						label: __(
							'Only for pages no shared cache keeps (logged-in visitors); otherwise the browser chooses',
							'creators-connect-for-amazon'
						),
						value: 'uncached',
					},
					{
						label: __(
							'Always: my page cache keys on that header (pages say Vary)',
							'creators-connect-for-amazon'
						),
						value: 'always',
					},
				] }
				onChange={ ( serverRender ) =>
					change( {
						server_render:
							serverRender as GeoSettings[ 'server_render' ],
					} )
				}
			/>
			<details>
				<summary>
					{ __(
						'Visitor country → store',
						'creators-connect-for-amazon'
					) }
				</summary>
				<table className="widefat acapi-geo-table">
					<tbody>
						{ Object.keys( table )
							.sort()
							.filter( ( country ) => !! table[ country ] )
							.map( ( country ) => (
								<tr key={ country }>
									<td>{ country.toUpperCase() }</td>
									<td>
										{ (
											table[ country ] ?? ''
										).toUpperCase() }
									</td>
									<td>
										<Button
											variant="link"
											onClick={ () =>
												change( {
													countries: {
														...form.countries,
														[ country ]: '',
													},
												} )
											}
										>
											{ __(
												'Remove',
												'creators-connect-for-amazon'
											) }
										</Button>
									</td>
								</tr>
							) ) }
					</tbody>
				</table>
				<TextControl
					__nextHasNoMarginBottom
					label={ __(
						'Country code (e.g. BE)',
						'creators-connect-for-amazon'
					) }
					value={ row.country }
					maxLength={ 2 }
					onChange={ ( country ) => setRow( { ...row, country } ) }
				/>
				<SelectControl
					__nextHasNoMarginBottom
					label={ __( 'Store', 'creators-connect-for-amazon' ) }
					value={ row.marketplace }
					options={ options }
					onChange={ ( marketplace ) =>
						setRow( { ...row, marketplace } )
					}
				/>
				<Button
					variant="secondary"
					disabled={
						! /^[a-z]{2}$/i.test( row.country ) || ! row.marketplace
					}
					onClick={ () => {
						change( {
							countries: {
								...form.countries,
								[ row.country.toLowerCase() ]: row.marketplace,
							},
						} );
						setRow( { country: '', marketplace: '' } );
					} }
				>
					{ __( 'Set', 'creators-connect-for-amazon' ) }
				</Button>
			</details>
			{ problem && (
				<Notice status="error" isDismissible={ false }>
					{ problem }
				</Notice>
			) }
			<Button
				variant="primary"
				onClick={ async () => {
					setProblem( '' );
					try {
						await save( form );
					} catch ( e ) {
						setProblem(
							( e as { message?: string } ).message ??
								__(
									'The settings could not be saved.',
									'creators-connect-for-amazon'
								)
						);
					}
				} }
			>
				{ __( 'Save geotargeting', 'creators-connect-for-amazon' ) }
			</Button>
		</div>
	);
}
