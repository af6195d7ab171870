import * as assert from 'node:assert/strict';
import { ApiError } from '../../../src/api/errors';
import { classifyPollError } from '../../../src/live/pollFailure';
import { PollScheduler } from '../../../src/live/scheduler';
import type { PollSchedulerOptions } from '../../../src/live/scheduler';
import { deferred, FakeClock } from './fakeClock';

const SECOND = 1000;

function setup(options: Partial<PollSchedulerOptions> = {}): { clock: FakeClock; scheduler: PollScheduler; calls: string[] } {
	const clock = new FakeClock();
	const scheduler = new PollScheduler({ clock, intervalMs: 15 * SECOND, classify: classifyPollError, ...options });
	const calls: string[] = [];
	return { clock, scheduler, calls };
}

function counting(calls: string[], key: string): () => Promise<void> {
	return async () => {
		calls.push(key);
	};
}

describe('PollScheduler', () => {
	it('starts paused: no task runs before resume', async () => {
		const { clock, scheduler, calls } = setup();
		scheduler.set('a', counting(calls, 'a'));
		await clock.advance(60 * SECOND);
		assert.deepEqual(calls, []);
		assert.equal(clock.pendingTimers, 0);
		scheduler.dispose();
	});

	it('runs every task once per interval while resumed', async () => {
		const { clock, scheduler, calls } = setup();
		scheduler.set('a', counting(calls, 'a'));
		scheduler.set('b', counting(calls, 'b'));
		scheduler.resume();
		await clock.advance(14 * SECOND);
		assert.deepEqual(calls, []);
		await clock.advance(1 * SECOND);
		assert.deepEqual(calls, ['a', 'b']);
		await clock.advance(45 * SECOND);
		assert.equal(calls.filter((c) => c === 'a').length, 4);
		assert.equal(calls.filter((c) => c === 'b').length, 4);
		scheduler.dispose();
	});

	it('makes no call while paused and catches up with exactly one round on resume', async () => {
		const { clock, scheduler, calls } = setup();
		scheduler.set('a', counting(calls, 'a'));
		scheduler.resume();
		await clock.advance(15 * SECOND);
		assert.equal(calls.length, 1);
		scheduler.pause();
		await clock.advance(10 * 60 * SECOND);
		assert.equal(calls.length, 1, 'no call while paused');
		scheduler.resume();
		await clock.advance(0);
		assert.equal(calls.length, 2, 'one catch-up round, not one per missed tick');
		await clock.advance(14 * SECOND);
		assert.equal(calls.length, 2, 'the interval restarts from the catch-up round');
		await clock.advance(1 * SECOND);
		assert.equal(calls.length, 3);
		scheduler.dispose();
	});

	it('does not catch up when resumed within the interval, and keeps the rhythm', async () => {
		const { clock, scheduler, calls } = setup();
		scheduler.set('a', counting(calls, 'a'));
		scheduler.resume();
		await clock.advance(5 * SECOND);
		scheduler.pause();
		await clock.advance(5 * SECOND);
		scheduler.resume();
		await clock.advance(0);
		assert.equal(calls.length, 0);
		await clock.advance(5 * SECOND);
		assert.equal(calls.length, 1, 'the round falls 15 s after the previous one');
		scheduler.dispose();
	});

	it('never starts a second run of a key while one is in flight', async () => {
		const { clock, scheduler } = setup();
		const gate = deferred();
		let started = 0;
		scheduler.set('slow', async () => {
			started++;
			await gate.promise;
		});
		scheduler.resume();
		await clock.advance(15 * SECOND);
		assert.equal(scheduler.state('slow')?.inFlight, true);
		await clock.advance(60 * SECOND);
		assert.equal(started, 1, 'rounds skip the in-flight task');
		gate.resolve();
		await clock.advance(15 * SECOND);
		assert.equal(started, 2);
		scheduler.dispose();
	});

	it('backs off exponentially per task on errors, capped, and resets on success', async () => {
		const { clock, scheduler } = setup({ maxBackoffMs: 2 * 60 * SECOND });
		const times: number[] = [];
		let fail = true;
		const start = clock.now();
		scheduler.set('flaky', async () => {
			times.push((clock.now() - start) / SECOND);
			if (fail) {
				throw new ApiError('server', 'HTTP 503', { httpStatus: 503 });
			}
		});
		scheduler.set('healthy', async () => undefined);
		scheduler.resume();
		await clock.advance(400 * SECOND);
		// failures wait 30, 60, then the 120 s cap
		assert.deepEqual(times, [15, 45, 105, 225, 345]);
		assert.equal(scheduler.state('healthy')?.failures, 0);
		fail = false;
		await clock.advance(120 * SECOND);
		assert.equal(scheduler.state('flaky')?.failures, 0);
		const after = times.length;
		await clock.advance(15 * SECOND);
		assert.equal(times.length, after + 1, 'back to one run per interval after a success');
		scheduler.dispose();
	});

	it('waits at least as long as Retry-After on 429', async () => {
		const { clock, scheduler } = setup();
		const times: number[] = [];
		let calls = 0;
		const start = clock.now();
		scheduler.set('limited', async () => {
			times.push((clock.now() - start) / SECOND);
			calls++;
			if (calls === 1) {
				throw new ApiError('rateLimited', 'HTTP 429', { httpStatus: 429, retryAfterMs: 100 * SECOND });
			}
		});
		scheduler.resume();
		await clock.advance(125 * SECOND);
		assert.deepEqual(times, [15, 120], 'next run is the first round at or after 15 + 100 s');
		scheduler.dispose();
	});

	it('ignores cancellation and halts to the longest backoff on rejected credentials', async () => {
		const { clock, scheduler } = setup({ maxBackoffMs: 60 * SECOND });
		scheduler.set('cancelled', async () => {
			throw new ApiError('cancelled', 'cancelled');
		});
		scheduler.set('auth', async () => {
			throw new ApiError('auth', 'rejected');
		});
		scheduler.resume();
		await clock.advance(15 * SECOND);
		assert.equal(scheduler.state('cancelled')?.failures, 0);
		assert.equal(scheduler.state('auth')?.notBefore, clock.now() + 60 * SECOND);
		scheduler.dispose();
	});

	it('interval 0 turns polling off; a new interval takes effect at once', async () => {
		const { clock, scheduler, calls } = setup();
		scheduler.set('a', counting(calls, 'a'));
		scheduler.resume();
		scheduler.setInterval(0);
		assert.equal(scheduler.isActive, false);
		await clock.advance(120 * SECOND);
		assert.equal(calls.length, 0);
		scheduler.setInterval(30 * SECOND);
		await clock.advance(0);
		assert.equal(calls.length, 1, 'overdue under the new interval: one round now');
		await clock.advance(30 * SECOND);
		assert.equal(calls.length, 2);
		scheduler.dispose();
	});

	it('delays the first run of a new task, syncs tasks before each round, and removes tasks', async () => {
		const { clock, scheduler, calls } = setup();
		let rounds = 0;
		const synced = new PollScheduler({
			clock,
			intervalMs: 10 * SECOND,
			beforeRound: () => {
				rounds++;
				if (rounds === 2) {
					synced.delete('a');
				}
			},
		});
		synced.set('a', counting(calls, 'a'));
		synced.set('late', counting(calls, 'late'), 15 * SECOND);
		synced.resume();
		await clock.advance(10 * SECOND);
		assert.deepEqual(calls, ['a']);
		await clock.advance(10 * SECOND);
		assert.deepEqual(calls, ['a', 'late']);
		scheduler.dispose();
		synced.dispose();
	});

	it('runNow runs due tasks immediately, and not while paused unless asked', async () => {
		const { scheduler, calls } = setup();
		scheduler.set('a', counting(calls, 'a'));
		assert.deepEqual(await scheduler.runNow(), []);
		assert.deepEqual(await scheduler.runNow(true), ['a']);
		assert.deepEqual(calls, ['a']);
		scheduler.dispose();
	});

	it('stops its timer and aborts in-flight work on dispose', async () => {
		const { clock, scheduler } = setup();
		let signal: AbortSignal | undefined;
		scheduler.set('a', (s) => {
			signal = s;
			return new Promise<void>(() => undefined);
		});
		scheduler.resume();
		await clock.advance(15 * SECOND);
		scheduler.dispose();
		assert.equal(signal?.aborted, true);
		assert.equal(clock.pendingTimers, 0);
	});
});
