/**
 * The Executions tree in the real VS Code host against the simulator: group order and counts, lazy loading,
 * Load more… until the end, an error row whose Retry completes the group, refresh keeping loaded pages, and a
 * row moving when its status changes.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Simulator } from '../sim/api';
import { connectToSimulator, disconnect } from './helpers/session';
import { stubWindow } from './helpers/stubs';
import { expandGroup, groupDescription, rowsOf } from './helpers/tree';
import { screenshot, treeRows, uiBridgeAvailable } from './helpers/ui';
import type { TreeRow } from './helpers/ui';
import { waitFor } from './helpers/wait';

const SETTINGS = { pageSize: 5, pollIntervalSeconds: 0 };
const COUNTS = { pending: 2, running: 6, completed: 23, failed: 4, cancelled: 7 };

const idsOf = (rows: readonly TreeRow[]): string[] => rows.flatMap((r) => /exec_[a-z0-9_]+/.exec(r.ariaLabel)?.[0] ?? []);
const listCalls = (sim: Simulator, status: string): number =>
	sim.requests.filter((r) => r.path.endsWith('executions/list') && r.data?.['status'] === status).length;

async function settledRows(label: string, expected: (rows: TreeRow[]) => boolean, message: string): Promise<TreeRow[]> {
	let last: TreeRow[] = [];
	return waitFor(async () => {
		last = await rowsOf(label);
		return expected(last) ? last : undefined;
	}, { message }).catch((error: unknown) => {
		throw new Error(`${String(error)}; rows: ${JSON.stringify(last.map((r) => `${r.label} ${r.description}`))}`);
	});
}

function assertNoDuplicates(rows: readonly TreeRow[]): void {
	const ids = idsOf(rows);
	assert.equal(new Set(ids).size, ids.length, `duplicate rows: ${ids.join(', ')}`);
}

describe('executions tree', function () {
	let sim: Simulator;

	before(async function (this: Mocha.Context) {
		if (!uiBridgeAvailable()) {
			this.skip();
		}
		sim = await connectToSimulator({ seed: 11, counts: COUNTS }, SETTINGS);
	});

	after(async () => disconnect(sim, SETTINGS));

	it('shows the five status groups in order, collapsed, and fetches nothing until one is expanded', async () => {
		const roots = (await treeRows()).filter((r) => r.level === 1);
		assert.deepEqual(roots.map((r) => r.label), ['Pending', 'Running', 'Completed', 'Failed', 'Cancelled']);
		assert.ok(roots.every((r) => r.expanded === false), 'a group starts expanded');
		assert.equal(sim.requests.filter((r) => r.path.endsWith('executions/list') && r.data?.['pageSize'] !== 1).length, 0);
	});

	it('Load more… appends pages until the end, then disappears; the count loses its +', async () => {
		await expandGroup('Cancelled');
		let rows = await settledRows('Cancelled', (r) => r.at(-1)?.label === 'Load more…', 'first page with Load more…');
		assert.equal(idsOf(rows).length, 5);
		assert.equal(await groupDescription('Cancelled'), '5+');
		assert.equal(listCalls(sim, 'failed'), 0, 'a collapsed group was fetched');
		await vscode.commands.executeCommand('veltWorkflows.loadMore', 'cancelled');
		rows = await settledRows('Cancelled', (r) => idsOf(r).length === COUNTS.cancelled, 'all cancelled rows');
		assert.ok(!rows.some((r) => r.label === 'Load more…'), 'Load more… stays at the end');
		assert.equal(await groupDescription('Cancelled'), String(COUNTS.cancelled));
		assertNoDuplicates(rows);
		assert.deepEqual(idsOf(rows), sim.executionIds('cancelled'), 'rows are not in the API order');
	});

	it('an error mid-paging shows in the group, keeps loaded rows, and Retry completes the group', async () => {
		const stubs = stubWindow();
		try {
			await expandGroup('Completed');
			await settledRows('Completed', (r) => r.at(-1)?.label === 'Load more…', 'first page');
			await vscode.commands.executeCommand('veltWorkflows.loadMore', 'completed');
			const loaded = idsOf(await settledRows('Completed', (r) => idsOf(r).length >= 9, 'two pages'));
			sim.inject({ kind: 'http', status: 503, path: 'executions/list', match: { status: 'completed' }, times: 4 });
			await vscode.commands.executeCommand('veltWorkflows.loadMore', 'completed');
			const failed = await settledRows('Completed', (r) => r.some((row) => row.label.startsWith('Could not load completed executions')), 'error row');
			assert.deepEqual(idsOf(failed), loaded, 'loaded rows changed after an error');
			assert.deepEqual(stubs.messages, [], 'a modal or notification was shown for a group error');
			await vscode.commands.executeCommand('veltWorkflows.retryGroup', 'completed');
			for (let i = 0; i < 3; i++) {
				await vscode.commands.executeCommand('veltWorkflows.loadMore', 'completed');
			}
			const all = await settledRows('Completed', (r) => idsOf(r).length === COUNTS.completed, 'all completed rows');
			assertNoDuplicates(all);
			assert.deepEqual(idsOf(all), sim.executionIds('completed'));
		} finally {
			stubs.restore();
		}
	});

	it('refresh merges a new execution at the top and keeps the later pages', async () => {
		const before = idsOf(await rowsOf('Completed'));
		const added = sim.addExecution({ status: 'completed' });
		await vscode.commands.executeCommand('veltWorkflows.refresh');
		const rows = await settledRows('Completed', (r) => idsOf(r)[0] === added, 'new row on top');
		assert.deepEqual(idsOf(rows).slice(1), before, 'refresh dropped or reordered loaded rows');
		assertNoDuplicates(rows);
	});

	it('a row whose status changed moves to its new group', async () => {
		await expandGroup('Running');
		const running = idsOf(await settledRows('Running', (r) => idsOf(r).length > 0, 'running rows'));
		const moved = running[0]!;
		sim.updateExecution(moved, { status: 'completed', completedAt: Date.now() });
		await vscode.commands.executeCommand('veltWorkflows.refresh');
		await settledRows('Completed', (r) => idsOf(r).includes(moved), 'row in Completed');
		const after = await settledRows('Running', (r) => !idsOf(r).includes(moved), 'row gone from Running');
		assert.ok(idsOf(after).length > 0);
		const all = await treeRows();
		assert.equal(idsOf(all).filter((id) => id === moved).length, 1, 'the execution shows twice in the tree');
		if (process.env.VELT_SCREENSHOTS === '1') {
			await screenshot('tree-moved');
		}
	});
});
