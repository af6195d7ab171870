/**
 * Retry policy for idempotent reads: bounded exponential backoff with jitter, overridden by the server's
 * `Retry-After` (capped). Writes never go through here: a blind retry of a write could apply it twice.
 */
import { ApiError } from './errors';
import type { ApiErrorKind } from './errors';

/** Bounds on how long a read may keep trying; all of it is overridable for tests and settings. */
export interface RetryPolicy {
	/** Retries after the first attempt (so `retries + 1` attempts at most). */
	readonly retries: number;
	readonly baseDelayMs: number;
	readonly maxDelayMs: number;
	/** Upper bound for a server-requested `Retry-After` wait. */
	readonly maxRetryAfterMs: number;
	/** Source of jitter in [0, 1); injectable so delays are reproducible in tests. */
	readonly random: () => number;
}

/** 3 retries at about 0.5 s, 1 s, 2 s: long enough to ride out a blip, short enough for a tree refresh. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	retries: 3,
	baseDelayMs: 500,
	maxDelayMs: 8000,
	maxRetryAfterMs: 60_000,
	random: Math.random,
};

/** The transient kinds. Everything else (auth, bad input, bad data, cancellation) would fail the same way again. */
const RETRYABLE_KINDS: ReadonlySet<ApiErrorKind> = new Set<ApiErrorKind>([
	'network',
	'timeout',
	'server',
	'rateLimited',
]);

/** Whether repeating the same read could plausibly succeed. */
export function isRetryable(error: ApiError): boolean {
	return RETRYABLE_KINDS.has(error.kind);
}

/** Fills gaps with defaults and replaces nonsense values (negative, NaN) so a bad setting cannot loop forever. */
export function resolveRetryPolicy(partial: Partial<RetryPolicy> | undefined): RetryPolicy {
	const merged = { ...DEFAULT_RETRY_POLICY, ...partial };
	return {
		retries: nonNegativeInt(merged.retries, DEFAULT_RETRY_POLICY.retries),
		baseDelayMs: nonNegative(merged.baseDelayMs, DEFAULT_RETRY_POLICY.baseDelayMs),
		maxDelayMs: nonNegative(merged.maxDelayMs, DEFAULT_RETRY_POLICY.maxDelayMs),
		maxRetryAfterMs: nonNegative(merged.maxRetryAfterMs, DEFAULT_RETRY_POLICY.maxRetryAfterMs),
		random: merged.random,
	};
}

/**
 * Delay before retry number `retry` (1-based). A server-sent `Retry-After` wins (capped); otherwise
 * "equal jitter": half of the exponential step is fixed and half random, so delays still grow.
 */
export function retryDelayMs(retry: number, policy: RetryPolicy, error: ApiError): number {
	if (error.retryAfterMs !== undefined) {
		return Math.min(Math.max(0, error.retryAfterMs), policy.maxRetryAfterMs);
	}
	const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
	const jitter = Math.min(1, Math.max(0, policy.random()));
	return Math.round(step / 2 + (step / 2) * jitter);
}

/**
 * Parses a `Retry-After` header: delta-seconds or an HTTP-date. Returns milliseconds capped at `capMs`, or
 * undefined when absent or unparseable (the caller then falls back to its own backoff).
 */
export function parseRetryAfter(
	header: string | null | undefined,
	capMs: number,
	now: number = Date.now(),
): number | undefined {
	if (header === null || header === undefined) {
		return undefined;
	}
	const value = header.trim();
	if (/^\d+(\.\d+)?$/.test(value)) {
		return Math.min(Math.round(Number(value) * 1000), capMs);
	}
	// Only accept things that look like a date, so that e.g. "-5" or "soon" is not read by Date.parse.
	if (!/^[A-Za-z]{3},? /.test(value)) {
		return undefined;
	}
	const at = Date.parse(value);
	if (Number.isNaN(at)) {
		return undefined;
	}
	return Math.min(Math.max(0, at - now), capMs);
}

/** The default sleep: resolves after `ms`, rejects with `ApiError('cancelled')` as soon as `signal` aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
	return new Promise<void>((resolve, reject) => {
		if (signal?.aborted) {
			reject(cancelledError());
			return;
		}
		const onAbort = (): void => {
			clearTimeout(timer);
			reject(cancelledError());
		};
		const timer = setTimeout(() => {
			signal?.removeEventListener('abort', onAbort);
			resolve();
		}, ms);
		signal?.addEventListener('abort', onAbort, { once: true });
	});
}

/** The one shape of a caller cancellation, so `isCancellation` recognises it everywhere. */
export function cancelledError(cause?: unknown): ApiError {
	return new ApiError('cancelled', 'The request was cancelled.', { cause });
}

function nonNegative(value: number, fallback: number): number {
	return Number.isFinite(value) && value >= 0 ? value : fallback;
}

function nonNegativeInt(value: number, fallback: number): number {
	return Number.isInteger(value) && value >= 0 ? value : fallback;
}
