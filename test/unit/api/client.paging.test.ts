import * as assert from 'node:assert/strict';
import type { VeltClient } from '../../../src/api/client';
import type { ContractVariant } from '../../sim/api';
import { useSimulator } from './harness';

async function pageAll(client: VeltClient, status: 'failed', pageSize: number): Promise<{ ids: string[]; cursors: string[] }> {
	const ids: string[] = [];
	const cursors: string[] = [];
	let cursor: string | undefined;
	for (let pages = 0; pages < 100; pages++) {
		const page = await client.listExecutions({ status, pageSize, cursor });
		ids.push(...page.items.map((e) => e.executionId));
		if (page.done) {
			return { ids, cursors };
		}
		assert.ok(page.nextCursor !== undefined, 'a page that is not done has a cursor');
		cursors.push(page.nextCursor);
		cursor = page.nextCursor;
	}
	throw new Error('paging did not end');
}

describe('VeltClient paging against the simulator', () => {
	const h = useSimulator();

	for (const variant of ['current', 'seed'] as ContractVariant[]) {
		it(`pages executions/list to the end (${variant} variant), sending cursors back unchanged`, async () => {
			h.sim.variant = variant;
			const { ids, cursors } = await pageAll(h.client(), 'failed', 10);
			assert.deepEqual([...new Set(ids)].sort(), h.sim.executionIds('failed').sort());
			const sent = h.sim.requests.filter((r) => r.path.endsWith('/executions/list'));
			assert.equal(sent.length, cursors.length + 1);
			assert.equal(Object.hasOwn(sent[0]?.data ?? {}, 'cursor'), false, 'the first page carries no cursor key');
			assert.deepEqual(sent.slice(1).map((r) => r.data?.cursor), cursors);
			assert.deepEqual(sent[0]?.data, { status: 'failed', pageSize: 10 });
			if (variant === 'seed') {
				assert.equal(new Set(ids).size, ids.length);
			}
		});
	}

	it('sends only the filters that are set', async () => {
		const definitionId = (h.sim.execution(h.sim.executionIds('running')[0] ?? '') as { definitionId: string }).definitionId;
		const page = await h.client().listExecutions({ definitionId, status: 'running' });
		assert.ok(page.items.every((e) => e.definitionId === definitionId && e.status === 'running'));
		assert.deepEqual(h.sim.requests[0]?.data, { definitionId, status: 'running' });
		assert.equal(h.sim.requests[0]?.hadCredentials, true);
	});

	it('reads every step from executions/get in both variants, and seed-variant metadata', async () => {
		const id = h.sim.executionIds('completed')[0] ?? '';
		for (const variant of ['current', 'seed'] as ContractVariant[]) {
			h.sim.variant = variant;
			const execution = await h.client().getExecution(id);
			const wire = h.sim.execution(id) as { steps: { stepId: string }[] };
			assert.equal(execution.executionId, id);
			assert.deepEqual(execution.steps.map((s) => s.stepId), wire.steps.map((s) => s.stepId));
			assert.ok(execution.steps.length > 0);
		}
		h.sim.variant = 'seed';
		const seedSteps = (await h.client().getExecution(id)).steps;
		assert.ok(seedSteps.some((s) => s.metadata !== undefined), 'seed variant steps carry metadata');
	});

	it('pages getEvents by nextSinceSeq until hasMore is false', async () => {
		const id = h.sim.executionIds('completed')[0] ?? '';
		const client = h.client();
		const seqs: number[] = [];
		let sinceSeq: number | undefined;
		for (let pages = 0; pages < 50; pages++) {
			const page = await client.getExecutionEvents({ executionId: id, sinceSeq, pageSize: 2 });
			seqs.push(...page.events.map((e) => e.seq));
			sinceSeq = page.nextSinceSeq;
			if (!page.hasMore) {
				break;
			}
		}
		const all = await client.getExecutionEvents({ executionId: id, pageSize: 500 });
		assert.deepEqual(seqs, all.events.map((e) => e.seq));
		assert.ok(seqs.length > 2, 'more than one page');
		assert.equal(Object.hasOwn(h.sim.requests[0]?.data ?? {}, 'sinceSeq'), false);
	});

	it('pages definitions/list with an integer cursor on the wire and a string cursor in the Page', async () => {
		const client = h.client();
		const ids: string[] = [];
		let cursor: string | undefined;
		for (let pages = 0; pages < 50; pages++) {
			const page = await client.listDefinitions({ pageSize: 2, cursor });
			ids.push(...page.items.map((d) => d.definitionId));
			if (page.done) {
				break;
			}
			assert.equal(typeof page.nextCursor, 'string');
			cursor = page.nextCursor;
		}
		const sent = h.sim.requests.map((r) => r.data?.cursor);
		assert.equal(sent[0], undefined);
		assert.ok(sent.length > 1 && sent.slice(1).every((c) => typeof c === 'number'), JSON.stringify(sent));
		assert.equal(new Set(ids).size, ids.length);
		assert.deepEqual(ids.sort(), (await client.listDefinitions({ pageSize: 500 })).items.map((d) => d.definitionId).sort());
	});

	it('cancels an execution once', async () => {
		const id = h.sim.executionIds('running')[0] ?? '';
		const result = await h.client().cancelExecution(id, 'no longer needed');
		assert.deepEqual(result, { cancelled: true, executionId: id });
		assert.deepEqual(h.sim.requests[0]?.data, { executionId: id, reason: 'no longer needed' });
		assert.equal((await h.client().getExecution(id)).status, 'cancelled');
	});
});
