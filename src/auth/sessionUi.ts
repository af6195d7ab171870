/**
 * What the user sees of the session: the `veltWorkflows.signedIn` context key (drives the welcome view and
 * menus), a note in the view when credentials come from the environment or the base URL is refused, and
 * exactly one prompt per rejection of the credentials — not one per group, retry or poll.
 */
import * as vscode from 'vscode';
import { Commands, ContextKeys } from '../constants';
import type { ViewMessage } from '../app/viewMessage';
import type { Session, SessionState } from './session';

function connectionNote(state: SessionState): string | undefined {
	switch (state.kind) {
		case 'signedIn':
			return state.source === 'environment' ? vscode.l10n.t('Using credentials from the environment.') : undefined;
		case 'rejected':
			return vscode.l10n.t('Velt rejected the credentials; sign in again.');
		case 'insecureUrl':
			return state.message;
		case 'signedOut':
			return undefined;
	}
}

async function promptSignIn(message: string): Promise<void> {
	const signIn = vscode.l10n.t('Sign In');
	const choice = await vscode.window.showWarningMessage(message, signIn);
	if (choice === signIn) {
		await vscode.commands.executeCommand(Commands.signIn);
	}
}

async function promptSettings(message: string): Promise<void> {
	const open = vscode.l10n.t('Open Settings');
	const choice = await vscode.window.showErrorMessage(message, open);
	if (choice === open) {
		await vscode.commands.executeCommand('workbench.action.openSettings', 'veltWorkflows.apiBaseUrl');
	}
}

export function bindSessionUi(session: Session, message: ViewMessage): vscode.Disposable {
	let lastInsecure: string | undefined;
	const apply = (state: SessionState): void => {
		void vscode.commands.executeCommand('setContext', ContextKeys.signedIn, state.kind === 'signedIn');
		message.set('connection', connectionNote(state));
		message.setSignedOut(state.kind === 'signedOut');
		if (state.kind === 'insecureUrl' && state.message !== lastInsecure) {
			void promptSettings(state.message);
		}
		lastInsecure = state.kind === 'insecureUrl' ? state.message : undefined;
	};
	apply(session.state);
	return vscode.Disposable.from(
		session.onDidChange(apply),
		session.onDidRecover(apply),
		session.onDidRejectCredentials((error) =>
			promptSignIn(vscode.l10n.t('Velt rejected the stored credentials for {0} ({1}). Sign in again to keep browsing executions.', session.baseUrl, error.apiStatus ?? error.message)),
		),
	);
}
