/**
 * The one error type of the API layer. UI code decides what to show from `kind`, never from message text.
 * Messages never contain credentials: they are built from the API's error text, HTTP status and field paths.
 */

export type ApiErrorKind =
	| 'auth' // 401, UNAUTHENTICATED, or the token-missing INVALID_ARGUMENT: sign in again
	| 'permission' // 403, PERMISSION_DENIED (unregistered token / wrong key): sign in again
	| 'notFound'
	| 'invalidArgument'
	| 'rateLimited'
	| 'server'
	| 'network'
	| 'timeout'
	| 'invalidResponse'
	| 'cancelled'
	| 'insecureUrl';

export interface ApiErrorOptions {
	/** Canonical `error.status` from the body, e.g. `FAILED_PRECONDITION`. */
	readonly apiStatus?: string;
	readonly httpStatus?: number;
	/** For `invalidResponse`: the JSON path of the bad field, e.g. `result.items[3].executionId`. */
	readonly field?: string;
	/** Milliseconds the server asked us to wait (`Retry-After`), already capped. */
	readonly retryAfterMs?: number;
	readonly cause?: unknown;
}

export class ApiError extends Error {
	override readonly name = 'ApiError';
	readonly apiStatus: string | undefined;
	readonly httpStatus: number | undefined;
	readonly field: string | undefined;
	readonly retryAfterMs: number | undefined;

	constructor(
		readonly kind: ApiErrorKind,
		message: string,
		options: ApiErrorOptions = {},
	) {
		super(message, options.cause === undefined ? undefined : { cause: options.cause });
		this.apiStatus = options.apiStatus;
		this.httpStatus = options.httpStatus;
		this.field = options.field;
		this.retryAfterMs = options.retryAfterMs;
	}

	static is(value: unknown, kind?: ApiErrorKind): value is ApiError {
		return value instanceof ApiError && (kind === undefined || value.kind === kind);
	}

	/** Errors that mean the stored credentials no longer work for this base URL. */
	get isAuthFailure(): boolean {
		return this.kind === 'auth' || this.kind === 'permission';
	}
}

export function isCancellation(error: unknown): boolean {
	return ApiError.is(error, 'cancelled') || (error instanceof Error && error.name === 'AbortError');
}
