import * as assert from 'node:assert/strict';
import type { ExecutionView } from '../../../src/api/types';
import { compareExecutions } from '../../../src/executions/filter';
import { CursorPager } from '../../../src/executions/pager';
import { anExecution, executions, ids } from './builders';
import { FakeVeltApi } from './fakeApi';

function pagerOver(api: FakeVeltApi, pageSize = 5): CursorPager<ExecutionView> {
	return new CursorPager<ExecutionView>({
		fetchPage: (cursor, signal) => api.listExecutions({ status: 'running', pageSize, ...(cursor === undefined ? {} : { cursor }) }, signal),
		keyOf: (execution) => execution.executionId,
		compare: compareExecutions,
	});
}

const NOW = 1_777_000_000_000;

function newer(count: number): ExecutionView[] {
	return Array.from({ length: count }, (_, i) => anExecution({ executionId: `new_${i}`, status: 'running', startedAt: NOW + (count - i) * 1000 }));
}

describe('CursorPager.refreshFirstPage', () => {
	it('puts new rows on top, updates known rows in place, and keeps later pages and the cursor', async () => {
		const data = executions(12, 'running', NOW);
		const api = new FakeVeltApi(data);
		const pager = pagerOver(api);
		await pager.loadMore();
		await pager.loadMore();
		const fresh = newer(2);
		const updated = { ...data[1], correlationId: 'corr-updated' } as ExecutionView;
		api.data = [...fresh, data[0] as ExecutionView, updated, ...data.slice(2)];
		await pager.refreshFirstPage();
		assert.deepEqual(ids(pager.items), [...ids(fresh), ...ids(data.slice(0, 10))]);
		assert.equal(pager.items[3]?.correlationId, 'corr-updated');
		assert.equal(pager.gap, false);
		assert.equal(pager.cursor, '10', 'paging continues after the old end');
		await pager.loadMore();
		assert.equal(pager.error, undefined);
		assert.equal(new Set(ids(pager.items)).size, 14);
		assert.equal(pager.done, true);
	});

	it('drops rows above the overlap that left the group (finished), leaving rows below alone', async () => {
		const data = executions(10, 'running', NOW);
		const api = new FakeVeltApi(data);
		const pager = pagerOver(api);
		await pager.loadMore();
		await pager.loadMore();
		api.data = data.filter((e) => e.executionId !== data[1]?.executionId && e.executionId !== data[7]?.executionId);
		await pager.refreshFirstPage();
		assert.deepEqual(ids(pager.items), ids(data.filter((_, i) => i !== 1)), 'row 7 was not re-read, so it stays');
	});

	it('replaces the rows when the fresh first page is the whole list', async () => {
		const data = executions(4, 'running', NOW);
		const api = new FakeVeltApi(data);
		const pager = pagerOver(api);
		await pager.loadMore();
		const fresh = newer(1);
		api.data = [...fresh, data[2] as ExecutionView];
		await pager.refreshFirstPage();
		assert.deepEqual(ids(pager.items), [...ids(fresh), data[2]?.executionId]);
		assert.equal(pager.done, true);
	});

	it('flags a gap when the fresh first page does not overlap what is loaded, and changes nothing', async () => {
		const data = executions(10, 'running', NOW);
		const api = new FakeVeltApi(data);
		const pager = pagerOver(api);
		await pager.loadMore();
		api.data = [...newer(6), ...data];
		await pager.refreshFirstPage();
		assert.equal(pager.gap, true);
		assert.deepEqual(ids(pager.items), ids(data.slice(0, 5)));
		pager.reset();
		await pager.loadMore();
		assert.equal(pager.gap, false);
		assert.deepEqual(ids(pager.items), ids(api.data.slice(0, 5)));
	});

	it('runs a refresh asked for during a load after it, and coalesces repeated asks', async () => {
		const api = new FakeVeltApi(executions(12, 'running', NOW));
		const pager = pagerOver(api);
		await pager.loadMore();
		api.hold();
		const loading = pager.loadMore();
		const refreshA = pager.refreshFirstPage();
		const refreshB = pager.refreshFirstPage();
		assert.equal(refreshA, refreshB);
		assert.equal(api.calls.length, 2, 'the refresh waits for the load');
		api.release();
		await Promise.all([loading, refreshA]);
		assert.deepEqual(api.calls.map((c) => c.params.cursor), [undefined, '5', undefined]);
		assert.equal(pager.items.length, 10);
	});

	it('is the first load when nothing was loaded yet', async () => {
		const api = new FakeVeltApi(executions(3, 'running', NOW));
		const pager = pagerOver(api);
		await pager.refreshFirstPage();
		assert.equal(pager.items.length, 3);
		assert.equal(api.calls.length, 1);
	});

	it('retries a failed refresh as a refresh, keeping the rows meanwhile', async () => {
		const api = new FakeVeltApi(executions(12, 'running', NOW));
		const pager = pagerOver(api);
		await pager.loadMore();
		api.failNext(new Error('socket hang up'));
		await pager.refreshFirstPage();
		assert.equal(pager.error?.kind, 'invalidResponse');
		assert.equal(pager.items.length, 5);
		await pager.retry();
		assert.equal(pager.error, undefined);
		assert.deepEqual(api.calls.map((c) => c.params.cursor), [undefined, undefined, undefined]);
	});
});
