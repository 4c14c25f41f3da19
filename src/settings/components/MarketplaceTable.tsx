/**
 * The configured marketplaces: one row each (a stacked card on narrow screens), with its status,
 * masked partner tag, default star and actions.
 */
import { Button, Dashicon, Notice } from '@wordpress/components';
import { Fragment } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

import {
	LINKS_ONLY,
	type ConnectionTest,
	type MarketplaceSettings,
	type RouteSummary,
	type TrackingId,
} from '../types';
import { rowStatus, typeLabel } from '../validation';
import CardTable from './CardTable';
import PartnerTag from './PartnerTag';
import StatusPill from './StatusPill';

interface Props {
	marketplaces: MarketplaceSettings[];
	/** The routing summary's rows (for the Failing status). */
	routes: RouteSummary[];
	/** Country whose action is running. */
	busy: string | null;
	/** Last connection test per country. */
	tests: Record< string, ConnectionTest | undefined >;
	onEdit: ( marketplace: MarketplaceSettings ) => void;
	onDelete: ( marketplace: MarketplaceSettings ) => void;
	onToggle: ( marketplace: MarketplaceSettings, enabled: boolean ) => void;
	onMakeDefault: ( marketplace: MarketplaceSettings ) => void;
	onTest: ( marketplace: MarketplaceSettings ) => void;
	/** Extra partner tags per country. */
	trackingIds?: Record< string, TrackingId[] >;
	onTrackingIds?: ( marketplace: MarketplaceSettings ) => void;
}

function Secret( { marketplace }: { marketplace: MarketplaceSettings } ) {
	if ( marketplace.secret_state === 'unreadable' ) {
		return (
			<strong className="acapi-warning">
				{ __( 'Re-enter this secret', 'creators-connect-for-amazon' ) }
			</strong>
		);
	}
	if ( marketplace.secret_state === 'missing' ) {
		return <>{ __( 'Missing', 'creators-connect-for-amazon' ) }</>;
	}
	return <code>{ marketplace.secret_mask }</code>;
}

/**
 * A row button whose visible text stays inside its accessible name ("Edit" → "Edit Germany").
 *
 * @param props               Props.
 * @param props.label         Visible text.
 * @param props.name          Read after it by screen readers (the marketplace).
 * @param props.onClick       Click handler.
 * @param props.disabled      Whether it is disabled.
 * @param props.isBusy        Whether its action runs.
 * @param props.isDestructive Whether it deletes.
 */
function RowButton( {
	label,
	name,
	onClick,
	disabled = false,
	isBusy = false,
	isDestructive = false,
}: {
	label: string;
	name: string;
	onClick: () => void;
	disabled?: boolean;
	isBusy?: boolean;
	isDestructive?: boolean;
} ) {
	return (
		<Button
			variant="secondary"
			size="compact"
			onClick={ onClick }
			disabled={ disabled }
			isBusy={ isBusy }
			isDestructive={ isDestructive }
		>
			{ label }
			<span className="screen-reader-text">{ ' ' + name }</span>
		</Button>
	);
}

/**
 * What screen readers hear after "Test connection" or "Tracking IDs": "of Germany".
 *
 * @param marketplace The row's marketplace.
 */
const ofMarketplace = ( marketplace: MarketplaceSettings ) =>
	sprintf(
		/* translators: read after "Test connection" or "Tracking IDs"; %s: marketplace name. */
		__( 'of %s', 'creators-connect-for-amazon' ),
		marketplace.name
	);

function DefaultStar( {
	marketplace,
	disabled,
	onMakeDefault,
}: {
	marketplace: MarketplaceSettings;
	disabled: boolean;
	onMakeDefault: ( marketplace: MarketplaceSettings ) => void;
} ) {
	if ( marketplace.is_default ) {
		return (
			<span className="acapi-default">
				<Dashicon icon="star-filled" />{ ' ' }
				{ __( 'Default', 'creators-connect-for-amazon' ) }
			</span>
		);
	}
	return (
		<Button
			className="acapi-star"
			icon={ <Dashicon icon="star-empty" /> }
			disabled={ disabled }
			onClick={ () => onMakeDefault( marketplace ) }
			label={ sprintf(
				/* translators: %s: marketplace name. */
				__( 'Make %s the default', 'creators-connect-for-amazon' ),
				marketplace.name
			) }
			showTooltip={ false }
		/>
	);
}

export default function MarketplaceTable( {
	marketplaces,
	routes,
	busy,
	tests,
	onEdit,
	onDelete,
	onToggle,
	onMakeDefault,
	onTest,
	trackingIds = {},
	onTrackingIds,
}: Props ) {
	if ( marketplaces.length === 0 ) {
		return (
			<p>
				{ __(
					'No marketplace is configured yet. Add one with the Creators API credentials from Associates Central.',
					'creators-connect-for-amazon'
				) }
			</p>
		);
	}
	const columns = {
		marketplace: __( 'Marketplace', 'creators-connect-for-amazon' ),
		status: __( 'Status', 'creators-connect-for-amazon' ),
		type: __( 'Type', 'creators-connect-for-amazon' ),
		version: __( 'API version', 'creators-connect-for-amazon' ),
		tag: __( 'Partner tag', 'creators-connect-for-amazon' ),
		secret: __( 'Secret', 'creators-connect-for-amazon' ),
		default: __( 'Default', 'creators-connect-for-amazon' ),
		actions: __( 'Actions', 'creators-connect-for-amazon' ),
	};
	return (
		<CardTable className="acapi-marketplaces" columns={ columns }>
			{ marketplaces.map( ( marketplace ) => {
				const test = tests[ marketplace.country ];
				const isBusy = busy === marketplace.country;
				const route = routes.find(
					( item ) => item.country === marketplace.country
				);
				const status = rowStatus( marketplace.enabled, route, test );
				return (
					<Fragment key={ marketplace.country }>
						<tr
							data-country={ marketplace.country }
							data-status={ status.state }
						>
							<th scope="row">
								{ marketplace.name }{ ' ' }
								<span className="acapi-code">
									({ marketplace.country.toUpperCase() })
								</span>
							</th>
							<td data-label={ columns.status }>
								<StatusPill status={ status } />
							</td>
							<td data-label={ columns.type }>
								{ typeLabel( marketplace.credential_type ) }
							</td>
							<td data-label={ columns.version }>
								{ marketplace.api_version }
							</td>
							<td data-label={ columns.tag }>
								<PartnerTag
									tag={ marketplace.partner_tag }
									country={ marketplace.country }
									name={ marketplace.name }
								/>
								{ ( trackingIds[ marketplace.country ] ?? [] )
									.length > 0 && (
									<span className="acapi-tracking-count">
										{ sprintf(
											/* translators: %d: number of extra tracking IDs. */
											_n(
												'+ %d tracking ID',
												'+ %d tracking IDs',
												(
													trackingIds[
														marketplace.country
													] ?? []
												).length,
												'creators-connect-for-amazon'
											),
											(
												trackingIds[
													marketplace.country
												] ?? []
											).length
										) }
									</span>
								) }
							</td>
							<td data-label={ columns.secret }>
								<Secret marketplace={ marketplace } />
							</td>
							<td data-label={ columns.default }>
								<DefaultStar
									marketplace={ marketplace }
									disabled={ isBusy }
									onMakeDefault={ onMakeDefault }
								/>
							</td>
							<td data-label={ columns.actions }>
								<div className="acapi-actions">
									<RowButton
										label={ __(
											'Test connection',
											'creators-connect-for-amazon'
										) }
										name={ ofMarketplace( marketplace ) }
										isBusy={ isBusy }
										// A links-only entry has no API to test.
										disabled={
											isBusy ||
											marketplace.credential_type ===
												LINKS_ONLY
										}
										onClick={ () => onTest( marketplace ) }
									/>
									<RowButton
										label={ __(
											'Edit',
											'creators-connect-for-amazon'
										) }
										name={ marketplace.name }
										disabled={ isBusy }
										onClick={ () => onEdit( marketplace ) }
									/>
									<RowButton
										label={
											marketplace.enabled
												? __(
														'Disable',
														'creators-connect-for-amazon'
													)
												: __(
														'Enable',
														'creators-connect-for-amazon'
													)
										}
										name={ marketplace.name }
										disabled={ isBusy }
										onClick={ () =>
											onToggle(
												marketplace,
												! marketplace.enabled
											)
										}
									/>
									{ onTrackingIds && (
										<RowButton
											label={ __(
												'Tracking IDs',
												'creators-connect-for-amazon'
											) }
											name={ ofMarketplace(
												marketplace
											) }
											disabled={ isBusy }
											onClick={ () =>
												onTrackingIds( marketplace )
											}
										/>
									) }
									<RowButton
										label={ __(
											'Delete',
											'creators-connect-for-amazon'
										) }
										name={ marketplace.name }
										isDestructive
										disabled={ isBusy }
										onClick={ () =>
											onDelete( marketplace )
										}
									/>
								</div>
							</td>
						</tr>
						{ test && (
							<tr className="acapi-test-row">
								<td colSpan={ 8 }>
									<Notice
										status={ test.ok ? 'success' : 'error' }
										isDismissible={ false }
									>
										<p>{ test.message }</p>
										{ test.hint && <p>{ test.hint }</p> }
									</Notice>
								</td>
							</tr>
						) }
					</Fragment>
				);
			} ) }
		</CardTable>
	);
}
