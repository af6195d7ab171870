/** Hand-written fakes for the live-update tests. */
import { ApiError } from '../../../src/api/errors';
import type { ExecutionStatus, ExecutionView, ListExecutionsParams, Page } from '../../../src/api/types';
import type { VeltApi } from '../../../src/api/veltApi';
import { compareExecutions } from '../../../src/executions/filter';
import { anExecution as buildExecution } from '../executions/builders';
import type { LivePanelsPort } from '../../../src/live/ports';
import type { MementoPort } from '../../../src/live/watchList';

/** Stores JSON copies, as VS Code's Memento does, so tests catch values that only live in memory. */
export class InMemoryMemento implements MementoPort {
	private readonly values = new Map<string, string>();

	get<T>(key: string): T | undefined {
		const raw = this.values.get(key);
		return raw === undefined ? undefined : (JSON.parse(raw) as T);
	}

	update(key: string, value: unknown): Promise<void> {
		if (value === undefined) {
			this.values.delete(key);
		} else {
			this.values.set(key, JSON.stringify(value));
		}
		return Promise.resolve();
	}
}

/**
 * An in-memory `VeltApi` for live-update tests: pages a data set newest first (offset cursors), answers
 * `getExecution` from it, records calls, and fails the next calls on request.
 */
export class LiveFakeApi implements VeltApi {
	readonly listCalls: ListExecutionsParams[] = [];
	readonly getCalls: string[] = [];
	private readonly listFailures: Error[] = [];
	private readonly getFailures: Error[] = [];

	constructor(public data: ExecutionView[]) {}

	failNextList(...errors: Error[]): void {
		this.listFailures.push(...errors);
	}

	failNextGet(...errors: Error[]): void {
		this.getFailures.push(...errors);
	}

	/** Changes a stored execution, as the backend would. */
	patch(executionId: string, patch: Partial<ExecutionView>): void {
		this.data = this.data.map((e) => (e.executionId === executionId ? { ...e, ...patch } : e));
	}

	listCallsFor(status: ExecutionStatus): number {
		return this.listCalls.filter((c) => c.status === status).length;
	}

	listExecutions(params: ListExecutionsParams): Promise<Page<ExecutionView>> {
		this.listCalls.push(params);
		const failure = this.listFailures.shift();
		if (failure) {
			return Promise.reject(failure);
		}
		const rows = this.data.filter((e) => e.status === params.status).sort(compareExecutions);
		const size = params.pageSize ?? 50;
		const start = params.cursor === undefined ? 0 : Number(params.cursor);
		const next = start + size < rows.length ? String(start + size) : undefined;
		return Promise.resolve({ items: rows.slice(start, start + size), nextCursor: next, done: next === undefined });
	}

	getExecution(executionId: string): Promise<ExecutionView> {
		this.getCalls.push(executionId);
		const failure = this.getFailures.shift();
		const found = this.data.find((e) => e.executionId === executionId);
		if (failure || !found) {
			return Promise.reject(failure ?? new ApiError('notFound', `Execution ${executionId} not found`));
		}
		return Promise.resolve(found);
	}

	getExecutionEvents(): Promise<never> {
		return Promise.reject(new Error('not used'));
	}
	listDefinitions(): Promise<never> {
		return Promise.reject(new Error('not used'));
	}
	cancelExecution(): Promise<never> {
		return Promise.reject(new Error('not used'));
	}
}

export class FakePanels implements LivePanelsPort {
	visible: string[] = [];
	readonly updates: string[] = [];

	visibleExecutionIds(): readonly string[] {
		return this.visible;
	}

	update(executionId: string, view: ExecutionView): void {
		this.updates.push(`${executionId}:${view.status}`);
	}
}

export function anExecution(executionId: string, status: ExecutionStatus, startedAt: number): ExecutionView {
	return buildExecution({ executionId, status, startedAt });
}

/** `count` executions of one status, newest first, a second apart. */
export function executions(count: number, status: ExecutionStatus, start = 1_699_999_000_000): ExecutionView[] {
	return Array.from({ length: count }, (_, i) => anExecution(`${status}_${String(i).padStart(5, '0')}`, status, start - i * 1000));
}
