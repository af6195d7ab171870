import * as assert from 'node:assert/strict';
import { dataSet, expand, NOW, SECOND, setup } from './pollerHarness';
import type { Harness } from './pollerHarness';
import { executions } from './fakes';

describe('LivePoller: finished executions, watches and panels', () => {
	let h: Harness;
	afterEach(() => h.dispose());

	it('moves a finished execution to Completed after a poll, keeping Completed pages, and notifies a watch once', async () => {
		h = setup();
		await expand(h, 'running', 'completed');
		await h.model.loadMore('completed');
		assert.equal(h.model.group('completed').items.length, 100);
		await h.watchList.add('running_00001');
		h.poller.setViewVisible(true);
		h.api.patch('running_00001', { status: 'failed', failureReason: { code: 'STEP_FAILED', message: 'reviewer rejected' } });
		h.api.patch('running_00002', { status: 'completed', completedAt: NOW });
		await h.clock.advance(15 * SECOND);
		assert.deepEqual(h.model.group('running').items.map((e) => e.executionId), ['running_00000']);
		assert.equal(h.model.findExecution('running_00002')?.status, 'completed');
		assert.equal(h.model.group('completed').items[0]?.executionId, 'running_00002');
		assert.equal(h.model.group('completed').items.length, 101, 'loaded later pages kept');
		assert.equal(h.model.findExecution('running_00001')?.status, undefined, 'Failed was never expanded: nothing to place into');
		assert.deepEqual(h.notices.map((n) => [n.execution.executionId, n.reason, n.execution.failureReason?.message]), [['running_00001', 'watched', 'reviewer rejected']]);
		assert.equal(h.watchList.has('running_00001'), false, 'a finished watch is dropped');
		await h.clock.advance(60 * SECOND);
		assert.equal(h.notices.length, 1, 'exactly one notification');
		assert.deepEqual([...new Set(h.api.getCalls)].sort(), ['running_00001', 'running_00002']);
		assert.equal(h.api.getCalls.length, 2, 'each vanished row fetched once');
	});


	it('notifies per policy: failedOnly announces polled failures, all announces every finish, off nothing', async () => {
		for (const [setting, expected] of [
			['failedOnly', ['running_00000']],
			['all', ['running_00000', 'running_00001']],
			['off', []],
		] as const) {
			h = setup();
			h.settings = { ...h.settings, notifyOnFinish: setting };
			await expand(h, 'running');
			h.poller.setViewVisible(true);
			h.api.patch('running_00000', { status: 'failed' });
			h.api.patch('running_00001', { status: 'cancelled' });
			await h.clock.advance(15 * SECOND);
			assert.deepEqual(h.notices.map((n) => n.execution.executionId).sort(), [...expected], setting);
			h.dispose();
		}
		h = setup();
	});

	it('polls watched executions the tree does not show individually, a bounded number per round, fairly', async () => {
		const hidden = executions(7, 'running', NOW - 9000 * SECOND).map((e, i) => ({ ...e, executionId: `hidden_${i}` }));
		h = setup([...dataSet(), ...hidden], 3);
		for (const e of hidden) {
			await h.watchList.add(e.executionId);
		}
		await h.clock.advance(15 * SECOND);
		assert.equal(h.api.getCalls.length, 3, 'bounded, even with the view hidden');
		await h.clock.advance(30 * SECOND);
		assert.equal(new Set(h.api.getCalls).size, 7, 'least recently fetched first: everyone gets a turn');
		h.api.patch('hidden_4', { status: 'completed' });
		await h.clock.advance(45 * SECOND);
		assert.deepEqual(h.notices.map((n) => n.execution.executionId), ['hidden_4']);
		assert.equal(h.watchList.has('hidden_4'), false);
		assert.equal(h.api.listCalls.length, 0, 'no list call for watches');
	});

	it('does not fetch a watched execution a polled group already shows', async () => {
		h = setup();
		await expand(h, 'running');
		await h.watchList.add('running_00000');
		h.poller.setViewVisible(true);
		await h.clock.advance(45 * SECOND);
		assert.deepEqual(h.api.getCalls, []);
		h.poller.setViewVisible(false);
		await h.clock.advance(15 * SECOND);
		assert.deepEqual(h.api.getCalls, ['running_00000'], 'hidden view: the watch is polled on its own');
	});

	it('refreshes visible panels of unfinished executions until they finish', async () => {
		h = setup();
		h.panels.visible = ['running_00000', 'completed_00000'];
		await h.clock.advance(30 * SECOND);
		assert.deepEqual(h.api.getCalls, ['running_00000', 'completed_00000', 'running_00000'], 'a finished one is fetched once to learn its status');
		h.api.patch('running_00000', { status: 'completed' });
		await h.clock.advance(45 * SECOND);
		assert.deepEqual(h.api.getCalls.slice(3), ['running_00000']);
		assert.deepEqual(h.panels.updates.slice(-1), ['running_00000:completed']);
		h.panels.visible = [];
		await h.clock.advance(30 * SECOND);
		assert.equal(h.api.getCalls.length, 4);
	});
});
