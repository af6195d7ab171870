/**
 * How a failed poll should be retried. Kept apart from the scheduler so the scheduler stays generic and the
 * API-specific rules (Retry-After, cancellation, rejected credentials) are one small tested function.
 */
import { ApiError, isCancellation } from '../api/errors';

export type PollFailure =
	| { readonly kind: 'ignore' }
	| { readonly kind: 'retry'; readonly retryAfterMs?: number }
	/** Retrying soon cannot help (e.g. rejected credentials): wait the longest backoff. */
	| { readonly kind: 'halt' };

/**
 * Cancellation (a disposed poller, a switched session) is no failure. Rejected credentials wait the longest
 * backoff: the session prompts once, and polling must not turn into a sign-in storm. Everything else backs
 * off exponentially, at least as long as the server's `Retry-After`.
 */
export function classifyPollError(error: unknown): PollFailure {
	if (isCancellation(error)) {
		return { kind: 'ignore' };
	}
	if (ApiError.is(error) && (error.isAuthFailure || error.kind === 'insecureUrl')) {
		return { kind: 'halt' };
	}
	if (ApiError.is(error) && error.retryAfterMs !== undefined) {
		return { kind: 'retry', retryAfterMs: error.retryAfterMs };
	}
	return { kind: 'retry' };
}
