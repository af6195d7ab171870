/**
 * The filter as a value: normalising, describing, persisting and splitting it into what the server sees
 * (`definitionId` only) and what stays client-side (statuses hide groups; scope is a predicate over step
 * metadata). vscode-free so every rule here is unit-tested on plain Node.
 */
import { EXECUTION_STATUSES, isExecutionStatus } from '../api/types';
import type { ExecutionStatus, ExecutionView } from '../api/types';

export interface FilterScope {
	readonly organizationId?: string;
	readonly documentId?: string;
}

/** Same shape as the model's `setFilter` argument; `undefined` members mean "no restriction". */
export interface ExecutionFilter {
	readonly definitionId?: string;
	/** Undefined = all five. Never empty after `normalizeFilter`. */
	readonly statuses?: readonly ExecutionStatus[];
	readonly scope?: FilterScope;
}

export const NO_FILTER: ExecutionFilter = {};

/** Bumped when the stored shape changes; anything else in storage is ignored rather than misread. */
const STORAGE_VERSION = 1;
const MAX_ID_LENGTH = 512;

function cleanId(value: unknown): string | undefined {
	if (typeof value !== 'string') {
		return undefined;
	}
	const trimmed = value.trim();
	return trimmed === '' || trimmed.length > MAX_ID_LENGTH ? undefined : trimmed;
}

function cleanStatuses(value: unknown): readonly ExecutionStatus[] | undefined {
	if (!Array.isArray(value)) {
		return undefined;
	}
	const chosen = new Set(value.filter(isExecutionStatus));
	const ordered = EXECUTION_STATUSES.filter((s) => chosen.has(s));
	// None selected is refused in the UI; all five is the same as no restriction.
	return ordered.length === 0 || ordered.length === EXECUTION_STATUSES.length ? undefined : ordered;
}

function cleanScope(value: unknown): FilterScope | undefined {
	if (typeof value !== 'object' || value === null) {
		return undefined;
	}
	const raw = value as Record<string, unknown>;
	const organizationId = cleanId(raw.organizationId);
	const documentId = cleanId(raw.documentId);
	if (organizationId === undefined && documentId === undefined) {
		return undefined;
	}
	return { ...(organizationId === undefined ? {} : { organizationId }), ...(documentId === undefined ? {} : { documentId }) };
}

/**
 * The canonical form: trimmed ids, blank ids dropped, statuses in group order, "all statuses" and "no scope"
 * as absent members. Two filters mean the same thing exactly when their normal forms are `filtersEqual`.
 */
export function normalizeFilter(filter: ExecutionFilter | undefined): ExecutionFilter {
	const definitionId = cleanId(filter?.definitionId);
	const statuses = cleanStatuses(filter?.statuses);
	const scope = cleanScope(filter?.scope);
	return {
		...(definitionId === undefined ? {} : { definitionId }),
		...(statuses === undefined ? {} : { statuses }),
		...(scope === undefined ? {} : { scope }),
	};
}

export function isActive(filter: ExecutionFilter): boolean {
	const n = normalizeFilter(filter);
	return n.definitionId !== undefined || n.statuses !== undefined || n.scope !== undefined;
}

export function filtersEqual(a: ExecutionFilter, b: ExecutionFilter): boolean {
	return JSON.stringify(normalizeFilter(a)) === JSON.stringify(normalizeFilter(b));
}

/** The status groups the tree shows; hidden groups make no calls at all. */
export function visibleStatuses(filter: ExecutionFilter): readonly ExecutionStatus[] {
	return normalizeFilter(filter).statuses ?? EXECUTION_STATUSES;
}

/** The only facet the API filters on. Statuses are per-group requests anyway; scope has no server filter. */
export function serverParams(filter: ExecutionFilter): { readonly definitionId?: string } {
	const { definitionId } = normalizeFilter(filter);
	return definitionId === undefined ? {} : { definitionId };
}

/** `org acme · doc launch` — the scope part of the view message and of the picker's facet item. */
export function describeScope(scope: FilterScope | undefined): string | undefined {
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
export function describeFilter(filter: ExecutionFilter): string {
	const n = normalizeFilter(filter);
	const parts = [n.definitionId, n.statuses?.join(', '), describeScope(n.scope)].filter((p): p is string => p !== undefined);
	return parts.length === 0 ? '' : `Filter: ${parts.join(' · ')}`;
}

/** The JSON stored in `workspaceState`; versioned so a later shape never misreads an older one. */
export interface StoredFilter {
	readonly version: number;
	readonly filter: ExecutionFilter;
}

export function serializeFilter(filter: ExecutionFilter): StoredFilter {
	return { version: STORAGE_VERSION, filter: normalizeFilter(filter) };
}

/**
 * Reads back whatever storage holds. Corrupt, foreign or future-versioned data yields no filter rather than
 * an exception at startup; partly valid data keeps its valid facets.
 */
export function restoreFilter(stored: unknown): ExecutionFilter {
	if (typeof stored !== 'object' || stored === null) {
		return NO_FILTER;
	}
	const raw = stored as Record<string, unknown>;
	if (raw.version !== STORAGE_VERSION || typeof raw.filter !== 'object' || raw.filter === null) {
		return NO_FILTER;
	}
	return normalizeFilter(raw.filter as ExecutionFilter);
}

function metadataMatches(metadata: Readonly<Record<string, unknown>> | undefined, scope: FilterScope): boolean {
	if (metadata === undefined) {
		return false;
	}
	const orgOk = scope.organizationId === undefined || metadata.organizationId === scope.organizationId;
	const docOk = scope.documentId === undefined || metadata.documentId === scope.documentId;
	return orgOk && docOk;
}

/**
 * The client-side scope predicate: some step's metadata carries the wanted organization and document (both on
 * the same step, since one step's metadata describes one document). No scope matches everything.
 */
export function matchesScope(execution: Pick<ExecutionView, 'steps'>, scope: FilterScope | undefined): boolean {
	const wanted = cleanScope(scope);
	return wanted === undefined || execution.steps.some((step) => metadataMatches(step.metadata, wanted));
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
