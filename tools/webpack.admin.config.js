/**
 * Webpack config for the admin apps (src/): the wp-scripts defaults with explicit entries,
 * because wp-scripts only finds block.json entries on its own.
 */
const path = require( 'path' );
const defaultConfig = require( '@wordpress/scripts/config/webpack.config' );

const base = Array.isArray( defaultConfig )
	? defaultConfig[ 0 ]
	: defaultConfig;

module.exports = {
	...base,
	entry: {
		settings: path.resolve( __dirname, '../src/settings/index.tsx' ),
		geo: path.resolve( __dirname, '../src/geo/geo.ts' ),
		'select-product-block': path.resolve(
			__dirname,
			'../src/health/select-product-block.ts'
		),
	},
};
