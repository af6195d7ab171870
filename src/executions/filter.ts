/**
 * The executions filter and what it means for loading. `definitionId` goes to the server; `statuses` only
 * hides groups; `scope` is a client-side predicate over `steps[].metadata`, because `executions/list` takes
 * no organization or document filter (and on the current API list items carry no steps at all, so a scope
 * filter matches nothing there; the filter UI says so).
 */
import type { ExecutionStatus, ExecutionView } from '../api/types';
import { EXECUTION_STATUSES } from '../api/types';

export interface ExecutionScope {
	readonly organizationId?: string;
	readonly documentId?: string;
}

export interface ExecutionsFilter {
	readonly definitionId?: string;
	/** Groups to show; absent or empty = all five. */
	readonly statuses?: readonly ExecutionStatus[];
	readonly scope?: ExecutionScope;
}

/** Trims ids, drops empty parts, and orders statuses canonically, so equal filters compare equal. */
export function normalizeFilter(filter: ExecutionsFilter): ExecutionsFilter {
	const definitionId = filter.definitionId?.trim() || undefined;
	const organizationId = filter.scope?.organizationId?.trim() || undefined;
	const documentId = filter.scope?.documentId?.trim() || undefined;
	const chosen = new Set(filter.statuses ?? []);
	const statuses = EXECUTION_STATUSES.filter((status) => chosen.has(status));
	return {
		...(definitionId === undefined ? {} : { definitionId }),
		...(statuses.length === 0 || statuses.length === EXECUTION_STATUSES.length ? {} : { statuses }),
		...(organizationId === undefined && documentId === undefined
			? {}
			: { scope: { ...(organizationId === undefined ? {} : { organizationId }), ...(documentId === undefined ? {} : { documentId }) } }),
	};
}

export function isFilterActive(filter: ExecutionsFilter): boolean {
	const normalized = normalizeFilter(filter);
	return normalized.definitionId !== undefined || normalized.statuses !== undefined || normalized.scope !== undefined;
}

export function visibleStatuses(filter: ExecutionsFilter): readonly ExecutionStatus[] {
	return normalizeFilter(filter).statuses ?? EXECUTION_STATUSES;
}

/** True when two filters ask the server (or the predicate) for different rows, so loaded rows are stale. */
export function changesRows(a: ExecutionsFilter, b: ExecutionsFilter): boolean {
	const x = normalizeFilter(a);
	const y = normalizeFilter(b);
	return (
		x.definitionId !== y.definitionId ||
		x.scope?.organizationId !== y.scope?.organizationId ||
		x.scope?.documentId !== y.scope?.documentId
	);
}

/** The client-side predicate for a scope, or undefined when there is none. */
export function scopePredicate(scope: ExecutionScope | undefined): ((execution: ExecutionView) => boolean) | undefined {
	if (scope === undefined || (scope.organizationId === undefined && scope.documentId === undefined)) {
		return undefined;
	}
	return (execution) => execution.steps.some((step) => metadataMatches(step.metadata, scope));
}

/** Whether a row fetched elsewhere (a panel, a poll) belongs in the filtered tree at all. */
export function acceptsExecution(filter: ExecutionsFilter, execution: ExecutionView): boolean {
	const normalized = normalizeFilter(filter);
	if (normalized.definitionId !== undefined && execution.definitionId !== normalized.definitionId) {
		return false;
	}
	return scopePredicate(normalized.scope)?.(execution) ?? true;
}

/** The list order the simulator documents (and the API is inferred to use): newest first, ties by id. */
export function compareExecutions(a: ExecutionView, b: ExecutionView): number {
	if (a.startedAt !== b.startedAt) {
		return b.startedAt - a.startedAt;
	}
	return a.executionId < b.executionId ? 1 : a.executionId > b.executionId ? -1 : 0;
}

function metadataMatches(metadata: Readonly<Record<string, unknown>> | undefined, scope: ExecutionScope): boolean {
	if (metadata === undefined) {
		return false;
	}
	const organizationOk = scope.organizationId === undefined || metadata['organizationId'] === scope.organizationId;
	const documentOk = scope.documentId === undefined || metadata['documentId'] === scope.documentId;
	return organizationOk && documentOk;
}
