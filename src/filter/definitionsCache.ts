/**
 * The definitions the filter picker offers. `definitions/list` is paged, so the cache follows the cursor for a
 * bounded number of pages, shares one in-flight load between callers, and remembers the result for the
 * connection it came from: a different base URL or a new API connection (sign-in, other credentials) starts
 * over, because definitions of one workspace must never be offered for another. vscode-free.
 */
import { ApiError, isCancellation } from '../api/errors';
import type { DefinitionSummary } from '../api/types';
import type { VeltApi } from '../api/veltApi';
import type { IDisposable } from '../common/lifecycle';
import type { Logger } from '../common/logger';

/** What the cache needs of the session: satisfied by `Session` (auth/session.ts). */
export interface DefinitionsConnection {
	readonly baseUrl: string;
	readonly api: Pick<VeltApi, 'listDefinitions'> | undefined;
}

export interface DefinitionsResult {
	/** Newest-updated first, as the API orders them, de-duplicated by id. */
	readonly definitions: readonly DefinitionSummary[];
	/** True when the page bound stopped the walk before the API said it was done. */
	readonly truncated: boolean;
}

export interface DefinitionsCacheOptions {
	readonly connection: () => DefinitionsConnection;
	readonly logger: Logger;
	/** Default 10: enough for any plausible workspace, bounded for an API that never ends. */
	readonly maxPages?: number;
	/** Default 100. */
	readonly pageSize?: number;
}

interface Entry {
	readonly baseUrl: string;
	readonly api: Pick<VeltApi, 'listDefinitions'>;
	readonly abort: AbortController;
	readonly promise: Promise<DefinitionsResult>;
	result?: DefinitionsResult;
}

export class DefinitionsCache implements IDisposable {
	private entry: Entry | undefined;
	private readonly maxPages: number;
	private readonly pageSize: number;

	constructor(private readonly options: DefinitionsCacheOptions) {
		this.maxPages = Math.max(1, options.maxPages ?? 10);
		this.pageSize = Math.min(500, Math.max(1, options.pageSize ?? 100));
	}

	/** The cached result for the current connection, without loading. */
	peek(): DefinitionsResult | undefined {
		const entry = this.entry;
		return entry !== undefined && this.isCurrent(entry) ? entry.result : undefined;
	}

	/**
	 * Loads (or returns the cached / in-flight) definitions of the current connection. Rejects with the
	 * `ApiError` of the failing page; a failure is not cached, so the next call tries again.
	 */
	load(): Promise<DefinitionsResult> {
		const current = this.entry;
		if (current !== undefined && this.isCurrent(current)) {
			return current.promise;
		}
		this.invalidate();
		const { baseUrl, api } = this.options.connection();
		if (api === undefined) {
			return Promise.reject(new ApiError('auth', 'Not signed in: sign in to list the workflow definitions.'));
		}
		const abort = new AbortController();
		const promise = this.walk(api, abort.signal);
		const entry: Entry = { baseUrl, api, abort, promise };
		this.entry = entry;
		promise.then(
			(result) => void (entry.result = result),
			() => this.forget(entry),
		);
		return promise;
	}

	/** Drops the cache and aborts a load in flight. */
	invalidate(): void {
		const entry = this.entry;
		this.entry = undefined;
		entry?.abort.abort();
	}

	dispose(): void {
		this.invalidate();
	}

	private isCurrent(entry: Entry): boolean {
		const { baseUrl, api } = this.options.connection();
		return entry.baseUrl === baseUrl && entry.api === api;
	}

	private forget(entry: Entry): void {
		if (this.entry === entry) {
			this.entry = undefined;
		}
	}

	private async walk(api: Pick<VeltApi, 'listDefinitions'>, signal: AbortSignal): Promise<DefinitionsResult> {
		const byId = new Map<string, DefinitionSummary>();
		const seenCursors = new Set<string>();
		let cursor: string | undefined;
		for (let page = 0; page < this.maxPages; page++) {
			const result = await api.listDefinitions({ pageSize: this.pageSize, ...(cursor === undefined ? {} : { cursor }) }, signal);
			const before = byId.size;
			for (const definition of result.items) {
				byId.set(definition.definitionId, byId.get(definition.definitionId) ?? definition);
			}
			if (result.done || result.nextCursor === undefined) {
				return { definitions: [...byId.values()], truncated: false };
			}
			if (seenCursors.has(result.nextCursor) || byId.size === before) {
				this.options.logger.warn('definitions/list repeated a cursor or brought nothing new; stopped paging.');
				return { definitions: [...byId.values()], truncated: true };
			}
			seenCursors.add(result.nextCursor);
			cursor = result.nextCursor;
		}
		this.options.logger.info(`definitions/list: stopped after ${this.maxPages} pages (${byId.size} definitions).`);
		return { definitions: [...byId.values()], truncated: true };
	}
}

/** For callers that show a load error as a quick-pick item: cancellation is not an error worth showing. */
export function definitionsErrorText(error: unknown): string | undefined {
	if (isCancellation(error)) {
		return undefined;
	}
	return error instanceof Error ? error.message : String(error);
}
