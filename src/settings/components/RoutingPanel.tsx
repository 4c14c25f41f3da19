/**
 * Which API serves each marketplace, from GET /routing (built by the router). Each row's headline
 * names the API that answers; a fallback reads "Creators API failed at 7:18 (not eligible) →
 * PA-API 5.0 answered", and each label sits next to the API it describes.
 */
import { Notice } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

import { marketplaceLabel } from '../../shared/marketplaces';
import type {
	MarketplaceSettings,
	RouteFailure,
	RouteSummary,
	RoutingSummary,
} from '../types';
import { typeLabel } from '../validation';
import CardTable from './CardTable';

interface Props {
	/** The summary; null while unavailable (the route is missing or failed). */
	summary: RoutingSummary | null;
	/** The configured marketplaces (their stored credentials, also while disabled). */
	marketplaces?: MarketplaceSettings[];
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

const PAAPI = () => __( 'PA-API 5.0', 'creators-connect-for-amazon' );

function Retired() {
	return (
		<span className="acapi-warning">
			{ ' ' }
			{ __(
				'(retired: may stop working)',
				'creators-connect-for-amazon'
			) }
		</span>
	);
}

/**
 * The Creators API's last failure in one line, with what PA-API did then.
 *
 * @param failure The failure.
 */
export function failureLine( failure: RouteFailure ): string {
	const failed = sprintf(
		/* translators: 1: time such as 7:18, 2: reason in a few words such as "not eligible". */
		__(
			'Creators API failed at %1$s (%2$s)',
			'creators-connect-for-amazon'
		),
		failure.time,
		failure.label
	);
	if ( failure.fallback === 'answered' ) {
		return sprintf(
			/* translators: %s: "Creators API failed at 7:18 (not eligible)". */
			__( '%s → PA-API 5.0 answered', 'creators-connect-for-amazon' ),
			failed
		);
	}
	if ( failure.fallback === 'failed' ) {
		return sprintf(
			/* translators: %s: "Creators API failed at 7:18 (not eligible)". */
			__(
				'%s → PA-API 5.0 could not answer either',
				'creators-connect-for-amazon'
			),
			failed
		);
	}
	return sprintf(
		/* translators: %s: "Creators API failed at 7:18 (not eligible)". */
		__(
			'%s; there is no PA-API 5.0 fallback',
			'creators-connect-for-amazon'
		),
		failed
	);
}

/**
 * The headline: the API that answers now, with the labels that belong to it.
 *
 * @param props       Props.
 * @param props.route The route.
 */
function Headline( { route }: { route: RouteSummary } ) {
	const failure = route.last_failure;
	if ( failure?.fallback === 'answered' || route.api === 'paapi' ) {
		return (
			<strong>
				{ PAAPI() }
				<Retired />
			</strong>
		);
	}
	if ( failure?.fallback === 'failed' ) {
		return (
			<strong className="acapi-warning">
				{ __( 'Neither API answered', 'creators-connect-for-amazon' ) }
			</strong>
		);
	}
	return (
		<strong>
			{ apiLabel( route ) }
			{ failure && (
				<span className="acapi-warning">
					{ ' ' }
					{ __( '(failing)', 'creators-connect-for-amazon' ) }
				</span>
			) }
		</strong>
	);
}

/**
 * The credentials in use, or the stored ones of a disabled marketplace, said as such.
 *
 * @param route       The route.
 * @param marketplace Its settings, when configured.
 */
function credentialsText(
	route: RouteSummary,
	marketplace: MarketplaceSettings | undefined
): string {
	if ( route.credential_type ) {
		return typeLabel( route.credential_type );
	}
	if ( marketplace && ! marketplace.enabled ) {
		return sprintf(
			/* translators: %s: credential type such as Cognito (v2). */
			__( '%s, stored but disabled', 'creators-connect-for-amazon' ),
			typeLabel( marketplace.credential_type )
		);
	}
	return '—';
}

export default function RoutingPanel( { summary, marketplaces = [] }: Props ) {
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
	const find = ( country: string ) =>
		marketplaces.find( ( item ) => item.country === country );
	const onlyPaapi = summary.routes.filter(
		( route ) => route.api === 'paapi'
	);
	const stored = onlyPaapi.filter( ( route ) => find( route.country ) );
	const missing = onlyPaapi.filter( ( route ) => ! find( route.country ) );
	const names = ( routes: RouteSummary[] ) =>
		routes.map( ( route ) => route.name ).join( ', ' );
	const columns = {
		marketplace: __( 'Marketplace', 'creators-connect-for-amazon' ),
		credentials: __( 'Credentials', 'creators-connect-for-amazon' ),
		status: __( 'Status', 'creators-connect-for-amazon' ),
		served: __( 'Served by', 'creators-connect-for-amazon' ),
		quota: __( 'Amazon calls today', 'creators-connect-for-amazon' ),
	};
	return (
		<>
			{ missing.length > 0 && (
				<Notice status="warning" isDismissible={ false }>
					{ sprintf(
						/* translators: %s: comma-separated marketplace names. */
						__(
							'PA-API 5.0 was retired on 15 May 2026, and it is the only route for: %s. Add Creators API credentials for these marketplaces.',
							'creators-connect-for-amazon'
						),
						names( missing )
					) }
				</Notice>
			) }
			{ stored.length > 0 && (
				<Notice status="warning" isDismissible={ false }>
					{ sprintf(
						/* translators: %s: comma-separated marketplace names. */
						__(
							'PA-API 5.0 was retired on 15 May 2026, and it serves these disabled marketplaces: %s. Their Creators API credentials are stored: enable them to use the Creators API.',
							'creators-connect-for-amazon'
						),
						names( stored )
					) }
				</Notice>
			) }
			<CardTable className="acapi-routing" columns={ columns }>
				{ summary.routes.map( ( route ) => (
					<tr key={ route.country } data-country={ route.country }>
						<th scope="row">
							{ marketplaceLabel( route ) }
							{ summary.default_country === route.country && (
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
						<td data-label={ columns.credentials }>
							{ credentialsText( route, find( route.country ) ) }
						</td>
						<td data-label={ columns.status }>
							{ statusLabel( route ) }
						</td>
						<td data-label={ columns.served }>
							<span className="acapi-served">
								<Headline route={ route } />
							</span>
							{ route.last_failure && (
								<span className="acapi-failure-line">
									{ failureLine( route.last_failure ) }
								</span>
							) }
							{ route.reason && (
								<span className="acapi-reason">
									{ route.reason }
								</span>
							) }
						</td>
						<td
							data-label={ columns.quota }
							className="acapi-quota"
						>
							{ quotaLabel( route ) }
						</td>
					</tr>
				) ) }
			</CardTable>
		</>
	);
}
