import * as assert from 'node:assert/strict';
import type { Simulator } from '../../sim/api';
import { startSimulator } from '../../sim/simulator';
import { ids, pageAll, result } from './helpers';
import type { Json } from './helpers';

const NOW = 1_790_000_000_000;
const DAY = 86_400_000;

describe('simulator: generated data', () => {
	let sim: Simulator;
	let views: Json[];
	before(async () => {
		sim = await startSimulator({ seed: 42, now: NOW });
		views = sim.executionIds().map((id) => sim.execution(id) as Json);
	});
	after(() => sim.close());

	it('has the default counts per status and well-formed ids', () => {
		const counts: Record<string, number> = {};
		for (const v of views) {
			counts[v.status as string] = (counts[v.status as string] ?? 0) + 1;
			assert.match(v.executionId as string, /^exec_\d{13}_[a-z0-9]{8}$/);
		}
		assert.deepEqual(counts, { pending: 7, running: 23, completed: 263, failed: 61, cancelled: 19 });
		assert.equal(new Set(views.map((v) => v.executionId)).size, views.length);
	});

	it('keeps timestamps and failureReason consistent with the status', () => {
		for (const v of views) {
			const started = v.startedAt as number;
			assert.ok(started <= NOW && started > NOW - 31 * DAY);
			const terminalAt = v.status === 'cancelled' ? v.cancelledAt : v.completedAt;
			if (v.status === 'pending' || v.status === 'running') {
				assert.deepEqual([v.completedAt, v.cancelledAt], [null, null]);
			} else {
				assert.ok(typeof terminalAt === 'number' && terminalAt >= started, JSON.stringify(v));
			}
			assert.equal(v.failureReason !== null, v.status === 'failed');
		}
	});

	it('builds steps of every node type and status, parallel groups, __to__ ids and step errors', () => {
		const steps = views.flatMap((v) => v.steps as Json[]);
		const statuses = new Set(steps.map((s) => s.status));
		for (const status of ['pending', 'running', 'waiting', 'completed', 'failed', 'cancelled', 'breached']) {
			assert.ok(statuses.has(status), status);
		}
		assert.ok(steps.some((s) => s.groupId !== null));
		assert.ok(steps.some((s) => String(s.stepId).includes('__to__')));
		assert.ok(steps.some((s) => String(s.stepId).startsWith('group_')));
		assert.ok(steps.filter((s) => s.status === 'failed').every((s) => typeof (s.error as Json).code === 'string'));
		const human = steps.find((s) => s.nodeType === 'human' && s.status === 'completed');
		assert.ok(['approve', 'reject'].includes((human?.output as Json).decision as string));
		const agent = steps.find((s) => s.nodeType === 'agent' && s.status === 'completed');
		assert.ok(Array.isArray(((agent?.output as Json).agentResultsSummary as Json).findings));
		const hook = steps.find((s) => s.nodeType === 'webhook' && s.status === 'completed');
		assert.equal(typeof (hook?.output as Json).httpStatus, 'number');
	});

	it('ends the event log of every terminal execution with the matching execution event', async () => {
		for (const v of views.filter((x) => x.status !== 'pending' && x.status !== 'running').slice(0, 60)) {
			const page = await result(sim, 'executions/getEvents', { executionId: v.executionId, pageSize: 500 });
			const events = page.events as Json[];
			assert.equal(events[0]?.type, 'execution.dispatched');
			assert.equal(events.at(-1)?.type, `execution.${String(v.status)}`);
		}
	});

	it('exclusive cursor mode loses rows tied with the page boundary', async () => {
		const lossy = await startSimulator({ seed: 42, now: NOW, cursorMode: 'exclusive' });
		try {
			const seen = new Set((await pageAll(lossy, { status: 'completed' }, 50)).flatMap(ids));
			const expected = lossy.executionIds('completed');
			assert.ok(seen.size < expected.length);
			assert.ok(!seen.has(expected[50] ?? ''));
		} finally {
			await lossy.close();
		}
	});
});
