/**
 * The product block in the editor.
 */
import { useBlockProps } from '@wordpress/block-editor';
import { Placeholder } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

export default function Edit() {
	return (
		<div { ...useBlockProps() }>
			<Placeholder
				icon="cart"
				label={ __( 'Amazon Product', 'amazon-creators-api' ) }
				instructions={ __(
					'Products appear here once a marketplace is configured.',
					'amazon-creators-api'
				) }
			/>
		</div>
	);
}
