import * as assert from 'node:assert/strict';
import { ApiError } from '../../../src/api/errors';
import type { ExecutionStatus, ExecutionView } from '../../../src/api/types';
import { compareExecutions } from '../../../src/executions/filter';
import { REPEATED_CURSOR_MESSAGE, REPEATED_PAGE_MESSAGE } from '../../../src/executions/pageChecks';
import { CursorPager } from '../../../src/executions/pager';
import { aPage, anExecution, executions, ids } from './builders';
import { FakeVeltApi, flush } from './fakeApi';

interface PagerSetup {
	readonly status?: ExecutionStatus;
	readonly pageSize?: number;
	readonly matches?: (execution: ExecutionView) => boolean;
}

function pagerOver(api: FakeVeltApi, setup: PagerSetup = {}): CursorPager<ExecutionView> {
	const status = setup.status ?? 'completed';
	const pageSize = setup.pageSize ?? 5;
	return new CursorPager<ExecutionView>({
		fetchPage: (cursor, signal) => api.listExecutions({ status, pageSize, ...(cursor === undefined ? {} : { cursor }) }, signal),
		keyOf: (execution) => execution.executionId,
		matches: setup.matches,
		compare: compareExecutions,
	});
}

async function loadAll(pager: CursorPager<ExecutionView>, limit = 1000): Promise<void> {
	for (let i = 0; i < limit && !pager.done && pager.error === undefined; i++) {
		await pager.loadMore();
	}
}

describe('CursorPager', () => {
	it('pages to the end in list order, sending no cursor first and each cursor back unchanged', async () => {
		const data = executions(12);
		const api = new FakeVeltApi(data);
		const pager = pagerOver(api);
		await loadAll(pager);
		assert.deepEqual(ids(pager.items), ids(data));
		assert.equal(pager.done, true);
		assert.deepEqual(api.calls.map((c) => c.params.cursor), [undefined, '5', '10']);
		assert.equal(Object.hasOwn(api.calls[0]?.params ?? {}, 'cursor'), false);
		await pager.loadMore();
		assert.equal(api.calls.length, 3, 'no request once the end is reached');
	});

	it('shares one request between concurrent loadMore calls', async () => {
		const api = new FakeVeltApi(executions(12));
		const pager = pagerOver(api);
		api.hold();
		const first = pager.loadMore();
		const second = pager.loadMore();
		assert.equal(first, second);
		assert.equal(pager.loading, true);
		api.release();
		await first;
		assert.equal(api.calls.length, 1);
		assert.equal(pager.items.length, 5);
		assert.equal(pager.loading, false);
	});

	it('de-duplicates rows repeated across a page boundary, keeping first-seen order', async () => {
		const data = executions(8);
		const api = new FakeVeltApi(data);
		api.enqueue(() => aPage(data.slice(0, 4), 'c1'), () => aPage(data.slice(2, 8)));
		const pager = pagerOver(api);
		await loadAll(pager);
		assert.deepEqual(ids(pager.items), ids(data));
	});

	it('keeps every row once when equal startedAt values straddle a boundary (inclusive startedAt cursor)', async () => {
		const tied = [0, 0, 0, 1, 1, 2, 2, 2, 2, 3, 4, 4].map((t, i) => anExecution({ executionId: `e${i}`, startedAt: 1000 - t }));
		const api = new FakeVeltApi(tied, 'startedAt');
		const pager = pagerOver(api);
		await loadAll(pager);
		assert.equal(pager.error, undefined);
		assert.deepEqual([...ids(pager.items)].sort(), ids(tied).sort());
		assert.equal(new Set(ids(pager.items)).size, pager.items.length);
	});

	it('stops with an error instead of following a cursor it has already followed', async () => {
		const data = executions(20);
		const api = new FakeVeltApi(data);
		api.enqueue((p) => api.page(p), (p) => ({ ...api.page(p), nextCursor: p.cursor, done: false }));
		const pager = pagerOver(api);
		const failures: ApiError[] = [];
		pager.onDidFail((e) => failures.push(e));
		await pager.loadMore();
		await pager.loadMore();
		assert.equal(pager.error?.kind, 'invalidResponse');
		assert.equal(pager.error?.message, REPEATED_CURSOR_MESSAGE);
		assert.equal(failures.length, 1);
		assert.deepEqual(ids(pager.items), ids(data.slice(0, 5)), 'the looping page is discarded, earlier rows kept');
		assert.equal(pager.cursor, '5', 'the cursor stays where paging stopped');
		await pager.retry();
		await loadAll(pager);
		assert.deepEqual(ids(pager.items), ids(data), 'a retry against a sane API completes with no gap');
	});

	it('stops with an error when a page brings nothing new', async () => {
		const data = executions(20);
		const api = new FakeVeltApi(data);
		api.enqueue((p) => api.page(p), () => aPage(data.slice(0, 5), 'fresh-cursor'));
		const pager = pagerOver(api);
		await pager.loadMore();
		await pager.loadMore();
		assert.equal(pager.error?.message, REPEATED_PAGE_MESSAGE);
		assert.equal(pager.items.length, 5);
		assert.equal(pager.done, false);
	});

	it('keeps rows and cursor when a page fails, and a retry continues with no duplicate or gap', async () => {
		const data = executions(23);
		const api = new FakeVeltApi(data);
		const pager = pagerOver(api);
		await pager.loadMore();
		await pager.loadMore();
		api.failNext(new ApiError('server', 'HTTP 503', { httpStatus: 503 }));
		await pager.loadMore();
		assert.equal(pager.error?.kind, 'server');
		assert.equal(pager.items.length, 10);
		assert.equal(pager.cursor, '10');
		await pager.retry();
		assert.equal(pager.error, undefined);
		await loadAll(pager);
		assert.deepEqual(ids(pager.items), ids(data));
		assert.deepEqual(api.calls.map((c) => c.params.cursor), [undefined, '5', '10', '10', '15', '20']);
	});

	it('reset aborts the request in flight, and its late answer is never applied', async () => {
		const api = new FakeVeltApi(executions(12));
		const pager = pagerOver(api);
		api.hold();
		const loading = pager.loadMore();
		pager.reset();
		assert.equal(api.calls[0]?.signal?.aborted, true, 'the fake sees the abort');
		assert.equal(pager.loading, false);
		await loading;
		assert.equal(pager.items.length, 0);
		assert.equal(pager.error, undefined, 'cancellation is not an error');
	});

	it('ignores a stale answer even from an API that ignores the abort signal', async () => {
		const api = new FakeVeltApi(executions(12));
		api.honorAbort = false;
		const pager = pagerOver(api);
		api.hold();
		const stale = pager.loadMore();
		pager.reset();
		api.release();
		await stale;
		await flush();
		assert.equal(pager.items.length, 0);
		assert.equal(pager.loadedOnce, false);
	});

	it('scans a bounded number of pages for a client-side match and counts what it scanned', async () => {
		const data = executions(80);
		const target = data[62]?.executionId;
		const api = new FakeVeltApi(data);
		const pager = pagerOver(api, { matches: (e) => e.executionId === target });
		await pager.loadMore();
		assert.deepEqual({ scanned: pager.scanned, matched: pager.matched, calls: api.calls.length }, { scanned: 50, matched: 0, calls: 10 });
		assert.equal(pager.done, false);
		await pager.loadMore();
		assert.deepEqual({ scanned: pager.scanned, matched: pager.matched, calls: api.calls.length }, { scanned: 65, matched: 1, calls: 13 });
		assert.deepEqual(ids(pager.items), [target]);
	});
});
