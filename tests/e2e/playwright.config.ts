/**
 * Playwright end-to-end tests in Debian's Chromium against the local WordPress test site
 * (tools/test-e2e.sh starts it with the Amazon emulator).
 */
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const baseURL = process.env.WP_BASE_URL ?? 'http://127.0.0.1:8889';
const artifacts =
	process.env.ACAPI_ARTIFACTS ??
	path.join( __dirname, '..', '..', 'artifacts' );

process.env.WP_BASE_URL = baseURL;
process.env.WP_USERNAME = process.env.WP_USERNAME ?? 'admin';
process.env.WP_PASSWORD = process.env.WP_PASSWORD ?? 'password';
process.env.STORAGE_STATE_PATH =
	process.env.STORAGE_STATE_PATH ??
	path.join( artifacts, 'e2e-storage-state.json' );

export default defineConfig( {
	testDir: './specs',
	outputDir: path.join( artifacts, 'e2e-results' ),
	globalSetup: require.resolve( './global-setup' ),
	fullyParallel: false,
	workers: 1,
	retries: 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: [
		[ 'list' ],
		[
			'junit',
			{
				outputFile: path.join(
					process.env.ACAPI_RESULTS ??
						path.join( artifacts, 'test-results' ),
					'playwright.xml'
				),
			},
		],
	],
	use: {
		baseURL,
		headless: true,
		viewport: { width: 1280, height: 900 },
		storageState: process.env.STORAGE_STATE_PATH,
		screenshot: 'only-on-failure',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--disable-dev-shm-usage',
			],
		},
	},
} );
