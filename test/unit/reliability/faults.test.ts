/**
 * Each fault of the table, injected mid-way through paging a group of several pages, through the real
 * session, client, model and tree children against the simulator. For each: the group (not a prompt) says
 * what went wrong, the loaded rows stay, nothing is shown twice, the automatic retry (transient faults) or
 * Retry (faults that outlast it) completes the group, and the log names the fault without the token.
 */
import * as assert from 'node:assert/strict';
import { SIM_API_KEY, SIM_AUTH_TOKEN } from '../../sim/api';
import { App, assertUnique, pageToEnd } from './app';
import { ATTEMPTS, FAULT_CASES, STATUS } from './faultTable';
import type { FaultCase } from './faultTable';
import { SimHost } from './simHost';

const COUNTS = { pending: 3, running: 4, completed: 47, failed: 5, cancelled: 2 };

describe('reliability: every fault mid-paging (session → client → model → tree)', function () {
	this.timeout(30_000);
	const host = new SimHost({ counts: COUNTS });
	const apps: App[] = [];

	before(() => host.start());
	after(() => host.close());
	beforeEach(async () => {
		await host.heal();
		host.sim.clearFaults();
		host.sim.restoreAuth();
	});
	afterEach(() => apps.splice(0).forEach((app) => app.dispose()));

	/** A signed-in app with two pages of the group loaded. */
	async function twoPagesLoaded(c: FaultCase): Promise<{ app: App; before: string[]; mark: number }> {
		const app = await new App({ baseUrl: host.url, requestTimeoutMs: c.timeoutMs, onSleep: () => host.onBackoff() }).start();
		apps.push(app);
		await app.model.ensureLoaded(STATUS);
		await app.model.loadMore(STATUS);
		const before = app.ids(STATUS);
		assert.ok(before.length >= 15 && app.model.group(STATUS).hasMore, 'two pages loaded, more to come');
		return { app, before, mark: app.logger.lines.length };
	}

	function logSince(app: App, mark: number): string {
		return app.logger.lines.slice(mark).map((line) => `${line.level} ${line.text}`).join('\n');
	}

	function attemptsSince(app: App, mark: number): number {
		return app.logger.lines.slice(mark).filter((line) => /executions\/list .*\(attempt \d+\)/.test(line.text)).length;
	}

	async function assertCompletes(app: App, before: readonly string[]): Promise<void> {
		assert.equal(app.model.group(STATUS).error, undefined);
		assert.deepEqual(app.ids(STATUS).slice(0, before.length), before, 'loaded rows kept in place');
		assert.ok(app.ids(STATUS).length > before.length, 'the next page arrived');
		await pageToEnd(app, STATUS);
		assertUnique(app.allIds());
		assert.deepEqual([...app.ids(STATUS)].sort(), host.sim.executionIds(STATUS).sort(), 'the whole group, each row once');
		assert.deepEqual(app.shown(STATUS).ids, app.ids(STATUS), 'the tree shows exactly the rows');
		assert.equal(app.shown(STATUS).trailing, undefined, 'nothing after the last row');
	}

	function assertNoSecrets(app: App): void {
		for (const secret of [SIM_AUTH_TOKEN, SIM_API_KEY]) {
			assert.ok(!app.logger.all.includes(secret), 'a credential reached the log');
		}
	}

	for (const c of FAULT_CASES) {
		if (c.retried) {
			it(`${c.name}: once → retried automatically, the page arrives, the log names it`, async () => {
				const { app, before, mark } = await twoPagesLoaded(c);
				await c.inject(host, 1);
				await app.model.loadMore(STATUS);
				assert.equal(attemptsSince(app, mark), 2, 'one failed attempt and one retry');
				assert.equal(app.sleeps.length, 1);
				assert.ok(c.firstDelay?.(app.sleeps[0] ?? -1) ?? (app.sleeps[0] ?? -1) <= 8000, `delay ${app.sleeps[0]}`);
				assert.match(logSince(app, mark), c.logs ?? c.says, 'the log names the fault');
				assert.deepEqual([app.failures.length, app.prompts.length], [0, 0], 'nothing failed, nobody was prompted');
				await assertCompletes(app, before);
				assertNoSecrets(app);
			});
		}

		it(`${c.name}: ${c.retried ? 'outlasting the retries' : 'not retried'} → error row in the group, rows kept, Retry completes`, async () => {
			const { app, before, mark } = await twoPagesLoaded(c);
			const times = c.retried ? ATTEMPTS : 1;
			await c.inject(host, times);
			await app.model.loadMore(STATUS);
			const group = app.model.group(STATUS);
			assert.equal(group.error?.kind, c.kind, group.error?.message);
			assert.match(group.error.message, c.says);
			assert.equal(attemptsSince(app, mark), times, 'bounded attempts');
			assert.equal(app.sleeps.length, times - 1, 'a backoff between attempts, none after the last');
			assert.ok(app.sleeps.every((ms) => ms <= 60_000), `waits capped: ${app.sleeps.join(', ')}`);
			const shown = app.shown(STATUS);
			assert.deepEqual(shown.ids, before, 'every loaded row still shown, in order, once');
			assert.ok(shown.trailing?.kind === 'message', 'an error row ends the group');
			assert.equal(shown.trailing.action, 'retry');
			assert.match(shown.trailing.text, /^Could not load completed executions: /);
			assert.match(shown.trailing.text, c.says);
			assert.deepEqual(app.failures.map((f) => [f.status, f.error.kind]), [[STATUS, c.kind]], 'one failure reported');
			assert.equal(app.prompts.length, 0, 'no prompt');
			assert.match(logSince(app, mark), c.says, 'the log names the fault');
			await host.heal();
			await app.model.retry(STATUS);
			await assertCompletes(app, before);
			assertNoSecrets(app);
		});
	}
});
