/**
 * Turns an API failure (a `{ error: { status, message } }` envelope and/or an HTTP status) into an `ApiError`.
 * The canonical `error.status` wins over the HTTP status because proxies may rewrite the latter; bodies that
 * are not the envelope (e.g. an HTML page from a gateway) fall back to the HTTP status.
 */
import { ApiError } from './errors';
import type { ApiErrorKind } from './errors';

const API_STATUS_KINDS: Readonly<Record<string, ApiErrorKind>> = {
	UNAUTHENTICATED: 'auth',
	PERMISSION_DENIED: 'permission',
	NOT_FOUND: 'notFound',
	INVALID_ARGUMENT: 'invalidArgument',
	FAILED_PRECONDITION: 'invalidArgument',
	OUT_OF_RANGE: 'invalidArgument',
	ALREADY_EXISTS: 'invalidArgument',
	ABORTED: 'invalidArgument',
	RESOURCE_EXHAUSTED: 'rateLimited',
	INTERNAL: 'server',
	UNKNOWN: 'server',
	DATA_LOSS: 'server',
	UNIMPLEMENTED: 'server',
	UNAVAILABLE: 'server',
	DEADLINE_EXCEEDED: 'server',
	CANCELLED: 'server',
};

/**
 * The documented reply to a request without `x-velt-auth-token` is `INVALID_ARGUMENT` with exactly this
 * text (velt-api.md §1.2). It is the one case where the kind cannot be told from the status code, so the
 * message is matched here, and nowhere else.
 */
const MISSING_TOKEN_MESSAGE = 'auth token is required';

/** The parts of a callable error body the mapping uses; each may be missing or mistyped on the wire. */
export interface ApiErrorEnvelope {
	readonly status: string | undefined;
	readonly message: string | undefined;
}

/** Extracts `{ error: { status?, message? } }` from a parsed body, or undefined when it is not that shape. */
export function readErrorEnvelope(body: unknown): ApiErrorEnvelope | undefined {
	if (!isRecord(body) || !isRecord(body.error)) {
		return undefined;
	}
	const { status, message } = body.error;
	return {
		status: typeof status === 'string' ? status : undefined,
		message: typeof message === 'string' ? message : undefined,
	};
}

/** Kind for a canonical `error.status`, or undefined for a status we do not know (then the HTTP status decides). */
export function kindForApiStatus(apiStatus: string | undefined, message: string | undefined): ApiErrorKind | undefined {
	if (apiStatus === undefined) {
		return undefined;
	}
	if (apiStatus === 'INVALID_ARGUMENT' && message?.trim().toLowerCase() === MISSING_TOKEN_MESSAGE) {
		return 'auth';
	}
	return Object.hasOwn(API_STATUS_KINDS, apiStatus) ? API_STATUS_KINDS[apiStatus] : undefined;
}

/** Fallback when the body has no usable envelope, e.g. a gateway's HTML page. */
export function kindForHttpStatus(httpStatus: number): ApiErrorKind {
	if (httpStatus === 401) {
		return 'auth';
	}
	if (httpStatus === 403) {
		return 'permission';
	}
	if (httpStatus === 404 || httpStatus === 410) {
		return 'notFound';
	}
	if (httpStatus === 408) {
		return 'timeout';
	}
	if (httpStatus === 429) {
		return 'rateLimited';
	}
	if (httpStatus >= 500) {
		return 'server';
	}
	return httpStatus >= 400 ? 'invalidArgument' : 'invalidResponse';
}

/** A non-2xx response (or a 2xx carrying an error envelope), as `http.ts` read it. */
export interface ErrorResponse {
	readonly httpStatus: number;
	/** The parsed body, or undefined when it was empty or not JSON. */
	readonly body: unknown;
	readonly retryAfterMs: number | undefined;
	/** Values to blank out of any server text (the current credentials). */
	readonly secrets: readonly string[];
}

/** Builds the `ApiError` for a failed response; the message keeps the (sanitized) server text for the log and UI. */
export function errorFromResponse(response: ErrorResponse): ApiError {
	const envelope = readErrorEnvelope(response.body);
	const kind = kindForApiStatus(envelope?.status, envelope?.message) ?? kindForHttpStatus(response.httpStatus);
	const serverText = envelope?.message === undefined ? undefined : sanitize(envelope.message, response.secrets);
	const apiStatus = envelope?.status === undefined ? '' : ` ${sanitize(envelope.status, response.secrets)}`;
	const label = `HTTP ${response.httpStatus}${apiStatus}`;
	const detail = serverText === undefined || serverText === '' ? '' : `: ${serverText}`;
	const message = `${describeKind(kind)}${detail} (${label}).`;
	return new ApiError(kind, message, {
		apiStatus: envelope?.status,
		httpStatus: response.httpStatus,
		retryAfterMs: kind === 'rateLimited' || kind === 'server' ? response.retryAfterMs : undefined,
	});
}

/** Removes every occurrence of each secret, strips control characters and bounds the length. */
export function sanitize(text: string, secrets: readonly string[]): string {
	let clean = text;
	// Longest first, so a short secret inside a longer one cannot leave part of the longer one behind.
	for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
		if (secret !== '') {
			clean = clean.split(secret).join('[redacted]');
		}
	}
	// eslint-disable-next-line no-control-regex -- removing control characters is the point
	clean = clean.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
	return clean.length > 500 ? `${clean.slice(0, 497)}...` : clean;
}

function describeKind(kind: ApiErrorKind): string {
	switch (kind) {
		case 'auth':
			return 'The Velt API did not accept the credentials';
		case 'permission':
			return 'The Velt API denied access with these credentials';
		case 'notFound':
			return 'Not found';
		case 'invalidArgument':
			return 'The Velt API rejected the request';
		case 'rateLimited':
			return 'The Velt API is rate limiting requests';
		case 'server':
			return 'The Velt API had a server error';
		case 'timeout':
			return 'The Velt API timed out';
		default:
			return 'The Velt API sent an unexpected response';
	}
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
