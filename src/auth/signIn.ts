/**
 * The Sign In flow: API key, then auth token (password box), both trimmed and required, checked with one
 * cheap list call before anything is stored. Esc at any step changes nothing. Rejections say why and offer
 * to try again; the token never appears in a message or the log.
 */
import * as vscode from 'vscode';
import { ApiError } from '../api/errors';
import { checkBaseUrl } from '../api/baseUrl';
import type { Credentials } from '../api/types';
import type { Logger } from '../common/logger';
import type { CredentialStore } from './credentialStore';
import type { ClientFactory } from './session';

export interface SignInDeps {
	readonly store: CredentialStore;
	readonly createClient: ClientFactory;
	readonly baseUrl: () => string;
	readonly timeoutMs: () => number;
	readonly logger: Logger;
	/** Called after the credentials were stored. */
	readonly onSignedIn: () => Promise<void>;
}

const required = (value: string): string | undefined => (value.trim() === '' ? vscode.l10n.t('A value is required.') : undefined);

async function askCredentials(baseUrl: string): Promise<Credentials | undefined> {
	const apiKey = await vscode.window.showInputBox({
		title: vscode.l10n.t('Velt: Sign In (1/2)'),
		prompt: vscode.l10n.t('API key of your Velt workspace, for {0}', baseUrl),
		placeHolder: vscode.l10n.t('Velt API key'),
		ignoreFocusOut: true,
		validateInput: required,
	});
	if (apiKey === undefined) {
		return undefined;
	}
	const authToken = await vscode.window.showInputBox({
		title: vscode.l10n.t('Velt: Sign In (2/2)'),
		prompt: vscode.l10n.t('Auth token (kept in VS Code secret storage, never in settings)'),
		placeHolder: vscode.l10n.t('Velt auth token'),
		password: true,
		ignoreFocusOut: true,
		validateInput: required,
	});
	if (authToken === undefined) {
		return undefined;
	}
	return { apiKey: apiKey.trim(), authToken: authToken.trim() };
}

/** Why a check failed, in words a user can act on. */
export function describeRejection(error: unknown): string {
	if (!ApiError.is(error)) {
		return vscode.l10n.t('Unexpected error while checking the credentials.');
	}
	switch (error.kind) {
		case 'auth':
			return vscode.l10n.t('The auth token is missing or was not accepted.');
		case 'permission':
			return vscode.l10n.t('Velt does not recognise this API key and auth token pair (PERMISSION_DENIED).');
		default:
			// Network and timeout messages already say "Could not reach the Velt API…" / "…did not answer…".
			return error.message;
	}
}

export async function signIn(deps: SignInDeps): Promise<boolean> {
	const baseUrl = deps.baseUrl();
	const checked = checkBaseUrl(baseUrl);
	if (!checked.ok) {
		void vscode.window.showErrorMessage(checked.message);
		return false;
	}
	for (;;) {
		const credentials = await askCredentials(baseUrl);
		if (!credentials) {
			return false;
		}
		const client = deps.createClient({ baseUrl, timeoutMs: deps.timeoutMs(), credentials: () => credentials });
		const error = await vscode.window.withProgress(
			{ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking Velt credentials…'), cancellable: true },
			async (_progress, token) => {
				const abort = new AbortController();
				const sub = token.onCancellationRequested(() => abort.abort());
				try {
					await client.listExecutions({ pageSize: 1 }, abort.signal);
					return undefined;
				} catch (e) {
					return e;
				} finally {
					sub.dispose();
				}
			},
		);
		if (error === undefined) {
			await deps.store.set(baseUrl, credentials);
			deps.store.ignoreEnvironment(false);
			deps.logger.info(`Signed in to ${baseUrl}.`);
			await deps.onSignedIn();
			return true;
		}
		if (ApiError.is(error, 'cancelled')) {
			return false;
		}
		deps.logger.warn(`Sign-in check failed: ${ApiError.is(error) ? error.kind : 'error'}`);
		const retry = vscode.l10n.t('Try Again');
		const choice = await vscode.window.showErrorMessage(vscode.l10n.t('Sign in failed: {0}', describeRejection(error)), retry);
		if (choice !== retry) {
			return false;
		}
	}
}
