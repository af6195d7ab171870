/**
 * Faults that involve the connection rather than one response: the token revoked mid-paging (one prompt,
 * tree kept), the base URL switched while requests are in flight (old answers never shown), and base URLs
 * that must never receive a request (plain http to a host that is not loopback).
 */
import * as assert from 'node:assert/strict';
import { VeltClient } from '../../../src/api/client';
import { ApiError } from '../../../src/api/errors';
import type { ExecutionStatus } from '../../../src/api/types';
import { SIM_API_KEY, SIM_AUTH_TOKEN } from '../../sim/api';
import { App, assertUnique, pageToEnd } from './app';
import { SimHost } from './simHost';

const COUNTS = { pending: 3, running: 14, completed: 33, failed: 12, cancelled: 2 };

describe('reliability: connection faults', function () {
	this.timeout(20_000);
	const a = new SimHost({ counts: COUNTS, seed: 5 });
	const b = new SimHost({ counts: COUNTS, seed: 9 });
	const apps: App[] = [];

	before(async () => {
		await a.start();
		await b.start();
	});
	after(async () => {
		await a.close();
		await b.close();
	});
	beforeEach(() => {
		for (const host of [a, b]) {
			host.sim.clearFaults();
			host.sim.clearRequests();
			host.sim.restoreAuth();
		}
	});
	afterEach(() => apps.splice(0).forEach((app) => app.dispose()));

	async function app(baseUrl: string): Promise<App> {
		const created = await new App({ baseUrl }).start();
		apps.push(created);
		return created;
	}

	it('token revoked mid-paging: one sign-in prompt for every failing group, rows kept, Retry completes once it works', async () => {
		const ui = await app(a.url);
		await ui.model.ensureLoaded('running');
		await ui.model.ensureLoaded('completed');
		await ui.model.loadMore('completed');
		await ui.model.ensureLoaded('failed');
		const before = new Map((['running', 'completed', 'failed'] as ExecutionStatus[]).map((s) => [s, ui.ids(s)]));
		a.sim.inject({ kind: 'authRevoked' });
		await Promise.all([ui.model.loadMore('completed'), ui.model.refresh(), ui.model.retry('running'), ui.model.loadMore('failed')]);
		await ui.model.refresh();
		assert.equal(ui.prompts.length, 1, 'exactly one prompt');
		assert.equal(ui.prompts[0]?.apiStatus, 'PERMISSION_DENIED');
		assert.equal(ui.session.state.kind, 'rejected');
		for (const [status, ids] of before) {
			assert.deepEqual(ui.shown(status).ids, ids, `${status}: rows kept`);
		}
		const completed = ui.shown('completed').trailing;
		assert.ok(completed?.kind === 'message' && completed.action === 'signIn', 'a Sign In row in the group');
		assert.match(completed.text, /Sign in again/);
		assert.match(ui.logger.all, /rejected the credentials .*PERMISSION_DENIED/);
		assert.ok(!ui.logger.all.includes(SIM_AUTH_TOKEN));
		a.sim.restoreAuth();
		await ui.model.retry('completed');
		await pageToEnd(ui, 'completed');
		assert.deepEqual([...ui.ids('completed')].sort(), a.sim.executionIds('completed').sort());
		assertUnique(ui.allIds());
		assert.equal(ui.prompts.length, 1, 'still one prompt');
		assert.equal(ui.session.state.kind, 'signedIn', 'working credentials are no longer reported as rejected');
	});

	it('a call that started before the rejection and succeeds after it does not clear the rejection', async () => {
		const ui = await app(a.url);
		await ui.model.ensureLoaded('completed');
		a.sim.inject({ kind: 'latency', ms: 300, path: 'executions/list', match: { status: 'failed' } });
		const slow = ui.model.ensureLoaded('failed');
		await new Promise((resolve) => setTimeout(resolve, 50));
		a.sim.inject({ kind: 'authRevoked' });
		await ui.model.loadMore('completed');
		assert.equal(ui.session.state.kind, 'rejected');
		await slow;
		assert.ok(ui.ids('failed').length > 0, 'the slow call succeeded');
		assert.equal(ui.session.state.kind, 'rejected', 'an older success proves nothing about the revoked token');
		a.sim.restoreAuth();
		await ui.model.retry('completed');
		assert.equal(ui.session.state.kind, 'signedIn');
		a.sim.inject({ kind: 'authRevoked' });
		await ui.model.loadMore('completed');
		assert.equal(ui.prompts.length, 2, 'a new rejection after recovering prompts again');
	});

	it('base URL switched while a page is in flight: the old answer is discarded, never shown', async () => {
		const ui = await app(a.url);
		await ui.model.ensureLoaded('completed');
		const fromA = new Set(a.sim.executionIds());
		assert.ok(!b.sim.executionIds().some((id) => fromA.has(id)), 'the two data sets are disjoint');
		const shownAfterSwitch: string[] = [];
		let switched = false;
		ui.model.onDidChangeGroup(() => switched && shownAfterSwitch.push(...ui.allIds()));
		a.sim.inject({ kind: 'latency', ms: 300, path: 'executions/list' });
		const inFlight = [ui.model.loadMore('completed'), ui.model.ensureLoaded('failed')];
		await new Promise((resolve) => setTimeout(resolve, 50));
		ui.settings.apiBaseUrl = b.url;
		switched = true;
		await ui.session.reload();
		await ui.model.ensureLoaded('completed');
		await Promise.all(inFlight);
		await new Promise((resolve) => setTimeout(resolve, 400));
		assert.deepEqual(shownAfterSwitch.filter((id) => fromA.has(id)), [], 'a row of the old base URL was shown');
		assert.deepEqual(ui.ids('completed'), b.sim.executionIds('completed').slice(0, 10));
		assert.deepEqual(ui.ids('failed'), [], 'the old request for failed did not fill the new tree');
		assert.deepEqual([ui.failures.length, ui.prompts.length], [0, 0], 'discarded answers are neither errors nor prompts');
	});

	for (const host of ['0.0.0.0', '[::ffff:127.0.0.1]', 'localhost.', '127.0.0.1.example']) {
		it(`plain http to ${host} (not a loopback name) never receives a request`, async () => {
			const url = `http://${host}:${a.sim.port}`;
			const ui = new App({ baseUrl: url });
			apps.push(ui);
			await ui.session.reload();
			assert.equal(ui.session.state.kind, 'insecureUrl');
			await ui.model.ensureLoaded('running');
			assert.equal(ui.model.group('running').error?.kind, 'auth', 'no API: the welcome view, not a request');
			const client = new VeltClient({ baseUrl: url, credentials: () => ({ apiKey: SIM_API_KEY, authToken: SIM_AUTH_TOKEN }), timeoutMs: 2000 });
			await assert.rejects(client.listExecutions({}), (e: unknown) => ApiError.is(e, 'insecureUrl'));
			assert.deepEqual(a.sim.requests, [], 'the server behind that name got a request');
		});
	}
});
