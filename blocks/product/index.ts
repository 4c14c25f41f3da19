/**
 * Registers the product block. It is dynamic: render.php draws it, so there is no save().
 */
import { registerBlockType } from '@wordpress/blocks';

import metadata from './block.json';
import Edit from './edit';

registerBlockType( metadata.name, {
	edit: Edit,
} );
