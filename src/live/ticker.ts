/**
 * A local repeating timer for text that changes with time but needs no request ("Updated 12 s ago"). It
 * runs only while something shows it.
 */
import type { IDisposable } from '../common/lifecycle';
import type { Clock, TimerHandle } from './clock';

export const UPDATED_TICK_MS = 5000;

export class Ticker implements IDisposable {
	private timer: TimerHandle | undefined;

	constructor(
		private readonly clock: Clock,
		private readonly periodMs: number,
		private readonly onTick: () => void,
	) {}

	get isRunning(): boolean {
		return this.timer !== undefined;
	}

	/** Starts or stops; starting an already running ticker keeps its rhythm. */
	setRunning(running: boolean): void {
		if (running && this.timer === undefined) {
			this.schedule();
		} else if (!running) {
			this.stop();
		}
	}

	dispose(): void {
		this.stop();
	}

	private schedule(): void {
		this.timer = this.clock.setTimeout(() => {
			this.schedule();
			this.onTick();
		}, this.periodMs);
	}

	private stop(): void {
		if (this.timer !== undefined) {
			this.clock.clearTimeout(this.timer);
			this.timer = undefined;
		}
	}
}

export type Ago = { readonly unit: 'now' } | { readonly unit: 'seconds' | 'minutes' | 'hours'; readonly count: number };

/** How long ago, in the coarsest unit that still reads precise ("12 s", "3 min", "2 h"). */
export function agoParts(then: number, now: number): Ago {
	const seconds = Math.floor(Math.max(0, now - then) / 1000);
	if (seconds < 5) {
		return { unit: 'now' };
	}
	if (seconds < 60) {
		return { unit: 'seconds', count: seconds };
	}
	const minutes = Math.floor(seconds / 60);
	return minutes < 60 ? { unit: 'minutes', count: minutes } : { unit: 'hours', count: Math.floor(minutes / 60) };
}
