import * as assert from 'node:assert/strict';
import type { Simulator } from '../../sim/api';
import { startSimulator } from '../../sim/simulator';
import { ids, pageAll, result } from './helpers';
import type { Json } from './helpers';

const STATUSES = ['pending', 'running', 'completed', 'failed', 'cancelled'] as const;

function startedAt(sim: Simulator, id: string): number {
	return (sim.execution(id) as Json).startedAt as number;
}

describe('simulator: paging and data', () => {
	let sim: Simulator;
	beforeEach(async () => {
		sim = await startSimulator({ seed: 11 });
	});
	afterEach(() => sim.close());

	it('current variant: every id of a status exactly once after de-dup, for several page sizes', async () => {
		for (const status of STATUSES) {
			for (const pageSize of [7, 10, 50]) {
				const pages = await pageAll(sim, { status }, pageSize);
				const seen = [...new Set(pages.flatMap(ids))];
				assert.deepEqual(seen, sim.executionIds(status), `${status}/${pageSize}`);
				for (const page of pages) {
					assert.equal('hasMore' in page, false);
					assert.ok(page.nextCursor === null || /^\d+$/.test(page.nextCursor as string));
					assert.ok((page.items as Json[]).every((item) => Array.isArray(item.steps) && (item.steps as unknown[]).length === 0));
				}
				assert.equal(pages.at(-1)?.nextCursor, null);
			}
		}
	});

	it('current variant: ties on the boundary bring rows of the previous page back', async () => {
		const completed = sim.executionIds('completed');
		assert.equal(startedAt(sim, completed[48] ?? ''), startedAt(sim, completed[50] ?? ''));
		assert.equal(startedAt(sim, completed[9] ?? ''), startedAt(sim, completed[10] ?? ''));
		const [first, second] = await pageAll(sim, { status: 'completed' }, 50);
		const overlap = ids(second ?? {}).filter((id) => ids(first ?? {}).includes(id));
		assert.deepEqual(overlap, [completed[48], completed[49]]);
		assert.equal(first?.nextCursor, String(startedAt(sim, completed[49] ?? '')));
	});

	it('seed variant: offset cursors, hasMore:false with a string cursor at the end, steps with metadata', async () => {
		sim.variant = 'seed';
		for (const status of STATUSES) {
			const pages = await pageAll(sim, { status }, 10);
			const all = pages.flatMap(ids);
			assert.deepEqual(all, sim.executionIds(status), status);
			const last = pages.at(-1) ?? {};
			assert.equal(last.hasMore, false);
			assert.equal(typeof last.nextCursor, 'string');
		}
		const page = await result(sim, 'executions/list', { status: 'completed', pageSize: 3, cursor: Buffer.from('{"offset":3}').toString('base64') });
		assert.deepEqual(ids(page), sim.executionIds('completed').slice(3, 6));
		const steps = (page.items as Json[]).flatMap((item) => item.steps as Json[]);
		assert.ok(steps.length > 0 && steps.every((s) => typeof (s.metadata as Json).organizationId === 'string'));
	});

	it('filters by definitionId and status together', async () => {
		const page = await result(sim, 'executions/list', { status: 'completed', definitionId: 'legal-contract-review', pageSize: 500 });
		const items = page.items as Json[];
		assert.ok(items.length > 0);
		assert.ok(items.every((i) => i.status === 'completed' && i.definitionId === 'legal-contract-review'));
		assert.equal(page.nextCursor, null);
	});

	it('getEvents pages ascending by seq with gaps, nextCursor = last seq, hasMore', async () => {
		const id = sim.executionIds('completed')[0] ?? '';
		const seqs: number[] = [];
		let sinceSeq = 0;
		for (;;) {
			const page = await result(sim, 'executions/getEvents', { executionId: id, sinceSeq, pageSize: 2 });
			const events = page.events as Json[];
			seqs.push(...events.map((e) => e.seq as number));
			if (page.hasMore !== true) {
				break;
			}
			assert.equal(page.nextCursor, events.at(-1)?.seq);
			sinceSeq = page.nextCursor as number;
		}
		assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b));
		assert.ok(seqs.some((s, i) => i > 0 && s - (seqs[i - 1] ?? 0) > 1), 'expected seq gaps');
		const all = await result(sim, 'executions/getEvents', { executionId: id });
		assert.deepEqual((all.events as Json[]).map((e) => e.seq), seqs);
		assert.equal((all.events as Json[]).at(-1)?.type, 'execution.completed');
	});

	it('cancel moves a running execution to cancelled once; terminal cancels are no-ops', async () => {
		const id = sim.executionIds('running')[3] ?? '';
		assert.deepEqual(await result(sim, 'executions/cancel', { executionId: id, reason: 'test' }), { cancelled: true, executionId: id });
		assert.deepEqual(await result(sim, 'executions/cancel', { executionId: id }), { cancelled: false, executionId: id });
		assert.ok(sim.executionIds('cancelled').includes(id));
		assert.ok(!sim.executionIds('running').includes(id));
		const view = sim.execution(id) as Json;
		assert.equal(view.status, 'cancelled');
		assert.equal(typeof view.cancelledAt, 'number');
		const events = (await result(sim, 'executions/getEvents', { executionId: id })).events as Json[];
		assert.deepEqual([events.at(-1)?.type, events.at(-1)?.data], ['execution.cancelled', { reason: 'test' }]);
	});

	it('updateExecution and addExecution change what the list returns', async () => {
		const id = sim.executionIds('running')[0] ?? '';
		sim.updateExecution(id, { status: 'completed' });
		assert.ok(sim.executionIds('completed').includes(id));
		const events = (await result(sim, 'executions/getEvents', { executionId: id })).events as Json[];
		assert.equal(events.at(-1)?.type, 'execution.completed');
		const added = sim.addExecution({ status: 'failed', definitionId: 'invoice-approval' });
		assert.match(added, /^exec_\d{13}_[a-z0-9]{8}$/);
		assert.equal(sim.executionIds('failed')[0], added);
		assert.equal((sim.execution(added) as Json).definitionId, 'invoice-approval');
	});

	it('is deterministic for a seed and clock, and lean sets carry list fields only', async () => {
		const a = await startSimulator({ seed: 5, now: 1_790_000_000_000 });
		const b = await startSimulator({ seed: 5, now: 1_790_000_000_000, counts: { completed: 20_000 }, lean: true });
		try {
			assert.equal(b.executionIds('completed').length, 20_000);
			assert.equal(b.executionIds().length, 20_000 + 7 + 23 + 61 + 19);
			const lean = b.execution(b.executionIds('failed')[0] ?? '') as Json;
			assert.deepEqual(lean.steps, []);
			assert.notEqual(lean.failureReason, null);
			const again = await startSimulator({ seed: 5, now: 1_790_000_000_000 });
			assert.deepEqual(again.executionIds(), a.executionIds());
			await again.close();
		} finally {
			await a.close();
			await b.close();
		}
	});
});
