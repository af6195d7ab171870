/**
 * Paging faults that are not errors: the API repeats rows across a page boundary, or executions change status
 * while a group is being paged. Nothing may show twice (in its group or in the whole tree), and every
 * execution ends up in the group of its most recently fetched status. Both contract variants.
 */
import * as assert from 'node:assert/strict';
import type { ContractVariant } from '../../sim/api';
import { App, assertUnique, pageToEnd } from './app';
import { SimHost } from './simHost';

const COUNTS = { pending: 3, running: 26, completed: 31, failed: 4, cancelled: 2 };

describe('reliability: paging faults that are not errors', function () {
	this.timeout(20_000);
	const apps: App[] = [];
	let host: SimHost;

	beforeEach(async () => {
		// Fresh data per test: the status-change tests move executions around.
		host = new SimHost({ counts: COUNTS });
		await host.start();
	});
	afterEach(async () => {
		apps.splice(0).forEach((app) => app.dispose());
		await host.close();
	});

	async function app(variant: ContractVariant): Promise<App> {
		host.sim.variant = variant;
		const created = await new App({ baseUrl: host.url }).start();
		apps.push(created);
		return created;
	}

	for (const variant of ['current', 'seed'] as ContractVariant[]) {
		it(`duplicates across every page boundary show once (${variant} variant)`, async () => {
			const ui = await app(variant);
			host.sim.inject({ kind: 'duplicateAcrossBoundary', count: 4, path: 'executions/list', times: Infinity });
			await pageToEnd(ui, 'completed');
			assert.equal(ui.model.group('completed').error, undefined);
			assertUnique(ui.shown('completed').ids);
			assert.deepEqual([...ui.ids('completed')].sort(), host.sim.executionIds('completed').sort());
		});

		it(`executions that finish while Running is paged end up once, in Completed (${variant} variant)`, async () => {
			const ui = await app(variant);
			const running = host.sim.executionIds('running');
			await ui.model.ensureLoaded('running');
			const loaded = running[3]!;
			const notYet = running[17]!;
			for (const id of [loaded, notYet]) {
				host.sim.updateExecution(id, { status: 'completed', completedAt: Date.now() });
			}
			await pageToEnd(ui, 'running');
			assertUnique(ui.allIds(), 'rows in the whole tree');
			assert.ok(!ui.ids('running').includes(notYet), 'an execution that left Running before its page is not shown there');
			await pageToEnd(ui, 'completed');
			assertUnique(ui.allIds(), 'rows in the whole tree');
			assert.deepEqual(
				[loaded, notYet].map((id) => [ui.ids('running').includes(id), ui.ids('completed').includes(id)]),
				[[false, true], [false, true]],
				'both moved to Completed',
			);
			assert.equal(ui.model.group('running').error, undefined);
			assertUnique(ui.shown('running').ids);
			// Current variant: the cursor is a time, so nothing still running is skipped. The seed variant's offset
			// cursor skips a row that slid into a vacated place (a limit of that contract; see RELIABILITY.md)...
			const missing = (): string[] => host.sim.executionIds('running').filter((id) => !ui.ids('running').includes(id));
			assert.ok(missing().length <= (variant === 'current' ? 0 : 2), `still running but not shown: ${missing().join(', ')}`);
			// ...and the next refresh (a poll, the Refresh button) brings it back.
			await ui.model.refresh('running');
			assert.deepEqual(missing(), [], 'nothing lost after a refresh');
			assertUnique(ui.allIds(), 'rows in the whole tree');
		});
	}

	// Found by this suite: the merge took the repeated page 2 for page 1 and dropped every page-1 row as "left
	// the group" for good. Now such a page is refused as a gap (rows kept, Reload from top offered).
	it('a refresh answered with a repeat of the last page (a cache ignoring the body) keeps every row', async () => {
		const ui = await app('current');
		await ui.model.ensureLoaded('completed');
		await ui.model.loadMore('completed');
		const before = ui.ids('completed');
		host.sim.inject({ kind: 'repeatPage', path: 'executions/list' });
		await ui.model.refresh('completed');
		assert.deepEqual(ui.ids('completed'), before, 'rows dropped by a repeated page');
		assert.equal(ui.model.group('completed').gap, true, 'no Reload from top offered');
		await pageToEnd(ui, 'completed');
		assert.deepEqual([...ui.ids('completed')].sort(), host.sim.executionIds('completed').sort());
	});

	it('an execution that changes status between two pages of the same group moves to its new group once', async () => {
		const ui = await app('current');
		await ui.model.ensureLoaded('completed');
		await ui.model.ensureLoaded('running');
		const moving = host.sim.executionIds('running')[12]!;
		// It finishes after Running's first page and before Completed's second: it shows up in Completed's page 1
		// on the next refresh, and in Completed's later pages never (its startedAt is recent).
		host.sim.updateExecution(moving, { status: 'completed', completedAt: Date.now() });
		await ui.model.refresh('completed');
		await pageToEnd(ui, 'running');
		await pageToEnd(ui, 'completed');
		assertUnique(ui.allIds(), 'rows in the whole tree');
		assert.ok(ui.ids('completed').includes(moving));
		assert.ok(!ui.ids('running').includes(moving));
	});
});
