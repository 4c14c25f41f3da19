/**
 * The request log behind `GET /__emulator/log`: one entry per API or token call, and counts per
 * operation and marketplace that tests and benchmarks use to count Amazon calls.
 */
import type { ServerResponse } from 'node:http';

export type LoggedApi = 'creators' | 'paapi' | 'token';

export interface LogEntry {
	time: string;
	api: LoggedApi;
	/** `getItems` … for both APIs; `token` for token calls. */
	operation: string;
	/** Country code (`us`), or null when unknown (token calls, early failures). */
	marketplace: string | null;
	host: string;
	path: string;
	/** HTTP status; null while unanswered (e.g. a hung connection). */
	status: number | null;
	asins: string[];
	/** Credential id or PA-API access key, when known. */
	credential: string | null;
	/** The request's partner tag (`partnerTag` / `PartnerTag`), when it had one. */
	partnerTag: string | null;
	/** Token calls only: which auth system. */
	auth?: 'cognito' | 'lwa';
}

export class RequestLog {
	private entries: LogEntry[] = [];

	/**
	 * Starts an entry; its status is filled in when the response finishes.
	 * @param res
	 * @param fields
	 */
	begin(
		res: ServerResponse,
		fields: Pick< LogEntry, 'api' | 'operation' | 'host' | 'path' > &
			Partial< LogEntry >
	): LogEntry {
		const entry: LogEntry = {
			time: new Date().toISOString(),
			api: fields.api,
			operation: fields.operation,
			marketplace: fields.marketplace ?? null,
			host: fields.host,
			path: fields.path,
			status: null,
			asins: fields.asins ?? [],
			credential: fields.credential ?? null,
			partnerTag: fields.partnerTag ?? null,
			...( fields.auth ? { auth: fields.auth } : {} ),
		};
		this.entries.push( entry );
		res.once( 'finish', () => {
			entry.status = res.statusCode;
		} );
		return entry;
	}

	clear(): void {
		this.entries = [];
	}

	/**
	 * Counts keyed by `operation`, `operation:country`, `api:operation`, `api:operation:country`;
	 * token calls by `token` and `token:cognito` / `token:lwa`.
	 */
	counts(): Record< string, number > {
		const counts: Record< string, number > = {};
		const bump = ( key: string ) => {
			counts[ key ] = ( counts[ key ] ?? 0 ) + 1;
		};
		for ( const e of this.entries ) {
			if ( e.api === 'token' ) {
				bump( 'token' );
				if ( e.auth ) {
					bump( `token:${ e.auth }` );
				}
				continue;
			}
			bump( e.operation );
			bump( `${ e.api }:${ e.operation }` );
			if ( e.marketplace ) {
				bump( `${ e.operation }:${ e.marketplace }` );
				bump( `${ e.api }:${ e.operation }:${ e.marketplace }` );
			}
		}
		return counts;
	}

	snapshot(): { requests: LogEntry[]; counts: Record< string, number > } {
		return {
			requests: this.entries.map( ( e ) => ( {
				...e,
				asins: [ ...e.asins ],
			} ) ),
			counts: this.counts(),
		};
	}
}
