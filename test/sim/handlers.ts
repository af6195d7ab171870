/**
 * The endpoints. Each takes validated-ish request `data` and returns the `result` payload or throws
 * `ApiFailure`, which the server turns into the `{error:{message,status}}` envelope.
 */
import type { ContractVariant } from './api';
import { decodeOffsetCursor, decodeStartedAtCursor, encodeOffsetCursor, encodeStartedAtCursor } from './cursors';
import { EXEC_STATUSES, TERMINAL, toExecutionView } from './model';
import type { SimExecution } from './model';
import { validate } from './schema';
import type { Shape } from './schema';
import { firstAtOrBefore } from './store';
import type { SimStore } from './store';

export class ApiFailure extends Error {
	constructor(
		readonly apiStatus: string,
		message: string,
		readonly details?: Record<string, unknown>,
	) {
		super(message);
	}
}

export interface HandlerContext {
	readonly store: SimStore;
	readonly variant: ContractVariant;
	readonly cursorMode: 'inclusive' | 'exclusive';
}

type Data = Record<string, unknown>;
export type Handler = (ctx: HandlerContext, data: Data) => Data;

const PAGE: Shape[string] = { kind: 'int', min: 1, max: 500 };
const LIST_SHAPE: Shape = {
	definitionId: { kind: 'string' },
	status: { kind: 'enum', values: EXEC_STATUSES },
	pageSize: PAGE,
	cursor: { kind: 'string' },
};
const ID_SHAPE: Shape = { executionId: { kind: 'string', required: true } };
const CANCEL_SHAPE: Shape = { ...ID_SHAPE, reason: { kind: 'string', max: 500 } };
const EVENTS_SHAPE: Shape = { ...ID_SHAPE, sinceSeq: { kind: 'int', min: 0 }, pageSize: PAGE };
const DEFS_SHAPE: Shape = { pageSize: PAGE, cursor: { kind: 'int', min: 0 } };

function check(shape: Shape, data: Data): void {
	const issues = validate(shape, data);
	if (issues.length > 0) {
		throw new ApiFailure('INVALID_ARGUMENT', issues[0]?.message ?? 'Invalid', { issues });
	}
}

function found(ctx: HandlerContext, id: unknown): SimExecution {
	const e = ctx.store.get(String(id));
	if (e === undefined) {
		throw new ApiFailure('NOT_FOUND', `Execution ${String(id)} not found`);
	}
	return e;
}

function listExecutions(ctx: HandlerContext, data: Data): Data {
	check(LIST_SHAPE, data);
	const all = ctx.store.list(data.status as string | undefined, data.definitionId as string | undefined);
	const pageSize = (data.pageSize as number | undefined) ?? 50;
	const cursor = data.cursor as string | undefined;
	if (ctx.variant === 'seed') {
		const offset = cursor === undefined ? 0 : decodeOffsetCursor(cursor);
		if (offset === undefined) {
			throw new ApiFailure('INVALID_ARGUMENT', 'Invalid cursor');
		}
		const page = all.slice(offset, offset + pageSize);
		const items = page.map((e) => toExecutionView(e, 'seed', true));
		return { items, nextCursor: encodeOffsetCursor(offset + pageSize), hasMore: offset + page.length < all.length };
	}
	const at = cursor === undefined ? undefined : decodeStartedAtCursor(cursor);
	if (cursor !== undefined && at === undefined) {
		throw new ApiFailure('INVALID_ARGUMENT', 'Invalid cursor');
	}
	// Inclusive: items sharing the boundary startedAt come back again (tie handling of the real API is unknown).
	const bound = at === undefined || ctx.cursorMode === 'inclusive' ? at : at - 1;
	const start = bound === undefined ? 0 : firstAtOrBefore(all, bound);
	const page = all.slice(start, start + pageSize);
	const last = page.at(-1);
	const nextCursor = page.length < pageSize || last === undefined ? null : encodeStartedAtCursor(last.startedAt);
	return { items: page.map((e) => toExecutionView(e, 'current', false)), nextCursor };
}

function getExecution(ctx: HandlerContext, data: Data): Data {
	check(ID_SHAPE, data);
	return toExecutionView(found(ctx, data.executionId), ctx.variant, true);
}

function getEvents(ctx: HandlerContext, data: Data): Data {
	check(EVENTS_SHAPE, data);
	const e = found(ctx, data.executionId);
	const sinceSeq = (data.sinceSeq as number | undefined) ?? 0;
	const pageSize = (data.pageSize as number | undefined) ?? 100;
	const after = e.events.filter((ev) => ev.seq > sinceSeq);
	const events = after.slice(0, pageSize).map((ev) => structuredClone(ev));
	const nextCursor = events.at(-1)?.seq ?? sinceSeq;
	return { executionId: e.executionId, events, nextCursor, hasMore: after.length > events.length };
}

function cancelExecution(ctx: HandlerContext, data: Data): Data {
	check(CANCEL_SHAPE, data);
	const e = found(ctx, data.executionId);
	if (TERMINAL.has(e.status)) {
		return { cancelled: false, executionId: e.executionId };
	}
	ctx.store.update(e.executionId, { status: 'cancelled' }, data.reason as string | undefined);
	return { cancelled: true, executionId: e.executionId };
}

function listDefinitions(ctx: HandlerContext, data: Data): Data {
	check(DEFS_SHAPE, data);
	const pageSize = (data.pageSize as number | undefined) ?? 50;
	const cursor = data.cursor as number | undefined;
	const rest = ctx.store.definitions.filter((d) => cursor === undefined || d.updatedAt < cursor);
	const page = rest.slice(0, pageSize);
	const nextCursor = page.length < pageSize ? null : (page.at(-1)?.updatedAt ?? null);
	return { items: page.map((d) => structuredClone(d.view)), nextCursor };
}

/** Endpoint path (after `/v2/workflow/`) → handler. */
export const HANDLERS: Readonly<Record<string, Handler>> = {
	'executions/list': listExecutions,
	'executions/get': getExecution,
	'executions/getEvents': getEvents,
	'executions/cancel': cancelExecution,
	'definitions/list': listDefinitions,
};
