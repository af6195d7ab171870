import * as assert from 'node:assert/strict';
import { ApiError } from '../../../src/api/errors';
import type { ExecutionStatus, ExecutionView } from '../../../src/api/types';
import type { VeltApi } from '../../../src/api/veltApi';
import { ExecutionsModel } from '../../../src/executions/executionsModel';
import type { GroupFailure } from '../../../src/executions/executionsModel';
import { aStep, anExecution, executions, ids } from './builders';
import { FakeVeltApi } from './fakeApi';

const NOW = 1_777_000_000_000;

function modelOver(api: VeltApi | undefined, pageSize = 5): ExecutionsModel {
	return new ExecutionsModel({ getApi: () => api, getPageSize: () => pageSize });
}

function record(model: ExecutionsModel): (ExecutionStatus | undefined)[] {
	const changes: (ExecutionStatus | undefined)[] = [];
	model.onDidChangeGroup((status) => changes.push(status));
	return changes;
}

describe('ExecutionsModel', () => {
	it('loads a group on first expand only, and refresh skips groups never expanded', async () => {
		const api = new FakeVeltApi([...executions(7, 'running', NOW), ...executions(7, 'failed', NOW)]);
		const model = modelOver(api);
		await model.ensureLoaded('running');
		await model.ensureLoaded('running');
		assert.equal(api.calls.length, 1);
		assert.deepEqual(api.calls[0]?.params, { status: 'running', pageSize: 5 });
		await model.refresh();
		assert.deepEqual(api.calls.map((c) => c.params.status), ['running', 'running']);
		const group = model.group('running');
		assert.deepEqual({ count: group.items.length, hasMore: group.hasMore, loadedOnce: group.loadedOnce }, { count: 5, hasMore: true, loadedOnce: true });
		assert.equal(model.group('failed').loadedOnce, false);
	});

	it('moves an execution to the group of its most recently fetched status, firing both groups', async () => {
		const running = executions(3, 'running', NOW);
		const api = new FakeVeltApi(running);
		const model = modelOver(api);
		await model.ensureLoaded('running');
		const moved = { ...running[1], status: 'completed', completedAt: NOW + 5000 } as ExecutionView;
		api.data = [running[0] as ExecutionView, moved, running[2] as ExecutionView];
		const changes = record(model);
		await model.ensureLoaded('completed');
		assert.deepEqual(ids(model.group('completed').items), [moved.executionId]);
		assert.deepEqual(ids(model.group('running').items), [running[0]?.executionId, running[2]?.executionId]);
		assert.ok(changes.includes('running') && changes.includes('completed'));
		assert.equal(model.findExecution(moved.executionId)?.status, 'completed');
	});

	it('sends a row that came back with another status to its own group', async () => {
		const completed = executions(3, 'completed', NOW);
		const stray = anExecution({ executionId: 'stray', status: 'failed', startedAt: NOW + 10 });
		const api = new FakeVeltApi([...completed, ...executions(2, 'failed', NOW)]);
		const model = modelOver(api);
		await model.ensureLoaded('failed');
		api.enqueue(() => ({ items: [stray, ...completed], nextCursor: undefined, done: true }));
		await model.ensureLoaded('completed');
		assert.deepEqual(ids(model.group('completed').items), ids(completed));
		assert.equal(model.group('failed').items[0]?.executionId, 'stray');
	});

	it('upserts a fresher copy: out of its old group, into its new group in list order', async () => {
		const api = new FakeVeltApi([...executions(3, 'running', NOW), ...executions(3, 'completed', NOW + 500)]);
		const model = modelOver(api);
		await model.ensureLoaded('running');
		await model.ensureLoaded('completed');
		const finished = { ...model.group('running').items[0], status: 'completed' } as ExecutionView;
		model.upsertExecution(finished);
		assert.equal(model.group('running').items.length, 2);
		assert.deepEqual(ids(model.group('completed').items), ['completed_00000', finished.executionId, 'completed_00001', 'completed_00002']);
	});

	it('never shows rows of an older filter after a change, even when the old answer arrives late', async () => {
		const data = [
			...executions(4, 'failed', NOW).map((e) => ({ ...e, definitionId: 'old-def' })),
			anExecution({ executionId: 'wanted', status: 'failed', definitionId: 'new-def' }),
		];
		const api = new FakeVeltApi(data);
		api.honorAbort = false;
		const model = modelOver(api);
		api.hold();
		const slow = model.ensureLoaded('failed');
		model.setFilter({ definitionId: 'new-def' });
		assert.equal(api.calls[0]?.signal?.aborted, true, 'the old request is aborted');
		const fresh = model.ensureLoaded('failed');
		api.release();
		await Promise.all([slow, fresh]);
		assert.deepEqual(ids(model.group('failed').items), ['wanted']);
		assert.equal(api.calls[1]?.params.definitionId, 'new-def');
	});

	it('keeps loaded rows when only the visible statuses change', async () => {
		const api = new FakeVeltApi(executions(3, 'failed', NOW));
		const model = modelOver(api);
		await model.ensureLoaded('failed');
		model.setFilter({ statuses: ['failed', 'running'] });
		assert.deepEqual(model.visibleStatuses(), ['running', 'failed']);
		assert.equal(model.group('failed').items.length, 3);
		assert.equal(api.calls.length, 1);
	});

	it('filters by scope client-side with a bounded scan and reports scanned and matched', async () => {
		const data = executions(70, 'completed', NOW).map((e, i) =>
			i === 3 || i === 64 ? { ...e, steps: [aStep({ organizationId: 'acme', documentId: 'd1' })] } : { ...e, steps: [aStep({ organizationId: 'other' })] },
		);
		const model = modelOver(new FakeVeltApi(data));
		model.setFilter({ scope: { organizationId: 'acme' } });
		await model.ensureLoaded('completed');
		let group = model.group('completed');
		assert.deepEqual({ scanned: group.scanned, matched: group.matched, clientFiltered: group.clientFiltered }, { scanned: 5, matched: 1, clientFiltered: true });
		await model.loadMore('completed');
		group = model.group('completed');
		assert.deepEqual({ scanned: group.scanned, matched: group.matched, hasMore: group.hasMore }, { scanned: 55, matched: 1, hasMore: true });
		await model.loadMore('completed');
		group = model.group('completed');
		assert.deepEqual({ scanned: group.scanned, matched: group.matched }, { scanned: 65, matched: 2 });
	});

	it('reports failures with their group, and an auth failure when signed out', async () => {
		const api = new FakeVeltApi(executions(3, 'failed', NOW));
		api.failNext(new ApiError('permission', 'PERMISSION_DENIED', { httpStatus: 403 }));
		const model = modelOver(api);
		const failures: GroupFailure[] = [];
		model.onDidFail((f) => failures.push(f));
		await model.ensureLoaded('failed');
		assert.deepEqual(failures.map((f) => [f.status, f.error.kind]), [['failed', 'permission']]);
		await model.ensureLoaded('failed');
		assert.equal(failures.length, 1, 'a failed first page waits for an explicit retry');
		await model.retry('failed');
		assert.equal(model.group('failed').items.length, 3);
		const signedOut = modelOver(undefined);
		assert.equal(signedOut.hasApi, false);
		await signedOut.ensureLoaded('running');
		assert.equal(signedOut.group('running').error?.kind, 'auth');
	});

	it('reset aborts everything and forgets every group', async () => {
		const api = new FakeVeltApi(executions(3, 'pending', NOW));
		const model = modelOver(api, 900);
		await model.ensureLoaded('pending');
		assert.equal(api.calls[0]?.params.pageSize, 500, 'page size is clamped');
		api.hold();
		const pending = model.refresh('pending');
		const changes = record(model);
		model.reset();
		assert.equal(api.calls[1]?.signal?.aborted, true);
		assert.deepEqual(changes, [undefined]);
		await pending;
		assert.equal(model.group('pending').loadedOnce, false);
		assert.equal(model.findExecution('pending_00000'), undefined);
	});
});
