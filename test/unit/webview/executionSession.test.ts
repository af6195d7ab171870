import assert from 'node:assert/strict';
import { ApiError } from '../../../src/api/errors';
import type { ExecutionView } from '../../../src/api/types';
import type { Logger } from '../../../src/common/logger';
import { ExecutionSession } from '../../../src/webview/executionSession';
import type { SessionError } from '../../../src/webview/executionSession';
import type { ToWebview } from '../../../src/webview/protocol';
import { realisticExecution } from '../../webview/builders';
import { ENGLISH } from '../../webview/strings';
import { eventsWithSeqs, FakeExecutionApi } from './fakeExecutionApi';

interface Harness {
	readonly session: ExecutionSession;
	readonly api: FakeExecutionApi;
	readonly posted: ToWebview[];
	readonly warnings: string[];
	watched: boolean;
	signedIn: boolean;
}

function setup(execution: ExecutionView = realisticExecution(), seqs: number[] = [], maxEventPages?: number): Harness {
	const api = new FakeExecutionApi(execution, eventsWithSeqs(seqs));
	const warnings: string[] = [];
	const logger: Logger = {
		trace: () => undefined, debug: () => undefined, info: () => undefined, error: () => undefined,
		warn: (message: string) => void warnings.push(message),
	};
	const harness: Harness = { api, posted: [], warnings, watched: false, signedIn: true } as unknown as Harness;
	const describeError = (error: unknown): SessionError => ({
		kind: ApiError.is(error) ? error.kind : 'unknown',
		message: `failed: ${error instanceof Error ? error.message : String(error)}`,
	});
	const session = new ExecutionSession({
		executionId: execution.executionId,
		getApi: () => (harness.signedIn ? api : undefined),
		strings: () => ENGLISH,
		describeError,
		isWatched: () => harness.watched,
		logger,
		now: () => 1_800_000_000_000,
		maxEventPages,
	});
	session.onDidPost((message) => harness.posted.push(message));
	return Object.assign(harness, { session });
}

function types(posted: readonly ToWebview[]): string[] {
	return posted.map((m) => m.type);
}

function lastOf<T extends ToWebview['type']>(posted: readonly ToWebview[], type: T): Extract<ToWebview, { type: T }> {
	const found = [...posted].reverse().find((m) => m.type === type);
	assert.ok(found, `a ${type} message was posted`);
	return found as Extract<ToWebview, { type: T }>;
}

describe('ExecutionSession', () => {
	it('loads the execution and pages events by sinceSeq until hasMore is false, keeping seq gaps', async () => {
		const seqs = Array.from({ length: 250 }, (_, i) => i * 3 + 1); // 1, 4, 7, …
		const h = setup(realisticExecution(), seqs);
		await h.session.load();
		assert.deepEqual(types(h.posted), ['loading', 'execution']);
		const message = lastOf(h.posted, 'execution');
		assert.equal(message.execution.executionId, 'exec_1777374504255_xzy43k9q');
		assert.deepEqual(message.events.map((e) => e.seq), seqs);
		assert.equal(message.eventsComplete, true);
		assert.equal(message.now, 1_800_000_000_000);
		assert.deepEqual(h.api.callsOf('getExecutionEvents').map((c) => c.params.sinceSeq), [0, 298, 598]);
	});

	it('bounds the pages per batch and continues with "load more events"', async () => {
		const h = setup(realisticExecution(), Array.from({ length: 450 }, (_, i) => i + 1), 2);
		await h.session.load();
		assert.equal(lastOf(h.posted, 'execution').events.length, 200);
		assert.equal(lastOf(h.posted, 'execution').eventsComplete, false);
		await Promise.all([h.session.loadMoreEvents(), h.session.loadMoreEvents()]); // coalesced
		const appended = lastOf(h.posted, 'events');
		assert.deepEqual([appended.events[0]?.seq, appended.events.length, appended.complete], [201, 200, false]);
		assert.equal(h.api.callsOf('getExecutionEvents').length, 4);
		await h.session.loadMoreEvents();
		assert.deepEqual([lastOf(h.posted, 'events').events.length, lastOf(h.posted, 'events').complete], [50, true]);
		const [snapshot] = h.session.snapshot();
		assert.ok(snapshot?.type === 'execution');
		assert.deepEqual([snapshot.events.length, snapshot.eventsComplete], [450, true], 'a reloaded webview gets all of them');
	});

	it('on refresh fetches only events newer than the loaded ones', async () => {
		const h = setup(realisticExecution(), [1, 4, 7]);
		await h.session.load();
		h.api.events.push(...eventsWithSeqs([9, 12]));
		await h.session.load();
		assert.deepEqual(h.api.callsOf('getExecutionEvents').map((c) => c.params.sinceSeq), [0, 7]);
		assert.deepEqual(lastOf(h.posted, 'execution').events.map((e) => e.seq), [1, 4, 7, 9, 12]);
	});

	it('stops when the server says hasMore without progress, and logs it', async () => {
		const h = setup(realisticExecution(), [1, 2]);
		h.api.stallEvents = true;
		await h.session.load();
		assert.equal(lastOf(h.posted, 'execution').eventsComplete, true);
		assert.equal(h.api.callsOf('getExecutionEvents').length, 1);
		assert.match(h.warnings.join('\n'), /hasMore without progress/);
	});

	it('shows not-found and signed-out errors in the panel, with their kind, instead of throwing', async () => {
		const h = setup();
		h.api.failures.getExecution.push(new ApiError('notFound', 'No such execution', { httpStatus: 404 }));
		await h.session.load();
		assert.deepEqual(types(h.posted), ['loading', 'error']);
		assert.equal(lastOf(h.posted, 'error').kind, 'notFound');
		assert.deepEqual(types(h.session.snapshot()), ['error']);
		h.signedIn = false;
		await h.session.load();
		assert.equal(lastOf(h.posted, 'error').kind, 'auth');
	});

	it('still shows a loaded execution when only its events fail, followed by the error', async () => {
		const h = setup(realisticExecution(), [1]);
		h.api.failures.getExecutionEvents.push(new ApiError('server', 'boom', { httpStatus: 500 }));
		await h.session.load();
		assert.deepEqual(types(h.posted), ['loading', 'execution', 'error']);
		assert.deepEqual(types(h.session.snapshot()), ['execution', 'error']);
		await h.session.load();
		assert.deepEqual(types(h.session.snapshot()), ['execution'], 'a successful reload clears the error');
	});

	it('never lets a stale load overwrite a newer one, even when the API ignores the abort', async () => {
		const h = setup(realisticExecution({ status: 'running' }));
		h.api.honorAbort = false;
		h.api.hold();
		const first = h.session.load();
		h.api.release();
		h.api.execution = realisticExecution({ status: 'completed' });
		h.api.hold();
		const second = h.session.load();
		h.api.release();
		await Promise.all([first, second]);
		const views = h.posted.filter((m) => m.type === 'execution');
		assert.equal(views.at(-1)?.type === 'execution' && views.at(-1)?.execution.status, 'completed');
		assert.equal(h.session.execution?.status, 'completed');
	});

	it('cancels once, with the reason, then reloads; a second concurrent cancel is refused', async () => {
		const h = setup(realisticExecution({ status: 'running' }));
		await h.session.load();
		const results = await Promise.all([h.session.cancel('wrong copy'), h.session.cancel('again')]);
		assert.deepEqual(results, [true, false]);
		assert.deepEqual(h.api.callsOf('cancelExecution').map((c) => c.reason), ['wrong copy']);
		assert.equal(lastOf(h.posted, 'execution').execution.status, 'cancelled');
	});

	it('reports a failed cancel in the panel and returns false', async () => {
		const h = setup(realisticExecution({ status: 'running' }));
		await h.session.load();
		h.api.failures.cancelExecution.push(new ApiError('permission', 'denied', { httpStatus: 403 }));
		assert.equal(await h.session.cancel(undefined), false);
		assert.equal(lastOf(h.posted, 'error').kind, 'permission');
	});

	it('applies live updates for its own execution and picks up newer events', async () => {
		const h = setup(realisticExecution(), [1]);
		await h.session.load();
		h.api.events.push(...eventsWithSeqs([5]));
		h.session.update(realisticExecution({ status: 'completed', completedAt: 1 }));
		h.session.update(realisticExecution({ executionId: 'someone-else', status: 'failed' }));
		await h.session.loadMoreEvents();
		assert.equal(lastOf(h.posted, 'execution').execution.status, 'completed');
		assert.deepEqual(lastOf(h.posted, 'events').events.map((e) => e.seq), [5]);
	});

	it('reports the watch state and posts nothing after dispose', async () => {
		const h = setup();
		h.watched = true;
		h.session.postWatching();
		assert.deepEqual(lastOf(h.posted, 'watching'), { type: 'watching', watching: true });
		h.api.hold();
		const pending = h.session.load();
		const before = h.posted.length;
		h.session.dispose();
		h.api.release();
		await pending;
		assert.equal(h.posted.length, before);
	});
});
