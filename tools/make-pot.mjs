/**
 * Extracts the translatable strings of the TypeScript sources with WordPress's Babel plugin
 * (wp i18n make-pot cannot parse TypeScript, and WP-CLI is not served here).
 *
 *   node tools/make-pot.mjs <out-dir> <file>...
 *
 * The Babel plugin writes the strings of the file it last saw, so each file gets a .pot of its
 * own in <out-dir>; tools/make-pot.sh merges them.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire( import.meta.url );
const babel = require( '@babel/core' );

const [ outputDir, ...files ] = process.argv.slice( 2 );
for ( const [ index, file ] of files.entries() ) {
	const output = path.join( outputDir, `${ index }.pot` );
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
