/**
 * Wire shapes of the Velt workflow REST API v2 (velt-api.md §3), as the extension consumes them.
 * Validators in `validate.ts` turn untrusted JSON into these types; nothing else constructs them from the wire.
 * Unknown extra fields are kept (`extra`) so the UI can show whatever a step carries.
 */

export const EXECUTION_STATUSES = ['pending', 'running', 'completed', 'failed', 'cancelled'] as const;
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];

export const TERMINAL_STATUSES: ReadonlySet<ExecutionStatus> = new Set(['completed', 'failed', 'cancelled']);

export function isExecutionStatus(value: unknown): value is ExecutionStatus {
	return typeof value === 'string' && (EXECUTION_STATUSES as readonly string[]).includes(value);
}

export function isTerminal(status: ExecutionStatus): boolean {
	return TERMINAL_STATUSES.has(status);
}

export interface ErrorInfo {
	readonly code: string;
	readonly message: string;
}

/** A step as `executions/get` (and, in the seed variant, `executions/list`) returns it. */
export interface StepView {
	readonly stepId: string;
	readonly nodeId: string;
	/** `agent` | `human` | `notification` | `webhook`, or a value a newer API adds. */
	readonly nodeType: string;
	/** `pending` | `running` | `waiting` | `completed` | `failed` | `skipped` | `cancelled` | `breached`, or newer. */
	readonly status: string;
	readonly groupId: string | null;
	readonly startedAt: number | null;
	readonly completedAt: number | null;
	readonly output: Readonly<Record<string, unknown>>;
	readonly error: ErrorInfo | null;
	/** Seed-variant only: free-form metadata (may carry `organizationId` / `documentId`). */
	readonly metadata?: Readonly<Record<string, unknown>>;
	/** Any other fields the API sent, shown as data. */
	readonly extra?: Readonly<Record<string, unknown>>;
}

export interface ExecutionView {
	readonly executionId: string;
	readonly status: ExecutionStatus;
	readonly startedAt: number;
	readonly completedAt: number | null;
	readonly cancelledAt: number | null;
	readonly definitionId: string;
	readonly definitionVersion: number;
	readonly correlationId: string | null;
	readonly idempotencyKey: string | null;
	readonly failureReason: ErrorInfo | null;
	/** `[]` in `executions/list` items of the current API. */
	readonly steps: readonly StepView[];
}

/** One page of a cursor-paged list. `done` is the client's verdict (null cursor, `hasMore:false` or empty page). */
export interface Page<T> {
	readonly items: readonly T[];
	/** Opaque; pass back unchanged. `undefined` when the API says there is no next page. */
	readonly nextCursor: string | undefined;
	readonly done: boolean;
}

export interface ListExecutionsParams {
	readonly status?: ExecutionStatus;
	readonly definitionId?: string;
	readonly pageSize?: number;
	/** Omitted on the first page: the request then carries no `cursor` key at all. */
	readonly cursor?: string;
}

export interface DefinitionSummary {
	readonly definitionId: string;
	readonly name: string;
	readonly description: string | null;
	readonly version: number;
	readonly updatedAt: number | null;
}

export interface ListDefinitionsParams {
	readonly pageSize?: number;
	readonly cursor?: string;
}

export interface ApprovalEventView {
	readonly eventId: string;
	readonly seq: number;
	readonly type: string;
	readonly stepId: string | null;
	readonly timestamp: number;
	readonly correlationId: string | null;
	readonly data: Readonly<Record<string, unknown>> | null;
}

export interface EventsPage {
	readonly executionId: string;
	readonly events: readonly ApprovalEventView[];
	/** Highest `seq` seen, to pass back as `sinceSeq`. */
	readonly nextSinceSeq: number;
	readonly hasMore: boolean;
}

export interface GetEventsParams {
	readonly executionId: string;
	readonly sinceSeq?: number;
	readonly pageSize?: number;
}

export interface CancelResult {
	readonly cancelled: boolean;
	readonly executionId: string;
}

export interface Credentials {
	readonly apiKey: string;
	readonly authToken: string;
}
