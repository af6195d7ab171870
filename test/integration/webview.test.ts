/**
 * The execution panel in the real VS Code host against the simulator: opened from a tree row and by id, reused
 * when reopened, NOT_FOUND shown inside the panel, Cancel with its modal confirm (and without), no credential
 * in any page, and (with VELT_SCREENSHOTS=1) the README screenshots of the tree and a panel.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SIM_API_KEY, SIM_AUTH_TOKEN } from '../sim/api';
import type { RecordedRequest, Simulator } from '../sim/api';
import { startSimulator } from '../sim/simulator';
import { activeExecutionPanelLabel, editorShowsExactly, executionPanelTabs, openPanel, recordWarningOptions } from './helpers/panel';
import { stubWindow } from './helpers/stubs';
import type { WindowStubs } from './helpers/stubs';
import { expandGroup, groupRow, rowsOf } from './helpers/tree';
import { click, screenshot, textVisible, treeRows, uiBridgeAvailable } from './helpers/ui';
import { waitFor } from './helpers/wait';

const extensionId = 'velt-workflows.velt-workflow-executions';
const TREE = 'css=[role="tree"][aria-label="Executions"]';
const UNKNOWN_ID = 'exec_1000000000000_n0tth3re';
const CANCEL = 'Cancel Execution';
/** Toolbar buttons by their stable focus keys: a text target could also match workbench text in the main frame. */
const CANCEL_BUTTON = 'css=button[data-focus-key="cancel"]';
const REFRESH_BUTTON = 'css=button[data-focus-key="refresh"]';
const RAW_JSON = 'css=details.raw > summary';
const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('veltWorkflows');

interface SimStep {
	readonly nodeId: string;
	readonly nodeType: string;
}

function simSteps(sim: Simulator, id: string): SimStep[] {
	return (sim.execution(id) as { steps: SimStep[] }).steps;
}

function calls(sim: Simulator, endpoint: string, id?: string): RecordedRequest[] {
	return sim.requests.filter((r) => r.path.endsWith(endpoint) && (id === undefined || r.data?.['executionId'] === id));
}

const idInRow = (ariaLabel: string): string | undefined => /exec_[A-Za-z0-9_]+/.exec(ariaLabel)?.[0];

async function idsShownIn(group: string): Promise<string[]> {
	return (await rowsOf(group)).flatMap((row) => idInRow(row.ariaLabel) ?? []);
}

async function collapseGroup(label: string): Promise<void> {
	if (groupRow(await treeRows(), label)?.expanded === true) {
		await click(`${TREE} .monaco-list-row[aria-level="1"][aria-label^="${label}"]`);
		await waitFor(async () => groupRow(await treeRows(), label)?.expanded === false, { message: `${label} collapsed` });
	}
}

async function signIn(): Promise<void> {
	const stubs = stubWindow();
	try {
		stubs.answerInputs(SIM_API_KEY, SIM_AUTH_TOKEN);
		await vscode.commands.executeCommand('veltWorkflows.signIn');
	} finally {
		stubs.restore();
	}
}

/** A running execution small enough for header, steps of several types and events to fit one screen. */
function screenshotExecution(sim: Simulator): string {
	const types = (id: string): number => new Set(simSteps(sim, id).map((s) => s.nodeType)).size;
	const small = sim.executionIds('running').filter((id) => simSteps(sim, id).length <= 3);
	return small.reduce((best, id) => (types(id) > types(best) ? id : best));
}

describe('execution webview', function () {
	let sim: Simulator;
	let stubs: WindowStubs;
	let running: string[];

	before(async function (this: Mocha.Context) {
		if (!uiBridgeAvailable()) {
			this.skip();
		}
		await vscode.extensions.getExtension(extensionId)?.activate();
		sim = await startSimulator();
		running = sim.executionIds('running');
		await config().update('pageSize', 10, vscode.ConfigurationTarget.Global);
		await config().update('pollIntervalSeconds', 0, vscode.ConfigurationTarget.Global);
		await config().update('apiBaseUrl', sim.url, vscode.ConfigurationTarget.Global);
		await signIn();
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
		await vscode.commands.executeCommand('workbench.view.extension.veltWorkflows');
		await waitFor(async () => groupRow(await treeRows().catch(() => []), 'Running') !== undefined, {
			timeoutMs: 20000,
			message: 'status groups after sign-in',
		});
	});

	beforeEach(() => {
		stubs = stubWindow();
	});

	afterEach(() => stubs.restore());

	after(async () => {
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
		const s = stubWindow();
		await vscode.commands.executeCommand('veltWorkflows.signOut');
		s.restore();
		for (const key of ['pageSize', 'pollIntervalSeconds', 'apiBaseUrl']) {
			await config().update(key, undefined, vscode.ConfigurationTarget.Global);
		}
		await sim?.close();
	});

	it('screenshots for the README (VELT_SCREENSHOTS=1)', async function (this: Mocha.Context) {
		if (process.env.VELT_SCREENSHOTS !== '1') {
			this.skip();
		}
		await expandGroup('Running');
		await expandGroup('Failed');
		await waitFor(async () => (await rowsOf('Failed')).some((r) => r.label === 'Load more…'), { message: 'Failed rows' });
		await waitFor(async () => (await rowsOf('Running')).some((r) => r.label === 'Load more…'), { message: 'Running rows' });
		await click('css=.editor-group-watermark'); // mouse and focus off the tree: no hover tooltip in the picture
		await screenshot('tree');
		await openPanel(screenshotExecution(sim));
		await click('css=#steps-heading');
		await screenshot('panel');
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
		await collapseGroup('Failed');
	});

	it('opens from a tree row: the panel shows the execution id, its status in words and its steps', async () => {
		await expandGroup('Running');
		const ids = await waitFor(async () => {
			const shown = await idsShownIn('Running');
			return shown.length > 0 ? shown : undefined;
		}, { message: 'Running rows' });
		const id = ids[0] as string;
		const step = simSteps(sim, id)[0];
		assert.ok(step, `${id} has no steps`);
		sim.clearRequests();
		await click(`${TREE} .monaco-list-row[aria-level="2"][aria-label*="${id}"]`);
		await waitFor(() => executionPanelTabs().length === 1, { message: 'one execution panel' });
		assert.equal(await textVisible(`Execution ${id}`, { timeoutMs: 15000 }), true, 'execution id heading');
		assert.equal(await textVisible(step.nodeId, { exact: true }), true, `step ${step.nodeId}`);
		assert.equal(await editorShowsExactly('Running'), true, 'status in words');
		assert.equal(calls(sim, 'executions/get', id).length, 1);
		await waitFor(() => activeExecutionPanelLabel()?.endsWith(`Running · ${id}`), { message: 'panel title with status and id' });
	});

	it('reuses the panel when the same execution is opened again', async () => {
		const [first, second] = running;
		assert.ok(first !== undefined && second !== undefined);
		await expandGroup('Running');
		await openPanel(first);
		const before = executionPanelTabs().length;
		await openPanel(second);
		assert.equal(executionPanelTabs().length, before + 1, 'a second execution gets its own panel');
		sim.clearRequests();
		await vscode.commands.executeCommand('veltWorkflows.openExecution', first);
		await click(`${TREE} .monaco-list-row[aria-level="2"][aria-label*="${first}"]`);
		await waitFor(() => activeExecutionPanelLabel()?.endsWith(first), { message: 'the first panel revealed' });
		assert.equal(executionPanelTabs().length, before + 1, 'reopening made another panel');
		assert.equal(executionPanelTabs().filter((tab) => tab.label.endsWith(first)).length, 1);
		assert.equal(calls(sim, 'executions/get', first).length, 0, 'reopening reloaded the panel');
	});

	it('Open Execution by ID… with an unknown id says NOT_FOUND in the panel, without an error message', async () => {
		sim.clearRequests();
		stubs.answerInputs(`  ${UNKNOWN_ID} `);
		await vscode.commands.executeCommand('veltWorkflows.openExecution');
		assert.equal(stubs.inputPrompts.length, 1);
		assert.equal(await textVisible(`Execution ${UNKNOWN_ID} was not found.`, { timeoutMs: 15000 }), true);
		assert.equal(await textVisible('Retry', { exact: true }), true, 'the error offers Retry');
		assert.equal(activeExecutionPanelLabel(), UNKNOWN_ID);
		assert.deepEqual(calls(sim, 'executions/get').map((r) => [r.data?.['executionId'], r.status]), [[UNKNOWN_ID, 404]]);
		assert.deepEqual(stubs.messages, [], 'messages shown outside the panel');
	});

	it('Cancel: a modal confirm and a reason, one executions/cancel call, then Cancelled in the panel and the tree', async () => {
		const id = running[2] as string;
		for (const group of ['Failed', 'Completed', 'Pending']) {
			await collapseGroup(group);
		}
		await expandGroup('Running');
		await expandGroup('Cancelled');
		await openPanel(id);
		const modal = recordWarningOptions();
		stubs.chooseAction((m) => (m.actions.includes(CANCEL) ? CANCEL : undefined));
		stubs.answerInputs('  stopped by the integration test ');
		sim.clearRequests();
		await click(CANCEL_BUTTON);
		await waitFor(() => calls(sim, 'executions/cancel').length > 0, { message: 'executions/cancel call' });
		assert.equal(await editorShowsExactly('execution.cancelled', 15000), true, 'the cancelled event in the panel');
		assert.equal(await editorShowsExactly('Cancelled'), true, 'status in words');
		assert.equal(await textVisible(CANCEL, { exact: true, timeoutMs: 500 }), false, 'Cancel is offered on a cancelled execution');
		assert.deepEqual(calls(sim, 'executions/cancel').map((r) => r.data), [{ executionId: id, reason: 'stopped by the integration test' }]);
		assert.deepEqual(modal.modal, [true], 'one modal confirm');
		assert.equal(stubs.messages[0]?.text, `Cancel execution ${id}?`);
		await waitFor(async () => (await idsShownIn('Cancelled')).includes(id), { message: 'row in Cancelled' });
		assert.equal((await idsShownIn('Running')).includes(id), false, 'row still in Running');
		await waitFor(() => activeExecutionPanelLabel()?.includes(`Cancelled · ${id}`), { message: 'panel title says Cancelled' });
	});

	it('Cancel dismissed at the confirm: no executions/cancel call, the execution keeps running', async () => {
		const id = running[3] as string;
		await openPanel(id);
		stubs.chooseAction(() => undefined);
		sim.clearRequests();
		await click(CANCEL_BUTTON);
		await waitFor(() => stubs.messages.some((m) => m.text === `Cancel execution ${id}?`), { message: 'the confirm' });
		await click(REFRESH_BUTTON);
		await waitFor(() => calls(sim, 'executions/get', id).length > 0, { message: 'refresh after the dismissed confirm' });
		assert.equal(calls(sim, 'executions/cancel').length, 0);
		assert.equal(stubs.inputPrompts.length, 0, 'asked for a reason after Escape');
		assert.equal(await textVisible(CANCEL, { exact: true }), true, 'Cancel is gone');
		assert.equal((sim.execution(id) as { status: string }).status, 'running');
	});

	it('never shows the API key or the auth token in a panel', async () => {
		await openPanel(running[1] as string);
		await openPanel(running[0] as string);
		assert.ok(executionPanelTabs().length >= 2, 'panels were open');
		await click(RAW_JSON);
		assert.equal(await textVisible('"executionId"'), true, 'the raw JSON did not open');
		assert.equal(await textVisible(SIM_AUTH_TOKEN, { timeoutMs: 1000 }), false, 'the auth token shows');
		assert.equal(await textVisible(SIM_API_KEY, { timeoutMs: 1000 }), false, 'the API key shows');
	});
});
