/**
 * Reads an execution's event stream (`executions/getEvents`) in bounded batches: `sinceSeq` paging until
 * `hasMore` is false, at most `maxPages` pages per batch so a huge history never blocks the panel, and a stop
 * when a page makes no progress (a server that keeps saying `hasMore` must not loop us forever).
 * `seq` gaps are normal (internal events consume numbers) and are kept as they are.
 */
import type { ApprovalEventView } from '../api/types';
import type { VeltApi } from '../api/veltApi';

export const EVENTS_PAGE_SIZE = 100;
export const MAX_EVENT_PAGES_PER_BATCH = 10;

export interface EventBatch {
	/** Ascending by `seq`, no duplicates. */
	readonly events: readonly ApprovalEventView[];
	/** Pass back as `sinceSeq` for the next batch. */
	readonly nextSinceSeq: number;
	/** The server said there is nothing more (or stopped making progress, see `stalled`). */
	readonly complete: boolean;
	/** `hasMore` was true but the page brought nothing new: treated as complete, worth a log line. */
	readonly stalled: boolean;
}

export async function loadEventBatch(
	api: Pick<VeltApi, 'getExecutionEvents'>,
	executionId: string,
	sinceSeq: number,
	signal?: AbortSignal,
	maxPages = MAX_EVENT_PAGES_PER_BATCH,
): Promise<EventBatch> {
	let events: readonly ApprovalEventView[] = [];
	let cursor = sinceSeq;
	for (let page = 0; page < maxPages; page++) {
		const result = await api.getExecutionEvents({ executionId, sinceSeq: cursor, pageSize: EVENTS_PAGE_SIZE }, signal);
		const seqs = [result.nextSinceSeq, ...result.events.map((e) => e.seq)].filter(Number.isFinite);
		const next = Math.max(cursor, ...seqs);
		events = mergeEvents(events, result.events);
		if (!result.hasMore) {
			return { events, nextSinceSeq: next, complete: true, stalled: false };
		}
		if (next <= cursor) {
			return { events, nextSinceSeq: next, complete: true, stalled: true };
		}
		cursor = next;
	}
	return { events, nextSinceSeq: cursor, complete: false, stalled: false };
}

/** Union by `seq` (the later copy wins), ascending. */
export function mergeEvents(
	existing: readonly ApprovalEventView[],
	incoming: readonly ApprovalEventView[],
): ApprovalEventView[] {
	if (incoming.length === 0) {
		return [...existing];
	}
	const bySeq = new Map<number, ApprovalEventView>();
	for (const event of existing) {
		bySeq.set(event.seq, event);
	}
	for (const event of incoming) {
		bySeq.set(event.seq, event);
	}
	return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/**
 * The loaded prefix of one execution's event stream. Batches are merged in, never replaced, so a late batch
 * cannot move `nextSinceSeq` backwards.
 */
export class EventLog {
	private _events: readonly ApprovalEventView[] = [];
	private _nextSinceSeq = 0;
	private _complete = false;

	get events(): readonly ApprovalEventView[] {
		return this._events;
	}

	get nextSinceSeq(): number {
		return this._nextSinceSeq;
	}

	get complete(): boolean {
		return this._complete;
	}

	/** A reload fetches events only when nothing is loaded yet or the loaded prefix reached the end. */
	get wantsNewer(): boolean {
		return this._complete || this._events.length === 0;
	}

	apply(batch: EventBatch): void {
		this._events = mergeEvents(this._events, batch.events);
		this._nextSinceSeq = Math.max(this._nextSinceSeq, batch.nextSinceSeq);
		this._complete = batch.complete;
	}
}
