/**
 * How a successful answer is delivered, possibly broken on purpose by a fault: hang, truncated JSON,
 * a wrong shape, a huge body or a connection reset halfway through the body.
 */
import type { ServerResponse } from 'node:http';
import type { Fault } from './api';
import { writeJson } from './http';

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
