/** What a handler knows about the request it is answering. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AmazonHost } from './marketplaces';
import type { EmulatorState } from './state';

export interface RequestContext {
	readonly req: IncomingMessage;
	readonly res: ServerResponse;
	readonly state: EmulatorState;
	/** The Amazon host the request is addressed to (path segment or Host header). */
	readonly host: AmazonHost;
	/** The path as Amazon would see it, e.g. `/paapi5/getitems`. */
	readonly path: string;
	/** The path actually received, e.g. `/webservices.amazon.de/paapi5/getitems`. */
	readonly rawPath: string;
	readonly query: string;
	/** The Host header actually received, e.g. `127.0.0.1:9411`. */
	readonly hostHeader: string;
	/** True when the Amazon host came from the first path segment. */
	readonly pathRouted: boolean;
	readonly body: Buffer;
}
