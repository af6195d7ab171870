/**
 * `VeltClient`: the `VeltApi` port over HTTP. It owns the policy around single attempts (`http.ts`): base-URL
 * vetting, credential lookup, request shapes, retries of reads, per-attempt logging and redaction of
 * credentials from every error it throws. It never touches UI and never logs headers, bodies or secrets.
 */
import { checkBaseUrl, endpointUrl } from './baseUrl';
import type { BaseUrlCheck } from './baseUrl';
import { ApiError } from './errors';
import { readCredentials, redactError } from './credentials';
import type { CredentialsProvider } from './credentials';
import { postJson } from './http';
import { abortableSleep, cancelledError, isRetryable, resolveRetryPolicy, retryDelayMs } from './retry';
import type { RetryPolicy } from './retry';
import type {
	CancelResult,
	Credentials,
	DefinitionSummary,
	EventsPage,
	ExecutionView,
	GetEventsParams,
	ListDefinitionsParams,
	ListExecutionsParams,
	Page,
} from './types';
import type { VeltApi } from './veltApi';
import {
	validateCancelResult,
	validateDefinitionsPage,
	validateEventsPage,
	validateExecution,
	validateExecutionsPage,
} from './validatePages';
import { nullLogger } from '../common/logger';
import type { Logger } from '../common/logger';

/** Far above any real page (500 executions with steps), far below what would hurt the extension host. */
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/** Everything the client needs is injected, so the composition root owns configuration and secrets. */
export interface VeltClientOptions {
	readonly baseUrl: string;
	/** Read on every call, so a sign-in or sign-out takes effect without rebuilding the client. */
	readonly credentials: CredentialsProvider;
	/** Limit for one attempt (request and body), in milliseconds. */
	readonly timeoutMs: number;
	readonly logger?: Logger;
	readonly retry?: Partial<RetryPolicy>;
	/** Injectable so tests can record backoff delays; must reject when `signal` aborts. */
	readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
	/** Bodies above this are refused while streaming. Default 32 MiB. */
	readonly maxResponseBytes?: number;
}

interface Call<T> {
	readonly endpoint: string;
	readonly data: Readonly<Record<string, unknown>>;
	readonly parse: (body: unknown) => T;
	/** Reads only: a write is never repeated blindly. */
	readonly retryable: boolean;
}

/**
 * One instance per base URL/settings: rebuild it when `apiBaseUrl` or the timeout changes. A refused base URL
 * does not throw here (activation must not fail over a setting); every call then rejects with `insecureUrl`.
 */
export class VeltClient implements VeltApi {
	private readonly base: BaseUrlCheck;
	private readonly policy: RetryPolicy;
	private readonly logger: Logger;
	private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
	private readonly timeoutMs: number;
	private readonly maxResponseBytes: number;

	constructor(private readonly options: VeltClientOptions) {
		this.base = checkBaseUrl(options.baseUrl);
		this.policy = resolveRetryPolicy(options.retry);
		this.logger = options.logger ?? nullLogger;
		this.sleep = options.sleep ?? abortableSleep;
		this.timeoutMs = positive(options.timeoutMs, 30_000);
		this.maxResponseBytes = positive(options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_MAX_RESPONSE_BYTES);
	}

	listExecutions(params: ListExecutionsParams, signal?: AbortSignal): Promise<Page<ExecutionView>> {
		const { status, definitionId, pageSize, cursor } = params;
		const data = defined({ status, definitionId, pageSize, cursor });
		return this.send({ endpoint: 'executions/list', data, parse: validateExecutionsPage, retryable: true }, signal);
	}

	getExecution(executionId: string, signal?: AbortSignal): Promise<ExecutionView> {
		const parse = (body: unknown): ExecutionView => validateExecution(body, executionId);
		return this.send({ endpoint: 'executions/get', data: { executionId }, parse, retryable: true }, signal);
	}

	getExecutionEvents(params: GetEventsParams, signal?: AbortSignal): Promise<EventsPage> {
		const { executionId, sinceSeq, pageSize } = params;
		const parse = (body: unknown): EventsPage => validateEventsPage(body, sinceSeq ?? 0, executionId);
		const data = defined({ executionId, sinceSeq, pageSize });
		return this.send({ endpoint: 'executions/getEvents', data, parse, retryable: true }, signal);
	}

	listDefinitions(params: ListDefinitionsParams, signal?: AbortSignal): Promise<Page<DefinitionSummary>> {
		const cursor = params.cursor === undefined ? undefined : definitionsWireCursor(params.cursor);
		const data = defined({ pageSize: params.pageSize, cursor });
		return this.send({ endpoint: 'definitions/list', data, parse: validateDefinitionsPage, retryable: true }, signal);
	}

	cancelExecution(executionId: string, reason?: string, signal?: AbortSignal): Promise<CancelResult> {
		const data = defined({ executionId, reason });
		return this.send({ endpoint: 'executions/cancel', data, parse: validateCancelResult, retryable: false }, signal);
	}

	private async send<T>(call: Call<T>, signal: AbortSignal | undefined): Promise<T> {
		if (!this.base.ok) {
			throw new ApiError('insecureUrl', this.base.message);
		}
		const url = endpointUrl(this.base.url, call.endpoint);
		if (signal?.aborted) {
			throw cancelledError();
		}
		const credentials = await readCredentials(this.options.credentials);
		const secrets = [credentials.apiKey, credentials.authToken];
		for (let attempt = 1; ; attempt++) {
			try {
				return await this.attempt(call, url, credentials, attempt, signal);
			} catch (error) {
				const apiError = redactError(error, secrets);
				if (!call.retryable || attempt > this.policy.retries || !isRetryable(apiError) || signal?.aborted) {
					throw signal?.aborted ? cancelledError(apiError) : apiError;
				}
				await this.backOff(call, apiError, attempt, signal);
			}
		}
	}

	private async attempt<T>(
		call: Call<T>,
		url: URL,
		credentials: Credentials,
		attempt: number,
		signal: AbortSignal | undefined,
	): Promise<T> {
		const started = Date.now();
		let outcome = 'failed';
		try {
			const response = await postJson({
				url,
				data: call.data,
				credentials,
				timeoutMs: this.timeoutMs,
				maxResponseBytes: this.maxResponseBytes,
				maxRetryAfterMs: this.policy.maxRetryAfterMs,
				signal,
			});
			outcome = String(response.httpStatus);
			return call.parse(response.body);
		} catch (error) {
			if (ApiError.is(error) && outcome === 'failed') {
				outcome = error.httpStatus === undefined ? error.kind : String(error.httpStatus);
			}
			throw error;
		} finally {
			this.logger.debug(`POST ${url.pathname} ${outcome} ${Date.now() - started} ms (attempt ${attempt})`);
		}
	}

	private async backOff(call: Call<unknown>, error: ApiError, attempt: number, signal?: AbortSignal): Promise<void> {
		const delay = retryDelayMs(attempt, this.policy, error);
		const status = error.httpStatus === undefined ? '' : `, HTTP ${error.httpStatus}`;
		const asked = error.retryAfterMs === undefined ? '' : ' (Retry-After)';
		const retry = `retry ${attempt} of ${this.policy.retries} in ${delay} ms${asked}`;
		this.logger.warn(`Velt API ${call.endpoint} failed (${error.kind}${status}); ${retry}: ${faultName(error)}`);
		try {
			await this.sleep(delay, signal);
		} catch (sleepError) {
			throw signal?.aborted ? cancelledError(sleepError) : error;
		}
		if (signal?.aborted) {
			throw cancelledError();
		}
	}
}

/**
 * `definitions/list` takes an integer cursor, while `Page.nextCursor` is always a string; integer strings go
 * back as numbers, anything else (the API sent a string) unchanged.
 */
export function definitionsWireCursor(cursor: string): number | string {
	const value = Number(cursor);
	return /^-?\d+$/.test(cursor) && Number.isSafeInteger(value) ? value : cursor;
}

/**
 * Names the fault in a retry line: the canonical status for an HTTP error (never the server's free text,
 * which stays out of the per-attempt log), our own words for the rest (refused, reset, timed out).
 */
function faultName(error: ApiError): string {
	if (error.httpStatus !== undefined) {
		return error.apiStatus ?? `HTTP ${error.httpStatus}`;
	}
	return error.message;
}

/** Drops undefined members, so e.g. a first-page request carries no `cursor` key at all. */
function defined(fields: Readonly<Record<string, unknown>>): Record<string, unknown> {
	return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

function positive(value: number, fallback: number): number {
	return Number.isFinite(value) && value > 0 ? value : fallback;
}
