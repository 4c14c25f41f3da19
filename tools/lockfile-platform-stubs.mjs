/**
 * Keeps package-lock.json acceptable to `npm ci` on this network.
 *
 * Some packages list native builds for every platform as optional dependencies (e.g.
 * unrs-resolver → @unrs/resolver-binding-<platform>). The registry copy reachable here serves only
 * the Linux ones, so `npm install` leaves the others out of the lock file, and `npm ci` then
 * refuses the lock as "not in sync". This adds an entry for each such optional package the lock
 * lacks, marked optional: `npm ci` skips them on Linux, exactly as on any other machine.
 *
 *   node tools/lockfile-platform-stubs.mjs   (package.json runs it after every npm install; it
 *   writes the lock file only when an entry is missing)
 */
import fs from 'node:fs';

const file = new URL( '../package-lock.json', import.meta.url );
const lock = JSON.parse( fs.readFileSync( file, 'utf8' ) );
const platformName =
	/-(android|darwin|freebsd|openharmony|win32|sunos|aix|netbsd|openbsd|wasm32)\b|-linux-(arm|ia32|loong64|mips|ppc64|riscv64|s390x)/;
let added = 0;

for ( const [ where, entry ] of Object.entries( lock.packages ) ) {
	for ( const [ name, range ] of Object.entries(
		entry.optionalDependencies ?? {}
	) ) {
		if ( ! platformName.test( name ) ) {
			continue;
		}
		const base = where
			? `${ where }/node_modules/${ name }`
			: `node_modules/${ name }`;
		if (
			lock.packages[ base ] ||
			lock.packages[ `node_modules/${ name }` ]
		) {
			continue;
		}
		lock.packages[ `node_modules/${ name }` ] = {
			version: range.replace( /^[\^~]/, '' ),
			cpu: [],
			dev: true,
			optional: true,
			os: [ 'none' ],
		};
		added++;
	}
}
// The root entry ('') sorts first, as npm writes it.
lock.packages = Object.fromEntries(
	Object.entries( lock.packages ).sort( ( [ a ], [ b ] ) =>
		a < b ? -1 : 1
	)
);
if ( added > 0 ) {
	fs.writeFileSync( file, JSON.stringify( lock, null, '\t' ) + '\n' );
}
console.log(
	`package-lock.json: ${ added } platform-only optional packages marked for other machines`
);
