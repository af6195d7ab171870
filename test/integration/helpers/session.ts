/** Puts the extension on a fresh simulator and signs in through **Velt: Sign In** with stubbed input boxes. */
import * as vscode from 'vscode';
import { SIM_API_KEY, SIM_AUTH_TOKEN } from '../../sim/api';
import type { Simulator, SimulatorOptions } from '../../sim/api';
import { startSimulator } from '../../sim/simulator';
import { groupRow } from './tree';
import { treeRows } from './ui';
import { waitFor } from './wait';

const EXTENSION_ID = 'velt-workflows.velt-workflow-executions';

export const veltConfig = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('veltWorkflows');

export async function signIn(): Promise<void> {
	const window = vscode.window as { showInputBox: typeof vscode.window.showInputBox };
	const original = window.showInputBox;
	const answers = [SIM_API_KEY, SIM_AUTH_TOKEN];
	window.showInputBox = (): Thenable<string | undefined> => Promise.resolve(answers.shift());
	try {
		await vscode.commands.executeCommand('veltWorkflows.signIn');
	} finally {
		window.showInputBox = original;
	}
}

/** Starts a simulator, points the settings at it (plus `settings`), signs in and waits for the groups. */
export async function connectToSimulator(options: SimulatorOptions, settings: Record<string, unknown>): Promise<Simulator> {
	await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
	const sim = await startSimulator(options);
	for (const [key, value] of Object.entries({ ...settings, apiBaseUrl: sim.url })) {
		await veltConfig().update(key, value, vscode.ConfigurationTarget.Global);
	}
	await signIn();
	await vscode.commands.executeCommand('workbench.view.extension.veltWorkflows');
	await waitFor(async () => groupRow(await treeRows().catch(() => []), 'Running'), { timeoutMs: 20000, message: 'signed in to the simulator' });
	return sim;
}

/** Signs out, resets the settings and stops the simulator. */
export async function disconnect(sim: Simulator | undefined, settings: Record<string, unknown>): Promise<void> {
	const window = vscode.window as { showInformationMessage: typeof vscode.window.showInformationMessage };
	const original = window.showInformationMessage;
	window.showInformationMessage = (() => Promise.resolve(undefined)) as typeof vscode.window.showInformationMessage;
	try {
		await vscode.commands.executeCommand('veltWorkflows.signOut');
	} finally {
		window.showInformationMessage = original;
	}
	for (const key of [...Object.keys(settings), 'apiBaseUrl']) {
		await veltConfig().update(key, undefined, vscode.ConfigurationTarget.Global);
	}
	await sim?.close();
}
