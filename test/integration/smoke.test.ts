import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { screenshot, textVisible, uiBridgeAvailable } from './helpers/ui';

const extensionId = 'velt-workflows.velt-workflow-executions';

/** Commands the product spec fixes; losing one from package.json or from registration must fail here. */
const coreCommands = [
	'veltWorkflows.signIn',
	'veltWorkflows.signOut',
	'veltWorkflows.refresh',
	'veltWorkflows.filter',
	'veltWorkflows.clearFilter',
	'veltWorkflows.openExecution',
	'veltWorkflows.loadMore',
	'veltWorkflows.showLogs',
];

interface Manifest {
	readonly contributes?: { readonly commands?: readonly { readonly command: string }[] };
}

describe('smoke: activation and contributions', () => {
	let extension: vscode.Extension<unknown>;

	before(async () => {
		const found = vscode.extensions.getExtension(extensionId);
		assert.ok(found, `extension ${extensionId} is not loaded`);
		await found.activate();
		extension = found;
	});

	it('activates', () => {
		assert.equal(extension.isActive, true);
	});

	it('registers every command contributed in package.json', async () => {
		const contributed = ((extension.packageJSON as Manifest).contributes?.commands ?? []).map((c) => c.command);
		assert.ok(contributed.length > 0, 'package.json contributes no commands');
		const registered = new Set(await vscode.commands.getCommands(true));
		assert.deepEqual(contributed.filter((id) => !registered.has(id)), []);
	});

	it('contributes and registers the core commands', async () => {
		const contributed = new Set(((extension.packageJSON as Manifest).contributes?.commands ?? []).map((c) => c.command));
		const registered = new Set(await vscode.commands.getCommands(true));
		assert.deepEqual(coreCommands.filter((id) => !contributed.has(id) || !registered.has(id)), []);
	});

	it('opens the Velt view container', async function (this: Mocha.Context) {
		await vscode.commands.executeCommand('workbench.view.extension.veltWorkflows');
		if (!uiBridgeAvailable()) {
			this.skip();
		}
		assert.equal(await textVisible('Executions', { timeoutMs: 15000 }), true);
	});

	it('shows the Sign In welcome when no credentials are stored', async function (this: Mocha.Context) {
		if (!uiBridgeAvailable()) {
			this.skip();
		}
		await vscode.commands.executeCommand('workbench.view.extension.veltWorkflows');
		assert.equal(await textVisible('Sign in with your Velt API key', { timeoutMs: 15000 }), true);
		assert.equal(await textVisible('Sign In', { exact: true }), true);
		await screenshot('welcome-signed-out');
	});
});
