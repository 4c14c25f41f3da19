/**
 * The first-run panel: eligibility, which credentials one has, where Associates Central creates
 * them (per region), and a checklist that ticks itself from the server (GET /getting-started).
 */
import { Button, Dashicon } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

import { marketplaces, type Region } from '../../shared/marketplaces';
import type { GettingStarted as Checklist } from '../types';

interface Props {
	checklist: Checklist;
	onDismiss: () => void;
}

function regionName( region: Region ): string {
	switch ( region ) {
		case 'NA':
			return __( 'Americas', 'creators-connect-for-amazon' );
		case 'EU':
			return __(
				'Europe, India and the Middle East',
				'creators-connect-for-amazon'
			);
		default:
			return __(
				'Japan, Singapore and Australia',
				'creators-connect-for-amazon'
			);
	}
}

const REGIONS: Region[] = [ 'NA', 'EU', 'FE' ];

function Step( { done, children }: { done: boolean; children: string } ) {
	return (
		<li className={ done ? 'is-done' : undefined } data-done={ done }>
			<Dashicon icon={ done ? 'yes-alt' : 'marker' } />{ ' ' }
			<span>{ children }</span>
			<span className="screen-reader-text">
				{ done
					? __( '(done)', 'creators-connect-for-amazon' )
					: __( '(to do)', 'creators-connect-for-amazon' ) }
			</span>
		</li>
	);
}

export default function GettingStarted( { checklist, onDismiss }: Props ) {
	return (
		<section
			className="acapi-getting-started"
			aria-labelledby="acapi-getting-started-title"
		>
			<div className="acapi-getting-started__head">
				<h2 id="acapi-getting-started-title">
					{ __( 'Getting started', 'creators-connect-for-amazon' ) }
				</h2>
				<Button variant="tertiary" onClick={ onDismiss }>
					{ __(
						'Hide getting started',
						'creators-connect-for-amazon'
					) }
				</Button>
			</div>
			<ol className="acapi-checklist">
				<Step done={ checklist.marketplace_added }>
					{ __(
						'Add a marketplace with its Creators API credentials and partner tag.',
						'creators-connect-for-amazon'
					) }
				</Step>
				<Step done={ checklist.connection_tested }>
					{ __(
						'Test the connection: Amazon accepts the credentials.',
						'creators-connect-for-amazon'
					) }
				</Step>
				<Step done={ checklist.product_on_page }>
					{ __(
						'Put a product on a published page, with the Amazon product block or [amazon asin="…"].',
						'creators-connect-for-amazon'
					) }
				</Step>
			</ol>
			<h3>{ __( 'Eligibility', 'creators-connect-for-amazon' ) }</h3>
			<p>
				{ __(
					'Amazon opens the Creators API to Associates accounts with at least 10 qualified sales in the last 30 days. Below that, access is suspended (the API answers "not eligible") and comes back by itself within a few days once sales ship again. New credentials can answer "not eligible" for up to two days.',
					'creators-connect-for-amazon'
				) }
			</p>
			<h3>
				{ __(
					'Which credentials do you have?',
					'creators-connect-for-amazon'
				) }
			</h3>
			<p>
				{ __(
					'Credentials created since February 2026 are Login with Amazon (v3): the Credential ID starts with "amzn1.application-oa2-client." and the secret with "amzn1.oa2-cs.v1.". Older ones are Cognito (v2): a short Credential ID of letters and digits. The form picks the type from the ID, and the API version from type and region.',
					'creators-connect-for-amazon'
				) }
			</p>
			<h3>
				{ __( 'Where to create them', 'creators-connect-for-amazon' ) }
			</h3>
			<p>
				{ __(
					'Once per marketplace, by the account’s primary owner: Associates Central → Tools → Creators API → Create application → Add new credential.',
					'creators-connect-for-amazon'
				) }
			</p>
			<ul className="acapi-region-links">
				{ REGIONS.map( ( region ) => (
					<li key={ region }>
						<strong>{ regionName( region ) }</strong>{ ' ' }
						{ sprintf(
							/* translators: %s: partner tag suffix such as -20. */
							__(
								'(tags end in %s):',
								'creators-connect-for-amazon'
							),
							marketplaces.find(
								( item ) => item.region === region
							)?.tag_suffix ?? ''
						) }{ ' ' }
						{ marketplaces
							.filter( ( item ) => item.region === region )
							.map( ( item, index ) => (
								<span key={ item.country }>
									{ index > 0 && ', ' }
									<a
										href={ item.creators_api_url }
										target="_blank"
										rel="noopener noreferrer"
									>
										{ item.name }
									</a>
								</span>
							) ) }
					</li>
				) ) }
			</ul>
		</section>
	);
}
