import * as assert from 'node:assert/strict';
import { ApiError } from '../../../src/api/errors';
import { expand, NOW, SECOND, setup } from './pollerHarness';
import type { Harness } from './pollerHarness';

describe('LivePoller: group polling', () => {
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
