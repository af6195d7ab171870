import * as vscode from 'vscode';
import type { Logger } from '../common/logger';
import type { CredentialStore } from './credentialStore';
import type { Session } from './session';

/** Deletes both secrets for the configured base URL; environment credentials stay unused until sign-in. */
export async function signOut(store: CredentialStore, session: Session, logger: Logger): Promise<void> {
	const baseUrl = session.baseUrl;
	const fromEnvironment = session.state.kind !== 'signedOut' && 'source' in session.state && session.state.source === 'environment';
	await store.clear(baseUrl);
	store.ignoreEnvironment(true);
	await session.reload();
	logger.info(`Signed out of ${baseUrl}.`);
	const note = fromEnvironment ? vscode.l10n.t(' Credentials from VELT_API_KEY / VELT_AUTH_TOKEN are ignored in this window until you sign in.') : '';
	void vscode.window.showInformationMessage(vscode.l10n.t('Signed out of {0}.', baseUrl) + note);
}
