/**
 * The host-side effects a panel's toolbar asks for: clipboard, confirmation before cancelling, opening links.
 * They sit at the UI edge (modal prompts, clipboard, opener), apart from the panel's message plumbing.
 */
import * as vscode from 'vscode';
import type { ExecutionView } from '../api/types';
import type { Logger } from '../common/logger';
import { isWebUrl } from './protocol';

/** The API's limit for `executions/cancel` `reason` (velt-api.md §2.9). */
export const MAX_CANCEL_REASON_LENGTH = 500;

export async function copyText(text: string, what: string): Promise<void> {
	await vscode.env.clipboard.writeText(text);
	vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', what), 3000);
}

export function executionJson(execution: ExecutionView): string {
	return JSON.stringify(execution, null, 2);
}

/**
 * A modal confirm, then an optional reason. `undefined` = the user backed out (Escape in either prompt);
 * `{ reason: undefined }` = confirmed without a reason.
 */
export async function confirmCancel(executionId: string): Promise<{ reason: string | undefined } | undefined> {
	const t = vscode.l10n.t;
	const action = t('Cancel Execution');
	const picked = await vscode.window.showWarningMessage(
		t('Cancel execution {0}?', executionId),
		{
			modal: true,
			detail: t('Its running steps are cancelled and no further steps are scheduled. This cannot be undone.'),
		},
		action,
	);
	if (picked !== action) {
		return undefined;
	}
	const reason = await vscode.window.showInputBox({
		title: t('Cancel execution {0}', executionId),
		prompt: t('Reason (optional): recorded on the execution.cancelled event. Press Enter to skip.'),
		ignoreFocusOut: true,
		validateInput: (value) =>
			value.length > MAX_CANCEL_REASON_LENGTH ? t('At most {0} characters.', MAX_CANCEL_REASON_LENGTH) : undefined,
	});
	if (reason === undefined) {
		return undefined;
	}
	const trimmed = reason.trim();
	return { reason: trimmed.length > 0 ? trimmed : undefined };
}

/** Only absolute http(s) URLs leave the editor; anything else a page posts is logged and dropped. */
export async function openWebUrl(url: string, logger: Logger): Promise<void> {
	if (!isWebUrl(url)) {
		logger.debug(`Ignored openExternal for a non-http(s) URL (${url.length} chars)`);
		return;
	}
	await vscode.env.openExternal(vscode.Uri.parse(url, true));
}
