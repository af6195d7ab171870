import * as assert from 'node:assert/strict';
import { definitionsWireCursor } from '../../../src/api/client';
import { ApiError } from '../../../src/api/errors';
import {
	validateCancelResult,
	validateDefinitionsPage,
	validateEventsPage,
	validateExecution,
	validateExecutionsPage,
} from '../../../src/api/validatePages';
import { aWireExecution, aWireStep, anEvent, envelope } from './wire';
import type { Json } from './wire';

function invalidAt(field: string, messagePart?: string): (error: unknown) => boolean {
	return (error: unknown): boolean => {
		assert.ok(ApiError.is(error, 'invalidResponse'), `expected invalidResponse, got ${String(error)}`);
		assert.equal(error.field, field);
		assert.ok(error.message.includes(field), `message names the field: ${error.message}`);
		if (messagePart !== undefined) {
			assert.ok(error.message.includes(messagePart), error.message);
		}
		return true;
	};
}

function items(count: number): Json[] {
	return Array.from({ length: count }, (_, i) => aWireExecution({ executionId: `exec_${i}` }));
}

describe('validators: executions/list pages', () => {
	it('reads a current-variant page (no hasMore, string cursor) as not done', () => {
		const page = validateExecutionsPage(envelope({ items: items(2), nextCursor: '1777370000100' }));
		assert.deepEqual(page.items.map((e) => e.executionId), ['exec_0', 'exec_1']);
		assert.equal(page.nextCursor, '1777370000100');
		assert.equal(page.done, false);
	});

	it('ends on a null or absent cursor', () => {
		assert.equal(validateExecutionsPage(envelope({ items: items(1), nextCursor: null })).done, true);
		const absent = validateExecutionsPage(envelope({ items: items(1) }));
		assert.equal(absent.done, true);
		assert.equal(absent.nextCursor, undefined);
	});

	it('ends on hasMore:false even when a string cursor is still there (seed variant last page)', () => {
		const page = validateExecutionsPage(envelope({ items: items(1), nextCursor: 'eyJvZmZzZXQiOjEwMH0=', hasMore: false }));
		assert.equal(page.done, true);
		assert.equal(page.nextCursor, undefined);
	});

	it('keeps going on hasMore:true with a cursor, and ends on an empty page whatever the cursor says', () => {
		const more = validateExecutionsPage(envelope({ items: items(1), nextCursor: 'eyJvZmZzZXQiOjF9', hasMore: true }));
		assert.deepEqual([more.done, more.nextCursor], [false, 'eyJvZmZzZXQiOjF9']);
		const empty = validateExecutionsPage(envelope({ items: [], nextCursor: 'abc', hasMore: true }));
		assert.equal(empty.done, true);
	});

	it('turns a numeric cursor into its decimal string and treats "" as the end', () => {
		assert.equal(validateExecutionsPage(envelope({ items: items(1), nextCursor: 1777370000100 })).nextCursor, '1777370000100');
		assert.equal(validateExecutionsPage(envelope({ items: items(1), nextCursor: '' })).done, true);
	});

	it('rejects other cursor types and a non-boolean hasMore, naming the field', () => {
		assert.throws(() => validateExecutionsPage(envelope({ items: [], nextCursor: true })), invalidAt('result.nextCursor'));
		assert.throws(() => validateExecutionsPage(envelope({ items: [], nextCursor: {} })), invalidAt('result.nextCursor'));
		assert.throws(() => validateExecutionsPage(envelope({ items: [], hasMore: 'yes' })), invalidAt('result.hasMore'));
	});

	it('names the exact bad field of a bad item', () => {
		const list = items(5);
		list[3] = aWireExecution({ executionId: 42 });
		assert.throws(() => validateExecutionsPage(envelope({ items: list })), invalidAt('result.items[3].executionId'));
		list[3] = aWireExecution({ executionId: '' });
		assert.throws(() => validateExecutionsPage(envelope({ items: list })), invalidAt('result.items[3].executionId'));
	});

	it('rejects an unknown execution status, quoting it', () => {
		const list = [aWireExecution(), aWireExecution({ status: 'paused' })];
		assert.throws(() => validateExecutionsPage(envelope({ items: list })), invalidAt('result.items[1].status', '"paused"'));
	});

	it('rejects a missing envelope or items', () => {
		assert.throws(() => validateExecutionsPage({ items: [] }), invalidAt('result'));
		assert.throws(() => validateExecutionsPage('<html>'), invalidAt('result'));
		assert.throws(() => validateExecutionsPage(null), invalidAt('result'));
		assert.throws(() => validateExecutionsPage(envelope([])), invalidAt('result'));
		assert.throws(() => validateExecutionsPage(envelope({ executions: [] })), invalidAt('result.items'));
	});
});

describe('validators: ExecutionView and StepView', () => {
	it('reads null or absent correlationId/idempotencyKey as null, absent steps as []', () => {
		const wire = aWireExecution({ correlationId: null });
		delete wire.idempotencyKey;
		delete wire.steps;
		const execution = validateExecution(envelope(wire));
		assert.equal(execution.correlationId, null);
		assert.equal(execution.idempotencyKey, null);
		assert.deepEqual(execution.steps, []);
	});

	it('checks failureReason and timestamps', () => {
		const failed = aWireExecution({ status: 'failed', failureReason: { code: 'x', message: 'boom' }, completedAt: 5 });
		assert.deepEqual(validateExecution(envelope(failed)).failureReason, { code: 'x', message: 'boom' });
		assert.throws(() => validateExecution(envelope(aWireExecution({ failureReason: { code: 1 } }))), invalidAt('result.failureReason.code'));
		assert.throws(() => validateExecution(envelope(aWireExecution({ startedAt: '1777' }))), invalidAt('result.startedAt'));
		assert.throws(() => validateExecution(envelope(aWireExecution({ completedAt: 'x' }))), invalidAt('result.completedAt'));
	});

	it('keeps unknown step fields in extra and metadata as metadata, open step statuses as-is', () => {
		const step = aWireStep({ status: 'frozen', attempts: 2, input: { a: 1 }, metadata: { organizationId: 'org-1' } });
		const [view] = validateExecution(envelope(aWireExecution({ steps: [step] }))).steps;
		assert.equal(view?.status, 'frozen');
		assert.deepEqual(view?.extra, { attempts: 2, input: { a: 1 } });
		assert.deepEqual(view?.metadata, { organizationId: 'org-1' });
	});

	it('has no extra or metadata when the step has none, and reads a null output as {}', () => {
		const [view] = validateExecution(envelope(aWireExecution({ steps: [aWireStep({ output: null })] }))).steps;
		assert.equal(view?.extra, undefined);
		assert.equal(view?.metadata, undefined);
		assert.deepEqual(view?.output, {});
	});

	it('keeps a "__proto__" step field as data, never as a prototype', () => {
		const body = JSON.parse(JSON.stringify(envelope(aWireExecution({ steps: [aWireStep()] }))).replace('"error":null', '"error":null,"__proto__":{"polluted":true}')) as unknown;
		const [view] = validateExecution(body).steps;
		assert.ok(view?.extra !== undefined && Object.hasOwn(view.extra, '__proto__'));
		assert.equal((view.extra as { polluted?: unknown }).polluted, undefined);
		assert.equal(({} as { polluted?: unknown }).polluted, undefined);
	});

	it('names step fields by index', () => {
		const steps = [aWireStep(), aWireStep({ output: [1, 2] })];
		assert.throws(() => validateExecution(envelope(aWireExecution({ steps }))), invalidAt('result.steps[1].output'));
		assert.throws(() => validateExecution(envelope(aWireExecution({ steps: {} }))), invalidAt('result.steps'));
	});

	it('refuses a get response for another execution', () => {
		assert.throws(() => validateExecution(envelope(aWireExecution()), 'exec_other'), invalidAt('result.executionId'));
	});
});

describe('validators: getEvents, definitions/list, cancel', () => {
	const events = (list: Json[], extra: Record<string, Json> = {}): unknown => envelope({ executionId: 'exec_1', events: list, ...extra });

	it('takes nextSinceSeq from a numeric wire cursor', () => {
		const page = validateEventsPage(events([anEvent(6), anEvent(9)], { nextCursor: 12, hasMore: true }), 5);
		assert.deepEqual([page.nextSinceSeq, page.hasMore, page.events.length], [12, true, 2]);
	});

	it('falls back to the highest seq, then to the request sinceSeq', () => {
		assert.equal(validateEventsPage(events([anEvent(9), anEvent(7)], { nextCursor: null }), 5).nextSinceSeq, 9);
		const empty = validateEventsPage(events([], { hasMore: true }), 5);
		assert.deepEqual([empty.nextSinceSeq, empty.hasMore], [5, false]);
	});

	it('reads event nulls and rejects bad events by path', () => {
		const [event] = validateEventsPage(events([anEvent(1, { stepId: null, data: null, correlationId: null })]), 0).events;
		assert.deepEqual([event?.stepId, event?.data, event?.correlationId], [null, null, null]);
		assert.throws(() => validateEventsPage(events([anEvent(1), anEvent(2, { seq: '2' })]), 0), invalidAt('result.events[1].seq'));
		assert.throws(() => validateEventsPage(events([], { nextCursor: '7' }), 0), invalidAt('result.nextCursor'));
		assert.throws(() => validateEventsPage(events([]), 0, 'exec_2'), invalidAt('result.executionId'));
	});

	it('reads integer definition cursors as strings, and sends integer strings back as numbers', () => {
		const item = { definitionId: 'def-a', name: 'A', description: null, version: 3, updatedAt: 1777 };
		const page = validateDefinitionsPage(envelope({ items: [item], nextCursor: 1777 }));
		assert.deepEqual([page.nextCursor, page.done, page.items[0]?.version], ['1777', false, 3]);
		assert.equal(definitionsWireCursor('1777'), 1777);
		assert.equal(definitionsWireCursor('abc'), 'abc');
		assert.equal(definitionsWireCursor('99999999999999999999'), '99999999999999999999');
		assert.throws(() => validateDefinitionsPage(envelope({ items: [{ ...item, version: null }] })), invalidAt('result.items[0].version'));
	});

	it('reads a cancel result', () => {
		assert.deepEqual(validateCancelResult(envelope({ cancelled: true, executionId: 'exec_1' })), { cancelled: true, executionId: 'exec_1' });
		assert.throws(() => validateCancelResult(envelope({ cancelled: 'yes', executionId: 'exec_1' })), invalidAt('result.cancelled'));
	});
});
