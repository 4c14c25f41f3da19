/**
 * ESLint: the wp-scripts defaults (WordPress's recommended rules), TypeScript-aware, with the
 * text domain locked to the plugin's.
 */
import defaultConfig from '@wordpress/scripts/config/eslint.config.cjs';

export default [
	{
		ignores: [
			'.wp/**',
			'build/**',
			'vendor/**',
			'artifacts/**',
			'test-results/**',
			'tools/emulator/dist/**',
		],
	},
	...defaultConfig,
	{
		rules: {
			'@wordpress/i18n-text-domain': [
				'error',
				{ allowedTextDomain: 'creators-connect-for-amazon' },
			],
		},
	},
	{
		files: [ 'tests/**', 'tools/**', '*.config.{js,ts,mjs}' ],
		rules: {
			// Test and tool code runs in Node or jest, where the console is the report.
			'no-console': 'off',
			'import/no-extraneous-dependencies': 'off',
		},
	},
];
