/**
 * Applies injected faults (control endpoint + reserved ASINs) to one call. Each API supplies a
 * renderer, because the same fault looks different on the Creators API, PA-API and token hosts.
 */
import type { RequestContext } from './context';
import type { CallDescriptor, FaultKind } from './faults';
import { delay } from './http';
import type { ReservedFault } from './reserved';

export type FaultRenderer = Partial<
	Record<
		Exclude< FaultKind, 'latency' | 'hang' >,
		( retryAfterSeconds: number ) => void
	>
>;

/**
 * Returns true when the call has been dealt with (answered, or left hanging on purpose);
 * false when the handler should go on (possibly after an injected delay).
 * @param ctx
 * @param call
 * @param reserved
 * @param render
 */
export async function applyFaults(
	ctx: RequestContext,
	call: CallDescriptor,
	reserved: readonly ReservedFault[],
	render: FaultRenderer
): Promise< boolean > {
	const outcome = ctx.state.faults.evaluate( call );
	let latencyMs = outcome.latencyMs;
	let terminal = outcome.terminal;
	for ( const fault of reserved ) {
		if ( fault.fault === 'latency' ) {
			latencyMs += fault.latencyMs ?? 0;
		} else if ( ! terminal ) {
			terminal = {
				fault: fault.fault,
				retryAfterSeconds: fault.retryAfterSeconds ?? 1,
			};
		}
	}
	if ( latencyMs > 0 ) {
		await delay( latencyMs );
	}
	if ( ! terminal ) {
		return false;
	}
	if ( terminal.fault === 'hang' ) {
		// Never answer. The server destroys the socket on shutdown (server.ts), and the client
		// gives up on its own timeout.
		return true;
	}
	const renderFault =
		terminal.fault === 'latency' ? undefined : render[ terminal.fault ];
	if ( ! renderFault ) {
		return false;
	}
	renderFault( terminal.retryAfterSeconds );
	return true;
}
