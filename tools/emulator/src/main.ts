/**
 * CLI: `node tools/emulator/dist/main.js --port 9411 [--host 127.0.0.1] [--rate-limit N]
 * [--rate-limit-per-day N] [--token-expires-in S] [--strict] [--paapi-retired] [--null-members] [--demo-images]
 * [--fixtures DIR]`.
 */
import type { EmulatorConfig } from './state';
import { startEmulator, type RunningEmulator } from './server';

interface CliOptions {
	port: number;
	host: string;
	fixturesDir?: string;
	config: Partial< EmulatorConfig >;
}

const USAGE = `Usage: emulator [--port 9411] [--host 127.0.0.1] [--rate-limit TPS] [--rate-limit-per-day N]
                [--token-expires-in SECONDS] [--strict] [--paapi-retired] [--null-members] [--demo-images] [--fixtures DIR]`;

function fail( message: string ): never {
	process.stderr.write( `${ message }\n${ USAGE }\n` );
	process.exit( 2 );
}

function parseArgs( argv: string[] ): CliOptions {
	const options: CliOptions = { port: 9411, host: '127.0.0.1', config: {} };
	const number = ( flag: string, value: string | undefined ): number => {
		const n = Number( value );
		if ( value === undefined || ! Number.isFinite( n ) || n < 0 ) {
			fail( `${ flag } needs a number >= 0` );
		}
		return n;
	};
	for ( let i = 0; i < argv.length; i++ ) {
		const arg = argv[ i ] ?? '';
		const [ flag = '', inline ] =
			arg.startsWith( '--' ) && arg.includes( '=' )
				? arg.split( /=(.*)/s, 2 )
				: [ arg, undefined ];
		const value = () => inline ?? argv[ ++i ];
		switch ( flag ) {
			case '--port':
				options.port = number( flag, value() );
				break;
			case '--host':
				options.host = value() ?? fail( '--host needs a value' );
				break;
			case '--rate-limit':
				options.config.rateLimitTps = number( flag, value() );
				break;
			case '--rate-limit-per-day':
				options.config.rateLimitPerDay = number( flag, value() );
				break;
			case '--token-expires-in':
				options.config.tokenExpiresIn = number( flag, value() );
				break;
			case '--strict':
				options.config.strict = true;
				break;
			case '--paapi-retired':
				options.config.paapiRetired = true;
				break;
			case '--null-members':
				options.config.nullMembers = true;
				break;
			case '--demo-images':
				options.config.demoImages = true;
				break;
			case '--fixtures':
				options.fixturesDir =
					value() ?? fail( '--fixtures needs a directory' );
				break;
			case '--help':
			case '-h':
				process.stdout.write( `${ USAGE }\n` );
				process.exit( 0 );
				break;
			default:
				fail( `Unknown argument ${ arg }` );
		}
	}
	return options;
}

async function main(): Promise< void > {
	const options = parseArgs( process.argv.slice( 2 ) );
	let emulator: RunningEmulator;
	try {
		emulator = await startEmulator( options.port, options.host, {
			config: options.config,
			...( options.fixturesDir !== undefined
				? { fixturesDir: options.fixturesDir }
				: {} ),
		} );
	} catch ( error ) {
		fail(
			`Cannot start the Amazon emulator: ${ error instanceof Error ? error.message : String( error ) }`
		);
	}
	process.stdout.write( `Amazon emulator listening on ${ emulator.url }\n` );
	let stopping = false;
	const stop = () => {
		if ( stopping ) {
			return;
		}
		stopping = true;
		emulator.close().then( () => process.exit( 0 ) );
		// Belt and braces: never linger after a signal.
		setTimeout( () => process.exit( 0 ), 1000 ).unref();
	};
	process.on( 'SIGTERM', stop );
	process.on( 'SIGINT', stop );
}

void main();
