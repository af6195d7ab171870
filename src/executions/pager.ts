/**
 * `CursorPager`: one status group's paging over time. The rows and every page rule live in `PageStore`;
 * this class decides when requests run.
 *
 * Invariants: one request at a time (concurrent `loadMore` calls share one promise, concurrent refreshes
 * share one, and a refresh asked for during a load runs after it); a failed request keeps the rows and the
 * cursor, so `retry` continues where paging stopped; `reset` aborts the request in flight and no answer of
 * an earlier epoch is ever applied, even from an API that ignores the abort signal. Promises never reject:
 * failures land in `error` and `onDidFail`; cancellation is not a failure.
 */
import type { ApiError } from '../api/errors';
import { isCancellation } from '../api/errors';
import type { Page } from '../api/types';
import { Emitter } from '../common/event';
import type { Event } from '../common/event';
import type { IDisposable } from '../common/lifecycle';
import { toApiError } from './pageChecks';
import { PageStore } from './pageStore';
import type { PageStoreOptions } from './pageStore';

export type FetchPage<T> = (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>;

export interface CursorPagerOptions<T> extends PageStoreOptions<T> {
	/** `cursor` is undefined for page 1 (the request then carries no cursor at all). */
	readonly fetchPage: FetchPage<T>;
	/** With a predicate, `loadMore` scans up to this many pages looking for a new match. Default 10. */
	readonly maxScanPages?: number;
}

/** What one finished request changed, for bookkeeping across groups. */
export interface PagerChange<T> {
	/** Every item the request brought, matching the predicate or not. */
	readonly fetched: readonly T[];
	/** Keys of rows a refresh found gone from the group. */
	readonly removed: readonly string[];
}

type Operation = 'loadMore' | 'refresh';
interface Work<T> {
	readonly fetched: T[];
	readonly removed: string[];
}

const NO_CHANGE: PagerChange<never> = { fetched: [], removed: [] };

export class CursorPager<T> implements IDisposable {
	private readonly store: PageStore<T>;
	private epoch = 0;
	private controller: AbortController | undefined;
	private current: { readonly op: Operation; readonly promise: Promise<void> } | undefined;
	private queuedRefresh: Promise<void> | undefined;
	private failedOp: Operation | undefined;
	private _error: ApiError | undefined;
	private readonly _onDidChange = new Emitter<PagerChange<T>>();
	/** Fires when loading starts, when a request settles (with its change) and on reset. */
	readonly onDidChange: Event<PagerChange<T>> = this._onDidChange.event;
	private readonly _onDidFail = new Emitter<ApiError>();
	readonly onDidFail: Event<ApiError> = this._onDidFail.event;

	constructor(private readonly options: CursorPagerOptions<T>) {
		this.store = new PageStore(options);
	}

	/** Live read-only rows (those matching the predicate, if any); copy to keep a snapshot. */
	get items(): readonly T[] {
		return this.store.items;
	}
	get cursor(): string | undefined {
		return this.store.cursor;
	}
	get done(): boolean {
		return this.store.done;
	}
	get loading(): boolean {
		return this.current !== undefined;
	}
	get error(): ApiError | undefined {
		return this._error;
	}
	/** The last refresh's first page did not overlap the loaded rows: newer rows exist that are not loaded. */
	get gap(): boolean {
		return this.store.gap;
	}
	/** Distinct items fetched, matching or not. */
	get scanned(): number {
		return this.store.scanned;
	}
	get matched(): number {
		return this.store.rowMap.size;
	}
	get loadedOnce(): boolean {
		return this.store.loadedOnce;
	}

	has(key: string): boolean {
		return this.store.rowMap.has(key);
	}
	get(key: string): T | undefined {
		return this.store.rowMap.get(key);
	}

	/** Next page; with a predicate, pages until a new match or the scan bound. No-op at the end. */
	loadMore(): Promise<void> {
		if (this.current?.op === 'loadMore') {
			return this.current.promise;
		}
		if (this.current) {
			return this.after(this.current.promise, () => this.loadMore());
		}
		if (this.store.done) {
			return Promise.resolve();
		}
		return this.start('loadMore', (signal, epoch, work) => this.scan(signal, epoch, work));
	}

	/** Re-reads page 1 and merges it; before the first load it is the first load. */
	refreshFirstPage(): Promise<void> {
		if (this.current?.op === 'refresh') {
			return this.current.promise;
		}
		if (!this.store.loadedOnce) {
			return this.loadMore();
		}
		if (this.current) {
			this.queuedRefresh ??= this.after(this.current.promise, () => {
				this.queuedRefresh = undefined;
				return this.refreshFirstPage();
			});
			return this.queuedRefresh;
		}
		return this.start('refresh', async (signal, epoch, work) => {
			const page = await this.options.fetchPage(undefined, signal);
			if (epoch === this.epoch) {
				this.store.applyFirstPage(page, work.fetched, work.removed);
			}
		});
	}

	/** Repeats what failed: a refresh, or paging from the kept cursor. */
	retry(): Promise<void> {
		return this.failedOp === 'refresh' ? this.refreshFirstPage() : this.loadMore();
	}

	/** Aborts the request in flight and forgets everything; the next `loadMore` fetches page 1. */
	reset(): void {
		this.abort();
		this.store.clear();
		this._error = undefined;
		this.failedOp = undefined;
		this._onDidChange.fire(NO_CHANGE);
	}

	/** Drops rows that now belong elsewhere. No event: the caller reports the change. */
	remove(keys: Iterable<string>): string[] {
		return this.store.remove(keys);
	}

	/** See `PageStore.place`. No event. */
	place(item: T): boolean {
		return this.store.place(item);
	}

	dispose(): void {
		this.abort();
		this._onDidChange.dispose();
		this._onDidFail.dispose();
	}

	private abort(): void {
		this.epoch++;
		this.controller?.abort();
		this.controller = undefined;
		this.current = undefined;
		this.queuedRefresh = undefined;
	}

	private after(promise: Promise<void>, next: () => Promise<void>): Promise<void> {
		const epoch = this.epoch;
		return promise.then(() => (this.epoch === epoch ? next() : undefined));
	}

	private start(op: Operation, run: (signal: AbortSignal, epoch: number, work: Work<T>) => Promise<void>): Promise<void> {
		const epoch = this.epoch;
		const controller = new AbortController();
		const work: Work<T> = { fetched: [], removed: [] };
		this.controller = controller;
		this._error = undefined;
		this.failedOp = undefined;
		const promise = run(controller.signal, epoch, work).then(
			() => this.settle(epoch, work),
			(error: unknown) => this.settle(epoch, work, op, error),
		);
		this.current = { op, promise };
		this._onDidChange.fire(NO_CHANGE);
		return promise;
	}

	private settle(epoch: number, work: Work<T>, op?: Operation, error?: unknown): void {
		if (epoch !== this.epoch) {
			return;
		}
		this.current = undefined;
		this.controller = undefined;
		const failure = op !== undefined && !isCancellation(error) ? toApiError(error) : undefined;
		this._error = failure;
		this.failedOp = failure === undefined ? undefined : op;
		this._onDidChange.fire(work);
		if (failure !== undefined) {
			this._onDidFail.fire(failure);
		}
	}

	private async scan(signal: AbortSignal, epoch: number, work: Work<T>): Promise<void> {
		const bound = Math.max(1, this.options.maxScanPages ?? 10);
		for (let pages = 1; ; pages++) {
			const cursor = this.store.cursor;
			const page = await this.options.fetchPage(cursor, signal);
			if (epoch !== this.epoch) {
				return;
			}
			const added = this.store.append(cursor, page, work.fetched);
			if (this.options.matches === undefined || added > 0 || this.store.done || pages >= bound) {
				return;
			}
		}
	}
}
