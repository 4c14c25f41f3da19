/**
 * Jest (through wp-scripts): unit tests of the TypeScript code and of the Amazon emulator.
 */
const defaultConfig = require( '@wordpress/scripts/config/jest-unit.config' );

module.exports = {
	...defaultConfig,
	rootDir: __dirname,
	roots: [ '<rootDir>/tests/js' ],
	testPathIgnorePatterns: [ '/node_modules/', '/vendor/', '/.wp/' ],
};
