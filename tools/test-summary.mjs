/**
 * Sums the results of every suite into one closing line: "N passed, N failed[, N skipped]".
 * Reads JUnit XML (PHPUnit, Playwright), jest's JSON report and checks.tsv (one line per lint or
 * build check: "<name>\t<passed|failed>") from the results folder.
 *
 *   node tools/test-summary.mjs <results-dir>     exits 1 when anything failed.
 */
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[ 2 ];
const rows = [];

function junit( file ) {
	const xml = fs.readFileSync( file, 'utf8' );
	const counts = { passed: 0, failed: 0, skipped: 0 };
	const cases = xml.split( '<testcase' ).slice( 1 );
	for ( const chunk of cases ) {
		const selfClosing = /^[^>]*\/>/.test( chunk );
		const body = selfClosing ? '' : chunk.split( '</testcase>' )[ 0 ];
		if ( /<(failure|error)[\s>]/.test( body ) ) {
			counts.failed++;
		} else if ( /<skipped[\s/>]/.test( body ) ) {
			counts.skipped++;
		} else {
			counts.passed++;
		}
	}
	return counts;
}

for ( const name of fs.readdirSync( dir ).sort() ) {
	const file = path.join( dir, name );
	if ( name.endsWith( '.xml' ) ) {
		rows.push( [ name.replace( /\.xml$/, '' ), junit( file ) ] );
	} else if ( name === 'jest.json' ) {
		const report = JSON.parse( fs.readFileSync( file, 'utf8' ) );
		rows.push( [
			'jest',
			{
				passed: report.numPassedTests,
				failed:
					report.numFailedTests +
					( report.numRuntimeErrorTestSuites ?? 0 ),
				skipped: report.numPendingTests + ( report.numTodoTests ?? 0 ),
			},
		] );
	} else if ( name === 'checks.tsv' ) {
		for ( const line of fs.readFileSync( file, 'utf8' ).split( '\n' ) ) {
			const [ check, result ] = line.split( '\t' );
			if ( check ) {
				rows.push( [
					check,
					{
						passed: result === 'passed' ? 1 : 0,
						failed: result === 'passed' ? 0 : 1,
						skipped: 0,
					},
				] );
			}
		}
	}
}

const total = { passed: 0, failed: 0, skipped: 0 };
for ( const [ name, counts ] of rows ) {
	for ( const key of Object.keys( total ) ) {
		total[ key ] += counts[ key ];
	}
	const mark = counts.failed ? 'FAIL' : 'ok  ';
	console.log(
		`  ${ mark } ${ name.padEnd( 34 ) } ${ counts.passed } passed, ${ counts.failed } failed${ counts.skipped ? `, ${ counts.skipped } skipped` : '' }`
	);
}
const skipped = total.skipped ? `, ${ total.skipped } skipped` : '';
console.log( `${ total.passed } passed, ${ total.failed } failed${ skipped }` );
process.exit( total.failed > 0 || rows.length === 0 ? 1 : 0 );
