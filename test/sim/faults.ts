/**
 * Fault injection: a queue of `Fault`s consumed by matching requests, plus the per-query page memory the
 * pagination faults (`repeatPage`, `duplicateAcrossBoundary`) need.
 */
import type { Fault } from './api';

interface Active {
	readonly fault: Fault;
	remaining: number;
}

type Data = Record<string, unknown> | undefined;

function sameJson(a: unknown, b: unknown): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}

export function faultMatches(fault: Fault, path: string, data: Data): boolean {
	if (fault.path !== undefined && !path.endsWith(fault.path)) {
		return false;
	}
	return Object.entries(fault.match ?? {}).every(([key, value]) => sameJson(data?.[key], value));
}

export class FaultQueue {
	private active: Active[] = [];

	add(fault: Fault): void {
		this.active.push({ fault, remaining: fault.times ?? 1 });
	}

	clear(): void {
		this.active = [];
	}

	/** Consumes every matching `latency` fault and returns the total delay. */
	takeLatency(path: string, data: Data): number {
		let ms = 0;
		for (const a of this.matching(path, data, true)) {
			ms += a.fault.kind === 'latency' ? a.fault.ms : 0;
			this.consume(a);
		}
		return ms;
	}

	/** Consumes and returns the first matching non-latency fault. */
	take(path: string, data: Data): Fault | undefined {
		const first = this.matching(path, data, false)[0];
		if (first === undefined) {
			return undefined;
		}
		this.consume(first);
		return first.fault;
	}

	private matching(path: string, data: Data, latency: boolean): Active[] {
		return this.active.filter((a) => (a.fault.kind === 'latency') === latency && faultMatches(a.fault, path, data));
	}

	private consume(a: Active): void {
		a.remaining -= 1;
		if (a.remaining <= 0) {
			this.active = this.active.filter((x) => x !== a);
		}
	}
}

/** Query identity for page memory: the path plus the request data minus its cursor. */
export function queryKey(path: string, data: Data): string {
	const rest = Object.entries(data ?? {})
		.filter(([key]) => key !== 'cursor' && key !== 'sinceSeq')
		.sort(([a], [b]) => (a < b ? -1 : 1));
	return `${path}?${JSON.stringify(rest)}`;
}

/** Remembers the last result sent per query (bounded). */
export class PageMemory {
	private readonly last = new Map<string, Record<string, unknown>>();

	remember(key: string, result: Record<string, unknown>): void {
		this.last.delete(key);
		this.last.set(key, result);
		if (this.last.size > 500) {
			const oldest = this.last.keys().next().value;
			if (oldest !== undefined) {
				this.last.delete(oldest);
			}
		}
	}

	previous(key: string): Record<string, unknown> | undefined {
		return this.last.get(key);
	}

	clear(): void {
		this.last.clear();
	}
}

/** Applies a pagination fault to a freshly computed list/events result (other kinds leave it as is). */
export function applyPageFault(fault: Fault, result: Record<string, unknown>, previous: Record<string, unknown> | undefined, data: Data): Record<string, unknown> {
	const listKey = Array.isArray(result.events) ? 'events' : 'items';
	switch (fault.kind) {
		case 'repeatCursor': {
			const cursor = data?.cursor ?? data?.sinceSeq;
			return cursor === undefined ? result : { ...result, nextCursor: cursor };
		}
		case 'repeatPage':
			return previous ?? result;
		case 'duplicateAcrossBoundary': {
			const prevItems = previous?.[listKey];
			const dup = Array.isArray(prevItems) ? prevItems.slice(Math.max(0, prevItems.length - fault.count)) : [];
			const items = result[listKey];
			return { ...result, [listKey]: [...dup, ...(Array.isArray(items) ? items : [])] };
		}
		default:
			return result;
	}
}
