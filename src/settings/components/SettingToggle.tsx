/**
 * A general setting that is on or off: a toggle bound to its key in the form's values.
 */
import { ToggleControl } from '@wordpress/components';

import type { GeneralKey, GeneralSettings } from '../types';

type FlagKey = GeneralKey< boolean >;

interface Props {
	field: FlagKey;
	label: string;
	values: GeneralSettings;
	set: ( key: FlagKey, value: boolean ) => void;
}

export default function SettingToggle( { field, label, values, set }: Props ) {
	return (
		<ToggleControl
			__nextHasNoMarginBottom
			label={ label }
			checked={ values[ field ] }
			onChange={ ( value: boolean ) => set( field, value ) }
		/>
	);
}
