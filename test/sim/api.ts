/**
 * Public surface of the local Velt API simulator (a real HTTP server on 127.0.0.1). Unit tests, integration
 * tests (in the extension host), the benchmarks and `npm run demo` all use it through this interface only.
 * Implementation: `simulator.ts` (`startSimulator`).
 */

/** `current` = audited docs (no `hasMore`, epoch-ms string cursor, list steps `[]`); `seed` = the seed page. */
export type ContractVariant = 'current' | 'seed';

export const SIM_API_KEY = 'sim_api_key_0001';
export const SIM_AUTH_TOKEN = 'sim_auth_token_s3cr3t_0001';

export interface SimulatorOptions {
	/** 0 or absent = a free port. Always binds 127.0.0.1. */
	readonly port?: number;
	readonly variant?: ContractVariant;
	/** PRNG seed for the generated data set (deterministic). Default 42. */
	readonly seed?: number;
	/**
	 * Executions per status. Default: pending 7, running 23, completed 263, failed 61, cancelled 19
	 * (hundreds in all, none a multiple of common page sizes).
	 */
	readonly counts?: Partial<Record<'pending' | 'running' | 'completed' | 'failed' | 'cancelled', number>>;
	/** Valid API key / auth token pair; defaults SIM_API_KEY / SIM_AUTH_TOKEN. */
	readonly apiKey?: string;
	readonly authToken?: string;
	/** Skip building steps and events for each execution (for 10k–50k benchmark data sets). */
	readonly lean?: boolean;
	/** Delay before every answer, in ms (the CLI's `--latency`). Default 0. */
	readonly latencyMs?: number;
	/** Clock for data generation (epoch ms); default `Date.now()`. With `seed`, fixes every id and timestamp. */
	readonly now?: number;
	/**
	 * `current` variant only: `inclusive` (default) answers a cursor with items `startedAt <= cursor`, so the
	 * previous page's last row(s) come back (clients de-duplicate; page size 1 can never advance);
	 * `exclusive` answers `startedAt < cursor`, so rows tied with the boundary are silently lost.
	 */
	readonly cursorMode?: 'inclusive' | 'exclusive';
}

export interface RecordedRequest {
	readonly path: string;
	/** The parsed `data` object of the request body (or undefined when not parseable). */
	readonly data: Record<string, unknown> | undefined;
	/** True when `x-velt-api-key` and `x-velt-auth-token` headers were present (values never recorded). */
	readonly hadCredentials: boolean;
	readonly status: number;
	readonly at: number;
}

/**
 * A fault applies to the next matching request(s) and is then consumed. `path` matches the endpoint suffix,
 * e.g. `executions/list`; `match` narrows further by request data (e.g. `{ status: 'failed' }` or a cursor).
 */
export type Fault = {
	readonly path?: string;
	readonly match?: Readonly<Record<string, unknown>>;
	/** How many matching requests it hits; default 1. `Infinity` until cleared. */
	readonly times?: number;
} & (
	| { readonly kind: 'latency'; readonly ms: number } // delay, then answer normally
	| { readonly kind: 'hang' } // never answer (until the client aborts or the simulator closes)
	| { readonly kind: 'http'; readonly status: number; readonly apiStatus?: string; readonly message?: string; readonly retryAfter?: string }
	| { readonly kind: 'malformedJson' } // 200 with a truncated JSON body
	| { readonly kind: 'wrongShape'; readonly body: unknown } // 200 with this exact JSON body
	| { readonly kind: 'hugeBody'; readonly bytes: number } // 200 with a valid-JSON body of about this size
	| { readonly kind: 'resetMidBody' } // start a 200 body then destroy the socket
	| { readonly kind: 'repeatCursor' } // answer normally but with nextCursor equal to the request's cursor
	| { readonly kind: 'repeatPage' } // answer with the previous page of this query again (same items and cursor)
	| { readonly kind: 'duplicateAcrossBoundary'; readonly count: number } // prepend the last `count` items of the previous page
	| { readonly kind: 'authRevoked' } // 403 PERMISSION_DENIED from now on for this token (until `restoreAuth`)
);

export interface SimExecutionPatch {
	readonly status?: 'pending' | 'running' | 'completed' | 'failed' | 'cancelled';
	readonly completedAt?: number | null;
	readonly cancelledAt?: number | null;
	readonly failureReason?: { code: string; message: string } | null;
}

export interface Simulator {
	/** `http://127.0.0.1:<port>` */
	readonly url: string;
	readonly port: number;
	variant: ContractVariant;
	/** Every request received, in order. */
	readonly requests: RecordedRequest[];
	clearRequests(): void;
	inject(fault: Fault): void;
	clearFaults(): void;
	restoreAuth(): void;
	/** Between tests: no faults, no recorded requests, auth restored, no remembered pages, this variant (default current). */
	resetForTest(variant?: ContractVariant): void;
	/** All execution ids of a status in list order (startedAt DESC, executionId DESC on ties). */
	executionIds(status?: string): string[];
	/** A deep copy of one stored execution (with steps) or undefined. */
	execution(id: string): unknown;
	/** Changes a stored execution (e.g. running → completed), appending the matching event. */
	updateExecution(id: string, patch: SimExecutionPatch): void;
	/** Adds an execution with the given startedAt (default now) and returns its id. */
	addExecution(init: { status: SimExecutionPatch['status']; definitionId?: string; startedAt?: number }): string;
	close(): Promise<void>;
}
