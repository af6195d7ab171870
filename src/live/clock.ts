/**
 * The time source of live updates. Polling, backoff and ticking durations read time and set timers only
 * through this port, so unit tests and the request-budget benchmark drive them with a fake clock instead of
 * waiting for real seconds.
 */

export type TimerHandle = ReturnType<typeof setTimeout> | number;

export interface Clock {
	now(): number;
	setTimeout(callback: () => void, ms: number): TimerHandle;
	clearTimeout(handle: TimerHandle): void;
}

export const systemClock: Clock = {
	now: () => Date.now(),
	setTimeout: (callback, ms) => setTimeout(callback, ms),
	clearTimeout: (handle) => clearTimeout(handle),
};
