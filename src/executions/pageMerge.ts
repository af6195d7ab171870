/**
 * Merging a freshly fetched first page into what a group already shows, without losing the user's place:
 * new rows go on top, known rows are updated where they are, later pages stay loaded, and the cursor keeps
 * pointing past the old end. Pure, so the rules below are tested without a pager around them.
 *
 * - The page is the whole list (`done`): it replaces the rows; rows not in it have left the group.
 * - The page overlaps what is loaded: rows above the lowest overlapping row that are not in the page have
 *   left the group (finished, moved) and are dropped; rows below are untouched (they were never re-read).
 * - No overlap: there is a gap between the page and the loaded rows that only a reload from the top can
 *   close, so nothing changes and the caller flags it.
 */
import type { Page } from '../api/types';

export interface MergeInput<T> {
	readonly current: readonly T[];
	readonly positionOf: (key: string) => number | undefined;
	/** Seen earlier but hidden by the client-side predicate. */
	readonly wasRejected: (key: string) => boolean;
	readonly page: Page<T>;
	readonly keyOf: (item: T) => string;
	readonly matches?: (item: T) => boolean;
}

export type MergeResult<T> =
	| { readonly kind: 'gap' }
	| {
			readonly kind: 'replace' | 'merge';
			readonly items: readonly T[];
			/** Keys of new page items the predicate hides. */
			readonly rejected: readonly string[];
			readonly removed: readonly string[];
			readonly added: number;
	  };

export function mergeFirstPage<T>(input: MergeInput<T>): MergeResult<T> {
	const pageItems = byKey(input.page.items, input.keyOf);
	if (input.page.done) {
		return replaceWith(input, pageItems);
	}
	let overlaps = false;
	let lowestOverlap = -1;
	for (const key of pageItems.keys()) {
		const position = input.positionOf(key);
		if (position !== undefined) {
			overlaps = true;
			lowestOverlap = Math.max(lowestOverlap, position);
		} else if (input.wasRejected(key)) {
			overlaps = true;
		}
	}
	if (!overlaps) {
		return { kind: 'gap' };
	}
	const fresh: T[] = [];
	const rejected: string[] = [];
	for (const [key, item] of pageItems) {
		if (input.positionOf(key) === undefined && !input.wasRejected(key)) {
			if (keeps(input, item)) {
				fresh.push(item);
			} else {
				rejected.push(key);
			}
		}
	}
	const items: T[] = fresh;
	const removed: string[] = [];
	input.current.forEach((old, position) => {
		const key = input.keyOf(old);
		const updated = pageItems.get(key);
		if (updated !== undefined) {
			items.push(updated);
		} else if (position < lowestOverlap) {
			removed.push(key);
		} else {
			items.push(old);
		}
	});
	return { kind: 'merge', items, rejected, removed, added: fresh.length };
}

function replaceWith<T>(input: MergeInput<T>, pageItems: ReadonlyMap<string, T>): MergeResult<T> {
	const items: T[] = [];
	const rejected: string[] = [];
	for (const [key, item] of pageItems) {
		if (keeps(input, item)) {
			items.push(item);
		} else {
			rejected.push(key);
		}
	}
	const kept = new Set(items.map(input.keyOf));
	const added = items.filter((item) => input.positionOf(input.keyOf(item)) === undefined).length;
	const removed = input.current.map(input.keyOf).filter((key) => !kept.has(key));
	return { kind: 'replace', items, rejected, removed, added };
}

function keeps<T>(input: MergeInput<T>, item: T): boolean {
	return input.matches === undefined || input.matches(item);
}

/** First position wins, latest copy wins: a page that repeats a row yields it once, as sent last. */
function byKey<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T> {
	const map = new Map<string, T>();
	for (const item of items) {
		map.set(keyOf(item), item);
	}
	return map;
}
