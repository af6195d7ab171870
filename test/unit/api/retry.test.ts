import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { ApiError } from '../../../src/api/errors';
import type { ApiErrorKind } from '../../../src/api/errors';
import { DEFAULT_RETRY_POLICY, abortableSleep, isRetryable, parseRetryAfter, resolveRetryPolicy, retryDelayMs } from '../../../src/api/retry';

const ALL_KINDS: readonly ApiErrorKind[] = [
	'auth',
	'permission',
	'notFound',
	'invalidArgument',
	'rateLimited',
	'server',
	'network',
	'timeout',
	'invalidResponse',
	'cancelled',
	'insecureUrl',
];

describe('retry policy', () => {
	it('retries only transient kinds', () => {
		const retried = ALL_KINDS.filter((kind) => isRetryable(new ApiError(kind, 'x')));
		assert.deepEqual(retried, ['rateLimited', 'server', 'network', 'timeout']);
	});

	it('defaults to 3 retries, 500 ms base, 8 s max, 60 s Retry-After cap', () => {
		assert.deepEqual(
			[DEFAULT_RETRY_POLICY.retries, DEFAULT_RETRY_POLICY.baseDelayMs, DEFAULT_RETRY_POLICY.maxDelayMs, DEFAULT_RETRY_POLICY.maxRetryAfterMs],
			[3, 500, 8000, 60_000],
		);
		assert.equal(resolveRetryPolicy({ retries: -1, baseDelayMs: Number.NaN }).retries, 3);
		assert.equal(resolveRetryPolicy({ retries: 0 }).retries, 0);
	});

	it('grows exponentially with jitter inside [step/2, step], bounded by maxDelayMs', () => {
		const error = new ApiError('server', 'x');
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 30 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (retry, r) => {
				const policy = resolveRetryPolicy({ random: () => r });
				const step = Math.min(8000, 500 * 2 ** (retry - 1));
				const delay = retryDelayMs(retry, policy, error);
				assert.ok(delay >= step / 2 && delay <= step, `${delay} for retry ${retry}`);
			}),
		);
		const low = resolveRetryPolicy({ random: () => 0 });
		assert.deepEqual([1, 2, 3, 4, 5, 6].map((n) => retryDelayMs(n, low, error)), [250, 500, 1000, 2000, 4000, 4000]);
	});

	it('uses a server Retry-After instead of the backoff, capped', () => {
		const policy = resolveRetryPolicy({ random: () => 0.5 });
		assert.equal(retryDelayMs(1, policy, new ApiError('rateLimited', 'x', { retryAfterMs: 7000 })), 7000);
		assert.equal(retryDelayMs(3, policy, new ApiError('rateLimited', 'x', { retryAfterMs: 0 })), 0);
		assert.equal(retryDelayMs(1, policy, new ApiError('rateLimited', 'x', { retryAfterMs: 3_600_000 })), 60_000);
	});
});

describe('parseRetryAfter', () => {
	const now = Date.parse('2026-08-19T12:00:00Z');

	it('reads delta-seconds, capped', () => {
		assert.equal(parseRetryAfter('2', 60_000, now), 2000);
		assert.equal(parseRetryAfter(' 0 ', 60_000, now), 0);
		assert.equal(parseRetryAfter('1.5', 60_000, now), 1500);
		assert.equal(parseRetryAfter('86400', 60_000, now), 60_000);
	});

	it('reads an HTTP-date relative to now, never negative, capped', () => {
		assert.equal(parseRetryAfter('Wed, 19 Aug 2026 12:00:05 GMT', 60_000, now), 5000);
		assert.equal(parseRetryAfter('Wed, 19 Aug 2026 11:00:00 GMT', 60_000, now), 0);
		assert.equal(parseRetryAfter('Thu, 20 Aug 2026 12:00:00 GMT', 60_000, now), 60_000);
	});

	it('ignores absent and junk values', () => {
		for (const value of [null, undefined, '', 'soon', '-5', '5s', '0x10', 'Wed, 99 Foo 2026']) {
			assert.equal(parseRetryAfter(value, 60_000, now), undefined, String(value));
		}
	});
});

describe('abortableSleep', () => {
	it('resolves after the delay without a signal', async () => {
		await abortableSleep(1);
	});

	it('rejects with cancelled when aborted before or during the wait', async () => {
		const before = new AbortController();
		before.abort();
		await assert.rejects(abortableSleep(10, before.signal), (e: unknown) => ApiError.is(e, 'cancelled'));
		const during = new AbortController();
		const sleeping = abortableSleep(60_000, during.signal);
		during.abort();
		await assert.rejects(sleeping, (e: unknown) => ApiError.is(e, 'cancelled'));
	});
});
