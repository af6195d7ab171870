/**
 * Credentials in SecretStorage, end to end in the real VS Code host against the simulator: sign in, a
 * rejected pair, Esc, sign out, one prompt when the token stops working, and no token anywhere it must not be.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SIM_API_KEY, SIM_AUTH_TOKEN } from '../sim/api';
import type { Simulator } from '../sim/api';
import { startSimulator } from '../sim/simulator';
import { stubWindow } from './helpers/stubs';
import type { WindowStubs } from './helpers/stubs';
import { expandGroup, groupRow, rowsOf } from './helpers/tree';
import { textVisible, treeRows, uiBridgeAvailable } from './helpers/ui';
import { waitFor } from './helpers/wait';

const extensionId = 'velt-workflows.velt-workflow-executions';
const WRONG_TOKEN = 'wrong-token-4f1c9a-never-log-me';
const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('veltWorkflows');

async function signedInRows(): Promise<boolean> {
	return groupRow(await treeRows().catch(() => []), 'Pending') !== undefined;
}

/** A settings change makes the session re-read its credentials from SecretStorage. */
async function rereadCredentials(): Promise<void> {
	const current = config().get<number>('requestTimeoutSeconds') ?? 30;
	await config().update('requestTimeoutSeconds', current === 30 ? 29 : 30, vscode.ConfigurationTarget.Global);
}

function listCallsWithCredentials(sim: Simulator): number {
	return sim.requests.filter((r) => r.path.endsWith('executions/list') && r.hadCredentials && r.status === 200).length;
}

/** Every file of the test host (user data, logs, settings, workspace): the token must be in none of them. */
function filesContaining(root: string, needle: string): string[] {
	const hits: string[] = [];
	for (const rel of fs.readdirSync(root, { recursive: true }).map(String)) {
		const file = path.join(root, rel);
		const stat = fs.statSync(file, { throwIfNoEntry: false });
		if (stat?.isFile() && stat.size < 64 * 1024 * 1024 && fs.readFileSync(file).includes(needle)) {
			hits.push(rel);
		}
	}
	return hits;
}

describe('credentials: sign in, sign out, rejection', function () {
	let sim: Simulator;
	let stubs: WindowStubs;

	before(async function (this: Mocha.Context) {
		if (!uiBridgeAvailable()) {
			this.skip();
		}
		await vscode.extensions.getExtension(extensionId)?.activate();
		sim = await startSimulator({ counts: { pending: 3, running: 4, completed: 12, failed: 3, cancelled: 2 } });
		delete process.env.VELT_API_KEY;
		delete process.env.VELT_AUTH_TOKEN;
		await config().update('pageSize', 5, vscode.ConfigurationTarget.Global);
		await config().update('pollIntervalSeconds', 0, vscode.ConfigurationTarget.Global);
		await config().update('apiBaseUrl', sim.url, vscode.ConfigurationTarget.Global);
		await vscode.commands.executeCommand('workbench.view.extension.veltWorkflows');
	});

	beforeEach(() => {
		stubs = stubWindow();
	});

	afterEach(() => stubs.restore());

	after(async () => {
		const s = stubWindow();
		await vscode.commands.executeCommand('veltWorkflows.signOut');
		s.restore();
		for (const key of ['pageSize', 'pollIntervalSeconds', 'apiBaseUrl', 'requestTimeoutSeconds']) {
			await config().update(key, undefined, vscode.ConfigurationTarget.Global);
		}
		await sim?.close();
	});

	it('Esc at the first box changes nothing and sends nothing', async () => {
		sim.clearRequests();
		stubs.answerInputs(undefined);
		await vscode.commands.executeCommand('veltWorkflows.signIn');
		assert.equal(stubs.inputPrompts.length, 1);
		assert.equal(sim.requests.length, 0);
		assert.equal(await textVisible('Sign in with your Velt API key', { timeoutMs: 5000 }), true);
	});

	it('a rejected pair is explained, stores nothing and never shows the token', async () => {
		sim.clearRequests();
		stubs.answerInputs(SIM_API_KEY, WRONG_TOKEN);
		await vscode.commands.executeCommand('veltWorkflows.signIn');
		const error = stubs.messages.find((m) => m.severity === 'error');
		assert.ok(error, 'no error message');
		assert.match(error.text, /PERMISSION_DENIED|not recognise/);
		assert.deepEqual(error.actions, ['Try Again']);
		assert.ok(!stubs.messages.some((m) => m.text.includes(WRONG_TOKEN)));
		assert.equal(sim.requests.length, 1, 'one check call');
		assert.equal(sim.requests[0]?.data?.['pageSize'], 1);
		await rereadCredentials();
		assert.equal(await signedInRows(), false, 'signed in after a rejected pair');
	});

	it('signs in with trimmed values: the check call passes, groups appear, and the pair is read back from storage', async () => {
		sim.clearRequests();
		stubs.answerInputs(`  ${SIM_API_KEY} `, `${SIM_AUTH_TOKEN}\n`);
		await vscode.commands.executeCommand('veltWorkflows.signIn');
		assert.equal(stubs.inputPrompts[1]?.password, true, 'the token box is a password box');
		assert.equal(stubs.inputPrompts[1]?.ignoreFocusOut, true);
		await waitFor(signedInRows, { message: 'status groups after sign-in' });
		await rereadCredentials();
		await expandGroup('Running');
		await waitFor(() => listCallsWithCredentials(sim) >= 2, { message: 'list calls with stored credentials' });
	});

	it('shows one sign-in prompt when the token stops working, and keeps the loaded rows', async () => {
		await expandGroup('Completed');
		await waitFor(async () => (await rowsOf('Completed')).length >= 5, { message: 'Completed rows' });
		const before = (await rowsOf('Completed')).map((r) => r.label).filter((label) => label !== 'Load more…');
		sim.inject({ kind: 'authRevoked' });
		await vscode.commands.executeCommand('veltWorkflows.refresh');
		await vscode.commands.executeCommand('veltWorkflows.retryGroup', 'running');
		await vscode.commands.executeCommand('veltWorkflows.loadMore', 'completed');
		await waitFor(() => stubs.messages.some((m) => m.severity === 'warning'), { message: 'sign-in prompt' });
		await new Promise((resolve) => setTimeout(resolve, 1500));
		const prompts = stubs.messages.filter((m) => m.actions.includes('Sign In'));
		assert.equal(prompts.length, 1, `prompts: ${JSON.stringify(stubs.messages)}`);
		assert.equal(groupRow(await treeRows(), 'Completed') !== undefined, true, 'the tree was replaced');
		const after = (await rowsOf('Completed')).map((r) => r.label);
		assert.deepEqual(after.slice(0, before.length), before, 'loaded rows were lost');
		sim.restoreAuth();
	});

	it('signs out: the welcome view returns and nothing is read back', async () => {
		await vscode.commands.executeCommand('veltWorkflows.signOut');
		await waitFor(async () => !(await signedInRows()), { message: 'groups gone after sign-out' });
		assert.equal(await textVisible('Sign in with your Velt API key', { timeoutMs: 5000 }), true);
		await rereadCredentials();
		assert.equal(await signedInRows(), false);
	});

	it('never writes a token to settings, logs or other host files, nor shows it', function (this: Mocha.Context) {
		const root = process.env.VELT_TEST_HOST_ROOT;
		if (!root) {
			this.skip();
		}
		assert.notDeepEqual(filesContaining(root, `Signed in to ${sim.url}`), [], 'the scan does not reach the extension log');
		for (const token of [SIM_AUTH_TOKEN, WRONG_TOKEN]) {
			assert.deepEqual(filesContaining(root, token), [], `token found in host files`);
		}
		const settings = JSON.stringify(vscode.workspace.getConfiguration('veltWorkflows'));
		assert.ok(!settings.includes(SIM_AUTH_TOKEN));
	});
});
