/**
 * The configured marketplaces: one row each, with its switches and actions.
 */
import { Button, FormToggle, Notice } from '@wordpress/components';
import { Fragment } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import {
	LINKS_ONLY,
	type ConnectionTest,
	type MarketplaceSettings,
} from '../types';
import { typeLabel } from '../validation';

interface Props {
	marketplaces: MarketplaceSettings[];
	/** Country whose action is running. */
	busy: string | null;
	/** Last connection test per country. */
	tests: Record< string, ConnectionTest | undefined >;
	onEdit: ( marketplace: MarketplaceSettings ) => void;
	onDelete: ( marketplace: MarketplaceSettings ) => void;
	onToggle: ( marketplace: MarketplaceSettings, enabled: boolean ) => void;
	onMakeDefault: ( marketplace: MarketplaceSettings ) => void;
	onTest: ( marketplace: MarketplaceSettings ) => void;
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

export default function MarketplaceTable( {
	marketplaces,
	busy,
	tests,
	onEdit,
	onDelete,
	onToggle,
	onMakeDefault,
	onTest,
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
	return (
		<div className="acapi-table-scroll">
			<table className="widefat striped acapi-marketplaces">
				<thead>
					<tr>
						<th scope="col">
							{ __(
								'Marketplace',
								'creators-connect-for-amazon'
							) }
						</th>
						<th scope="col">
							{ __( 'Type', 'creators-connect-for-amazon' ) }
						</th>
						<th scope="col">
							{ __(
								'API version',
								'creators-connect-for-amazon'
							) }
						</th>
						<th scope="col">
							{ __(
								'Partner tag',
								'creators-connect-for-amazon'
							) }
						</th>
						<th scope="col">
							{ __( 'Secret', 'creators-connect-for-amazon' ) }
						</th>
						<th scope="col">
							{ __( 'Enabled', 'creators-connect-for-amazon' ) }
						</th>
						<th scope="col">
							{ __( 'Default', 'creators-connect-for-amazon' ) }
						</th>
						<th scope="col">
							{ __( 'Actions', 'creators-connect-for-amazon' ) }
						</th>
					</tr>
				</thead>
				<tbody>
					{ marketplaces.map( ( marketplace ) => {
						const test = tests[ marketplace.country ];
						const isBusy = busy === marketplace.country;
						return (
							<Fragment key={ marketplace.country }>
								<tr data-country={ marketplace.country }>
									<th scope="row">
										{ marketplace.name }{ ' ' }
										<span className="acapi-code">
											({ marketplace.country })
										</span>
									</th>
									<td>
										{ typeLabel(
											marketplace.credential_type
										) }
									</td>
									<td>{ marketplace.api_version }</td>
									<td>{ marketplace.partner_tag }</td>
									<td>
										<Secret marketplace={ marketplace } />
									</td>
									<td>
										<FormToggle
											aria-label={ sprintf(
												/* translators: %s: marketplace name. */
												__(
													'Enable %s',
													'creators-connect-for-amazon'
												),
												marketplace.name
											) }
											checked={ marketplace.enabled }
											disabled={ isBusy }
											onChange={ () =>
												onToggle(
													marketplace,
													! marketplace.enabled
												)
											}
										/>
									</td>
									<td>
										{ marketplace.is_default ? (
											<strong>
												{ __(
													'Default',
													'creators-connect-for-amazon'
												) }
											</strong>
										) : (
											<Button
												variant="link"
												disabled={ isBusy }
												onClick={ () =>
													onMakeDefault( marketplace )
												}
												aria-label={ sprintf(
													/* translators: %s: marketplace name. */
													__(
														'Make %s the default',
														'creators-connect-for-amazon'
													),
													marketplace.name
												) }
											>
												{ __(
													'Make default',
													'creators-connect-for-amazon'
												) }
											</Button>
										) }
									</td>
									<td className="acapi-actions">
										<Button
											variant="secondary"
											size="compact"
											isBusy={ isBusy }
											disabled={
												isBusy ||
												marketplace.credential_type ===
													LINKS_ONLY
											}
											onClick={ () =>
												onTest( marketplace )
											}
											aria-label={ sprintf(
												/* translators: %s: marketplace name. */
												__(
													'Test connection of %s',
													'creators-connect-for-amazon'
												),
												marketplace.name
											) }
										>
											{ __(
												'Test connection',
												'creators-connect-for-amazon'
											) }
										</Button>
										<Button
											variant="secondary"
											size="compact"
											disabled={ isBusy }
											onClick={ () =>
												onEdit( marketplace )
											}
											aria-label={ sprintf(
												/* translators: %s: marketplace name. */
												__(
													'Edit %s',
													'creators-connect-for-amazon'
												),
												marketplace.name
											) }
										>
											{ __(
												'Edit',
												'creators-connect-for-amazon'
											) }
										</Button>
										<Button
											variant="secondary"
											size="compact"
											isDestructive
											disabled={ isBusy }
											onClick={ () =>
												onDelete( marketplace )
											}
											aria-label={ sprintf(
												/* translators: %s: marketplace name. */
												__(
													'Delete %s',
													'creators-connect-for-amazon'
												),
												marketplace.name
											) }
										>
											{ __(
												'Delete',
												'creators-connect-for-amazon'
											) }
										</Button>
									</td>
								</tr>
								{ test && (
									<tr className="acapi-test-row">
										<td colSpan={ 8 }>
											<Notice
												status={
													test.ok
														? 'success'
														: 'error'
												}
												isDismissible={ false }
											>
												<p>{ test.message }</p>
												{ test.hint && (
													<p>{ test.hint }</p>
												) }
											</Notice>
										</td>
									</tr>
								) }
							</Fragment>
						);
					} ) }
				</tbody>
			</table>
		</div>
	);
}
