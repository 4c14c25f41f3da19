/**
 * What the server tells the block editor about the site's marketplaces (Block_Registry prints it
 * before the block's script): the default marketplace and the ones set up for links only.
 */
export interface EditorData {
	/** The default marketplace's country code ('' when none is set). */
	defaultCountry: string;
	/** Marketplaces with a partner tag and no API credentials. */
	linksOnly: string[];
}

declare global {
	interface Window {
		acapiEditor?: Partial< EditorData >;
	}
}

/**
 * The editor data, with safe defaults when the server printed none.
 */
export function editorData(): EditorData {
	const data = typeof window === 'undefined' ? undefined : window.acapiEditor;
	return {
		defaultCountry:
			typeof data?.defaultCountry === 'string' ? data.defaultCountry : '',
		linksOnly: Array.isArray( data?.linksOnly )
			? data.linksOnly.filter(
					( country ): country is string =>
						typeof country === 'string'
				)
			: [],
	};
}
