/**
 * An ordered list with a key → position index. Appending a page, looking up and replacing an item are O(1)
 * per item, so loading page 100 costs what loading page 1 costs. Only rare structural edits (removing rows
 * that moved to another group, merging a refreshed first page) rebuild the index, once per edit.
 */
export class KeyedList<T> {
	private list: T[] = [];
	private readonly index = new Map<string, number>();

	constructor(private readonly keyOf: (item: T) => string) {}

	/** A read-only view of the live list; it grows in place on `append`, so copy it to keep a snapshot. */
	get items(): readonly T[] {
		return this.list;
	}

	get size(): number {
		return this.list.length;
	}

	has(key: string): boolean {
		return this.index.has(key);
	}

	get(key: string): T | undefined {
		const position = this.index.get(key);
		return position === undefined ? undefined : this.list[position];
	}

	positionOf(key: string): number | undefined {
		return this.index.get(key);
	}

	/** Appends a new item (returns true), or replaces the stored copy in place (returns false). */
	upsert(item: T, key: string = this.keyOf(item)): boolean {
		const position = this.index.get(key);
		if (position === undefined) {
			this.index.set(key, this.list.length);
			this.list.push(item);
			return true;
		}
		this.list[position] = item;
		return false;
	}

	/** Inserts at a position (clamped), shifting later rows. O(n): for single upserts, not pages. */
	insertAt(item: T, position: number): void {
		const at = Math.max(0, Math.min(position, this.list.length));
		this.list.splice(at, 0, item);
		this.reindexFrom(at);
	}

	/** Removes the given keys in one pass; returns the keys that were present. */
	removeMany(keys: Iterable<string>): string[] {
		const doomed = new Set<string>();
		for (const key of keys) {
			if (this.index.has(key)) {
				doomed.add(key);
			}
		}
		if (doomed.size > 0) {
			this.replaceAll(this.list.filter((item) => !doomed.has(this.keyOf(item))));
		}
		return [...doomed];
	}

	/** Replaces the whole content (one index rebuild); later duplicates of a key update the first. */
	replaceAll(items: readonly T[]): void {
		this.list = [];
		this.index.clear();
		for (const item of items) {
			this.upsert(item);
		}
	}

	clear(): void {
		this.list = [];
		this.index.clear();
	}

	private reindexFrom(start: number): void {
		for (let i = start; i < this.list.length; i++) {
			this.index.set(this.keyOf(this.list[i]), i);
		}
	}
}
