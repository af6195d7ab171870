/**
 * Set-up for the paging benchmarks: a simulator in a child process, a `VeltClient` for it, the same group
 * loaded through the model or through a bare `fetch` loop, and an in-memory data set for the tree bench.
 */
import { fork } from 'node:child_process';
import * as path from 'node:path';
import { VeltClient } from '../src/api/client';
import type { ExecutionStatus, ExecutionView, Page } from '../src/api/types';
import { ExecutionsModel } from '../src/executions/executionsModel';
import { CursorPager } from '../src/executions/pager';
import { SIM_API_KEY, SIM_AUTH_TOKEN } from '../test/sim/api';
import type { SimulatorOptions } from '../test/sim/api';

export interface ChildSimulator {
	readonly url: string;
	close(): Promise<void>;
}

export function startChildSimulator(options: SimulatorOptions): Promise<ChildSimulator> {
	const child = fork(path.join(__dirname, 'simChild.js'), [JSON.stringify(options)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
	return new Promise((resolve, reject) => {
		child.once('error', reject);
		child.once('exit', (code) => reject(new Error(`simulator child exited early (${String(code)})`)));
		child.once('message', (message: { url?: string }) => {
			child.removeAllListeners('exit');
			resolve({
				url: message.url ?? '',
				close: () =>
					new Promise<void>((done) => {
						child.once('exit', () => done());
						child.disconnect();
					}),
			});
		});
	});
}

export function benchClient(url: string): VeltClient {
	return new VeltClient({ baseUrl: url, credentials: () => ({ apiKey: SIM_API_KEY, authToken: SIM_AUTH_TOKEN }), timeoutMs: 60_000 });
}

/** Loads a whole group through the model (client, pager, cross-group bookkeeping); returns the model. */
export async function loadThroughModel(client: VeltClient, status: ExecutionStatus, pageSize: number, onPage?: (count: number) => void): Promise<ExecutionsModel> {
	const model = new ExecutionsModel({ getApi: () => client, getPageSize: () => pageSize });
	await model.ensureLoaded(status);
	onPage?.(model.group(status).items.length);
	while (model.group(status).hasMore) {
		const error = model.group(status).error;
		if (error !== undefined) {
			throw error;
		}
		await model.loadMore(status);
		onPage?.(model.group(status).items.length);
	}
	return model;
}

interface WireList {
	readonly result: { readonly items: ExecutionView[]; readonly nextCursor?: string | null; readonly hasMore?: boolean };
}

/** One `executions/list` request with nothing but `fetch` and `JSON.parse` (no validation). */
async function barePage(url: string, status: ExecutionStatus, pageSize: number, cursor: string | undefined, signal?: AbortSignal): Promise<Page<ExecutionView>> {
	const response = await fetch(`${url}/v2/workflow/executions/list`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-velt-api-key': SIM_API_KEY, 'x-velt-auth-token': SIM_AUTH_TOKEN },
		body: JSON.stringify({ data: { status, pageSize, ...(cursor === undefined ? {} : { cursor }) } }),
		signal,
	});
	const { result } = (await response.json()) as WireList;
	const next = result.nextCursor ?? undefined;
	const done = next === undefined || result.hasMore === false || result.items.length === 0;
	return { items: result.items, nextCursor: done ? undefined : next, done };
}

/**
 * The baseline: the cursor chain followed with bare requests, keeping every row received (repeats
 * included) in one array, the least any loader that shows the rows must do. Returns the rows kept.
 */
export async function loadWithBareFetch(url: string, status: ExecutionStatus, pageSize: number): Promise<ExecutionView[]> {
	let cursor: string | undefined;
	const rows: ExecutionView[] = [];
	for (;;) {
		const page = await barePage(url, status, pageSize, cursor);
		for (const item of page.items) {
			rows.push(item);
		}
		if (page.done) {
			return rows;
		}
		cursor = page.nextCursor;
	}
}

/**
 * The floor for any loader that de-duplicates: the bare loop plus an inline `Map` from id to row, with
 * an abort signal per request as the pager has. Returns distinct rows.
 */
export async function loadWithInlineDedupe(url: string, status: ExecutionStatus, pageSize: number): Promise<number> {
	let cursor: string | undefined;
	const rows: ExecutionView[] = [];
	const index = new Map<string, number>();
	for (;;) {
		const page = await barePage(url, status, pageSize, cursor, new AbortController().signal);
		for (const item of page.items) {
			const position = index.get(item.executionId);
			if (position === undefined) {
				index.set(item.executionId, rows.length);
				rows.push(item);
			} else {
				rows[position] = item;
			}
		}
		if (page.done) {
			return rows.length;
		}
		cursor = page.nextCursor;
	}
}

/** The same bare requests, driven by a `CursorPager` (dedupe, loop checks). Returns distinct rows. */
export async function loadThroughPager(url: string, status: ExecutionStatus, pageSize: number): Promise<number> {
	const pager = new CursorPager<ExecutionView>({
		fetchPage: (cursor, signal) => barePage(url, status, pageSize, cursor, signal),
		keyOf: (execution) => execution.executionId,
	});
	while (!pager.done) {
		await pager.loadMore();
		if (pager.error !== undefined) {
			throw pager.error;
		}
	}
	return pager.items.length;
}

/** `count` lean executions shaped like the API's list items (current variant: no steps). */
export function leanExecutions(count: number, status: ExecutionStatus = 'completed'): ExecutionView[] {
	const start = 1_777_000_000_000;
	return Array.from({ length: count }, (_, i) => ({
		executionId: `exec_${start - i * 1000}_${i.toString(36).padStart(8, '0')}`,
		status,
		startedAt: start - i * 1000,
		completedAt: start - i * 1000 + 60_000,
		cancelledAt: null,
		definitionId: `definition-${i % 17}`,
		definitionVersion: 1 + (i % 3),
		correlationId: `corr_${i}`,
		idempotencyKey: null,
		failureReason: null,
		steps: [],
	}));
}
