/**
 * Shows "finished" notifications. One notification per notice (the tracker guarantees one notice per
 * execution); failures use an error toast with a **Show failure** action, other endings an information
 * toast. API text goes into the message as plain text (notifications render no Markdown links from it).
 */
import * as vscode from 'vscode';
import { statusLabel } from '../executions/format';
import type { ExecutionStatus } from '../api/types';
import type { Logger } from '../common/logger';
import type { FinishNotice } from './transitions';

export interface OpenExecutionOptions {
	/** Asked from **Show failure**: the panel may scroll to the failure. */
	readonly showFailure?: boolean;
}

export type OpenExecution = (executionId: string, options?: OpenExecutionOptions) => Thenable<unknown>;

/** The tree's status word, localized the same way. */
function statusInWords(status: ExecutionStatus): string {
	return vscode.l10n.t(statusLabel(status));
}

/** "marketing-copy-approval finished: Failed — reviewer rejected the copy" */
export function finishMessage(notice: FinishNotice): string {
	const { definitionId, status, failureReason } = notice.execution;
	const reason = failureReason?.message.trim() || failureReason?.code.trim() || '';
	const base = vscode.l10n.t('{0} finished: {1}', definitionId, statusInWords(status));
	return reason === '' ? base : `${base} — ${reason}`;
}

export async function showFinishNotice(notice: FinishNotice, open: OpenExecution, logger: Logger): Promise<void> {
	const { executionId, status } = notice.execution;
	const message = finishMessage(notice);
	logger.info(`Execution ${executionId} finished (${status}); notifying (${notice.reason}).`);
	const openLabel = vscode.l10n.t('Open');
	const failureLabel = vscode.l10n.t('Show failure');
	const choice =
		status === 'failed'
			? await vscode.window.showErrorMessage(message, openLabel, failureLabel)
			: await vscode.window.showInformationMessage(message, openLabel);
	if (choice === openLabel) {
		await open(executionId);
	} else if (choice === failureLabel) {
		await open(executionId, { showFailure: true });
	}
}
