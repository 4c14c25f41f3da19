/**
 * Makes what WordPress loads from a translation (.po): the .mo for PHP and one JSON file per
 * built script, named as load_script_textdomain() looks for them:
 * `<domain>-<locale>-<md5 of the script's path in the plugin>.json`. The same job as
 * `wp i18n make-mo` and `wp i18n make-json`, whose i18n command is not served here.
 *
 *   node tools/make-translations.mjs <file.po> <mo-dir> <json-dir>
 *
 * The script paths come from the .po's references, which tools/make-pot.mjs writes as the built
 * scripts (`build/blocks/product/index.js`, `build/admin/settings.js`).
 */
import { createRequire } from 'node:module';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const require = createRequire( import.meta.url );
const { po, mo } = require( 'gettext-parser' );

const [ poFile, moDir, jsonDir ] = process.argv.slice( 2 );
if ( ! poFile || ! moDir || ! jsonDir ) {
	process.stderr.write(
		'usage: node tools/make-translations.mjs <file.po> <mo-dir> <json-dir>\n'
	);
	process.exit( 2 );
}
const parsed = po.parse( fs.readFileSync( poFile ) );
const base = path.basename( poFile, '.po' ); // <domain>-<locale>
const locale = parsed.headers.Language ?? base.split( '-' ).pop();
const pluralForms =
	parsed.headers[ 'Plural-Forms' ] ?? 'nplurals=2; plural=(n != 1);';

fs.mkdirSync( moDir, { recursive: true } );
fs.mkdirSync( jsonDir, { recursive: true } );
fs.writeFileSync( path.join( moDir, `${ base }.mo` ), mo.compile( parsed ) );

// Jed 1.x locale data per script, as WordPress's wp.i18n.setLocaleData() takes it.
const perScript = new Map();
for ( const [ context, messages ] of Object.entries( parsed.translations ) ) {
	for ( const [ msgid, message ] of Object.entries( messages ) ) {
		if (
			msgid === '' ||
			! message.msgstr.some( ( text ) => text !== '' )
		) {
			continue;
		}
		const references = ( message.comments?.reference ?? '' )
			.split( /\s+/ )
			.map( ( ref ) => ref.replace( /:\d+$/, '' ) )
			.filter( ( ref ) => ref.endsWith( '.js' ) );
		const key = context ? `${ context }\u0004${ msgid }` : msgid;
		for ( const script of new Set( references ) ) {
			const data = perScript.get( script ) ?? {};
			data[ key ] = message.msgstr;
			perScript.set( script, data );
		}
	}
}
for ( const [ script, messages ] of perScript ) {
	const hash = crypto.createHash( 'md5' ).update( script ).digest( 'hex' );
	const json = {
		'translation-revision-date': parsed.headers[ 'PO-Revision-Date' ] ?? '',
		generator: 'tools/make-translations.mjs',
		source: script,
		domain: 'messages',
		locale_data: {
			messages: {
				'': {
					domain: 'messages',
					lang: locale,
					'plural-forms': pluralForms,
				},
				...messages,
			},
		},
	};
	fs.writeFileSync(
		path.join( jsonDir, `${ base }-${ hash }.json` ),
		JSON.stringify( json )
	);
	process.stdout.write( `${ base }-${ hash }.json ← ${ script }\n` );
}
