/**
 * The filter as a value, on top of the model's own rules (`executions/filter.ts`: the type, normalising,
 * `isFilterActive`, `visibleStatuses`, the scope predicate): describing it, persisting it robustly, saying
 * what the server sees (`definitionId` only; statuses hide groups; scope is a predicate over step metadata),
 * and telling whether this API's list items can be scope-filtered at all. vscode-free, unit-tested on Node.
 */
import type { ApiError } from '../api/errors';
import { EXECUTION_STATUSES, isExecutionStatus } from '../api/types';
import type { ExecutionStatus, ExecutionView } from '../api/types';
import { normalizeFilter } from '../executions/filter';
import type { ExecutionScope, ExecutionsFilter } from '../executions/filter';

export const NO_FILTER: ExecutionsFilter = {};

/** Bumped when the stored shape changes; anything else in storage is ignored rather than misread. */
const STORAGE_VERSION = 1;
const MAX_ID_LENGTH = 512;

function storedId(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim().length <= MAX_ID_LENGTH ? value : undefined;
}

function storedStatuses(value: unknown): readonly ExecutionStatus[] | undefined {
	return Array.isArray(value) ? EXECUTION_STATUSES.filter((s) => value.some((v) => isExecutionStatus(v) && v === s)) : undefined;
}

function storedScope(value: unknown): ExecutionScope | undefined {
	if (typeof value !== 'object' || value === null) {
		return undefined;
	}
	const raw = value as Record<string, unknown>;
	return { organizationId: storedId(raw.organizationId), documentId: storedId(raw.documentId) };
}

export function filtersEqual(a: ExecutionsFilter, b: ExecutionsFilter): boolean {
	return JSON.stringify(normalizeFilter(a)) === JSON.stringify(normalizeFilter(b));
}

/** The only facet the API filters on. Statuses are per-group requests anyway; scope has no server filter. */
export function serverParams(filter: ExecutionsFilter): { readonly definitionId?: string } {
	const { definitionId } = normalizeFilter(filter);
	return definitionId === undefined ? {} : { definitionId };
}

/** `org acme · doc launch` — the scope part of the view message and of the picker's facet item. */
export function describeScope(scope: ExecutionScope | undefined): string | undefined {
	const parts: string[] = [];
	if (scope?.organizationId !== undefined) {
		parts.push(`org ${scope.organizationId}`);
	}
	if (scope?.documentId !== undefined) {
		parts.push(`doc ${scope.documentId}`);
	}
	return parts.length === 0 ? undefined : parts.join(', ');
}

/**
 * The sentence for `TreeView.message`, e.g. `Filter: marketing-copy-approval · failed, running · org acme`;
 * empty when nothing is filtered, so the caller can clear the message.
 */
export function describeFilter(filter: ExecutionsFilter): string {
	const n = normalizeFilter(filter);
	const parts = [n.definitionId, n.statuses?.join(', '), describeScope(n.scope)].filter((p): p is string => p !== undefined);
	return parts.length === 0 ? '' : `Filter: ${parts.join(' · ')}`;
}

/** The JSON stored in `workspaceState`; versioned so a later shape never misreads an older one. */
export interface StoredFilter {
	readonly version: number;
	readonly filter: ExecutionsFilter;
}

export function serializeFilter(filter: ExecutionsFilter): StoredFilter {
	return { version: STORAGE_VERSION, filter: normalizeFilter(filter) };
}

/**
 * Reads back whatever storage holds. Corrupt, foreign or future-versioned data yields no filter rather than
 * an exception at startup; partly valid data keeps its valid facets.
 */
export function restoreFilter(stored: unknown): ExecutionsFilter {
	if (typeof stored !== 'object' || stored === null) {
		return NO_FILTER;
	}
	const raw = stored as Record<string, unknown>;
	if (raw.version !== STORAGE_VERSION || typeof raw.filter !== 'object' || raw.filter === null) {
		return NO_FILTER;
	}
	const filter = raw.filter as Record<string, unknown>;
	return normalizeFilter({
		definitionId: storedId(filter.definitionId),
		statuses: storedStatuses(filter.statuses),
		scope: storedScope(filter.scope),
	});
}

/**
 * A group error the filter caused: the server refused the request while a definition id was sent (e.g. an id
 * it considers malformed). The group's message node then offers to change the filter (`veltWorkflows.filter`)
 * and shows the server's message, since retrying the same request cannot succeed.
 */
export function isFilterRejection(error: Pick<ApiError, 'kind'> | undefined, filter: ExecutionsFilter): boolean {
	return error?.kind === 'invalidArgument' && normalizeFilter(filter).definitionId !== undefined;
}

export type ScopeSupport = 'available' | 'unavailable' | 'unknown';

/**
 * Whether this API's list items can be filtered by scope at all. The current API returns `steps: []` on every
 * list item, so a page of items that all lack steps means "unavailable"; no items means "unknown".
 */
export function detectScopeSupport(items: readonly Pick<ExecutionView, 'steps'>[]): ScopeSupport {
	if (items.length === 0) {
		return 'unknown';
	}
	return items.some((item) => item.steps.length > 0) ? 'available' : 'unavailable';
}
