/**
 * Extracts the translatable strings of the TypeScript sources with WordPress's Babel plugin
 * (wp i18n make-pot cannot parse TypeScript, and WP-CLI is not served here).
 *
 *   node tools/make-pot.mjs <out.pot> <file>...
 */
import { createRequire } from 'node:module';

const require = createRequire( import.meta.url );
const babel = require( '@babel/core' );

const [ output, ...files ] = process.argv.slice( 2 );
for ( const file of files ) {
	babel.transformFileSync( file, {
		babelrc: false,
		configFile: false,
		presets: [ require.resolve( '@wordpress/babel-preset-default' ) ],
		plugins: [
			[
				require.resolve( '@wordpress/babel-plugin-makepot' ),
				{ output },
			],
		],
	} );
}
