import * as assert from 'node:assert/strict';
import { ApiError } from '../../../src/api/errors';
import type { ExecutionView } from '../../../src/api/types';
import { ExecutionsModel } from '../../../src/executions/executionsModel';
import { LivePoller } from '../../../src/live/livePoller';
import type { LiveSettings } from '../../../src/live/livePoller';
import type { FinishNotice } from '../../../src/live/transitions';
import { WatchList } from '../../../src/live/watchList';
import { FakeClock } from './fakeClock';
import { executions, FakePanels, InMemoryMemento, LiveFakeApi } from './fakes';

const SECOND = 1000;
const NOW = 1_700_000_000_000;

interface Harness {
	readonly clock: FakeClock;
	readonly api: LiveFakeApi;
	readonly model: ExecutionsModel;
	readonly watchList: WatchList;
	readonly panels: FakePanels;
	readonly poller: LivePoller;
	readonly notices: FinishNotice[];
	settings: LiveSettings;
	dispose(): void;
}

function dataSet(): ExecutionView[] {
	return [...executions(3, 'running', NOW - 60 * SECOND), ...executions(2, 'pending', NOW - 30 * SECOND), ...executions(120, 'completed', NOW - 3600 * SECOND), ...executions(4, 'failed', NOW - 7200 * SECOND)];
}

function setup(data: ExecutionView[] = dataSet(), maxIndividualPerRound = 5): Harness {
	const clock = new FakeClock(NOW);
	const api = new LiveFakeApi(data);
	const model = new ExecutionsModel({ getApi: () => api, getPageSize: () => 50 });
	const watchList = new WatchList(new InMemoryMemento(), () => 'sim');
	const panels = new FakePanels();
	const notices: FinishNotice[] = [];
	const harness: Harness = {
		clock,
		api,
		model,
		watchList,
		panels,
		notices,
		settings: { pollIntervalMs: 15 * SECOND, notifyOnFinish: 'watched' },
		poller: undefined as unknown as LivePoller,
		dispose: () => {
			harness.poller.dispose();
			model.dispose();
			watchList.dispose();
		},
	};
	const poller = new LivePoller({ model, panels, getApi: () => api, watchList, settings: () => harness.settings, notify: (n) => notices.push(n), clock, maxIndividualPerRound });
	Object.assign(harness, { poller });
	return harness;
}

/** Expands groups the way the tree does: the expand event, then the first page. */
async function expand(h: Harness, ...statuses: ('pending' | 'running' | 'completed' | 'failed')[]): Promise<void> {
	for (const status of statuses) {
		h.poller.setGroupExpanded(status, true);
		await h.model.ensureLoaded(status);
	}
}

describe('LivePoller', () => {
	let h: Harness;
	afterEach(() => h.dispose());

	it('polls each expanded unfinished group once per interval while visible, and nothing else', async () => {
		h = setup();
		await expand(h, 'running', 'pending', 'completed');
		h.api.listCalls.length = 0;
		h.poller.setViewVisible(true);
		await h.clock.advance(60 * SECOND);
		assert.equal(h.api.listCallsFor('running'), 4);
		assert.equal(h.api.listCallsFor('pending'), 4);
		assert.equal(h.api.listCallsFor('completed'), 0, 'a finished group with only finished rows is not polled');
		assert.deepEqual(h.api.getCalls, []);
		assert.deepEqual(h.poller.polledStatuses(), ['pending', 'running']);
	});

	it('makes no call while the view is hidden, the window unfocused, a group collapsed, or polling is off', async () => {
		h = setup();
		await expand(h, 'running', 'pending');
		h.api.listCalls.length = 0;
		await h.clock.advance(60 * SECOND);
		assert.equal(h.api.listCalls.length, 0, 'hidden');
		h.poller.setWindowFocused(false);
		h.poller.setViewVisible(true);
		await h.clock.advance(60 * SECOND);
		assert.equal(h.api.listCalls.length, 0, 'unfocused');
		h.poller.setWindowFocused(true);
		await h.clock.advance(0);
		h.api.listCalls.length = 0;
		h.poller.setGroupExpanded('pending', false);
		h.settings = { ...h.settings, pollIntervalMs: 0 };
		h.poller.applySettings();
		await h.clock.advance(60 * SECOND);
		assert.equal(h.api.listCalls.length, 0, 'off');
		h.settings = { ...h.settings, pollIntervalMs: 15 * SECOND };
		h.poller.applySettings();
		await h.clock.advance(30 * SECOND);
		assert.equal(h.api.listCallsFor('pending'), 0, 'collapsed');
		assert.ok(h.api.listCallsFor('running') >= 2);
	});

	it('catches up with exactly one round when the window regains focus', async () => {
		h = setup();
		await expand(h, 'running');
		h.poller.setViewVisible(true);
		await h.clock.advance(15 * SECOND);
		h.poller.setWindowFocused(false);
		h.api.listCalls.length = 0;
		await h.clock.advance(10 * 60 * SECOND);
		h.poller.setWindowFocused(true);
		await h.clock.advance(1 * SECOND);
		assert.equal(h.api.listCallsFor('running'), 1);
	});

	it('does not poll a group that just received data', async () => {
		h = setup();
		h.poller.setViewVisible(true);
		await h.clock.advance(10 * SECOND);
		h.api.listCalls.length = 0;
		await expand(h, 'running');
		await h.clock.advance(5 * SECOND);
		assert.equal(h.api.listCallsFor('running'), 1, 'only the load itself, no poll 5 s later');
		await h.clock.advance(15 * SECOND);
		assert.equal(h.api.listCallsFor('running'), 2);
	});

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

	it('backs off a failing group and honours Retry-After, while other groups keep their rhythm', async () => {
		h = setup();
		await expand(h, 'running', 'pending');
		h.poller.setViewVisible(true);
		h.api.listCalls.length = 0;
		h.api.failNextList(new ApiError('rateLimited', 'HTTP 429', { httpStatus: 429, retryAfterMs: 100 * SECOND }));
		await h.clock.advance(120 * SECOND);
		// Round 1 (15 s): pending is asked first and gets the 429; its next try is the first round ≥ 115 s.
		assert.equal(h.api.listCallsFor('pending'), 2);
		assert.equal(h.api.listCallsFor('running'), 8);
		assert.equal(h.model.group('pending').error, undefined, 'recovered');
	});

	it('reports when shown groups last received data', async () => {
		h = setup();
		assert.equal(h.poller.lastUpdatedAt, undefined);
		await expand(h, 'running');
		assert.equal(h.poller.lastUpdatedAt, NOW);
		h.poller.setViewVisible(true);
		await h.clock.advance(15 * SECOND);
		assert.equal(h.poller.lastUpdatedAt, NOW + 15 * SECOND);
	});

	it('pollNow runs one round at once, and none while paused', async () => {
		h = setup();
		await expand(h, 'running');
		h.api.listCalls.length = 0;
		await h.poller.pollNow();
		assert.equal(h.api.listCalls.length, 0, 'view hidden');
		h.poller.setViewVisible(true);
		await h.clock.advance(0);
		await h.clock.advance(8 * SECOND);
		await h.poller.pollNow();
		assert.equal(h.api.listCallsFor('running'), 1);
	});
});
