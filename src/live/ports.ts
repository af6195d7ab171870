/**
 * The narrow views of other features that live updates depend on. `ExecutionsModel`, `ExecutionPanels`,
 * `VeltApi` and `WatchList` satisfy them structurally; tests and the benchmark pass small fakes.
 */
import type { ExecutionStatus, ExecutionView } from '../api/types';
import type { Event } from '../common/event';

export interface LiveGroupSnapshot {
	readonly items: readonly ExecutionView[];
	readonly loading: boolean;
	readonly error: Error | undefined;
	readonly loadedOnce: boolean;
	/** More pages exist beyond the loaded rows. */
	readonly hasMore?: boolean;
}

/** The executions model: per-status groups whose first page can be merged again. */
export interface LiveModelPort {
	readonly onDidChangeGroup: Event<ExecutionStatus | undefined>;
	visibleStatuses(): readonly ExecutionStatus[];
	group(status: ExecutionStatus): LiveGroupSnapshot;
	/** Never rejects: a failure lands in `group(status).error`. Single-flight per group. */
	refresh(status: ExecutionStatus): Promise<void>;
	findExecution(executionId: string): ExecutionView | undefined;
	upsertExecution(execution: ExecutionView): void;
}

/** Open execution panels. */
export interface LivePanelsPort {
	visibleExecutionIds(): readonly string[];
	/** Shows a fresher view without a request of its own. */
	update(executionId: string, view: ExecutionView): void;
	notifyWatchChanged?(executionId: string): void;
	/** Opens (or reveals) an execution's panel. */
	open?(executionId: string, options?: { readonly showFailure?: boolean }): Promise<void>;
}

export interface LiveApiPort {
	getExecution(executionId: string, signal?: AbortSignal): Promise<ExecutionView>;
}

export interface WatchListPort {
	ids(): readonly string[];
	has(executionId: string): boolean;
	remove(executionId: string): Promise<void>;
}
