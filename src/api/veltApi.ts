/**
 * The port the rest of the extension uses to reach Velt. `VeltClient` (client.ts) implements it over HTTP;
 * nothing above the API layer knows about envelopes, headers, retries or wire validation.
 * Every method takes an `AbortSignal` last; aborting rejects with `ApiError` of kind `cancelled`.
 */
import type {
	CancelResult,
	DefinitionSummary,
	EventsPage,
	ExecutionView,
	GetEventsParams,
	ListDefinitionsParams,
	ListExecutionsParams,
	Page,
} from './types';

export interface VeltApi {
	listExecutions(params: ListExecutionsParams, signal?: AbortSignal): Promise<Page<ExecutionView>>;
	getExecution(executionId: string, signal?: AbortSignal): Promise<ExecutionView>;
	getExecutionEvents(params: GetEventsParams, signal?: AbortSignal): Promise<EventsPage>;
	listDefinitions(params: ListDefinitionsParams, signal?: AbortSignal): Promise<Page<DefinitionSummary>>;
	/** A write: never retried blindly. */
	cancelExecution(executionId: string, reason?: string, signal?: AbortSignal): Promise<CancelResult>;
}
