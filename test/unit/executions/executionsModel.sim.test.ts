import * as assert from 'node:assert/strict';
import type { ExecutionView } from '../../../src/api/types';
import { REPEATED_CURSOR_MESSAGE, REPEATED_PAGE_MESSAGE } from '../../../src/executions/pageChecks';
import type { GroupFailure } from '../../../src/executions/executionsModel';
import type { ContractVariant } from '../../sim/api';
import { ids } from './builders';
import { loadGroup, useSimulatorModel } from './simHarness';

function listRequests(h: ReturnType<typeof useSimulatorModel>): Record<string, unknown>[] {
	return h.sim.requests.filter((r) => r.path.endsWith('executions/list')).map((r) => r.data ?? {});
}

function assertUnique(items: readonly ExecutionView[]): void {
	assert.equal(new Set(ids(items)).size, items.length, 'no execution twice');
}

describe('ExecutionsModel against the simulator', () => {
	const h = useSimulatorModel();

	for (const variant of ['current', 'seed'] as ContractVariant[]) {
		it(`loads a whole group exactly once per execution (${variant} variant)`, async () => {
			h.sim.variant = variant;
			h.pageSize = 17;
			const model = h.model();
			await loadGroup(model, 'completed');
			const group = model.group('completed');
			assert.equal(group.error, undefined);
			assertUnique(group.items);
			assert.deepEqual([...ids(group.items)].sort(), h.sim.executionIds('completed').sort());
			if (variant === 'seed') {
				assert.deepEqual(ids(group.items), h.sim.executionIds('completed'), 'list order kept');
			}
			assert.equal(Object.hasOwn(listRequests(h)[0] ?? {}, 'cursor'), false);
		});
	}

	it('keeps rows tied on startedAt across a page boundary (current variant overlaps)', async () => {
		const top = Date.now() + 60_000;
		[top + 3, top + 2, top + 1, top, top, top, top].forEach((startedAt) => h.sim.addExecution({ status: 'cancelled', startedAt }));
		h.pageSize = 5;
		const model = h.model();
		await loadGroup(model, 'cancelled');
		const group = model.group('cancelled');
		assert.equal(group.error, undefined);
		assertUnique(group.items);
		assert.deepEqual([...ids(group.items)].sort(), h.sim.executionIds('cancelled').sort());
	});

	it('stops on a repeated cursor with a clear error, keeps the rows, and a retry completes', async () => {
		const model = h.model();
		await model.ensureLoaded('failed');
		h.sim.inject({ kind: 'repeatCursor', path: 'executions/list' });
		await model.loadMore('failed');
		let group = model.group('failed');
		assert.equal(group.error?.kind, 'invalidResponse');
		assert.equal(group.error?.message, REPEATED_CURSOR_MESSAGE);
		assert.equal(group.items.length, 10);
		await model.retry('failed');
		await loadGroup(model, 'failed');
		group = model.group('failed');
		assertUnique(group.items);
		assert.deepEqual([...ids(group.items)].sort(), h.sim.executionIds('failed').sort());
	});

	it('stops when a page repeats the previous one', async () => {
		const model = h.model();
		await model.ensureLoaded('failed');
		h.sim.inject({ kind: 'repeatPage', path: 'executions/list' });
		await model.loadMore('failed');
		assert.equal(model.group('failed').error?.message, REPEATED_PAGE_MESSAGE);
		assert.equal(listRequests(h).length, 2, 'no further request after the loop was detected');
	});

	it('shows duplicates across a page boundary once', async () => {
		const model = h.model();
		h.sim.inject({ kind: 'duplicateAcrossBoundary', count: 3, path: 'executions/list', times: 3 });
		await loadGroup(model, 'failed');
		const group = model.group('failed');
		assertUnique(group.items);
		assert.equal(group.items.length, h.sim.executionIds('failed').length);
	});

	it('after a 503 mid-paging, a retry completes with no duplicate and no gap', async () => {
		const model = h.model();
		await model.ensureLoaded('completed');
		await model.loadMore('completed');
		const loaded = ids(model.group('completed').items);
		h.sim.inject({ kind: 'http', status: 503, apiStatus: 'UNAVAILABLE', path: 'executions/list' });
		await model.loadMore('completed');
		assert.equal(model.group('completed').error?.kind, 'server');
		assert.deepEqual(ids(model.group('completed').items), loaded, 'loaded rows kept');
		await model.retry('completed');
		await loadGroup(model, 'completed');
		const group = model.group('completed');
		assertUnique(group.items);
		assert.deepEqual([...ids(group.items)].sort(), h.sim.executionIds('completed').sort());
	});

	it('discards a slow answer for the old filter after the filter changes', async () => {
		const model = h.model();
		const definitionId = (h.sim.execution(h.sim.executionIds('failed')[0] ?? '') as { definitionId: string }).definitionId;
		h.sim.inject({ kind: 'latency', ms: 400, path: 'executions/list' });
		const slow = model.ensureLoaded('failed');
		await new Promise((resolve) => setTimeout(resolve, 50));
		model.setFilter({ definitionId });
		await Promise.all([slow, model.ensureLoaded('failed')]);
		const group = model.group('failed');
		assert.ok(group.items.length > 0);
		assert.ok(group.items.every((e) => e.definitionId === definitionId));
		assert.equal(group.error, undefined);
	});

	it('moves an execution that changed status between loads to its new group', async () => {
		const model = h.model();
		await model.ensureLoaded('running');
		const id = model.group('running').items[2]?.executionId ?? '';
		h.sim.updateExecution(id, { status: 'completed', completedAt: Date.now() });
		h.pageSize = 500;
		await model.ensureLoaded('completed');
		assert.ok(ids(model.group('completed').items).includes(id));
		assert.ok(!ids(model.group('running').items).includes(id));
	});

	it('merges a refreshed first page: new rows on top, later pages kept', async () => {
		const model = h.model();
		await model.ensureLoaded('running');
		await model.loadMore('running');
		const before = ids(model.group('running').items);
		const added = h.sim.addExecution({ status: 'running', startedAt: Date.now() + 120_000 });
		await model.refresh();
		const after = ids(model.group('running').items);
		assert.deepEqual(after, [added, ...before]);
		assert.equal(listRequests(h).length, 3, 'only the expanded group was refreshed');
	});

	it('reports an auth failure once per failed request, with the group', async () => {
		const model = h.model();
		const failures: GroupFailure[] = [];
		model.onDidFail((failure) => failures.push(failure));
		h.sim.inject({ kind: 'authRevoked' });
		await model.ensureLoaded('pending');
		assert.deepEqual(failures.map((f) => [f.status, f.error.kind]), [['pending', 'permission']]);
		assert.equal(failures[0]?.error.isAuthFailure, true);
		h.sim.restoreAuth();
		await model.retry('pending');
		assert.equal(model.group('pending').error, undefined);
		assert.equal(model.group('pending').items.length, h.sim.executionIds('pending').length);
	});
});
