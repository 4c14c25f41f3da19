/**
 * Mounts the settings app into the page's root element.
 */
import domReady from '@wordpress/dom-ready';
import { createRoot } from '@wordpress/element';

import App from './App';
import './settings.scss';

domReady( () => {
	const root = document.getElementById( 'acapi-settings-root' );
	if ( root ) {
		createRoot( root ).render( <App /> );
	}
} );
