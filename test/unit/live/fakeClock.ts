/**
 * A manual clock for live-update tests and the polling benchmark: time moves only on `advance`, which fires
 * due timers in order and lets promise chains settle between them.
 */
import type { Clock, TimerHandle } from '../../../src/live/clock';

interface Timer {
	readonly at: number;
	readonly seq: number;
	readonly callback: () => void;
}

export class FakeClock implements Clock {
	private time: number;
	private seq = 0;
	private readonly timers = new Map<number, Timer>();

	constructor(start = 1_700_000_000_000) {
		this.time = start;
	}

	now(): number {
		return this.time;
	}

	setTimeout(callback: () => void, ms: number): TimerHandle {
		const id = ++this.seq;
		this.timers.set(id, { at: this.time + Math.max(0, ms), seq: id, callback });
		return id;
	}

	clearTimeout(handle: TimerHandle): void {
		if (typeof handle === 'number') {
			this.timers.delete(handle);
		}
	}

	get pendingTimers(): number {
		return this.timers.size;
	}

	/** Moves time forward by `ms`, firing every timer that falls due on the way. */
	async advance(ms: number): Promise<void> {
		const end = this.time + ms;
		await settle();
		for (let next = this.nextDue(end); next; next = this.nextDue(end)) {
			const [id, timer] = next;
			this.timers.delete(id);
			this.time = timer.at;
			timer.callback();
			await settle();
		}
		this.time = end;
		await settle();
	}

	private nextDue(end: number): [number, Timer] | undefined {
		let best: [number, Timer] | undefined;
		for (const entry of this.timers) {
			const timer = entry[1];
			if (timer.at <= end && (!best || timer.at < best[1].at || (timer.at === best[1].at && timer.seq < best[1].seq))) {
				best = entry;
			}
		}
		return best;
	}
}

/** Lets pending promise callbacks (several hops deep) run. */
export async function settle(): Promise<void> {
	for (let i = 0; i < 5; i++) {
		await new Promise<void>((resolve) => setImmediate(resolve));
	}
}

/** A promise with its resolve/reject exposed, for tasks the test finishes by hand. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
	let resolve!: (value: T) => void;
	let reject!: (error: unknown) => void;
	const promise = new Promise<T>((res, rej) => {
		resolve = res;
		reject = rej;
	});
	return { promise, resolve, reject };
}
