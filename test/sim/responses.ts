/**
 * How a successful answer is delivered, possibly broken on purpose by a fault: hang, truncated JSON,
 * a wrong shape, a huge body or a connection reset halfway through the body.
 */
import type { ServerResponse } from 'node:http';
import type { Fault } from './api';
import { errorBody, HTTP_FOR_STATUS, writeJson } from './http';

/** Writes one answer and records its HTTP status in the request log (0 for a hang). */
export class Responder {
	constructor(
		private readonly res: ServerResponse,
		private readonly record: (status: number) => void,
	) {}

	error(apiStatus: string, message: string, details?: Record<string, unknown>): void {
		this.raw(HTTP_FOR_STATUS[apiStatus] ?? 500, errorBody(apiStatus, message, details));
	}

	raw(status: number, body: string, headers: Record<string, string> = {}): void {
		this.record(status);
		writeJson(this.res, status, body, headers);
	}

	success(fault: Fault | undefined, body: string): void {
		this.record(fault?.kind === 'hang' ? 0 : 200);
		sendFaultResponse(this.res, fault, body);
	}
}

/** Sends `body` (a `{"result":…}` JSON text) as the fault dictates; page faults were applied before. */
export function sendFaultResponse(res: ServerResponse, fault: Fault | undefined, body: string): void {
	switch (fault?.kind) {
		case 'hang':
			return; // never answer; the simulator's close() destroys the socket
		case 'malformedJson':
			return writeJson(res, 200, body.slice(0, Math.max(1, Math.floor(body.length / 2))));
		case 'wrongShape':
			return writeJson(res, 200, JSON.stringify(fault.body));
		case 'hugeBody':
			return writeJson(res, 200, hugeBody(fault.bytes));
		case 'resetMidBody':
			return resetMidBody(res, body);
		default:
			return writeJson(res, 200, body);
	}
}

function hugeBody(bytes: number): string {
	const frame = JSON.stringify({ result: { items: [], nextCursor: null, padding: '' } });
	return JSON.stringify({ result: { items: [], nextCursor: null, padding: 'x'.repeat(Math.max(0, bytes - frame.length)) } });
}

function resetMidBody(res: ServerResponse, body: string): void {
	res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
	res.write(body.slice(0, Math.max(1, Math.floor(body.length / 2))), () => {
		res.socket?.destroy();
	});
}

/** Timers that `close()` can cut short, so a closing simulator never keeps the process alive. */
export class Sleeper {
	private readonly pending = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();

	sleep(ms: number): Promise<void> {
		if (ms <= 0) {
			return Promise.resolve();
		}
		return new Promise((resolve) => {
			const entry = {
				timer: setTimeout(() => {
					this.pending.delete(entry);
					resolve();
				}, ms),
				resolve,
			};
			this.pending.add(entry);
		});
	}

	cancelAll(): void {
		for (const entry of this.pending) {
			clearTimeout(entry.timer);
			entry.resolve();
		}
		this.pending.clear();
	}
}
