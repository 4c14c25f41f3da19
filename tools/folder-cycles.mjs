/**
 * Folders of includes/ depend one way: fails when a folder imports from a folder that imports it
 * back, directly or around a longer loop. The files at the top of includes/ (Plugin, Uninstaller,
 * Requirements) count as one folder, "(root)", so nothing below may reach up into the composition root.
 *
 * An arrow is any name of the plugin's namespace another folder's file spells out: `use` lines
 * (grouped ones too), fully qualified names in code and doc comments, and, in the root namespace,
 * relative names such as `new Amazon\Shared_Store()`.
 *
 *   node tools/folder-cycles.mjs [includes-dir]    prints each loop with the lines that make it; exits 1 on any.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT_NS = 'Creators_Connect';
const ROOT = '(root)';
const dir = path.resolve( process.argv[ 2 ] ?? 'includes' );

function phpFiles( folder ) {
	return fs
		.readdirSync( folder, { withFileTypes: true } )
		.flatMap( ( entry ) => {
			const full = path.join( folder, entry.name );
			if ( entry.isDirectory() ) {
				return phpFiles( full );
			}
			return entry.name.endsWith( '.php' ) ? [ full ] : [];
		} );
}

/**
 * The folder a file lives in, one level under includes/.
 *
 * @param {string} file Path of a PHP file.
 */
function folderOf( file ) {
	const parts = path.relative( dir, file ).split( path.sep );
	return parts.length > 1 ? parts[ 0 ] : ROOT;
}

/** Existing folder names, so `Creators_Connect\Foo` resolves to a folder or to a root class. */
const folders = new Set(
	fs
		.readdirSync( dir, { withFileTypes: true } )
		.filter( ( entry ) => entry.isDirectory() )
		.map( ( entry ) => entry.name )
);

function targetOf( firstSegment ) {
	return folders.has( firstSegment ) ? firstSegment : ROOT;
}

/** @type {Map<string, Map<string, string[]>>} from → to → evidence ("file:line"). */
const edges = new Map();

function addEdge( from, to, where ) {
	if ( from === to ) {
		return;
	}
	if ( ! edges.has( from ) ) {
		edges.set( from, new Map() );
	}
	const targets = edges.get( from );
	if ( ! targets.has( to ) ) {
		targets.set( to, [] );
	}
	targets.get( to ).push( where );
}

const qualified = new RegExp(
	`\\\\?${ ROOT_NS }\\\\(?:\\{([^}]*)\\}|([A-Za-z_][A-Za-z0-9_]*))`,
	'g'
);
// In the root namespace, `Folder\Class` without a leading backslash is relative to Creators_Connect.
const relative = /(?<![\\\w$])([A-Z][A-Za-z0-9_]*)\\[A-Z][A-Za-z0-9_]*/g;

for ( const file of phpFiles( dir ) ) {
	const from = folderOf( file );
	const lines = fs.readFileSync( file, 'utf8' ).split( '\n' );
	const inRootNs = lines.some( ( line ) =>
		new RegExp( `^namespace ${ ROOT_NS };` ).test( line )
	);
	lines.forEach( ( line, index ) => {
		const where = `${ path.relative( process.cwd(), file ) }:${ index + 1 }`;
		if ( /^\s*(namespace|\/\/)/.test( line ) ) {
			return;
		}
		for ( const match of line.matchAll( qualified ) ) {
			const names = match[ 1 ]
				? match[ 1 ]
						.split( ',' )
						.map( ( name ) => name.trim().split( '\\' )[ 0 ] )
				: [ match[ 2 ] ];
			names
				.filter( Boolean )
				.forEach( ( name ) =>
					addEdge( from, targetOf( name ), where )
				);
		}
		if ( inRootNs ) {
			for ( const match of line
				.replace( qualified, '' )
				.matchAll( relative ) ) {
				if ( folders.has( match[ 1 ] ) ) {
					addEdge( from, match[ 1 ], where );
				}
			}
		}
	} );
}

/** Tarjan's strongly connected components: every component of more than one folder is a loop. */
function components() {
	let counter = 0;
	const index = new Map();
	const low = new Map();
	const stack = [];
	const onStack = new Set();
	const found = [];
	const nodes = new Set( [
		...edges.keys(),
		...[ ...edges.values() ].flatMap( ( m ) => [ ...m.keys() ] ),
	] );
	function visit( node ) {
		index.set( node, counter );
		low.set( node, counter );
		counter++;
		stack.push( node );
		onStack.add( node );
		for ( const next of edges.get( node )?.keys() ?? [] ) {
			if ( ! index.has( next ) ) {
				visit( next );
				low.set( node, Math.min( low.get( node ), low.get( next ) ) );
			} else if ( onStack.has( next ) ) {
				low.set( node, Math.min( low.get( node ), index.get( next ) ) );
			}
		}
		if ( low.get( node ) === index.get( node ) ) {
			const group = [];
			let member;
			do {
				member = stack.pop();
				onStack.delete( member );
				group.push( member );
			} while ( member !== node );
			if ( group.length > 1 ) {
				found.push( group.sort() );
			}
		}
	}
	[ ...nodes ]
		.sort()
		.forEach( ( node ) => index.has( node ) || visit( node ) );
	return found;
}

const loops = components();
if ( loops.length === 0 ) {
	console.log(
		`folder-cycles: ${ folders.size + 1 } folders of includes/, no folder imports one that imports it back.`
	);
	process.exit( 0 );
}
for ( const group of loops ) {
	console.log(
		`folder-cycles: these folders import each other: ${ group.join( ', ' ) }`
	);
	for ( const from of group ) {
		for ( const [ to, where ] of edges.get( from ) ?? [] ) {
			if ( group.includes( to ) ) {
				const more =
					where.length > 3 ? ` (and ${ where.length - 3 } more)` : '';
				console.log(
					`  ${ from } → ${ to }: ${ where.slice( 0, 3 ).join( ', ' ) }${ more }`
				);
			}
		}
	}
}
process.exit( 1 );
