/**
 * One HTTP attempt against the Velt API: a JSON POST with the credential headers, its own timeout combined
 * with the caller's signal, a bounded streaming read of the body, and every failure turned into `ApiError`.
 * No retries and no logging here; `client.ts` owns both.
 */
import { ApiError } from './errors';
import { errorFromResponse, readErrorEnvelope, sanitize } from './errorMapping';
import { cancelledError, parseRetryAfter } from './retry';
import type { Credentials } from './types';

/** One attempt's inputs; the client derives them from its options for every attempt. */
export interface PostJsonRequest {
	readonly url: URL;
	/** The endpoint fields; sent as `{ data }`. */
	readonly data: Readonly<Record<string, unknown>>;
	readonly credentials: Credentials;
	readonly timeoutMs: number;
	readonly maxResponseBytes: number;
	readonly maxRetryAfterMs: number;
	readonly signal?: AbortSignal;
}

/** A successful attempt: the HTTP status (for the log) and the still-untrusted body. */
export interface PostJsonResponse {
	readonly httpStatus: number;
	/** The parsed body of a successful response (still untrusted: validate it). */
	readonly body: unknown;
}

const ERROR_BODY_BYTES = 64 * 1024;

/** Sends one request. Resolves only for a 2xx JSON body that is not an error envelope. */
export async function postJson(request: PostJsonRequest): Promise<PostJsonResponse> {
	const attempt = new AttemptSignal(request.signal, request.timeoutMs);
	const secrets = [request.credentials.apiKey, request.credentials.authToken];
	try {
		const response = await fetch(request.url, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				accept: 'application/json',
				'x-velt-api-key': request.credentials.apiKey,
				'x-velt-auth-token': request.credentials.authToken,
			},
			body: JSON.stringify({ data: request.data }),
			// A redirect would carry the credential headers to wherever it points: never follow one.
			redirect: 'manual',
			signal: attempt.signal,
		});
		const ok = response.status >= 200 && response.status < 300;
		// Error bodies only matter for their envelope: read a little and otherwise go by the HTTP status.
		const text = await readBody(response, ok ? request.maxResponseBytes : ERROR_BODY_BYTES, attempt.signal).catch((error: unknown) => {
			throw attempt.signal.aborted ? error : brokenBodyError(response.status, error, secrets);
		});
		if (ok && text === undefined) {
			const message = `The Velt API sent a response larger than ${request.maxResponseBytes} bytes; it was not read.`;
			throw new ApiError('invalidResponse', message, { httpStatus: response.status });
		}
		return interpret(response, text ?? '', request, secrets);
	} catch (error) {
		throw attempt.translate(error, secrets);
	} finally {
		attempt.dispose();
	}
}

function interpret(
	response: Response,
	text: string,
	request: PostJsonRequest,
	secrets: readonly string[],
): PostJsonResponse {
	const httpStatus = response.status;
	const parsed = parseJson(text);
	const ok = httpStatus >= 200 && httpStatus < 300;
	if (!ok || (parsed.ok && readErrorEnvelope(parsed.value) !== undefined)) {
		const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), request.maxRetryAfterMs);
		throw errorFromResponse({ httpStatus, body: parsed.ok ? parsed.value : undefined, retryAfterMs, secrets });
	}
	if (!parsed.ok) {
		const message = `The Velt API sent a response that is not valid JSON (HTTP ${httpStatus}).`;
		throw new ApiError('invalidResponse', message, { httpStatus });
	}
	return { httpStatus, body: parsed.value };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
	if (text.trim() === '') {
		return { ok: false };
	}
	try {
		return { ok: true, value: JSON.parse(text) as unknown };
	} catch {
		return { ok: false };
	}
}

/** Reads the body as UTF-8; undefined (and the stream cancelled) as soon as it exceeds `maxBytes`. */
async function readBody(response: Response, maxBytes: number, signal: AbortSignal): Promise<string | undefined> {
	const declared = Number(response.headers.get('content-length') ?? Number.NaN);
	if (response.body === null) {
		return '';
	}
	const reader: ReadableStreamDefaultReader<Uint8Array> = response.body.getReader();
	if (Number.isFinite(declared) && declared > maxBytes) {
		await reader.cancel().catch(() => undefined);
		return undefined;
	}
	const decoder = new TextDecoder('utf-8');
	const parts: string[] = [];
	let total = 0;
	for (;;) {
		signal.throwIfAborted();
		const { done, value } = await reader.read();
		if (done) {
			break;
		}
		total += value.byteLength;
		if (total > maxBytes) {
			await reader.cancel().catch(() => undefined);
			return undefined;
		}
		parts.push(decoder.decode(value, { stream: true }));
	}
	parts.push(decoder.decode());
	return parts.join('');
}

/**
 * The caller's signal combined with a per-attempt timeout, by hand (so it works without `AbortSignal.any`
 * and so we know which of the two fired).
 */
class AttemptSignal {
	private readonly controller = new AbortController();
	private readonly timer: ReturnType<typeof setTimeout>;
	private cause: 'timeout' | 'cancelled' | undefined;
	private readonly onCallerAbort = (): void => this.abort('cancelled');

	constructor(
		private readonly caller: AbortSignal | undefined,
		private readonly timeoutMs: number,
	) {
		this.timer = setTimeout(() => this.abort('timeout'), timeoutMs);
		if (caller?.aborted) {
			this.abort('cancelled');
		} else {
			caller?.addEventListener('abort', this.onCallerAbort, { once: true });
		}
	}

	get signal(): AbortSignal {
		return this.controller.signal;
	}

	translate(error: unknown, secrets: readonly string[]): ApiError {
		if (this.cause === 'cancelled') {
			return cancelledError(error);
		}
		if (this.cause === 'timeout') {
			return new ApiError('timeout', `The Velt API did not answer within ${formatMs(this.timeoutMs)}.`, { cause: error });
		}
		if (error instanceof ApiError) {
			return error;
		}
		return new ApiError('network', `Could not reach the Velt API: ${networkDetail(error, secrets)}.`, { cause: error });
	}

	dispose(): void {
		clearTimeout(this.timer);
		this.caller?.removeEventListener('abort', this.onCallerAbort);
	}

	private abort(cause: 'timeout' | 'cancelled'): void {
		if (this.cause === undefined) {
			this.cause = cause;
			this.controller.abort();
		}
	}
}

/** The server answered, then the connection broke before the body was complete (e.g. reset mid-body). */
function brokenBodyError(httpStatus: number, error: unknown, secrets: readonly string[]): ApiError {
	const message = `The connection to the Velt API broke while reading the response (HTTP ${httpStatus}): ${networkDetail(error, secrets)}.`;
	return new ApiError('network', message, { cause: error });
}

/** `fetch failed` alone says nothing; undici puts the system error (ECONNREFUSED, ...) in `cause`. */
function networkDetail(error: unknown, secrets: readonly string[]): string {
	const cause = error instanceof Error ? error.cause : undefined;
	const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : undefined;
	const reason = cause instanceof Error && cause.message !== '' ? cause.message : undefined;
	// undici's codes alone can be cryptic (UND_ERR_SOCKET): keep its reason ("other side closed") too.
	const detail = code !== undefined && reason !== undefined && !reason.includes(code) ? `${code}: ${reason}` : (code ?? reason);
	const text = error instanceof Error ? error.message : String(error);
	return sanitize(detail === undefined ? text : `${text} (${detail})`, secrets);
}

function formatMs(ms: number): string {
	return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}
