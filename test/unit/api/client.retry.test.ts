import * as assert from 'node:assert/strict';
import type { Simulator } from '../../sim/api';
import { apiError, useSimulator } from './harness';

/** Waits (without asserting on time) until the simulator has received `count` requests. */
async function requestsArrived(sim: Simulator, count: number): Promise<void> {
	while (sim.requests.length < count) {
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}

describe('VeltClient retries, timeouts and cancellation', () => {
	const h = useSimulator();
	const noJitter = { retry: { random: () => 0 } };

	it('retries a read through transient 503s and succeeds', async () => {
		h.sim.inject({ kind: 'http', status: 503, times: 2 });
		const page = await h.client(noJitter).listExecutions({ status: 'failed', pageSize: 5 });
		assert.equal(page.items.length, 5);
		assert.equal(h.sim.requests.length, 3);
		assert.deepEqual(h.sleeps, [250, 500]);
		assert.equal(h.logger.of('warn').length, 2);
		assert.ok(h.logger.of('warn').every((line) => line.includes('server') && line.includes('503')), h.logger.all);
	});

	it('gives up after the configured number of retries with backoff inside its bounds', async () => {
		h.sim.inject({ kind: 'http', status: 500, times: Infinity });
		await assert.rejects(h.client(noJitter).listExecutions({}), apiError('server'));
		assert.equal(h.sim.requests.length, 4);
		assert.deepEqual(h.sleeps, [250, 500, 1000]);
		h.sim.clearRequests();
		h.sleeps.length = 0;
		await assert.rejects(h.client({ retry: { retries: 5, random: () => 1 } }).listExecutions({}), apiError('server'));
		assert.equal(h.sim.requests.length, 6);
		assert.deepEqual(h.sleeps, [500, 1000, 2000, 4000, 8000]);
	});

	it('waits as Retry-After says (seconds, HTTP-date, capped at 60 s) on 429', async () => {
		h.sim.inject({ kind: 'http', status: 429, retryAfter: '2' });
		h.sim.inject({ kind: 'http', status: 429, retryAfter: '3600' });
		h.sim.inject({ kind: 'http', status: 429, retryAfter: new Date(Date.now() + 600_000).toUTCString() });
		await h.client(noJitter).listExecutions({});
		assert.deepEqual(h.sleeps, [2000, 60_000, 60_000]);
		assert.ok(h.logger.of('warn').every((line) => line.includes('rateLimited')));
	});

	it('retries a connection reset', async () => {
		h.sim.inject({ kind: 'resetMidBody' });
		await h.client().getExecution(h.sim.executionIds('running')[0] ?? '');
		assert.equal(h.sim.requests.length, 2);
	});

	for (const [name, fault] of [
		['permission', { kind: 'http', status: 403 }],
		['notFound', { kind: 'http', status: 404 }],
		['invalidArgument', { kind: 'http', status: 400, apiStatus: 'FAILED_PRECONDITION' }],
		['auth', { kind: 'http', status: 401 }],
		['invalidResponse', { kind: 'malformedJson' }],
	] as const) {
		it(`does not retry ${name}`, async () => {
			h.sim.inject(fault);
			await assert.rejects(h.client().listExecutions({}), apiError(name));
			assert.deepEqual([h.sim.requests.length, h.sleeps.length], [1, 0]);
		});
	}

	it('times out a hanging attempt, retries it, and gives up with timeout', async () => {
		h.sim.inject({ kind: 'hang', times: 2 });
		await assert.rejects(h.client({ timeoutMs: 100, retry: { retries: 1 } }).listExecutions({}), apiError('timeout'));
		assert.equal(h.sim.requests.length, 2);
		h.sim.inject({ kind: 'hang' });
		assert.ok((await h.client({ timeoutMs: 100 }).listExecutions({ pageSize: 1 })).items.length === 1, 'the retry after a timeout succeeds');
	});

	it('never retries a write (cancelExecution) on 503 or timeout', async () => {
		const id = h.sim.executionIds('running')[0] ?? '';
		h.sim.inject({ kind: 'http', status: 503, times: Infinity });
		await assert.rejects(h.client().cancelExecution(id), apiError('server'));
		h.sim.clearFaults();
		h.sim.inject({ kind: 'hang', times: Infinity });
		await assert.rejects(h.client({ timeoutMs: 100 }).cancelExecution(id), apiError('timeout'));
		assert.deepEqual([h.sim.requests.length, h.sleeps.length], [2, 0]);
	});

	it('rejects with cancelled, without sending, when the signal is already aborted', async () => {
		const controller = new AbortController();
		controller.abort();
		await assert.rejects(h.client().listExecutions({}, controller.signal), apiError('cancelled'));
		assert.equal(h.sim.requests.length, 0);
	});

	it('cancels an in-flight request when the caller aborts, without retrying', async () => {
		h.sim.inject({ kind: 'hang' });
		const controller = new AbortController();
		const pending = h.client().listExecutions({}, controller.signal);
		await requestsArrived(h.sim, 1);
		controller.abort();
		await assert.rejects(pending, apiError('cancelled'));
		assert.deepEqual([h.sim.requests.length, h.sleeps.length], [1, 0]);
	});

	it('cancels during the backoff sleep (the default sleep is abortable)', async () => {
		h.sim.inject({ kind: 'http', status: 503, retryAfter: '30', times: Infinity });
		const controller = new AbortController();
		const pending = h.client({ sleep: undefined }).listExecutions({}, controller.signal);
		await requestsArrived(h.sim, 1);
		while (h.logger.of('warn').length === 0) {
			await new Promise((resolve) => setTimeout(resolve, 5));
		}
		controller.abort();
		await assert.rejects(pending, apiError('cancelled'));
		assert.equal(h.sim.requests.length, 1);
	});
});
