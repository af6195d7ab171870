/**
 * The simulator's in-memory database: executions in list order (startedAt DESC, executionId DESC) with
 * cached filtered views, so listing 50k executions stays cheap per request.
 */
import type { SimExecutionPatch } from './api';
import type { Generator } from './data';
import type { SimDefinition } from './definitions';
import type { ExecStatus, SimExecution } from './model';
import { applyPatch } from './mutations';

export function compareListOrder(a: SimExecution, b: SimExecution): number {
	if (a.startedAt !== b.startedAt) {
		return b.startedAt - a.startedAt;
	}
	return a.executionId < b.executionId ? 1 : a.executionId > b.executionId ? -1 : 0;
}

export class SimStore {
	private readonly byId = new Map<string, SimExecution>();
	private readonly sorted: SimExecution[];
	private readonly views = new Map<string, SimExecution[]>();

	constructor(
		private readonly generator: Generator,
		readonly definitions: readonly SimDefinition[],
		executions: SimExecution[],
	) {
		this.sorted = [...executions].sort(compareListOrder);
		for (const e of executions) {
			this.byId.set(e.executionId, e);
		}
	}

	get(id: string): SimExecution | undefined {
		return this.byId.get(id);
	}

	/** Executions matching the filters, in list order. The array is shared: do not mutate it. */
	list(status?: string, definitionId?: string): readonly SimExecution[] {
		if (status === undefined && definitionId === undefined) {
			return this.sorted;
		}
		const key = `${status ?? ''}\u0000${definitionId ?? ''}`;
		let view = this.views.get(key);
		if (view === undefined) {
			view = this.sorted.filter((e) => (status === undefined || e.status === status) && (definitionId === undefined || e.definitionId === definitionId));
			this.views.set(key, view);
		}
		return view;
	}

	add(status: ExecStatus, startedAt: number, definitionId?: string): SimExecution {
		const e = this.generator.create(status, startedAt, definitionId);
		this.byId.set(e.executionId, e);
		let lo = 0;
		let hi = this.sorted.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (compareListOrder(this.sorted[mid] as SimExecution, e) < 0) {
				lo = mid + 1;
			} else {
				hi = mid;
			}
		}
		this.sorted.splice(lo, 0, e);
		this.views.clear();
		return e;
	}

	update(id: string, patch: SimExecutionPatch, reason?: string): SimExecution {
		const e = this.byId.get(id);
		if (e === undefined) {
			throw new Error(`simulator: no execution ${id}`);
		}
		applyPatch(e, patch, Date.now(), reason);
		this.views.clear();
		return e;
	}
}

/** Index of the first item with `startedAt <= cursor` (list order is startedAt DESC). */
export function firstAtOrBefore(items: readonly SimExecution[], cursor: number): number {
	let lo = 0;
	let hi = items.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if ((items[mid] as SimExecution).startedAt > cursor) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	return lo;
}
