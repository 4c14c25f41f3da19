/**
 * General settings: the daily limit of Amazon calls per credential and the per-user limits of
 * editor paths by role, all from the one schema (includes/Settings/General_Settings.php).
 */
import { TextControl } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

import { generalSchema } from '../../shared/settings-schema';
import type { GeneralKey, GeneralSettings } from '../types';
import SettingToggle from './SettingToggle';

type NumberKey = GeneralKey< number >;

interface Props {
	values: GeneralSettings;
	set: < K extends keyof GeneralSettings >(
		key: K,
		value: GeneralSettings[ K ]
	) => void;
}

const ROLES = [ 'contributor', 'author', 'editor', 'administrator' ] as const;

const roleLabel = ( role: ( typeof ROLES )[ number ] ): string =>
	( {
		contributor: __( 'Contributor', 'creators-connect-for-amazon' ),
		author: __( 'Author', 'creators-connect-for-amazon' ),
		editor: __( 'Editor', 'creators-connect-for-amazon' ),
		administrator: __( 'Administrator', 'creators-connect-for-amazon' ),
	} )[ role ];

/**
 * A whole-number field within its schema's limits.
 *
 * @param props        The field.
 * @param props.field  Setting key.
 * @param props.label  Label.
 * @param props.values The form's values.
 * @param props.set    Setter.
 */
function LimitField( {
	field,
	label,
	values,
	set,
}: Props & { field: NumberKey; label: string } ) {
	const limits = generalSchema[ field ] as {
		minimum: number;
		maximum: number;
	};
	return (
		<TextControl
			__nextHasNoMarginBottom
			type="number"
			min={ limits.minimum }
			max={ limits.maximum }
			label={ label }
			value={ String( values[ field ] ) }
			onChange={ ( value: string ) => set( field, Number( value ) ) }
		/>
	);
}

export default function SpendingLimits( { values, set }: Props ) {
	return (
		<fieldset className="acapi-spending-limits">
			<legend>
				{ __(
					'Amazon calls: daily limit and editor limits',
					'creators-connect-for-amazon'
				) }
			</legend>
			<LimitField
				field="daily_quota"
				label={ __(
					'Amazon calls per credential and day (UTC)',
					'creators-connect-for-amazon'
				) }
				values={ values }
				set={ set }
			/>
			<p className="description">
				{ __(
					'Site Health warns at 80 %. From 90 %, searches and editor look-ups stop; at 100 %, every call stops and pages show stored data until midnight UTC.',
					'creators-connect-for-amazon'
				) }
			</p>
			{ ROLES.map( ( role ) => (
				<div key={ role } className="acapi-limit-row">
					<LimitField
						field={ `limit_${ role }_minute` }
						label={ sprintf(
							/* translators: %s: role name. */
							__(
								'%s: Amazon calls per minute',
								'creators-connect-for-amazon'
							),
							roleLabel( role )
						) }
						values={ values }
						set={ set }
					/>
					<LimitField
						field={ `limit_${ role }_day` }
						label={ sprintf(
							/* translators: %s: role name. */
							__(
								'%s: Amazon calls per day',
								'creators-connect-for-amazon'
							),
							roleLabel( role )
						) }
						values={ values }
						set={ set }
					/>
				</div>
			) ) }
			<SettingToggle
				field="limit_exempt_administrators"
				label={ __(
					'Administrators are exempt from the editor limits',
					'creators-connect-for-amazon'
				) }
				values={ values }
				set={ set }
			/>
		</fieldset>
	);
}
