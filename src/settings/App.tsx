/**
 * The settings screen: marketplaces, routing, PA-API 5.0, general settings, geotargeting. Its server state is
 * the `creators-connect-for-amazon/settings` store (store/); the sections are presentational.
 */
import { Button, Notice, Spinner } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { __ } from '@wordpress/i18n';

import GeneralSection from './components/GeneralSection';
import GettingStarted from './components/GettingStarted';
import GeoSection from './geo/GeoSection';
import MarketplacesCard from './components/MarketplacesCard';
import Notices from './components/Notices';
import PaapiSection from './components/PaapiSection';
import RoutingPanel from './components/RoutingPanel';
import SectionCard from './components/SectionCard';
import TransferCard from './components/TransferCard';
import { useSettingsLoaded } from './hooks';
import { store } from './store';

function Unavailable( { message }: { message: string } ) {
	return (
		<Notice status="error" isDismissible={ false }>
			{ message }
		</Notice>
	);
}

export default function App() {
	const loaded = useSettingsLoaded();
	const { loadError, routing, paapi, general, checklist, marketplaces } =
		useSelect(
			( select ) => ( {
				loadError: select( store ).getLoadError( 'marketplaces' ),
				routing: select( store ).getRouting(),
				checklist: select( store ).getGettingStarted(),
				marketplaces: select( store ).getMarketplaces(),
				paapi: select( store ).getPaapi(),
				general: select( store ).getGeneral(),
			} ),
			[]
		);
	const { savePaapi, saveGeneral, dismissGettingStarted } =
		useDispatch( store );

	if ( ! loaded ) {
		return (
			<div className="acapi-loading">
				<Spinner />
				{ __( 'Loading settings…', 'creators-connect-for-amazon' ) }
			</div>
		);
	}

	return (
		<div className="acapi-settings-app">
			{ loadError && <Unavailable message={ loadError } /> }
			{ checklist && ! checklist.dismissed && (
				<GettingStarted
					checklist={ checklist }
					onDismiss={ () => dismissGettingStarted( true ) }
				/>
			) }
			{ checklist?.dismissed && (
				<p className="acapi-help-link">
					<Button
						variant="link"
						onClick={ () => dismissGettingStarted( false ) }
					>
						{ __(
							'Show getting started',
							'creators-connect-for-amazon'
						) }
					</Button>
				</p>
			) }
			<MarketplacesCard />
			<SectionCard
				title={ __( 'Routing', 'creators-connect-for-amazon' ) }
			>
				<RoutingPanel
					summary={ routing }
					marketplaces={ marketplaces }
				/>
			</SectionCard>
			<SectionCard
				title={ __(
					'PA-API 5.0 (legacy)',
					'creators-connect-for-amazon'
				) }
			>
				{ paapi ? (
					<PaapiSection settings={ paapi } onSave={ savePaapi } />
				) : (
					<Unavailable
						message={ __(
							'The PA-API settings could not be loaded.',
							'creators-connect-for-amazon'
						) }
					/>
				) }
			</SectionCard>
			<SectionCard
				title={ __( 'General', 'creators-connect-for-amazon' ) }
			>
				{ general ? (
					<GeneralSection
						settings={ general }
						onSave={ saveGeneral }
					/>
				) : (
					<Unavailable
						message={ __(
							'The general settings could not be loaded.',
							'creators-connect-for-amazon'
						) }
					/>
				) }
			</SectionCard>
			<SectionCard
				title={ __( 'Geotargeting', 'creators-connect-for-amazon' ) }
			>
				<GeoSection />
			</SectionCard>
			<TransferCard />
			<Notices />
		</div>
	);
}
