/**
 * The five status pagers of one model generation (one filter, one sign-in), and the cross-group rule: an
 * execution appears once in the whole tree, in the group of its most recently fetched status. Disposing a
 * generation aborts its requests and silences its events, so nothing it fetched reaches a newer one.
 */
import type { ApiError } from '../api/errors';
import type { ExecutionStatus, ExecutionView, Page } from '../api/types';
import { EXECUTION_STATUSES } from '../api/types';
import { Emitter } from '../common/event';
import type { Event } from '../common/event';
import { DisposableStore } from '../common/lifecycle';
import type { IDisposable } from '../common/lifecycle';
import type { ExecutionsFilter } from './filter';
import { acceptsExecution, compareExecutions, scopePredicate } from './filter';
import { CursorPager } from './pager';

export interface GroupFailure {
	readonly status: ExecutionStatus;
	readonly error: ApiError;
}

export type FetchGroupPage = (
	status: ExecutionStatus,
	cursor: string | undefined,
	signal: AbortSignal,
) => Promise<Page<ExecutionView>>;

export class ExecutionGroups implements IDisposable {
	private readonly store = new DisposableStore();
	private readonly pagers = new Map<ExecutionStatus, CursorPager<ExecutionView>>();
	private readonly _onDidChange = this.store.add(new Emitter<ExecutionStatus>());
	readonly onDidChange: Event<ExecutionStatus> = this._onDidChange.event;
	private readonly _onDidFail = this.store.add(new Emitter<GroupFailure>());
	readonly onDidFail: Event<GroupFailure> = this._onDidFail.event;

	constructor(
		private readonly filter: ExecutionsFilter,
		fetchPage: FetchGroupPage,
	) {
		for (const status of EXECUTION_STATUSES) {
			const pager = this.store.add(
				new CursorPager<ExecutionView>({
					fetchPage: (cursor, signal) => fetchPage(status, cursor, signal),
					keyOf: (execution) => execution.executionId,
					matches: scopePredicate(filter.scope),
					compare: compareExecutions,
				}),
			);
			this.store.add(pager.onDidChange((change) => this.changed(status, change.fetched)));
			this.store.add(pager.onDidFail((error) => this._onDidFail.fire({ status, error })));
			this.pagers.set(status, pager);
		}
	}

	pager(status: ExecutionStatus): CursorPager<ExecutionView> {
		const pager = this.pagers.get(status);
		if (pager === undefined) {
			throw new Error(`Unknown execution status: ${String(status)}`);
		}
		return pager;
	}

	find(executionId: string): ExecutionView | undefined {
		for (const pager of this.pagers.values()) {
			const found = pager.get(executionId);
			if (found !== undefined) {
				return found;
			}
		}
		return undefined;
	}

	/** A fresher copy fetched elsewhere: into its own group (if it fits there), out of every other group. */
	upsert(execution: ExecutionView): void {
		const touched = new Set<ExecutionStatus>();
		this.place(execution, touched);
		touched.forEach((status) => this._onDidChange.fire(status));
	}

	dispose(): void {
		this.store.dispose();
	}

	private changed(status: ExecutionStatus, fetched: readonly ExecutionView[]): void {
		const touched = new Set<ExecutionStatus>([status]);
		this.claim(status, fetched, touched);
		touched.forEach((s) => this._onDidChange.fire(s));
	}

	/**
	 * Rows `status` just fetched now belong to it and leave whichever group showed them. A row that came
	 * back with another status than the group asked for goes to the group of its own status. O(page).
	 */
	private claim(status: ExecutionStatus, fetched: readonly ExecutionView[], touched: Set<ExecutionStatus>): void {
		const moved = new Map<ExecutionStatus, string[]>();
		const strays: ExecutionView[] = [];
		const others = [...this.pagers].filter(([other, pager]) => other !== status && pager.matched > 0);
		for (const execution of fetched) {
			if (execution.status !== status) {
				strays.push(execution);
				continue;
			}
			for (const [other, pager] of others) {
				if (pager.has(execution.executionId)) {
					const ids = moved.get(other) ?? [];
					ids.push(execution.executionId);
					moved.set(other, ids);
				}
			}
		}
		for (const [other, ids] of moved) {
			if (this.pager(other).remove(ids).length > 0) {
				touched.add(other);
			}
		}
		strays.forEach((execution) => this.place(execution, touched));
	}

	private place(execution: ExecutionView, touched: Set<ExecutionStatus>): void {
		const accepted = acceptsExecution(this.filter, execution);
		for (const [status, pager] of this.pagers) {
			const changed =
				status === execution.status && accepted
					? pager.place(execution)
					: pager.remove([execution.executionId]).length > 0;
			if (changed) {
				touched.add(status);
			}
		}
	}
}
