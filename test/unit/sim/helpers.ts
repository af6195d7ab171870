/** Shared helpers for the simulator's own tests: a raw POST with the callable envelope. */
import { SIM_API_KEY, SIM_AUTH_TOKEN } from '../../sim/api';
import type { Simulator } from '../../sim/api';

export const CREDS: Readonly<Record<string, string>> = {
	'content-type': 'application/json',
	'x-velt-api-key': SIM_API_KEY,
	'x-velt-auth-token': SIM_AUTH_TOKEN,
};

export interface Reply {
	readonly status: number;
	readonly headers: Headers;
	readonly body: Record<string, unknown>;
}

export type Json = Record<string, unknown>;

/** POSTs `{data}` to `/v2/workflow/<path>` and parses the JSON answer. */
export async function call(sim: Simulator, path: string, data: unknown, headers: Record<string, string> = CREDS, signal?: AbortSignal): Promise<Reply> {
	const res = await fetch(`${sim.url}/v2/workflow/${path}`, { method: 'POST', headers, body: JSON.stringify({ data }), signal });
	return { status: res.status, headers: res.headers, body: (await res.json()) as Json };
}

/** The `result` of a successful call (asserts HTTP 200). */
export async function result(sim: Simulator, path: string, data: unknown): Promise<Json> {
	const reply = await call(sim, path, data);
	if (reply.status !== 200) {
		throw new Error(`HTTP ${reply.status}: ${JSON.stringify(reply.body)}`);
	}
	return reply.body.result as Json;
}

export function ids(page: Json): string[] {
	return (page.items as Json[]).map((item) => item.executionId as string);
}

/** Pages `executions/list` to the end the way the spec tells clients to; returns every page. */
export async function pageAll(sim: Simulator, filter: Json, pageSize: number): Promise<Json[]> {
	const pages: Json[] = [];
	let cursor: unknown;
	for (let guard = 0; guard < 1000; guard++) {
		const page = await result(sim, 'executions/list', cursor === undefined ? { ...filter, pageSize } : { ...filter, pageSize, cursor });
		pages.push(page);
		const items = page.items as unknown[];
		if (page.nextCursor === null || page.nextCursor === undefined || page.hasMore === false || items.length === 0) {
			return pages;
		}
		if (page.nextCursor === cursor) {
			throw new Error('cursor repeated');
		}
		cursor = page.nextCursor;
	}
	throw new Error('paging did not end');
}
