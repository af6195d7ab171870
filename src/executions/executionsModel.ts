/**
 * `ExecutionsModel`: the executions tree's state, vscode-free. One `CursorPager` per status, the filter,
 * and the rule that an execution appears once in the whole tree, in the group of its most recently fetched
 * status. The tree, the commands and (later) the poller talk to this class only; it talks to the `VeltApi`
 * port only. Pagers are rebuilt (and their requests aborted) whenever the rows they hold can no longer be
 * trusted: a filter that changes the query, sign-out, a base-URL change. A generation counter makes sure
 * nothing an older generation fetched is ever applied or reported.
 */
import { ApiError } from '../api/errors';
import type { ExecutionStatus, ExecutionView, ListExecutionsParams, Page } from '../api/types';
import type { VeltApi } from '../api/veltApi';
import { Emitter } from '../common/event';
import type { Event } from '../common/event';
import { Disposable, MutableDisposable } from '../common/lifecycle';
import { nullLogger } from '../common/logger';
import type { Logger } from '../common/logger';
import { ExecutionGroups } from './executionGroups';
import type { GroupFailure } from './executionGroups';
import type { ExecutionsFilter } from './filter';
import { changesRows, normalizeFilter, visibleStatuses } from './filter';
import type { CursorPager } from './pager';

export type { GroupFailure } from './executionGroups';

export interface ExecutionsModelOptions {
	/** Undefined while signed out: the tree then shows its welcome view instead of groups. */
	readonly getApi: () => VeltApi | undefined;
	/** Read per request; clamped to 1–500. */
	readonly getPageSize: () => number;
	readonly logger?: Logger;
}

/** One group's state for rendering. `items` is a live read-only array: copy it to keep it. */
export interface GroupSnapshot {
	readonly status: ExecutionStatus;
	readonly items: readonly ExecutionView[];
	readonly hasMore: boolean;
	readonly loading: boolean;
	readonly error: ApiError | undefined;
	readonly gap: boolean;
	readonly scanned: number;
	readonly matched: number;
	readonly loadedOnce: boolean;
	/** A client-side predicate (scope filter) decides which fetched rows show. */
	readonly clientFiltered: boolean;
	/** Any filter narrows this group's rows (definition or scope). */
	readonly filtered: boolean;
}

export function clampPageSize(value: number): number {
	return Number.isFinite(value) ? Math.min(500, Math.max(1, Math.round(value))) : 50;
}

export class ExecutionsModel extends Disposable {
	private readonly groups = this._register(new MutableDisposable<ExecutionGroups>());
	private generation = 0;
	private _filter: ExecutionsFilter = {};
	private readonly logger: Logger;
	private readonly _onDidChangeGroup = this._register(new Emitter<ExecutionStatus | undefined>());
	/** A group's rows or state changed; `undefined` = the set of groups or everything changed. */
	readonly onDidChangeGroup: Event<ExecutionStatus | undefined> = this._onDidChangeGroup.event;
	private readonly _onDidFail = this._register(new Emitter<GroupFailure>());
	/** A group's request failed (not cancelled), so the app can prompt once on auth failures. */
	readonly onDidFail: Event<GroupFailure> = this._onDidFail.event;
	private readonly _onDidChangeFilter = this._register(new Emitter<ExecutionsFilter>());
	readonly onDidChangeFilter: Event<ExecutionsFilter> = this._onDidChangeFilter.event;

	constructor(private readonly options: ExecutionsModelOptions) {
		super();
		this.logger = options.logger ?? nullLogger;
		this.createPagers();
	}

	get filter(): ExecutionsFilter {
		return this._filter;
	}

	/** False while signed out (no API): the tree shows no groups, so the welcome view appears. */
	get hasApi(): boolean {
		return this.options.getApi() !== undefined;
	}

	/** Aborts requests and drops rows only when the new filter changes which rows a group holds. */
	setFilter(filter: ExecutionsFilter): void {
		const next = normalizeFilter(filter);
		const previous = this._filter;
		this._filter = next;
		if (changesRows(previous, next)) {
			this.createPagers();
		}
		this.logger.info(`Executions filter: ${JSON.stringify(next)}`);
		this._onDidChangeFilter.fire(next);
		this._onDidChangeGroup.fire(undefined);
	}

	visibleStatuses(): readonly ExecutionStatus[] {
		return visibleStatuses(this._filter);
	}

	group(status: ExecutionStatus): GroupSnapshot {
		const pager = this.pager(status);
		return {
			status,
			items: pager.items,
			hasMore: !pager.done,
			loading: pager.loading,
			error: pager.error,
			gap: pager.gap,
			scanned: pager.scanned,
			matched: pager.matched,
			loadedOnce: pager.loadedOnce,
			clientFiltered: this._filter.scope !== undefined,
			filtered: this._filter.definitionId !== undefined || this._filter.scope !== undefined,
		};
	}

	/** First expand: loads page 1 once. A group whose first page failed waits for an explicit retry. */
	ensureLoaded(status: ExecutionStatus): Promise<void> {
		const pager = this.pager(status);
		return pager.loadedOnce || pager.error !== undefined ? Promise.resolve() : pager.loadMore();
	}

	loadMore(status: ExecutionStatus): Promise<void> {
		return this.pager(status).loadMore();
	}

	retry(status: ExecutionStatus): Promise<void> {
		return this.pager(status).retry();
	}

	/**
	 * Merges fresh first pages into groups that were loaded (or failed loading). Never-expanded groups cost
	 * nothing. Single-flight per group, so a poller may call it freely.
	 */
	refresh(status?: ExecutionStatus): Promise<void> {
		const statuses = status === undefined ? this.visibleStatuses() : [status];
		const work = statuses
			.map((s) => this.pager(s))
			.filter((pager) => pager.loadedOnce || pager.error !== undefined)
			.map((pager) => pager.refreshFirstPage());
		return Promise.all(work).then(() => undefined);
	}

	/** Forgets a group's rows and loads page 1 again (closes a gap). */
	reloadFromTop(status: ExecutionStatus): Promise<void> {
		const pager = this.pager(status);
		pager.reset();
		return pager.loadMore();
	}

	/** Sign-in, sign-out, base-URL change: abort everything and start over. */
	reset(): void {
		this.createPagers();
		this._onDidChangeGroup.fire(undefined);
	}

	findExecution(executionId: string): ExecutionView | undefined {
		return this.groups.value?.find(executionId);
	}

	/** A fresher copy fetched elsewhere (panel, poll): move or update it in the tree. */
	upsertExecution(execution: ExecutionView): void {
		this.groups.value?.upsert(execution);
	}

	private pager(status: ExecutionStatus): CursorPager<ExecutionView> {
		const groups = this.groups.value;
		if (groups === undefined) {
			throw new Error('The executions model is disposed.');
		}
		return groups.pager(status);
	}

	private createPagers(): void {
		const generation = ++this.generation;
		const filter = this._filter;
		const groups = new ExecutionGroups(filter, (status, cursor, signal) => this.fetchPage(filter, status, cursor, signal));
		const current = (): boolean => generation === this.generation;
		groups.onDidChange((status) => {
			if (current()) {
				this._onDidChangeGroup.fire(status);
			}
		});
		groups.onDidFail((failure) => {
			if (current()) {
				this.failed(failure);
			}
		});
		this.groups.value = groups;
	}

	private fetchPage(filter: ExecutionsFilter, status: ExecutionStatus, cursor: string | undefined, signal: AbortSignal): Promise<Page<ExecutionView>> {
		const api = this.options.getApi();
		if (api === undefined) {
			return Promise.reject(new ApiError('auth', 'Sign in to load executions.'));
		}
		const params: ListExecutionsParams = {
			status,
			pageSize: clampPageSize(this.options.getPageSize()),
			...(filter.definitionId === undefined ? {} : { definitionId: filter.definitionId }),
			...(cursor === undefined ? {} : { cursor }),
		};
		return api.listExecutions(params, signal);
	}

	private failed(failure: GroupFailure): void {
		const { status, error } = failure;
		this.logger.warn(`Loading ${status} executions failed (${error.kind}): ${error.message}`);
		this._onDidFail.fire(failure);
	}
}
