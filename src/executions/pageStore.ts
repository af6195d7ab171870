/**
 * The synchronous half of a pager: what one page does to a group's rows, cursor and counters. No I/O and no
 * timing, so every rule (dedupe, loop checks, predicate bookkeeping, merging a refreshed first page, placing
 * a fresher copy) is decided here and tested directly; `CursorPager` only decides *when* pages are applied.
 */
import type { Page } from '../api/types';
import { KeyedList } from './keyedList';
import { isLastPage, loopError, repeatsCursor } from './pageChecks';
import { mergeFirstPage } from './pageMerge';

export interface PageStoreOptions<T> {
	readonly keyOf: (item: T) => string;
	/** Client-side filter; rows it rejects are remembered (for dedupe) but not shown. */
	readonly matches?: (item: T) => boolean;
	/** List order, for `place`. */
	readonly compare?: (a: T, b: T) => number;
}

export class PageStore<T> {
	private readonly rows: KeyedList<T>;
	private readonly rejected = new Set<string>();
	private readonly followed = new Set<string>();
	/** Where the first page ends (the cursor that asks for page 2), to tell a true page 1 from a deeper one. */
	private pageOneCursor: string | undefined;
	private _cursor: string | undefined;
	private _done = false;
	private _gap = false;
	private _scanned = 0;
	private _loadedOnce = false;

	constructor(private readonly options: PageStoreOptions<T>) {
		this.rows = new KeyedList(options.keyOf);
	}

	get items(): readonly T[] {
		return this.rows.items;
	}
	get cursor(): string | undefined {
		return this._cursor;
	}
	get done(): boolean {
		return this._done;
	}
	get gap(): boolean {
		return this._gap;
	}
	get scanned(): number {
		return this._scanned;
	}
	get loadedOnce(): boolean {
		return this._loadedOnce;
	}
	get isEmpty(): boolean {
		return this.rows.size === 0 && this.rejected.size === 0;
	}
	get rowMap(): Pick<KeyedList<T>, 'has' | 'get' | 'size'> {
		return this.rows;
	}

	/**
	 * Applies the page that answered `requestCursor`, in one pass (O(page), two index operations per new
	 * row). A page that would loop throws and moves nothing: a repeated cursor is caught before anything
	 * is applied; a page with nothing new can only have refreshed copies of rows already shown. Pushes every
	 * item onto `fetched`; returns how many new visible rows it added.
	 */
	append(requestCursor: string | undefined, page: Page<T>, fetched: T[]): number {
		const last = isLastPage(page);
		if (!last && repeatsCursor(requestCursor, page, this.followed)) {
			throw loopError(!page.items.some((item) => !this.seen(this.options.keyOf(item))));
		}
		const scannedBefore = this._scanned;
		let added = 0;
		for (const item of page.items) {
			fetched.push(item);
			added += this.take(item) ? 1 : 0;
		}
		if (!last && this._scanned === scannedBefore) {
			throw loopError(true);
		}
		if (requestCursor !== undefined) {
			this.followed.add(requestCursor);
		} else {
			this.pageOneCursor = page.nextCursor;
		}
		this._cursor = last ? undefined : page.nextCursor;
		this._done = last;
		this._loadedOnce = true;
		return added;
	}

	/** A refreshed first page. Into an empty group it is a first load; otherwise see `pageMerge.ts`. */
	applyFirstPage(page: Page<T>, fetched: T[], removed: string[]): void {
		if (this.isEmpty) {
			this.followed.clear();
			this.append(undefined, page, fetched);
			return;
		}
		fetched.push(...page.items);
		if (this.endsDeeperThanPageOne(page)) {
			// A "first page" that ends where a later page ends (e.g. a cache ignoring the request body): merging
			// it would drop page 1's rows as "left the group" for good. Keep them and offer Reload from top.
			this._gap = true;
			return;
		}
		const rows = this.rows;
		const result = mergeFirstPage({
			current: rows.items,
			positionOf: (key) => rows.positionOf(key),
			wasRejected: (key) => this.rejected.has(key),
			page,
			keyOf: this.options.keyOf,
			matches: this.options.matches,
		});
		this._gap = result.kind === 'gap';
		if (result.kind === 'gap') {
			return;
		}
		if (result.kind === 'replace') {
			this.rejected.clear();
			this._scanned = result.items.length + result.rejected.length;
			this._cursor = undefined;
			this._done = true;
		} else {
			this._scanned += result.added + result.rejected.length;
		}
		rows.replaceAll(result.items);
		this.pageOneCursor = page.nextCursor;
		result.rejected.forEach((key) => this.rejected.add(key));
		removed.push(...result.removed);
	}

	/**
	 * Puts a fresher copy fetched elsewhere where it belongs: in place when shown, in list order when it falls
	 * inside the loaded range, otherwise nowhere (paging will bring it). Returns whether the rows changed.
	 */
	place(item: T): boolean {
		const key = this.options.keyOf(item);
		if (this.rows.has(key)) {
			this.rows.upsert(item);
			return true;
		}
		const compare = this.options.compare;
		if (!this._loadedOnce || compare === undefined || this.rejected.has(key) || !this.keeps(item)) {
			return false;
		}
		const rows = this.rows.items;
		let position = rows.findIndex((row) => compare(item, row) < 0);
		if (position === -1) {
			if (!this._done) {
				return false;
			}
			position = rows.length;
		}
		this.rows.insertAt(item, position);
		return true;
	}

	remove(keys: Iterable<string>): string[] {
		return this.rows.removeMany(keys);
	}

	private endsDeeperThanPageOne(page: Page<T>): boolean {
		const next = page.nextCursor;
		if (isLastPage(page) || next === undefined || next === this.pageOneCursor) {
			return false;
		}
		return next === this._cursor || this.followed.has(next);
	}

	clear(): void {
		this.rows.clear();
		this.rejected.clear();
		this.followed.clear();
		this.pageOneCursor = undefined;
		this._cursor = undefined;
		this._done = false;
		this._gap = false;
		this._scanned = 0;
		this._loadedOnce = false;
	}

	/**
	 * Stores one fetched item; true when it is a new visible row. A repeat updates the shown copy. Every
	 * never-seen item counts as scanned, shown or not.
	 */
	private take(item: T): boolean {
		const key = this.options.keyOf(item);
		const matches = this.options.matches;
		if (matches === undefined) {
			const added = this.rows.upsert(item, key);
			this._scanned += added ? 1 : 0;
			return added;
		}
		if (this.rejected.has(key)) {
			return false;
		}
		if (!this.rows.has(key)) {
			this._scanned++;
			if (!matches(item)) {
				this.rejected.add(key);
				return false;
			}
		}
		return this.rows.upsert(item, key);
	}

	private seen(key: string): boolean {
		return this.rows.has(key) || this.rejected.has(key);
	}

	private keeps(item: T): boolean {
		return this.options.matches === undefined || this.options.matches(item);
	}
}
