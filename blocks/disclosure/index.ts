/**
 * Registers the disclosure block: the server renders the statement (the site may replace
 * Amazon's wording in the settings), the editor shows that rendering.
 */
import { useBlockProps } from '@wordpress/block-editor';
import { registerBlockType } from '@wordpress/blocks';
import { createElement } from '@wordpress/element';
import ServerSideRender from '@wordpress/server-side-render';

import metadata from './block.json';

function Edit() {
	return createElement(
		'div',
		useBlockProps(),
		createElement( ServerSideRender, { block: metadata.name } )
	);
}

registerBlockType( metadata.name, {
	edit: Edit,
	save: () => null,
} );
