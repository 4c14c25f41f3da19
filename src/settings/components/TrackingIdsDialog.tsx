/**
 * A marketplace's tracking-ID set: extra partner tags, each with a label. A shortcode's
 * `tag="…"` or a block's "Tracking ID" picks one; Amazon then returns links that carry it.
 */
import { Button, Modal, TextControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import type { MarketplaceSettings, TrackingId } from '../types';
import { tagSuffixWarning } from '../validation';
import DialogActions from './DialogActions';
import FieldError from './FieldError';
import FormError from './FormError';
import useDialogSave from './useDialogSave';

interface Props {
	marketplace: MarketplaceSettings;
	trackingIds: TrackingId[];
	onSave: ( list: TrackingId[] ) => Promise< unknown >;
	onClose: () => void;
}

export default function TrackingIdsDialog( {
	marketplace,
	trackingIds,
	onSave,
	onClose,
}: Props ) {
	const [ list, setList ] = useState< TrackingId[] >(
		trackingIds.length > 0 ? trackingIds : [ { tag: '', label: '' } ]
	);
	const { errors, formError, busy, save } = useDialogSave();

	const change = ( index: number, key: keyof TrackingId, value: string ) =>
		setList( ( current ) =>
			current.map( ( item, at ) =>
				at === index ? { ...item, [ key ]: value } : item
			)
		);

	const submit = async ( event: React.FormEvent ) => {
		event.preventDefault();
		await save(
			async () => {
				await onSave(
					list.filter( ( item ) => item.tag.trim() !== '' )
				);
				onClose();
			},
			__(
				'The tracking IDs could not be saved.',
				'creators-connect-for-amazon'
			)
		);
	};

	return (
		<Modal
			title={ sprintf(
				/* translators: %s: marketplace name. */
				__( 'Tracking IDs of %s', 'creators-connect-for-amazon' ),
				marketplace.name
			) }
			onRequestClose={ onClose }
			className="acapi-form-modal"
		>
			<form onSubmit={ submit } noValidate>
				<p>
					{ sprintf(
						/* translators: 1: the marketplace's partner tag, 2: example tag. */
						__(
							'Extra partner tags besides %1$s, to see in Associates Central which section or campaign earns. Use one with [amazon asin="…" tag="%2$s"] or the block’s “Tracking ID”.',
							'creators-connect-for-amazon'
						),
						marketplace.partner_tag,
						list[ 0 ]?.tag || 'mysite-sidebar-21'
					) }
				</p>
				<FormError message={ formError } />
				{ list.map( ( item, index ) => {
					const warning = tagSuffixWarning(
						marketplace.country,
						item.tag
					);
					return (
						<fieldset
							key={ index }
							className="acapi-tracking-id"
							data-index={ index }
						>
							<legend className="screen-reader-text">
								{ sprintf(
									/* translators: %d: position in the list. */
									__(
										'Tracking ID %d',
										'creators-connect-for-amazon'
									),
									index + 1
								) }
							</legend>
							<TextControl
								__nextHasNoMarginBottom
								label={ __(
									'Tracking ID',
									'creators-connect-for-amazon'
								) }
								value={ item.tag }
								autoComplete="off"
								onChange={ ( value: string ) =>
									change( index, 'tag', value )
								}
							/>
							<FieldError
								id={ `acapi-error-tracking-${ index }` }
								message={
									errors[ `tracking_ids.${ index }.tag` ]
								}
							/>
							{ warning && (
								<p className="acapi-type-hint acapi-tag-warning">
									{ warning }
								</p>
							) }
							<TextControl
								__nextHasNoMarginBottom
								label={ __(
									'Label',
									'creators-connect-for-amazon'
								) }
								value={ item.label }
								onChange={ ( value: string ) =>
									change( index, 'label', value )
								}
							/>
							<FieldError
								id={ `acapi-error-tracking-label-${ index }` }
								message={
									errors[ `tracking_ids.${ index }.label` ]
								}
							/>
							<Button
								variant="link"
								isDestructive
								onClick={ () =>
									setList( ( current ) =>
										current.filter(
											( _item, at ) => at !== index
										)
									)
								}
							>
								{ __(
									'Remove',
									'creators-connect-for-amazon'
								) }
								<span className="screen-reader-text">
									{ ' ' +
										( item.tag ||
											sprintf(
												/* translators: %d: position in the list. */
												__(
													'tracking ID %d',
													'creators-connect-for-amazon'
												),
												index + 1
											) ) }
								</span>
							</Button>
						</fieldset>
					);
				} ) }
				<Button
					variant="secondary"
					onClick={ () =>
						setList( ( current ) => [
							...current,
							{ tag: '', label: '' },
						] )
					}
				>
					{ __( 'Add a tracking ID', 'creators-connect-for-amazon' ) }
				</Button>
				<DialogActions
					label={ __(
						'Save tracking IDs',
						'creators-connect-for-amazon'
					) }
					onCancel={ onClose }
					busy={ busy }
				/>
			</form>
		</Modal>
	);
}
