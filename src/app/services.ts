/**
 * Small factories the composition root uses, kept out of `extension.ts` so it stays a readable wiring list.
 */
import * as vscode from 'vscode';
import { VeltClient } from '../api/client';
import type { ExecutionView } from '../api/types';
import type { Logger } from '../common/logger';
import type { ClientFactory, Session } from '../auth/session';
import type { ExecutionsModel } from '../executions/executionsModel';
import type { ExecutionPanels } from '../webview/executionPanels';
import { parseExecutionLink } from './executionLinks';

export function clientFactory(logger: Logger): ClientFactory {
	return (options) => new VeltClient({ ...options, logger });
}

/** After a cancel from a panel: fetch the execution once more so the tree moves it to Cancelled. */
export function refreshOneExecution(session: Session, model: ExecutionsModel, logger: Logger): (executionId: string) => void {
	return (executionId) => {
		const api = session.api;
		if (api === undefined) {
			return;
		}
		api.getExecution(executionId).then(
			(view: ExecutionView) => model.upsertExecution(view),
			(error: unknown) => logger.warn(`Could not refresh execution ${executionId} after cancelling: ${String(error)}`),
		);
	};
}

/**
 * Resets the tree for a new connection (a rejection keeps what is loaded: the prompt asks to sign in), and
 * reloads open panels once signed in, e.g. panels VS Code restored before the credentials were read.
 */
export function resetOnNewConnection(session: Session, model: ExecutionsModel, panels: ExecutionPanels): vscode.Disposable {
	const subscription = session.onDidChange((state) => {
		if (state.kind !== 'rejected') {
			model.reset();
		}
		if (state.kind === 'signedIn') {
			for (const id of panels.openExecutionIds()) {
				void panels.refresh(id);
			}
		}
	});
	return new vscode.Disposable(() => subscription.dispose());
}

/** Opens the execution a `vscode://…/open?executionId=…` link names (see `executionLinks.ts`). */
export function registerExecutionLinkHandler(panels: ExecutionPanels, logger: Logger): vscode.Disposable {
	return vscode.window.registerUriHandler({
		handleUri: (uri) => {
			const executionId = parseExecutionLink(uri.path, uri.query);
			if (executionId === undefined) {
				logger.warn(`Ignored a link that names no valid execution: ${uri.path}`);
				void vscode.window.showWarningMessage(vscode.l10n.t('This link does not name a Velt execution.'));
				return;
			}
			logger.info(`Opening execution ${executionId} from a link.`);
			void panels.open(executionId);
		},
	});
}
