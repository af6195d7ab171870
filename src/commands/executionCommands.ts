/**
 * Handlers for commands about one execution: open (tree click, palette input box), copy id, copy JSON.
 * They accept an execution id or a tree node (context menus pass the node).
 */
import * as vscode from 'vscode';
import { ApiError } from '../api/errors';
import type { ExecutionView } from '../api/types';
import type { VeltApi } from '../api/veltApi';
import { executionLink } from '../app/executionLinks';
import { EXTENSION_ID } from '../constants';
import { executionIdArgument } from '../tree/commandArgs';

export interface ExecutionCommandDeps {
	readonly getApi: () => VeltApi | undefined;
	readonly findExecution: (executionId: string) => ExecutionView | undefined;
	readonly openPanel: (executionId: string) => Promise<void>;
	readonly reveal: (executionId: string) => Promise<unknown>;
}

export async function askExecutionId(): Promise<string | undefined> {
	const value = await vscode.window.showInputBox({
		title: vscode.l10n.t('Velt: Open Execution by ID'),
		prompt: vscode.l10n.t('The executionId, e.g. exec_1777374504255_xzy43k9q'),
		placeHolder: 'exec_…',
		ignoreFocusOut: true,
		validateInput: (text) => (text.trim() === '' ? vscode.l10n.t('Enter an execution id.') : undefined),
	});
	return value?.trim();
}

export async function openExecution(deps: ExecutionCommandDeps, arg: unknown): Promise<void> {
	const executionId = executionIdArgument(arg) ?? (await askExecutionId());
	if (executionId === undefined) {
		return;
	}
	await deps.openPanel(executionId);
	await deps.reveal(executionId);
}

export async function copyExecutionId(arg: unknown): Promise<void> {
	const executionId = executionIdArgument(arg) ?? (await askExecutionId());
	if (executionId !== undefined) {
		await vscode.env.clipboard.writeText(executionId);
		vscode.window.setStatusBarMessage(vscode.l10n.t('Copied execution id {0}', executionId), 3000);
	}
}

/** Copies a link that opens the execution's panel in VS Code (for chat, tickets, notes). */
export async function copyExecutionLink(arg: unknown): Promise<void> {
	const executionId = executionIdArgument(arg) ?? (await askExecutionId());
	if (executionId !== undefined) {
		// In a browser (vscode.dev, code-server) the vscode:// link becomes an https callback link that works there.
		const link = await vscode.env.asExternalUri(vscode.Uri.parse(executionLink(vscode.env.uriScheme, EXTENSION_ID, executionId)));
		await vscode.env.clipboard.writeText(link.toString(true));
		vscode.window.setStatusBarMessage(vscode.l10n.t('Copied a link to execution {0}', executionId), 3000);
	}
}

/** Copies the full execution (with steps, from `executions/get`); falls back to the loaded row offline. */
export async function copyExecutionJson(deps: ExecutionCommandDeps, arg: unknown): Promise<void> {
	const executionId = executionIdArgument(arg) ?? (await askExecutionId());
	if (executionId === undefined) {
		return;
	}
	const api = deps.getApi();
	if (api === undefined) {
		throw new ApiError('auth', vscode.l10n.t('Sign in to load execution {0}.', executionId));
	}
	let view: ExecutionView;
	try {
		view = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Loading execution…') }, () => api.getExecution(executionId));
	} catch (error) {
		const loaded = deps.findExecution(executionId);
		if (loaded === undefined || ApiError.is(error, 'notFound')) {
			throw error;
		}
		view = loaded;
		void vscode.window.showWarningMessage(vscode.l10n.t('Could not load the full execution; copied the row as loaded in the tree (without steps).'));
	}
	await vscode.env.clipboard.writeText(JSON.stringify(view, null, 2));
	vscode.window.setStatusBarMessage(vscode.l10n.t('Copied execution {0} as JSON', executionId), 3000);
}
