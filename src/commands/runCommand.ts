/**
 * The one error funnel for commands: every handler runs through here, so a failure is logged once, a
 * cancellation is silent, and the user gets one message with a useful action instead of an unhandled
 * rejection in the developer console.
 */
import * as vscode from 'vscode';
import { ApiError, isCancellation } from '../api/errors';
import type { Logger } from '../common/logger';
import { Commands, type CommandId } from '../constants';

export function errorMessage(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** Logs the failure and shows one message with Sign In (auth failures) and Show Logs. */
export async function showError(error: unknown, logger: Logger, context: string): Promise<void> {
	if (isCancellation(error)) {
		return;
	}
	const text = `${context}: ${errorMessage(error)}`;
	logger.error(text);
	const signIn = vscode.l10n.t('Sign In');
	const logs = vscode.l10n.t('Show Logs');
	const actions = ApiError.is(error) && error.isAuthFailure ? [signIn, logs] : [logs];
	const choice = await vscode.window.showErrorMessage(text, ...actions);
	if (choice === signIn) {
		await vscode.commands.executeCommand(Commands.signIn);
	} else if (choice === logs) {
		await vscode.commands.executeCommand(Commands.showLogs);
	}
}

/** Registers `handler` under `id`; `what` names the action in an error message ("Could not copy the JSON"). */
export function runCommand<A extends unknown[]>(id: CommandId, what: string, logger: Logger, handler: (...args: A) => unknown): vscode.Disposable {
	return vscode.commands.registerCommand(id, async (...args: A) => {
		try {
			return await handler(...args);
		} catch (error) {
			await showError(error, logger, what);
			return undefined;
		}
	});
}
