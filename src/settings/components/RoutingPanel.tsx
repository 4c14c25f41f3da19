/**
 * Which API serves each marketplace, from GET /routing (built by the router).
 */
import { Notice } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

import type { RouteSummary, RoutingSummary } from '../types';
import { typeLabel } from '../validation';

interface Props {
	/** The summary; null while unavailable (the route is missing or failed). */
	summary: RoutingSummary | null;
}

function statusLabel( route: RouteSummary ): string {
	switch ( route.status ) {
		case 'enabled':
			return __( 'Enabled', 'creators-connect-for-amazon' );
		case 'links_only':
			return __( 'Links only (no API)', 'creators-connect-for-amazon' );
		case 'disabled':
			return __( 'Disabled', 'creators-connect-for-amazon' );
		default:
			return __( 'Not configured', 'creators-connect-for-amazon' );
	}
}

/**
 * The route's API in words: "Creators API 3.1", "PA-API 5.0" or "No route".
 *
 * @param route A route.
 */
export function apiLabel( route: RouteSummary ): string {
	if ( route.api === 'creators' ) {
		return route.api_version
			? sprintf(
					/* translators: %s: API version (3.1). */
					__( 'Creators API %s', 'creators-connect-for-amazon' ),
					route.api_version
				)
			: __( 'Creators API', 'creators-connect-for-amazon' );
	}
	if ( route.api === 'paapi' ) {
		return __( 'PA-API 5.0', 'creators-connect-for-amazon' );
	}
	return __( 'No route', 'creators-connect-for-amazon' );
}

/**
 * "N of 8,640 calls today" (marked from 80 % of the daily limit); nothing without a credential.
 *
 * @param route A route.
 */
export function quotaLabel( route: RouteSummary ) {
	if ( ! route.quota ) {
		return null;
	}
	const { calls_today: calls, daily_limit: limit } = route.quota;
	const text = sprintf(
		/* translators: 1: Amazon calls made today, 2: the daily limit. */
		__( '%1$s of %2$s calls today', 'creators-connect-for-amazon' ),
		calls.toLocaleString(),
		limit.toLocaleString()
	);
	return calls >= limit * 0.8 ? (
		<span className="acapi-warning">{ text }</span>
	) : (
		text
	);
}

export default function RoutingPanel( { summary }: Props ) {
	if ( ! summary ) {
		return (
			<Notice status="info" isDismissible={ false }>
				{ __(
					'The routing summary is not available yet.',
					'creators-connect-for-amazon'
				) }
			</Notice>
		);
	}
	const retired = summary.routes.filter(
		( route ) => route.paapi_retired_warning
	);
	return (
		<>
			{ retired.length > 0 && (
				<Notice status="warning" isDismissible={ false }>
					{ sprintf(
						/* translators: %s: comma-separated marketplace names. */
						__(
							'PA-API 5.0 was retired on 15 May 2026, and it is the only route for: %s. Add Creators API credentials for these marketplaces.',
							'creators-connect-for-amazon'
						),
						retired.map( ( route ) => route.name ).join( ', ' )
					) }
				</Notice>
			) }
			<div className="acapi-table-scroll">
				<table className="widefat striped acapi-routing">
					<thead>
						<tr>
							<th scope="col">
								{ __(
									'Marketplace',
									'creators-connect-for-amazon'
								) }
							</th>
							<th scope="col">
								{ __(
									'Credentials',
									'creators-connect-for-amazon'
								) }
							</th>
							<th scope="col">
								{ __(
									'Status',
									'creators-connect-for-amazon'
								) }
							</th>
							<th scope="col">
								{ __(
									'Served by',
									'creators-connect-for-amazon'
								) }
							</th>
							<th scope="col">
								{ __(
									'Amazon calls today',
									'creators-connect-for-amazon'
								) }
							</th>
						</tr>
					</thead>
					<tbody>
						{ summary.routes.map( ( route ) => (
							<tr
								key={ route.country }
								data-country={ route.country }
							>
								<th scope="row">
									{ route.name }{ ' ' }
									<span className="acapi-code">
										({ route.country })
									</span>
									{ summary.default_country ===
										route.country && (
										<>
											{ ' ' }
											<em>
												{ __(
													'(default)',
													'creators-connect-for-amazon'
												) }
											</em>
										</>
									) }
								</th>
								<td>
									{ route.credential_type
										? typeLabel( route.credential_type )
										: '—' }
								</td>
								<td>{ statusLabel( route ) }</td>
								<td>
									{ '→ ' }
									{ apiLabel( route ) }
									{ route.paapi_retired_warning && (
										<span className="acapi-warning">
											{ ' ' }
											{ __(
												'(retired: may stop working)',
												'creators-connect-for-amazon'
											) }
										</span>
									) }
									{ route.reason && (
										<span className="acapi-reason">
											{ ' — ' }
											{ route.reason }
										</span>
									) }
								</td>
								<td className="acapi-quota">
									{ quotaLabel( route ) }
								</td>
							</tr>
						) ) }
					</tbody>
				</table>
			</div>
		</>
	);
}
