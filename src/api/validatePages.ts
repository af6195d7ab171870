/**
 * Guards for whole response bodies (`{ result }` envelopes): the two list variants, `executions/get`,
 * `getEvents`, `definitions/list` and `executions/cancel`. Paths in errors start at `result`.
 *
 * Cursor decisions (documented here because the API docs leave them open):
 * - `nextCursor` may be a string, null or absent. A finite number is tolerated and turned into its decimal
 *   string (the current cursor *is* an epoch-ms number, just sent as a string); anything else is an error.
 * - An empty-string cursor means "no next page": passing `""` back would read as a first-page request.
 * - A page is `done` when the cursor is missing, `hasMore === false` (even with a string cursor, as on the
 *   seed variant's last page), or it has no items; a done page never carries a cursor.
 */
import type {
	ApprovalEventView,
	CancelResult,
	DefinitionSummary,
	EventsPage,
	ExecutionView,
	Page,
} from './types';
import {
	array,
	boolean,
	envelopeResult,
	id,
	invalidField,
	nullableNumber,
	nullableRecord,
	nullableString,
	number,
	optionalBoolean,
	own,
	record,
	string,
} from './validate';
import type { JsonRecord } from './validate';
import { validateExecutionView } from './validateExecution';

/** `executions/list` in either contract variant. */
export function validateExecutionsPage(body: unknown): Page<ExecutionView> {
	return page(envelopeResult(body), validateExecutionView);
}

/** `executions/get`; with `expectedId`, an answer about another execution is refused. */
export function validateExecution(body: unknown, expectedId?: string): ExecutionView {
	const execution = validateExecutionView(envelopeResult(body), 'result');
	if (expectedId !== undefined && execution.executionId !== expectedId) {
		throw invalidField('result.executionId', 'the requested execution id', execution.executionId);
	}
	return execution;
}

/** `definitions/list`, whose integer cursor becomes a string like every other `Page` cursor. */
export function validateDefinitionsPage(body: unknown): Page<DefinitionSummary> {
	return page(envelopeResult(body), definitionSummary);
}

/**
 * `nextSinceSeq`: the wire `nextCursor` when it is a number, else the highest `seq` in the page, else the
 * request's `sinceSeq`. `hasMore` is only believed for a non-empty page, so a caller paging "while hasMore"
 * cannot spin on empty pages.
 */
export function validateEventsPage(body: unknown, sinceSeq: number, expectedId?: string): EventsPage {
	const result = envelopeResult(body);
	const executionId = id(result, 'executionId', 'result');
	if (expectedId !== undefined && executionId !== expectedId) {
		throw invalidField('result.executionId', 'the requested execution id', executionId);
	}
	const events = Array.from(array(result, 'events', 'result'), (event, index) => eventView(event, `result.events[${index}]`));
	const wireCursor = own(result, 'nextCursor');
	const numeric = typeof wireCursor === 'number' && Number.isFinite(wireCursor);
	if (wireCursor !== undefined && wireCursor !== null && !numeric) {
		throw invalidField('result.nextCursor', 'a number or null', wireCursor);
	}
	const maxSeq = events.reduce((max, event) => Math.max(max, event.seq), Number.NEGATIVE_INFINITY);
	const nextSinceSeq = typeof wireCursor === 'number' ? wireCursor : events.length > 0 ? maxSeq : sinceSeq;
	const hasMore = optionalBoolean(result, 'hasMore', 'result') === true && events.length > 0;
	return { executionId, events, nextSinceSeq, hasMore };
}

/** `executions/cancel`; `cancelled` may be false for an execution that had already finished. */
export function validateCancelResult(body: unknown): CancelResult {
	const result = envelopeResult(body);
	return { cancelled: boolean(result, 'cancelled', 'result'), executionId: id(result, 'executionId', 'result') };
}

function page<T>(result: JsonRecord, item: (value: unknown, path: string) => T): Page<T> {
	const items = Array.from(array(result, 'items', 'result'), (value, index) => item(value, `result.items[${index}]`));
	const cursor = cursorOf(result);
	const hasMore = optionalBoolean(result, 'hasMore', 'result');
	const done = cursor === undefined || hasMore === false || items.length === 0;
	return { items, nextCursor: done ? undefined : cursor, done };
}

function cursorOf(result: JsonRecord): string | undefined {
	const value = own(result, 'nextCursor');
	if (value === undefined || value === null || value === '') {
		return undefined;
	}
	if (typeof value === 'number' && Number.isFinite(value)) {
		return String(value);
	}
	if (typeof value !== 'string') {
		throw invalidField('result.nextCursor', 'a string or null', value);
	}
	return value;
}

function definitionSummary(value: unknown, path: string): DefinitionSummary {
	const raw = record(value, path);
	return {
		definitionId: id(raw, 'definitionId', path),
		name: string(raw, 'name', path),
		description: nullableString(raw, 'description', path),
		version: number(raw, 'version', path),
		updatedAt: nullableNumber(raw, 'updatedAt', path),
	};
}

function eventView(value: unknown, path: string): ApprovalEventView {
	const raw = record(value, path);
	return {
		eventId: id(raw, 'eventId', path),
		seq: number(raw, 'seq', path),
		type: string(raw, 'type', path),
		stepId: nullableString(raw, 'stepId', path),
		timestamp: number(raw, 'timestamp', path),
		correlationId: nullableString(raw, 'correlationId', path),
		data: nullableRecord(raw, 'data', path),
	};
}
