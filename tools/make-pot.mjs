/**
 * The translation template's parts that xgettext cannot make (tools/make-pot.sh merges them):
 *
 *   node tools/make-pot.mjs <out-dir> <file>...
 *
 * - The strings of the TypeScript sources, extracted with WordPress's Babel plugin (wp i18n
 *   make-pot cannot parse TypeScript, and its i18n command is not served here). Their
 *   references name the **built** scripts that bundle each source (`build/blocks/product/index.js`,
 *   `build/admin/settings.js`): WordPress finds a script's JSON translation by the md5 of the
 *   script's path in the plugin, so JSON files made from a .po (tools/make-translations.mjs, or
 *   `wp i18n make-json`) only match when the .pot names the built files. The source line stays
 *   in a comment for translators.
 * - The plugin header's Name, Description and Author, and each block.json's title, description
 *   and keywords, with the contexts WordPress translates them with (`block title`,
 *   `block description`, `block keyword`).
 *
 * The Babel plugin writes the strings of the file it last saw, so each file gets a .pot of its
 * own in <out-dir>.
 */
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const require = createRequire( import.meta.url );
const babel = require( '@babel/core' );

const root = path.resolve(
	path.dirname( new URL( import.meta.url ).pathname ),
	'..'
);

/**
 * The built scripts and their entry sources: one per block (block.json's editorScript, built by
 * wp-scripts into build/blocks/<name>/index.js) and the admin app (tools/webpack.admin.config.js).
 *
 * @return {Array<{script: string, entry: string}>} Built script (relative to the plugin) and entry source.
 */
function bundles() {
	const out = [];
	for ( const name of fs.readdirSync( path.join( root, 'blocks' ) ) ) {
		const dir = path.join( 'blocks', name );
		const entry = [ 'index.ts', 'index.tsx', 'index.js' ]
			.map( ( file ) => path.join( dir, file ) )
			.find( ( file ) => fs.existsSync( path.join( root, file ) ) );
		if ( entry && fs.existsSync( path.join( root, dir, 'block.json' ) ) ) {
			out.push( { script: `build/blocks/${ name }/index.js`, entry } );
		}
	}
	const admin = require( path.join( root, 'tools/webpack.admin.config.js' ) );
	for ( const [ name, entry ] of Object.entries( admin.entry ) ) {
		out.push( {
			script: `build/admin/${ name }.js`,
			entry: path.relative( root, entry ),
		} );
	}
	return out;
}

/**
 * A source file and every source it imports, following relative imports.
 *
 * @param {string} entry Entry source, relative to the plugin.
 * @return {Set<string>} Sources, relative to the plugin.
 */
function sourcesOf( entry ) {
	const seen = new Set();
	const queue = [ entry ];
	while ( queue.length ) {
		const file = queue.pop();
		if ( seen.has( file ) ) {
			continue;
		}
		seen.add( file );
		if ( ! /\.[jt]sx?$/.test( file ) ) {
			continue;
		}
		const code = fs.readFileSync( path.join( root, file ), 'utf8' );
		for ( const match of code.matchAll(
			/(?:import|export)[^'"]*?from\s*['"](\.[^'"]+)['"]|import\s*['"](\.[^'"]+)['"]/g
		) ) {
			const target = path.join(
				path.dirname( file ),
				match[ 1 ] ?? match[ 2 ]
			);
			const resolved = [
				'',
				'.ts',
				'.tsx',
				'.js',
				'/index.ts',
				'/index.tsx',
			]
				.map( ( suffix ) => target + suffix )
				.find( ( candidate ) => {
					const full = path.join( root, candidate );
					return (
						fs.existsSync( full ) && fs.statSync( full ).isFile()
					);
				} );
			if ( resolved ) {
				queue.push( resolved );
			}
		}
	}
	return seen;
}

/**
 * Quotes a string for a .pot file.
 *
 * @param {string} text Text.
 */
function quote( text ) {
	return JSON.stringify( text );
}

/**
 * The header's and the block.json files' strings, as a .pot fragment.
 */
function metaPot() {
	const entries = [];
	const blockStrings = new Map(); // context + text → block.json files
	const header = fs.readFileSync( path.join( root, 'plugin.php' ), 'utf8' );
	for ( const field of [ 'Plugin Name', 'Description', 'Author' ] ) {
		const value = header.match(
			new RegExp( `^\\s*\\*\\s*${ field }:\\s*(.+)$`, 'm' )
		)?.[ 1 ];
		if ( value ) {
			entries.push(
				`#. ${ field } of the plugin\n#: plugin.php\nmsgid ${ quote(
					value.trim()
				) }\nmsgstr ""\n`
			);
		}
	}
	for ( const name of fs.readdirSync( path.join( root, 'blocks' ) ).sort() ) {
		const file = path.join( 'blocks', name, 'block.json' );
		if ( ! fs.existsSync( path.join( root, file ) ) ) {
			continue;
		}
		const block = JSON.parse(
			fs.readFileSync( path.join( root, file ), 'utf8' )
		);
		const strings = [
			[ 'block title', block.title ],
			[ 'block description', block.description ],
			...( block.keywords ?? [] ).map( ( keyword ) => [
				'block keyword',
				keyword,
			] ),
			...( block.variations ?? [] ).flatMap( ( variation ) => [
				[ 'block variation title', variation.title ],
				[ 'block variation description', variation.description ],
			] ),
		];
		for ( const [ context, text ] of strings ) {
			if ( typeof text === 'string' && text !== '' ) {
				const key = `${ context }\u0004${ text }`;
				blockStrings.set( key, [
					...( blockStrings.get( key ) ?? [] ),
					file,
				] );
			}
		}
	}
	// One entry per context and text, with every block.json that has it.
	for ( const [ key, refs ] of blockStrings ) {
		const [ context, text ] = key.split( '\u0004' );
		entries.push(
			`#: ${ refs.join( ' ' ) }\nmsgctxt ${ quote(
				context
			) }\nmsgid ${ quote( text ) }\nmsgstr ""\n`
		);
	}
	return `msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n${ entries.join(
		'\n'
	) }`;
}

const [ outputDir, ...files ] = process.argv.slice( 2 );
const owners = new Map(); // source → built scripts that bundle it
for ( const { script, entry } of bundles() ) {
	for ( const source of sourcesOf( entry ) ) {
		owners.set( source, [ ...( owners.get( source ) ?? [] ), script ] );
	}
}

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
	if ( ! fs.existsSync( output ) ) {
		continue;
	}
	const scripts = owners.get( path.normalize( file ) ) ?? [];
	const pot = fs
		.readFileSync( output, 'utf8' )
		.replace( /^#: (\S+):(\d+)$/gm, ( line, source, number ) =>
			scripts.length
				? `#. Source: ${ source }:${ number }\n#: ${ scripts.join( ' ' ) }`
				: line
		);
	fs.writeFileSync( output, pot );
}
fs.writeFileSync( path.join( outputDir, 'meta.pot' ), metaPot() );
