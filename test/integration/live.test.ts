import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Simulator } from '../sim/api';
import { connectToSimulator, disconnect } from './helpers/session';
import { click, notifications, screenshot, treeRows, uiBridgeAvailable } from './helpers/ui';
import type { TreeRow } from './helpers/ui';
import { waitFor } from './helpers/wait';

const extensionId = 'velt-workflows.velt-workflow-executions';
const section = 'veltWorkflows';
const showView = 'workbench.view.extension.veltWorkflows';
/** The enforced minimum; a poll is then at most this far away when the extension offers no test hook. */
const POLL_SECONDS = 5;
const SETTINGS: Record<string, unknown> = { pageSize: 5, pollIntervalSeconds: POLL_SECONDS, notifyOnFinish: 'watched' };

/** Optional test hook: `activate()` may return `{ pollNow(): Promise<void> }` in test mode. */
function pollHook(): (() => Promise<void>) | undefined {
	const exports: unknown = vscode.extensions.getExtension(extensionId)?.exports;
	const pollNow = typeof exports === 'object' && exports !== null ? (exports as { pollNow?: unknown }).pollNow : undefined;
	return typeof pollNow === 'function' ? () => (pollNow as () => Promise<void>)() : undefined;
}

/** Runs a poll round now when the hook exists; otherwise the real timer polls within POLL_SECONDS. */
async function poll(): Promise<void> {
	await pollHook()?.();
}

const waitLong = { timeoutMs: (POLL_SECONDS * 2 + 5) * 1000, intervalMs: 250 };

function groupRow(rows: readonly TreeRow[], label: string): TreeRow | undefined {
	return rows.find((row) => row.level === 1 && row.label === label);
}

async function groupDescription(label: string): Promise<string | undefined> {
	return groupRow(await treeRows(), label)?.description;
}

async function expandGroup(label: string): Promise<void> {
	if (groupRow(await treeRows(), label)?.expanded !== true) {
		await click(`css=[role="tree"][aria-label="Executions"] .monaco-list-row[aria-level="1"][aria-label^="${label}"]`);
	}
	await waitFor(async () => groupRow(await treeRows(), label)?.expanded === true, { message: `${label} expanded` });
}

function listCalls(sim: Simulator, status?: string): number {
	return sim.requests.filter((r) => r.path.endsWith('executions/list') && (status === undefined || r.data?.status === status)).length;
}

/**
 * Records `showErrorMessage` calls and still shows them. The notification center cannot prove "exactly one":
 * VS Code merges identical notifications, and the center's list can briefly render an entry twice.
 */
function countFinishNotifications(): { readonly messages: string[]; restore(): void } {
	const window = vscode.window as { showErrorMessage: typeof vscode.window.showErrorMessage };
	const original = window.showErrorMessage;
	const messages: string[] = [];
	window.showErrorMessage = ((message: string, ...rest: never[]) => {
		messages.push(message);
		return original(message, ...rest);
	}) as typeof vscode.window.showErrorMessage;
	return { messages, restore: () => void (window.showErrorMessage = original) };
}

describe('live updates', function () {
	let sim: Simulator;
	const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration(section);

	before(async function (this: Mocha.Context) {
		if (!uiBridgeAvailable()) {
			this.skip();
		}
		// Signs in through Velt: Sign In, so the suite does not depend on what earlier suites left behind.
		sim = await connectToSimulator({ counts: { pending: 2, running: 4, completed: 45, failed: 4, cancelled: 2 } }, SETTINGS);
	});

	after(async () => disconnect(sim, SETTINGS));

	it('moves an execution that finished to Completed after a poll, keeping the loaded pages', async () => {
		await expandGroup('Completed');
		await waitFor(async () => (await groupDescription('Completed')) === '5+', { message: 'Completed page 1' });
		await click('css=[role="tree"][aria-label="Executions"] .monaco-list-row[aria-label^="Load more completed"]');
		// Pages may overlap by a boundary row (the current API's cursor), so page 2 adds up to 5.
		const loaded = await waitFor(async () => {
			const count = parseInt((await groupDescription('Completed')) ?? '', 10);
			return count > 5 ? count : undefined;
		}, { message: 'Completed page 2' });
		await expandGroup('Running');
		await waitFor(async () => (await groupDescription('Running')) === '4', { message: 'Running loaded' });
		const finished = sim.executionIds('running')[0]!;
		sim.clearRequests();
		sim.updateExecution(finished, { status: 'completed', completedAt: Date.now() });
		await poll();
		await waitFor(async () => (await groupDescription('Running')) === '3' && (await groupDescription('Completed')) === `${loaded + 1}+`, {
			...waitLong,
			message: 'the row moved from Running to Completed',
		});
		await screenshot('live-moved-to-completed');
		assert.equal(listCalls(sim, 'completed'), 0, 'Completed was not reloaded (its later pages stay)');
		assert.ok(listCalls(sim, 'running') >= 1);
		assert.deepEqual(sim.requests.filter((r) => r.path.endsWith('executions/get')).map((r) => r.data?.executionId), [finished]);
	});

	it('shows exactly one notification when a watched execution finishes', async () => {
		await expandGroup('Running');
		await vscode.commands.executeCommand('notifications.clearAll');
		const shown = countFinishNotifications();
		try {
			const watched = sim.executionIds('running')[0]!;
			await vscode.commands.executeCommand('veltWorkflows.watchExecution', watched);
			await waitFor(async () => (await treeRows()).some((r) => r.ariaLabel.includes(watched) && r.description.startsWith('watching · ')), { message: 'the row says it is watched' });
			sim.updateExecution(watched, { status: 'failed', completedAt: Date.now(), failureReason: { code: 'REVIEW_REJECTED', message: 'Reviewer rejected the copy' } });
			await poll();
			const message = 'finished: Failed — Reviewer rejected the copy';
			await waitFor(async () => (await notifications()).some((m) => m.includes(message)), { ...waitLong, message: 'a finish notification' });
			await poll();
			await new Promise((resolve) => setTimeout(resolve, pollHook() ? 500 : (POLL_SECONDS + 1) * 1000));
			// The count comes from the API calls: the notification center's DOM can briefly list an entry twice.
			assert.equal(shown.messages.filter((m) => m.includes(message)).length, 1, JSON.stringify(shown.messages));
		} finally {
			shown.restore();
		}
	});

	it('stops list calls while the view is hidden and catches up when it is shown again', async () => {
		await expandGroup('Running');
		await vscode.commands.executeCommand('workbench.view.explorer');
		await new Promise((resolve) => setTimeout(resolve, 500));
		sim.clearRequests();
		await poll();
		await new Promise((resolve) => setTimeout(resolve, pollHook() ? 500 : (POLL_SECONDS * 1.5) * 1000));
		assert.equal(listCalls(sim), 0, 'no list call while hidden');
		await vscode.commands.executeCommand(showView);
		await poll();
		await waitFor(() => listCalls(sim, 'running') > 0, { ...waitLong, message: 'a catch-up poll after showing the view' });
	});

	it('shows the optional status bar item, whose click brings the Executions view back', async () => {
		const item = 'css=[id$="veltWorkflows.status"]';
		await config().update('showStatusBar', true, vscode.ConfigurationTarget.Global);
		try {
			await vscode.commands.executeCommand('workbench.view.explorer');
			await waitFor(async () => (await treeRows().catch(() => undefined)) === undefined, { message: 'the view is hidden' });
			await click(item, { timeoutMs: 10000 });
			await waitFor(async () => groupRow(await treeRows().catch(() => []), 'Running'), { message: 'the view is shown again' });
			await screenshot('live-status-bar');
		} finally {
			await config().update('showStatusBar', undefined, vscode.ConfigurationTarget.Global);
		}
	});
});
