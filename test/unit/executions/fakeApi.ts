/**
 * A scripted, in-memory `VeltApi` for the deterministic pager and model tests. It pages a data set like the
 * API does (newest first), in one of two cursor styles, and can be told to answer the next calls with
 * scripted pages or errors, or to hold calls until released (to test single-flight, abort and staleness).
 */
import { ApiError } from '../../../src/api/errors';
import type { ExecutionView, ListExecutionsParams, Page } from '../../../src/api/types';
import type { VeltApi } from '../../../src/api/veltApi';
import { compareExecutions } from '../../../src/executions/filter';

/** `offset`: opaque offset cursors (seed-like, no overlap). `startedAt`: the current API's cursor, answered
 * inclusively (`startedAt <= cursor`), so the boundary row(s) come back on the next page. */
export type CursorStyle = 'offset' | 'startedAt';

export interface FakeCall {
	readonly params: ListExecutionsParams;
	readonly signal: AbortSignal | undefined;
}

export type Responder = (params: ListExecutionsParams) => Page<ExecutionView> | Error;

interface Held {
	readonly release: () => void;
}

export class FakeVeltApi implements VeltApi {
	readonly calls: FakeCall[] = [];
	private readonly script: Responder[] = [];
	private held: Held[] | undefined;
	/** When false, aborting a held call does not reject it (an API that ignores the signal). */
	honorAbort = true;
	/** `offset` style: how many rows of each page the next page repeats (must stay below the page size). */
	overlap = 0;

	constructor(
		public data: ExecutionView[] = [],
		public cursorStyle: CursorStyle = 'offset',
	) {}

	/** The next calls answer with these, in order, instead of paging the data set. */
	enqueue(...responders: Responder[]): void {
		this.script.push(...responders);
	}

	failNext(error: Error): void {
		this.enqueue(() => error);
	}

	/** Calls from now on wait for `release()`. */
	hold(): void {
		this.held ??= [];
	}

	/** Lets every held call answer (with the data as it is then) and stops holding. */
	release(): void {
		const held = this.held ?? [];
		this.held = undefined;
		held.forEach((call) => call.release());
	}

	get pendingHeld(): number {
		return this.held?.length ?? 0;
	}

	listExecutions(params: ListExecutionsParams, signal?: AbortSignal): Promise<Page<ExecutionView>> {
		this.calls.push({ params, signal });
		const responder = this.script.shift() ?? ((p: ListExecutionsParams): Page<ExecutionView> => this.page(p));
		if (this.held === undefined) {
			return settle(responder(params));
		}
		const held = this.held;
		return new Promise<Page<ExecutionView>>((resolve, reject) => {
			held.push({ release: () => void settle(responder(params)).then(resolve, reject) });
			if (this.honorAbort) {
				signal?.addEventListener('abort', () => reject(new ApiError('cancelled', 'The request was cancelled.')));
			}
		});
	}

	/** One page of the data set as the API would answer it. */
	page(params: ListExecutionsParams): Page<ExecutionView> {
		const rows = this.data
			.filter((e) => params.status === undefined || e.status === params.status)
			.filter((e) => params.definitionId === undefined || e.definitionId === params.definitionId)
			.sort(compareExecutions);
		const size = params.pageSize ?? 50;
		if (this.cursorStyle === 'offset') {
			const start = params.cursor === undefined ? 0 : Number(params.cursor);
			const next = start + size < rows.length ? String(start + size - this.overlap) : undefined;
			return { items: rows.slice(start, start + size), nextCursor: next, done: next === undefined };
		}
		const bound = params.cursor === undefined ? Number.POSITIVE_INFINITY : Number(params.cursor);
		const items = rows.filter((e) => e.startedAt <= bound).slice(0, size);
		const last = items[items.length - 1];
		const next = items.length === size && last !== undefined ? String(last.startedAt) : undefined;
		return { items, nextCursor: next, done: next === undefined };
	}

	getExecution(): Promise<never> {
		return Promise.reject(new Error('not used by these tests'));
	}
	getExecutionEvents(): Promise<never> {
		return Promise.reject(new Error('not used by these tests'));
	}
	listDefinitions(): Promise<never> {
		return Promise.reject(new Error('not used by these tests'));
	}
	cancelExecution(): Promise<never> {
		return Promise.reject(new Error('not used by these tests'));
	}
}

function settle(answer: Page<ExecutionView> | Error): Promise<Page<ExecutionView>> {
	return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
}

/** Lets pending promise callbacks run (the fake answers on the microtask queue). */
export async function flush(): Promise<void> {
	for (let i = 0; i < 10; i++) {
		await new Promise<void>((resolve) => setImmediate(resolve));
	}
}
